#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kAccessDenied: return "access denied";
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kWrongState: return "wrong state";
    case ErrorCode::kCryptoUnavailable: return "crypto unavailable";
  }
  return "unknown";
}

}  // namespace cimulate::ntlm
