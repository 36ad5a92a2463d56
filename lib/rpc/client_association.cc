#include "rpc/client_association.h"

#include <algorithm>

#include "dcerpc/fragmenter.h"
#include "dcerpc/pdu.h"
#include "dcerpc/presentation.h"
#include "rpc/ntlm_security_context.h"

namespace cimulate::rpc {
namespace {

Status ProtocolError(std::string message) { return Status(ErrorCode::kProtocol, std::move(message)); }

Status Decode(const std::vector<uint8_t>& bytes, dcerpc::Pdu* pdu) {
  const dcerpc::Status status = dcerpc::DecodePdu(bytes, pdu);
  if (!status.ok()) return ProtocolError("undecodable PDU: " + status.ToString());
  return Status::Ok();
}

Status BindNakStatus(const dcerpc::BindNakBody& nak) {
  return Status(ErrorCode::kBindRejected,
                "bind_nak, reason " + std::to_string(nak.reject_reason), nak.reject_reason);
}

Status FaultStatus(const dcerpc::Pdu& pdu) {
  return Status::Fault(std::get<dcerpc::FaultBody>(pdu.body).status);
}

}  // namespace

ClientAssociation::ClientAssociation(ClientOptions options) : options_(std::move(options)) {}

ClientAssociation::~ClientAssociation() = default;

Status ClientAssociation::Connect(const std::string& host, uint16_t port, Deadline deadline) {
  if (socket_) return Status(ErrorCode::kInvalidArgument, "already connected");
  int fd = -1;
  Status status = ConnectTcp(host, port, deadline, &fd);
  if (!status.ok()) return status;
  Adopt(fd);
  return Status::Ok();
}

void ClientAssociation::Adopt(int fd) {
  auto socket = std::make_unique<PduSocket>(fd);
  socket->set_max_recv_frag(options_.max_recv_frag);
  std::lock_guard<std::mutex> lock(socket_mutex_);
  socket_ = std::move(socket);
  if (cancelled_.load()) socket_->Abort();
}

void ClientAssociation::Cancel() {
  cancelled_.store(true);
  std::lock_guard<std::mutex> lock(socket_mutex_);
  if (socket_) socket_->Abort();
}

void ClientAssociation::Close() {
  std::lock_guard<std::mutex> lock(socket_mutex_);
  socket_.reset();
  bound_ = false;
}

// Any error but a fault leaves the connection in an unknown state: the peer
// may be mid-PDU, or a signature stream may be out of step.
Status ClientAssociation::Fail(Status status) {
  if (status.code() != ErrorCode::kFault) Close();
  return status;
}

Status ClientAssociation::SendBind(dcerpc::PduType type,
                                   const std::vector<dcerpc::SyntaxId>& interfaces,
                                   uint16_t first_context_id, bool with_auth, Deadline deadline,
                                   std::vector<uint8_t>* reply) {
  dcerpc::Pdu pdu;
  pdu.header.type = type;
  pdu.header.call_id = NextCallId();
  dcerpc::BindBody body;
  body.max_xmit_frag = options_.max_xmit_frag;
  body.max_recv_frag = options_.max_recv_frag;
  body.assoc_group_id = assoc_group_id_ != 0 ? assoc_group_id_ : options_.assoc_group_id;
  for (size_t i = 0; i < interfaces.size(); ++i) {
    body.contexts.push_back(dcerpc::ContextElement{static_cast<uint16_t>(first_context_id + i),
                                                   interfaces[i], {dcerpc::Ndr20Syntax()}});
  }
  pdu.body = std::move(body);
  if (with_auth) {
    ntlm_ = std::make_unique<ntlm::Client>(options_.auth->ntlm);
    auto negotiate = ntlm_->Negotiate();
    if (!negotiate.ok()) return Status::FromNtlm(negotiate.status());
    dcerpc::AuthVerifier verifier;
    verifier.trailer.auth_type = dcerpc::kAuthTypeWinNt;
    verifier.trailer.auth_level = options_.auth->level;
    verifier.trailer.auth_context_id = options_.auth->auth_context_id;
    verifier.auth_value = std::move(*negotiate);
    pdu.auth = std::move(verifier);
  }
  std::vector<uint8_t> bytes;
  const dcerpc::Status encoded = dcerpc::EncodePdu(pdu, &bytes);
  if (!encoded.ok()) return Status(ErrorCode::kInvalidArgument, encoded.ToString());
  Status status = socket_->WriteAll(bytes, deadline);
  if (!status.ok()) return status;
  status = socket_->ReadFragment(reply, deadline);
  if (!status.ok()) return status;
  dcerpc::CommonHeader header;
  (void)dcerpc::DecodeCommonHeader(*reply, &header);
  if (header.call_id != pdu.header.call_id) {
    return ProtocolError("reply to call " + std::to_string(header.call_id) + ", expected " +
                         std::to_string(pdu.header.call_id));
  }
  return Status::Ok();
}

Status ClientAssociation::HandleBindReply(dcerpc::PduType expected,
                                          const std::vector<uint8_t>& reply, size_t count,
                                          bool with_auth, Deadline deadline) {
  dcerpc::Pdu pdu;
  Status status = Decode(reply, &pdu);
  if (!status.ok()) return status;
  if (pdu.header.type == dcerpc::PduType::kBindNak) {
    return BindNakStatus(std::get<dcerpc::BindNakBody>(pdu.body));
  }
  if (pdu.header.type == dcerpc::PduType::kFault) return FaultStatus(pdu);
  if (pdu.header.type != expected) {
    return ProtocolError("unexpected " + std::string(dcerpc::PduTypeName(pdu.header.type)) +
                         " in reply to a bind");
  }
  const auto& ack = std::get<dcerpc::BindAckBody>(pdu.body);
  if (ack.results.size() != count) return ProtocolError("bind_ack result count differs");
  for (const dcerpc::ContextResult& result : ack.results) {
    if (result.result != dcerpc::ContextResultCode::kAcceptance) {
      return Status(ErrorCode::kBindRejected,
                    "presentation context rejected, reason " + std::to_string(result.reason),
                    result.reason);
    }
    if (result.transfer_syntax != dcerpc::Ndr20Syntax()) {
      return ProtocolError("server accepted a transfer syntax that was not offered");
    }
  }
  if (pdu.header.type == dcerpc::PduType::kBindAck) {
    // The server's max_recv_frag bounds what we send.
    max_xmit_frag_ = std::min(options_.max_xmit_frag, ack.max_recv_frag);
    if (max_xmit_frag_ < dcerpc::kMustReceiveFragmentSize) {
      max_xmit_frag_ = dcerpc::kMustReceiveFragmentSize;
    }
    assoc_group_id_ = ack.assoc_group_id;
    secondary_address_ = ack.secondary_address;
  }
  if (!with_auth) return Status::Ok();
  if (!pdu.auth || pdu.auth->trailer.auth_type != dcerpc::kAuthTypeWinNt) {
    return Status(ErrorCode::kSecurity, "bind_ack carries no NTLM CHALLENGE");
  }
  return SendAuth3(pdu.auth->auth_value, deadline);
}

Status ClientAssociation::SendAuth3(const std::vector<uint8_t>& challenge, Deadline deadline) {
  auto authenticate = ntlm_->Authenticate(challenge);
  if (!authenticate.ok()) return Status::FromNtlm(authenticate.status());
  auto session = ntlm_->MakeSessionSecurity();
  if (!session.ok()) return Status::FromNtlm(session.status());
  security_ = std::make_unique<NtlmSecurityContext>(std::move(*session));

  dcerpc::Pdu pdu;
  pdu.header.type = dcerpc::PduType::kAuth3;
  pdu.header.call_id = NextCallId();
  pdu.body = dcerpc::EmptyBody{};
  dcerpc::AuthVerifier verifier;
  verifier.trailer.auth_type = dcerpc::kAuthTypeWinNt;
  verifier.trailer.auth_level = options_.auth->level;
  verifier.trailer.auth_context_id = options_.auth->auth_context_id;
  verifier.auth_value = std::move(*authenticate);
  pdu.auth = std::move(verifier);
  std::vector<uint8_t> bytes;
  const dcerpc::Status encoded = dcerpc::EncodePdu(pdu, &bytes);
  if (!encoded.ok()) return Status(ErrorCode::kInvalidArgument, encoded.ToString());
  // auth3 has no reply; a failed logon shows as fault 5 on the first request.
  return socket_->WriteAll(bytes, deadline);
}

Status ClientAssociation::Bind(const std::vector<dcerpc::SyntaxId>& interfaces, Deadline deadline,
                               std::vector<uint16_t>* context_ids) {
  if (!socket_) return Status(ErrorCode::kNotConnected, "not connected");
  if (bound_) return Status(ErrorCode::kInvalidArgument, "already bound; use AlterContext");
  if (interfaces.empty()) return Status(ErrorCode::kInvalidArgument, "no interface to bind");
  const bool with_auth = options_.auth.has_value();
  std::vector<uint8_t> reply;
  Status status = SendBind(dcerpc::PduType::kBind, interfaces, next_context_id_, with_auth,
                           deadline, &reply);
  if (status.ok()) {
    status = HandleBindReply(dcerpc::PduType::kBindAck, reply, interfaces.size(), with_auth,
                             deadline);
  }
  if (!status.ok()) return Fail(status);
  context_ids->clear();
  for (size_t i = 0; i < interfaces.size(); ++i) context_ids->push_back(next_context_id_++);
  bound_ = true;
  return Status::Ok();
}

Status ClientAssociation::AlterContext(const dcerpc::SyntaxId& interface, Deadline deadline,
                                       uint16_t* context_id) {
  if (!socket_) return Status(ErrorCode::kNotConnected, "not connected");
  if (!bound_) return Status(ErrorCode::kNotConnected, "not bound");
  std::vector<uint8_t> reply;
  // The established security context is reused: no new NTLM handshake.
  Status status = SendBind(dcerpc::PduType::kAlterContext, {interface}, next_context_id_, false,
                           deadline, &reply);
  if (status.ok()) {
    status = HandleBindReply(dcerpc::PduType::kAlterContextResp, reply, 1, false, deadline);
  }
  // A rejected interface leaves the association and its other contexts usable.
  if (status.code() == ErrorCode::kBindRejected) return status;
  if (!status.ok()) return Fail(status);
  *context_id = next_context_id_++;
  return Status::Ok();
}

Status ClientAssociation::Call(uint16_t context_id, uint16_t opnum,
                               const std::optional<dcerpc::Guid>& object,
                               std::span<const uint8_t> stub, Deadline deadline,
                               std::vector<uint8_t>* response) {
  if (!socket_) return Status(ErrorCode::kNotConnected, "not connected");
  if (!bound_) return Status(ErrorCode::kNotConnected, "not bound");
  dcerpc::OutgoingCall call;
  call.type = dcerpc::PduType::kRequest;
  call.call_id = NextCallId();
  call.context_id = context_id;
  call.opnum = opnum;
  call.object = object;
  call.max_xmit_frag = max_xmit_frag_;
  const bool protect = security_ && dcerpc::LevelProtectsMessages(options_.auth->level);
  if (protect) {
    call.auth = dcerpc::AuthSettings{dcerpc::kAuthTypeWinNt, options_.auth->level,
                                     options_.auth->auth_context_id};
  }
  std::vector<std::vector<uint8_t>> fragments;
  const dcerpc::Status fragmented = dcerpc::FragmentCall(call, stub, security_.get(), &fragments);
  if (!fragmented.ok()) return Fail(Status::FromDcerpc(fragmented));
  Status status = socket_->WriteFragments(fragments, deadline);
  if (status.ok()) status = ReadResponse(call.call_id, deadline, response);
  if (!status.ok()) return Fail(status);
  return Status::Ok();
}

Status ClientAssociation::ReadResponse(uint32_t call_id, Deadline deadline,
                                       std::vector<uint8_t>* response) {
  dcerpc::Reassembler reassembler(dcerpc::ReassemblyLimits{options_.max_response_stub});
  const uint32_t auth_context_id = options_.auth ? options_.auth->auth_context_id : 0;
  const dcerpc::SecurityResolver resolve = [&](const dcerpc::SecTrailer& trailer) {
    return trailer.auth_context_id == auth_context_id ? security_.get() : nullptr;
  };
  const bool protect = security_ && dcerpc::LevelProtectsMessages(options_.auth->level);
  std::vector<uint8_t> fragment;
  for (;;) {
    Status status = socket_->ReadFragment(&fragment, deadline);
    if (!status.ok()) return status;
    dcerpc::CommonHeader header;
    (void)dcerpc::DecodeCommonHeader(fragment, &header);
    if (header.call_id != call_id) {
      return ProtocolError("fragment of call " + std::to_string(header.call_id) +
                           " while waiting for call " + std::to_string(call_id));
    }
    if (header.type == dcerpc::PduType::kFault) {
      dcerpc::Pdu pdu;
      status = Decode(fragment, &pdu);
      return status.ok() ? FaultStatus(pdu) : status;
    }
    if (header.type != dcerpc::PduType::kResponse) {
      return ProtocolError("unexpected " + std::string(dcerpc::PduTypeName(header.type)) +
                           " while waiting for a response");
    }
    // A protected association must not accept an unprotected response.
    if (protect && (header.auth_length == 0)) {
      return Status(ErrorCode::kSecurity, "response fragment without a verifier");
    }
    std::optional<dcerpc::CompletedCall> completed;
    const dcerpc::Status added = reassembler.Add(fragment, resolve, &completed);
    if (!added.ok()) return Status::FromDcerpc(added);
    if (completed) {
      if (protect && (!completed->auth || completed->auth->auth_level != options_.auth->level)) {
        return Status(ErrorCode::kSecurity, "response at a lower auth level than the request");
      }
      *response = std::move(completed->stub);
      return Status::Ok();
    }
  }
}

}  // namespace cimulate::rpc
