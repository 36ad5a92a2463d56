#include "wmidcom/rpc_channel.h"

#include <utility>

#include "dcom/orpc.h"
#include "dcom/rem_unknown.h"

namespace cimulate::wmidcom {

CallStatus FromRpcStatus(const rpc::Status& status, const std::string& what) {
  using rpc::ErrorCode;
  const std::string detail = what + ": " + status.ToString();
  switch (status.code()) {
    case ErrorCode::kOk: return CallStatus::Ok();
    case ErrorCode::kCancelled: return CallStatus::Cancelled();
    case ErrorCode::kRefused: return CallStatus::Failed(CallFailure::kConnectFailed, detail);
    case ErrorCode::kInvalidArgument:
      // The only argument the client takes from outside is the host name.
      return CallStatus::Failed(CallFailure::kResolveFailed, detail);
    case ErrorCode::kTimeout: return CallStatus::Failed(CallFailure::kTimedOut, detail);
    case ErrorCode::kReset:
    case ErrorCode::kNotConnected:
    case ErrorCode::kIo: return CallStatus::Failed(CallFailure::kConnectionClosed, detail);
    case ErrorCode::kProtocol:
    case ErrorCode::kSecurity: return CallStatus::Failed(CallFailure::kProtocol, detail);
    case ErrorCode::kAccessDenied:
    case ErrorCode::kBindRejected:
      return CallStatus::Failed(CallFailure::kAccessDenied, detail, rpc::kFaultAccessDenied);
    case ErrorCode::kFault:
      if (status.detail() == rpc::kFaultAccessDenied) {
        return CallStatus::Failed(CallFailure::kAccessDenied, detail, status.detail());
      }
      return CallStatus::Failed(CallFailure::kRpcFault, detail, status.detail());
  }
  return CallStatus::Failed(CallFailure::kProtocol, detail);
}

CallStatus Guarded(rpc::ClientAssociation& association, CallControl& control, const std::string& what,
                   const std::function<rpc::Status()>& step) {
  if (!control.Arm([&association] { association.Cancel(); })) return CallStatus::Cancelled();
  rpc::Status status = step();
  control.Disarm();
  if (control.cancelled()) return CallStatus::Cancelled();
  return FromRpcStatus(status, what);
}

RpcChannel::RpcChannel(std::unique_ptr<rpc::ClientAssociation> association, std::vector<std::uint16_t> context_ids,
                       std::uint64_t oxid, dcerpc::Guid ipid_rem_unknown)
    : association_(std::move(association)),
      context_ids_(std::move(context_ids)),
      oxid_(oxid),
      ipid_rem_unknown_(ipid_rem_unknown) {}

CallStatus RpcChannel::Call(ObjectInterface iface, std::uint16_t opnum, const dcerpc::Guid& ipid,
                            std::span<const std::uint8_t> stub, CallControl& control, const std::string& what,
                            std::vector<std::uint8_t>* response) {
  std::lock_guard<std::mutex> lock(mu_);
  if (broken_ || !association_->connected()) {
    return CallStatus::Failed(CallFailure::kConnectionClosed, what + ": the object connection is closed");
  }
  const std::uint16_t context = context_ids_[static_cast<size_t>(iface)];
  CallStatus status = Guarded(*association_, control, what, [&] {
    return association_->Call(context, opnum, ipid, stub, control.deadline(), response);
  });
  // Only a fault leaves the association in step; after anything else (a
  // cancel racing the reply included) it cannot be trusted again.
  if (!status.ok() && status.failure != CallFailure::kRpcFault) broken_ = true;
  return status;
}

void RpcChannel::Release(const dcerpc::Guid& ipid, std::uint32_t refs, CallControl& control) {
  dcom::RemRefCountRequest request;
  request.refs.push_back({ipid, refs == 0 ? 1 : refs, 0});
  std::vector<std::uint8_t> response;
  // The reply's HRESULT is of no use: nothing can be done about a failed release.
  (void)Call(ObjectInterface::kRemUnknown, dcom::kOpnumRemRelease, ipid_rem_unknown_,
             dcom::EncodeRemRefCountRequest(request), control, "RemRelease", &response);
}

bool RpcChannel::alive() {
  std::lock_guard<std::mutex> lock(mu_);
  return !broken_ && association_->connected();
}

void RpcChannel::Close() {
  association_->Cancel();  // unblocks a call in flight, if any
  std::lock_guard<std::mutex> lock(mu_);
  broken_ = true;
  association_->Close();
}

}  // namespace cimulate::wmidcom
