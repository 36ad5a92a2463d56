// The error codes of cimulate::dcerpc; Status itself is util/status.h's.

#ifndef CIMULATE_DCERPC_STATUS_H_
#define CIMULATE_DCERPC_STATUS_H_

#include <string_view>

#include "util/status.h"

namespace cimulate::dcerpc {

enum class ErrorCode {
  kOk = 0,
  kTruncated,      // input ended before a field it announces
  kMalformed,      // a field has a value the format does not allow
  kLimitExceeded,  // a count or length is above a configured or physical cap
  kUnsupported,    // valid on the wire, but outside the subset implemented here
  kProtocol,       // a valid PDU arrived where the exchange does not allow it
  kSecurity,       // a security provider rejected a PDU (bad signature, unknown context)
};

std::string_view ErrorCodeName(ErrorCode code);

using Status = BasicStatus<ErrorCode>;

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_STATUS_H_
