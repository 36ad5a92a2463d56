// Result type shared by every decoder and encoder in cimulate::wsman.
//
// The codec never throws and never lets an exception escape: each entry point
// returns a Status, so the fake endpoint can turn a bad request into a SOAP fault
// (the code says which one) and a fuzz target only has to check ok().

#ifndef CIMULATE_WSMAN_STATUS_H_
#define CIMULATE_WSMAN_STATUS_H_

#include <string_view>

#include "util/status.h"

namespace cimulate::wsman {

enum class ErrorCode {
  kOk = 0,
  kNotXml,           // not well-formed (or not namespace-well-formed) XML
  kVersionMismatch,  // the root is not a SOAP 1.2 Envelope (s:VersionMismatch)
  kMalformed,        // well-formed XML that is not a valid WS-Man message or value
  kForbidden,        // a construct refused for safety: DOCTYPE, entity declarations
  kLimitExceeded,    // input size or nesting depth above the configured limit
  kUnsupported,      // valid, but outside what this codec implements
  kInvalidArgument,  // an encoder was given a message it cannot write
  kInternal,         // allocation failure or an MI call that failed
};

std::string_view ErrorCodeName(ErrorCode code);

using Status = BasicStatus<ErrorCode>;

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_STATUS_H_
