// The client side of one DCE/RPC connection-oriented association over TCP.
//
//   ClientAssociation rpc(options);              // options.auth: NTLM or none
//   Status s = rpc.Connect("127.0.0.1", port, DeadlineIn(5s));
//   std::vector<uint16_t> ids;
//   s = rpc.Bind({iface_a, iface_b}, deadline, &ids);   // one bind, several contexts
//   s = rpc.Call(ids[0], opnum, ipid, stub, deadline, &response_stub);
//
// With NTLM the bind carries NEGOTIATE, the bind_ack CHALLENGE and an auth3
// AUTHENTICATE; AlterContext adds an interface later and reuses that security
// context. Requests are fragmented to the negotiated max_xmit_frag and each
// fragment is protected at the chosen level; response signatures are verified
// (a bad one is kSecurity and the connection is closed).
//
// Threading: one thread drives Connect/Bind/AlterContext/Call; Cancel() may be
// called from any other thread and makes the blocked operation return
// kCancelled promptly (the connection is then closed). Connect itself is
// bounded by its deadline only; a Cancel() during it takes effect as soon as
// the socket exists.

#ifndef CIMULATE_RPC_CLIENT_ASSOCIATION_H_
#define CIMULATE_RPC_CLIENT_ASSOCIATION_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "auth/ntlm/client.h"
#include "dcerpc/guid.h"
#include "dcerpc/pdu_types.h"
#include "dcerpc/reassembler.h"
#include "rpc/deadline.h"
#include "rpc/pdu_socket.h"
#include "rpc/status.h"

namespace cimulate::rpc {

struct ClientAuth {
  ntlm::ClientConfig ntlm;  // credentials (empty user and password: anonymous)
  dcerpc::AuthLevel level = dcerpc::AuthLevel::kPktIntegrity;
  uint32_t auth_context_id = 79231;  // what impacket uses for its first context
};

struct ClientOptions {
  std::optional<ClientAuth> auth;  // nullopt: no authentication at all
  uint16_t max_xmit_frag = 4280;
  uint16_t max_recv_frag = 4280;
  uint32_t assoc_group_id = 0;
  size_t max_response_stub = 64u << 20;
};

class ClientAssociation {
 public:
  explicit ClientAssociation(ClientOptions options);
  ~ClientAssociation();
  ClientAssociation(const ClientAssociation&) = delete;
  ClientAssociation& operator=(const ClientAssociation&) = delete;

  Status Connect(const std::string& host, uint16_t port, Deadline deadline);
  // Uses an already connected socket (takes ownership of fd).
  void Adopt(int fd);

  // One bind PDU with one presentation context per interface (NDR 2.0).
  // context_ids receives the ids in interface order. Fails with
  // kBindRejected on bind_nak (detail = reason) or when any context is
  // rejected (detail = provider reason); kAccessDenied when NTLM fails.
  Status Bind(const std::vector<dcerpc::SyntaxId>& interfaces, Deadline deadline,
              std::vector<uint16_t>* context_ids);
  // Adds one interface on the bound association, same security context.
  // A rejected interface is kBindRejected and the association stays usable.
  Status AlterContext(const dcerpc::SyntaxId& interface, Deadline deadline, uint16_t* context_id);

  // One request/response exchange. A fault PDU is kFault with its status in
  // detail() (kAccessDenied for rpc_s_access_denied, detail 5).
  Status Call(uint16_t context_id, uint16_t opnum, const std::optional<dcerpc::Guid>& object,
              std::span<const uint8_t> stub, Deadline deadline, std::vector<uint8_t>* response);

  // Thread-safe; see the class comment.
  void Cancel();
  void Close();

  bool connected() const { return socket_ != nullptr; }
  bool bound() const { return bound_; }
  uint16_t max_xmit_frag() const { return max_xmit_frag_; }
  uint32_t assoc_group_id() const { return assoc_group_id_; }
  const std::string& secondary_address() const { return secondary_address_; }

 private:
  Status SendBind(dcerpc::PduType type, const std::vector<dcerpc::SyntaxId>& interfaces,
                  uint16_t first_context_id, bool with_auth, Deadline deadline,
                  std::vector<uint8_t>* reply);
  Status HandleBindReply(dcerpc::PduType expected, const std::vector<uint8_t>& reply,
                         size_t count, bool with_auth, Deadline deadline);
  Status SendAuth3(const std::vector<uint8_t>& challenge, Deadline deadline);
  Status ReadResponse(uint32_t call_id, Deadline deadline, std::vector<uint8_t>* response);
  Status Fail(Status status);
  uint32_t NextCallId() { return next_call_id_++; }

  ClientOptions options_;
  std::mutex socket_mutex_;  // guards socket_ against Cancel() from another thread
  std::unique_ptr<PduSocket> socket_;
  std::atomic<bool> cancelled_{false};
  std::unique_ptr<ntlm::Client> ntlm_;
  std::unique_ptr<dcerpc::SecurityContext> security_;
  bool bound_ = false;
  uint16_t next_context_id_ = 0;
  uint32_t next_call_id_ = 1;
  uint16_t max_xmit_frag_ = dcerpc::kMustReceiveFragmentSize;
  uint32_t assoc_group_id_ = 0;
  std::string secondary_address_;
};

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_CLIENT_ASSOCIATION_H_
