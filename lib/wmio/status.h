// The error codes of cimulate::wmio; Status itself is util/status.h's.

#ifndef CIMULATE_WMIO_STATUS_H_
#define CIMULATE_WMIO_STATUS_H_

#include <string_view>

#include "util/status.h"

namespace cimulate::wmio {

enum class ErrorCode {
  kOk = 0,
  kTruncated,        // an encoding ends before a field it announces
  kMalformed,        // a field holds a value MS-WMIO does not allow
  kLimitExceeded,    // nesting, counts or sizes above the decoder's caps
  kUnsupported,      // valid MS-WMIO outside the implemented subset
  kInvalidArgument,  // the model given to the encoder is inconsistent
};

std::string_view ErrorCodeName(ErrorCode code);

using Status = BasicStatus<ErrorCode>;

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_STATUS_H_
