#include "rpc/server_association.h"

#include <algorithm>

#include "dcerpc/fragmenter.h"
#include "rpc/ntlm_security_context.h"
#include "rpc/status.h"

namespace cimulate::rpc {

using dcerpc::PduType;

// One NTLM security context of the association, keyed by auth_context_id.
struct ServerAssociation::SecurityEntry {
  enum class State { kChallengeSent, kAuthenticated, kFailed };

  std::unique_ptr<ntlm::Server> ntlm;
  dcerpc::AuthLevel level = dcerpc::AuthLevel::kNone;
  State state = State::kChallengeSent;
  std::unique_ptr<NtlmSecurityContext> context;
  std::optional<ntlm::AuthenticatedIdentity> identity;
};

namespace {

// impacket opens one context per interface switch (15 in a 5-query
// wmiquery run); this only stops a client from growing the table forever.
constexpr size_t kMaxSecurityContexts = 1024;

ServerOutput CloseWith(std::string reason) {
  ServerOutput out;
  out.close = true;
  out.close_reason = std::move(reason);
  return out;
}

std::vector<uint8_t> Encode(const dcerpc::Pdu& pdu) {
  std::vector<uint8_t> bytes;
  // Only PDUs built here are encoded; their fields are always in range.
  (void)dcerpc::EncodePdu(pdu, &bytes);
  return bytes;
}

}  // namespace

ServerAssociation::ServerAssociation(ServerOptions options, DispatchFunction dispatch)
    : options_(std::move(options)),
      dispatch_(std::move(dispatch)),
      reassembler_(dcerpc::ReassemblyLimits{options_.max_request_stub}),
      max_xmit_frag_(options_.max_xmit_frag) {
  options_.max_recv_frag = std::max(options_.max_recv_frag, dcerpc::kMustReceiveFragmentSize);
}

ServerAssociation::~ServerAssociation() = default;

ServerAssociation::SecurityEntry* ServerAssociation::FindSecurity(uint32_t auth_context_id) {
  auto it = security_.find(auth_context_id);
  return it == security_.end() ? nullptr : it->second.get();
}

ServerOutput ServerAssociation::HandleFragment(std::span<uint8_t> fragment) {
  dcerpc::PduLayout layout;
  const dcerpc::Status parsed = dcerpc::ParsePduLayout(fragment, &layout);
  if (!parsed.ok()) return CloseWith("malformed PDU: " + parsed.ToString());
  switch (layout.header.type) {
    case PduType::kBind:
    case PduType::kAlterContext:
    case PduType::kAuth3: {
      dcerpc::Pdu pdu;
      const dcerpc::Status decoded = dcerpc::DecodePdu(fragment, &pdu);
      if (!decoded.ok()) return CloseWith("malformed PDU: " + decoded.ToString());
      return layout.header.type == PduType::kAuth3 ? HandleAuth3(pdu) : HandleBind(fragment, pdu);
    }
    case PduType::kRequest:
      return HandleRequestFragment(fragment);
    case PduType::kCoCancel:
    case PduType::kOrphaned:
      return {};  // calls run to completion; nothing to abandon
    default:
      return CloseWith("unexpected " + std::string(dcerpc::PduTypeName(layout.header.type)));
  }
}

ServerOutput ServerAssociation::BindNak(uint32_t call_id, dcerpc::BindNakReason reason,
                                        bool close) {
  dcerpc::Pdu pdu;
  pdu.header.type = PduType::kBindNak;
  pdu.header.call_id = call_id;
  pdu.body = dcerpc::BindNakBody{static_cast<uint16_t>(reason), {{5, 0}}};
  ServerOutput out;
  out.fragments.push_back(Encode(pdu));
  out.close = close;
  if (close) out.close_reason = "bind rejected";
  return out;
}

ServerOutput ServerAssociation::FaultReply(uint32_t call_id, uint16_t context_id, uint32_t status,
                                           bool close, std::string reason) {
  dcerpc::Pdu pdu;
  pdu.header.type = PduType::kFault;
  pdu.header.call_id = call_id;
  dcerpc::FaultBody body;
  body.context_id = context_id;
  body.status = status;
  pdu.body = std::move(body);
  ServerOutput out;
  out.fragments.push_back(Encode(pdu));
  out.close = close;
  if (close) out.close_reason = std::move(reason);
  return out;
}

// Creates the NTLM server for a new auth_context_id and answers its NEGOTIATE.
bool ServerAssociation::StartSecurity(const dcerpc::AuthVerifier& auth,
                                      std::vector<uint8_t>* challenge, std::string* error) {
  auto entry = std::make_unique<SecurityEntry>();
  entry->ntlm = std::make_unique<ntlm::Server>(options_.ntlm, *options_.accounts);
  entry->level = auth.trailer.auth_level;
  auto reply = entry->ntlm->Challenge(auth.auth_value);
  if (!reply.ok()) {
    *error = "NTLM NEGOTIATE rejected: " + reply.status().ToString();
    return false;
  }
  *challenge = std::move(*reply);
  security_[auth.trailer.auth_context_id] = std::move(entry);
  return true;
}

ServerOutput ServerAssociation::HandleBind(std::span<uint8_t> /*fragment*/,
                                           const dcerpc::Pdu& pdu) {
  const bool is_bind = pdu.header.type == PduType::kBind;
  const auto& body = std::get<dcerpc::BindBody>(pdu.body);
  const uint32_t call_id = pdu.header.call_id;
  if (is_bind && bound_once_) return BindNak(call_id, dcerpc::BindNakReason::kNotSpecified, true);
  if (!is_bind && !bound_once_) {
    return FaultReply(call_id, 0, kFaultProtocolError, true, "alter_context before bind");
  }

  std::optional<dcerpc::AuthVerifier> reply_auth;
  std::optional<uint32_t> started_context;
  if (pdu.auth) {
    const dcerpc::SecTrailer& trailer = pdu.auth->trailer;
    const bool ntlm_offered = options_.accounts.has_value();
    if (trailer.auth_type != dcerpc::kAuthTypeWinNt || !ntlm_offered) {
      if (is_bind) {
        return BindNak(call_id, dcerpc::BindNakReason::kAuthenticationTypeNotRecognized, true);
      }
      return FaultReply(call_id, 0, kFaultSecPkgError, true, "unsupported auth type");
    }
    SecurityEntry* existing = FindSecurity(trailer.auth_context_id);
    if (existing == nullptr && security_.size() >= kMaxSecurityContexts) {
      if (is_bind) return BindNak(call_id, dcerpc::BindNakReason::kLocalLimitExceeded, true);
      return FaultReply(call_id, 0, kFaultRemoteNoMemory, true, "too many security contexts");
    }
    if (existing == nullptr) {
      std::vector<uint8_t> challenge;
      std::string error;
      if (!StartSecurity(*pdu.auth, &challenge, &error)) {
        if (is_bind) return BindNak(call_id, dcerpc::BindNakReason::kInvalidChecksum, true);
        return FaultReply(call_id, 0, kFaultSecPkgError, true, error);
      }
      reply_auth = dcerpc::AuthVerifier{trailer, std::move(challenge)};
      reply_auth->trailer.auth_pad_length = 0;
      started_context = trailer.auth_context_id;
    } else if (existing->state != SecurityEntry::State::kAuthenticated) {
      return FaultReply(call_id, 0, kFaultAccessDenied, true, "security context not established");
    }
    // An established context named again: nothing to negotiate.
  }

  if (is_bind) {
    // We send no fragment larger than the client can receive.
    max_xmit_frag_ = std::clamp<uint16_t>(std::min(options_.max_xmit_frag, body.max_recv_frag),
                                          dcerpc::kMustReceiveFragmentSize,
                                          dcerpc::kMaxFragmentLength);
    bound_once_ = true;
  }
  const dcerpc::AbstractSyntaxFilter accept_all = [](const dcerpc::SyntaxId&) { return true; };
  std::vector<dcerpc::ContextResult> results = dcerpc::NegotiateContexts(
      body.contexts, options_.interface_filter ? options_.interface_filter : accept_all);
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].result == dcerpc::ContextResultCode::kAcceptance) {
      contexts_[body.contexts[i].context_id] = body.contexts[i].abstract_syntax;
    }
  }

  dcerpc::Pdu reply;
  reply.header.type = is_bind ? PduType::kBindAck : PduType::kAlterContextResp;
  reply.header.call_id = call_id;
  dcerpc::BindAckBody ack;
  ack.max_xmit_frag = max_xmit_frag_;
  ack.max_recv_frag = options_.max_recv_frag;
  ack.assoc_group_id = options_.assoc_group_id;
  if (is_bind) ack.secondary_address = options_.secondary_address;
  ack.results = results;
  reply.body = std::move(ack);
  reply.auth = std::move(reply_auth);
  ServerOutput out;
  out.fragments.push_back(Encode(reply));

  if (options_.hooks.on_bind) {
    options_.hooks.on_bind(
        BindEvent{pdu.header.type, body.contexts, std::move(results), started_context});
  }
  return out;
}

