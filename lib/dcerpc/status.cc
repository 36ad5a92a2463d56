#include "dcerpc/status.h"

namespace cimulate::dcerpc {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kTruncated: return "Truncated";
    case ErrorCode::kMalformed: return "Malformed";
    case ErrorCode::kLimitExceeded: return "LimitExceeded";
    case ErrorCode::kUnsupported: return "Unsupported";
    case ErrorCode::kProtocol: return "Protocol";
    case ErrorCode::kSecurity: return "Security";
  }
  return "Unknown";
}

}  // namespace cimulate::dcerpc
