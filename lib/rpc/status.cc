#include "rpc/status.h"

#include <cstdio>

namespace cimulate::rpc {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kRefused: return "Refused";
    case ErrorCode::kReset: return "Reset";
    case ErrorCode::kTimeout: return "Timeout";
    case ErrorCode::kCancelled: return "Cancelled";
    case ErrorCode::kProtocol: return "Protocol";
    case ErrorCode::kSecurity: return "Security";
    case ErrorCode::kAccessDenied: return "AccessDenied";
    case ErrorCode::kFault: return "Fault";
    case ErrorCode::kBindRejected: return "BindRejected";
    case ErrorCode::kInvalidArgument: return "InvalidArgument";
    case ErrorCode::kNotConnected: return "NotConnected";
    case ErrorCode::kIo: return "Io";
  }
  return "Unknown";
}

Status Status::Fault(uint32_t fault_status) {
  char text[32];
  std::snprintf(text, sizeof(text), "fault 0x%08x", fault_status);
  // rpc_s_access_denied is how Windows reports failed authentication.
  if (fault_status == kFaultAccessDenied) {
    return Status(ErrorCode::kAccessDenied, std::string(text) + " (rpc_s_access_denied)",
                  fault_status);
  }
  return Status(ErrorCode::kFault, text, fault_status);
}

Status Status::FromDcerpc(const dcerpc::Status& status) {
  if (status.ok()) return Ok();
  const ErrorCode code =
      status.code() == dcerpc::ErrorCode::kSecurity ? ErrorCode::kSecurity : ErrorCode::kProtocol;
  return Status(code, status.ToString());
}

Status Status::FromNtlm(const ntlm::Status& status) {
  if (status.ok()) return Ok();
  switch (status.code()) {
    case ntlm::ErrorCode::kAccessDenied: return Status(ErrorCode::kAccessDenied, status.ToString());
    case ntlm::ErrorCode::kInvalidArgument:
      return Status(ErrorCode::kInvalidArgument, status.ToString());
    case ntlm::ErrorCode::kMalformed:
    case ntlm::ErrorCode::kUnsupported:
      return Status(ErrorCode::kProtocol, status.ToString());
    default: return Status(ErrorCode::kSecurity, status.ToString());
  }
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string text(ErrorCodeName(code_));
  if (!message_.empty()) text.append(": ").append(message_);
  return text;
}

}  // namespace cimulate::rpc
