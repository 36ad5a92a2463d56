// The server side of one DCE/RPC connection-oriented association, without
// any transport: feed it each incoming fragment, send what it returns.
//
//   ServerAssociation assoc(options, dispatch);
//   ServerOutput out = assoc.HandleFragment(fragment);   // one whole PDU
//   write out.fragments; if (out.close) close the connection.
//
// It answers bind and alter_context (several presentation contexts per PDU,
// NDR 2.0 only, NDR64 and bind-time feature negotiation rejected cleanly),
// runs one NTLM security context per auth_context_id (NEGOTIATE in bind or
// alter_context, CHALLENGE in the reply, AUTHENTICATE in auth3), reassembles
// and unprotects requests, dispatches them, and fragments and protects the
// reply at the request's auth level.
//
// Failures behave as a Windows server does towards impacket: a failed auth3
// gets no answer (auth3 has none), and the next request on that security
// context gets a fault rpc_s_access_denied (5) and the connection closes. A
// request whose signature does not verify gets a fault and the connection
// closes. A malformed PDU closes the connection.
//
// Not thread-safe: one connection, one thread.

#ifndef CIMULATE_RPC_SERVER_ASSOCIATION_H_
#define CIMULATE_RPC_SERVER_ASSOCIATION_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "auth/ntlm/accounts.h"
#include "auth/ntlm/server.h"
#include "dcerpc/pdu.h"
#include "dcerpc/presentation.h"
#include "dcerpc/reassembler.h"
#include "dcerpc/security_context.h"

namespace cimulate::rpc {

// What the dispatch callback learns about one request.
struct CallContext {
  dcerpc::SyntaxId abstract_syntax;  // of the presentation context
  uint16_t context_id = 0;
  uint16_t opnum = 0;
  std::optional<dcerpc::Guid> object;  // the object UUID (DCOM: the IPID)
  uint32_t call_id = 0;
  std::span<const uint8_t> stub;       // plaintext
  // The NTLM identity of the request's security context; nullopt when the
  // request is unauthenticated.
  std::optional<ntlm::AuthenticatedIdentity> identity;
  dcerpc::AuthLevel auth_level = dcerpc::AuthLevel::kNone;
  uint32_t auth_context_id = 0;
};

struct CallReply {
  std::vector<uint8_t> stub;      // the response stub, when no fault
  std::optional<uint32_t> fault;  // set: answer with a fault PDU carrying this status
  bool close_after = false;       // close the connection once the reply is sent
  bool no_reply = false;          // send nothing (the fake's "swallow the call")

  static CallReply Stub(std::vector<uint8_t> stub) { return CallReply{std::move(stub), {}, false, false}; }
  static CallReply Fault(uint32_t status) { return CallReply{{}, status, false, false}; }
};

using DispatchFunction = std::function<CallReply(const CallContext&)>;

// After every bind / alter_context has been answered.
struct BindEvent {
  dcerpc::PduType type = dcerpc::PduType::kBind;  // kBind or kAlterContext
  std::vector<dcerpc::ContextElement> offered;
  std::vector<dcerpc::ContextResult> results;
  std::optional<uint32_t> auth_context_id;  // set when the PDU started NTLM
};

// After every auth3 has been processed.
struct AuthEvent {
  uint32_t auth_context_id = 0;
  dcerpc::AuthLevel level = dcerpc::AuthLevel::kNone;
  bool ok = false;
  std::optional<ntlm::AuthenticatedIdentity> identity;  // when ok
  std::string error;                                    // when not ok (never a secret)
};

struct ServerHooks {
  std::function<void(const BindEvent&)> on_bind;
  std::function<void(const AuthEvent&)> on_auth;
};

struct ServerOptions {
  // nullopt: NTLM is not offered (a bind with NTLM auth gets bind_nak
  // authentication_type_not_recognized).
  std::optional<ntlm::AccountTable> accounts;
  ntlm::ServerConfig ntlm;
  // Requests without a security context are accepted only when true;
  // otherwise they get fault rpc_s_access_denied.
  bool allow_unauthenticated = false;
  // Which interfaces this endpoint serves; empty: every interface.
  dcerpc::AbstractSyntaxFilter interface_filter;
  uint32_t assoc_group_id = 0x00001234;
  std::string secondary_address = "135";
  uint16_t max_xmit_frag = 4280;  // upper bound; the client's max_recv_frag may lower it
  uint16_t max_recv_frag = 4280;
  size_t max_request_stub = 16u << 20;
  ServerHooks hooks;
};

struct ServerOutput {
  std::vector<std::vector<uint8_t>> fragments;
  bool close = false;
  std::string close_reason;  // for logs and tests, when close
};

class ServerAssociation {
 public:
  ServerAssociation(ServerOptions options, DispatchFunction dispatch);
  ~ServerAssociation();
  ServerAssociation(const ServerAssociation&) = delete;
  ServerAssociation& operator=(const ServerAssociation&) = delete;

  // `fragment` is one whole PDU as read from the wire; it is decrypted in
  // place when sealed.
  ServerOutput HandleFragment(std::span<uint8_t> fragment);

  // The fragment size the transport should accept.
  uint16_t max_recv_frag() const { return options_.max_recv_frag; }
  bool bound() const { return !contexts_.empty(); }
  size_t security_context_count() const { return security_.size(); }

 private:
  struct SecurityEntry;

  ServerOutput HandleBind(std::span<uint8_t> fragment, const dcerpc::Pdu& pdu);
  ServerOutput HandleAuth3(const dcerpc::Pdu& pdu);
  ServerOutput HandleRequestFragment(std::span<uint8_t> fragment);
  ServerOutput Dispatch(const dcerpc::CompletedCall& call);
  ServerOutput BindNak(uint32_t call_id, dcerpc::BindNakReason reason, bool close);
  ServerOutput FaultReply(uint32_t call_id, uint16_t context_id, uint32_t status, bool close,
                          std::string reason);
  bool StartSecurity(const dcerpc::AuthVerifier& auth, std::vector<uint8_t>* challenge,
                     std::string* error);
  SecurityEntry* FindSecurity(uint32_t auth_context_id);

  ServerOptions options_;
  DispatchFunction dispatch_;
  std::map<uint16_t, dcerpc::SyntaxId> contexts_;  // accepted presentation contexts
  std::map<uint32_t, std::unique_ptr<SecurityEntry>> security_;
  std::optional<uint32_t> last_auth_context_id_;
  dcerpc::Reassembler reassembler_;
  uint16_t max_xmit_frag_;
  bool bound_once_ = false;
};

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_SERVER_ASSOCIATION_H_