ServerOutput ServerAssociation::HandleAuth3(const dcerpc::Pdu& pdu) {
  if (!pdu.auth) return CloseWith("auth3 without an auth verifier");
  const uint32_t id = pdu.auth->trailer.auth_context_id;
  SecurityEntry* entry = FindSecurity(id);
  if (entry == nullptr || entry->state != SecurityEntry::State::kChallengeSent) {
    return CloseWith("auth3 for unknown auth_context_id " + std::to_string(id));
  }
  AuthEvent event;
  event.auth_context_id = id;
  event.level = entry->level;
  auto identity = entry->ntlm->Authenticate(pdu.auth->auth_value);
  if (identity.ok()) {
    auto session = entry->ntlm->MakeSessionSecurity();
    if (session.ok()) {
      entry->context = std::make_unique<NtlmSecurityContext>(std::move(*session));
      entry->identity = *identity;
      entry->state = SecurityEntry::State::kAuthenticated;
      last_auth_context_id_ = id;
      event.ok = true;
      event.identity = *identity;
    } else {
      event.error = session.status().ToString();
    }
  } else {
    event.error = identity.status().ToString();
  }
  // A failed logon is remembered, not answered: auth3 has no reply, and the
  // client learns of it from the fault on its next request (as on Windows).
  if (!event.ok) entry->state = SecurityEntry::State::kFailed;
  if (options_.hooks.on_auth) options_.hooks.on_auth(event);
  return {};
}

