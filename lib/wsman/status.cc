#include "wsman/status.h"

namespace cimulate::wsman {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kNotXml: return "NotXml";
    case ErrorCode::kVersionMismatch: return "VersionMismatch";
    case ErrorCode::kMalformed: return "Malformed";
    case ErrorCode::kForbidden: return "Forbidden";
    case ErrorCode::kLimitExceeded: return "LimitExceeded";
    case ErrorCode::kUnsupported: return "Unsupported";
    case ErrorCode::kInvalidArgument: return "InvalidArgument";
    case ErrorCode::kInternal: return "Internal";
  }
  return "Unknown";
}

}  // namespace cimulate::wsman
