#include "wmio/status.h"

namespace cimulate::wmio {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kTruncated: return "Truncated";
    case ErrorCode::kMalformed: return "Malformed";
    case ErrorCode::kLimitExceeded: return "LimitExceeded";
    case ErrorCode::kUnsupported: return "Unsupported";
    case ErrorCode::kInvalidArgument: return "InvalidArgument";
  }
  return "Unknown";
}

}  // namespace cimulate::wmio