ServerOutput ServerAssociation::HandleRequestFragment(std::span<uint8_t> fragment) {
  dcerpc::PduLayout layout;
  (void)dcerpc::ParsePduLayout(fragment, &layout);  // already validated by the caller
  const uint32_t call_id = layout.header.call_id;
  if (!bound_once_) return FaultReply(call_id, 0, kFaultProtocolError, true, "request before bind");

  // Which security context the fragment claims, and whether that is acceptable.
  if (layout.trailer) {
    SecurityEntry* entry = FindSecurity(layout.trailer->auth_context_id);
    if (entry == nullptr || entry->state != SecurityEntry::State::kAuthenticated) {
      reassembler_.Reset();
      return FaultReply(call_id, 0, kFaultAccessDenied, true, "request on an unauthenticated context");
    }
    if (layout.trailer->auth_level < entry->level) {
      reassembler_.Reset();
      return FaultReply(call_id, 0, kFaultAccessDenied, true, "request below the bound auth level");
    }
  } else if (!options_.allow_unauthenticated) {
    const SecurityEntry* last = last_auth_context_id_ ? FindSecurity(*last_auth_context_id_) : nullptr;
    // Only a CONNECT-level context may send requests without a verifier.
    if (last == nullptr || dcerpc::LevelProtectsMessages(last->level)) {
      reassembler_.Reset();
      return FaultReply(call_id, 0, kFaultAccessDenied, true, "unauthenticated request refused");
    }
  }

  const dcerpc::SecurityResolver resolve = [this](const dcerpc::SecTrailer& trailer) {
    SecurityEntry* entry = FindSecurity(trailer.auth_context_id);
    return entry != nullptr && entry->context ? static_cast<dcerpc::SecurityContext*>(entry->context.get())
                                              : nullptr;
  };
  std::optional<dcerpc::CompletedCall> completed;
  const dcerpc::Status added = reassembler_.Add(fragment, resolve, &completed);
  if (!added.ok()) {
    switch (added.code()) {
      case dcerpc::ErrorCode::kSecurity:
        return FaultReply(call_id, 0, kFaultAccessDenied, true,
                          "request failed verification: " + added.ToString());
      case dcerpc::ErrorCode::kLimitExceeded:
        return FaultReply(call_id, 0, kFaultRemoteNoMemory, true, added.ToString());
      default:
        return FaultReply(call_id, 0, kFaultProtocolError, true, added.ToString());
    }
  }
  if (!completed) return {};
  return Dispatch(*completed);
}

ServerOutput ServerAssociation::Dispatch(const dcerpc::CompletedCall& call) {
  auto context = contexts_.find(call.context_id);
  if (context == contexts_.end()) {
    return FaultReply(call.call_id, call.context_id, kFaultContextMismatch, false, "");
  }
  CallContext info;
  info.abstract_syntax = context->second;
  info.context_id = call.context_id;
  info.opnum = call.opnum;
  info.object = call.object;
  info.call_id = call.call_id;
  info.stub = call.stub;
  const SecurityEntry* entry = nullptr;
  if (call.auth) {
    entry = FindSecurity(call.auth->auth_context_id);
    info.auth_level = call.auth->auth_level;
    info.auth_context_id = call.auth->auth_context_id;
  } else if (last_auth_context_id_) {
    // Without a verifier the request belongs to a CONNECT-level context, if
    // any; a request that skipped its context's protection gets no identity.
    const SecurityEntry* last = FindSecurity(*last_auth_context_id_);
    if (!dcerpc::LevelProtectsMessages(last->level)) {
      entry = last;
      info.auth_level = last->level;
      info.auth_context_id = *last_auth_context_id_;
    }
  }
  if (entry != nullptr) info.identity = entry->identity;

  CallReply reply = dispatch_ ? dispatch_(info) : CallReply::Fault(kFaultOpRangeError);
  if (reply.no_reply) {
    return reply.close_after ? CloseWith("dispatch asked to close") : ServerOutput{};
  }
  if (reply.fault) {
    return FaultReply(call.call_id, call.context_id, *reply.fault, reply.close_after,
                      "dispatch asked to close");
  }
  dcerpc::OutgoingCall response;
  response.type = PduType::kResponse;
  response.call_id = call.call_id;
  response.context_id = call.context_id;
  response.max_xmit_frag = max_xmit_frag_;
  dcerpc::SecurityContext* security = nullptr;
  if (call.auth && dcerpc::LevelProtectsMessages(call.auth->auth_level)) {
    response.auth = dcerpc::AuthSettings{call.auth->auth_type, call.auth->auth_level,
                                         call.auth->auth_context_id};
    security = entry->context.get();
  }
  ServerOutput out;
  const dcerpc::Status fragmented = dcerpc::FragmentCall(response, reply.stub, security, &out.fragments);
  if (!fragmented.ok()) {
    return FaultReply(call.call_id, call.context_id, kFaultRemoteNoMemory, true, fragmented.ToString());
  }
  if (reply.close_after) {
    out.close = true;
    out.close_reason = "dispatch asked to close";
  }
  return out;
}

}  // namespace cimulate::rpc
