// Reading a WS-Management answer: the HTTP status decides whether there is a
// message to decode (200, or 500 with a fault); the message must be the kind
// the request calls for or a fault.  Kept apart from the exchange so recorded
// answers can be fed through it directly.
#ifndef CIMULATE_WINRM_RESPONSE_H_
#define CIMULATE_WINRM_RESPONSE_H_

#include <cstdint>
#include <string>

#include "winrm/outcome.h"
#include "winrm/transport.h"
#include "wsman/message.h"

namespace cimulate::winrm {

// Decodes `response`; on success `out` holds a message of kind `expected`.
// A fault, an HTTP error, or bytes that are not the expected message give
// the failure with its extended error.  `max_bytes` bounds the parse.
Outcome ReadResponse(const HttpResponse& response, wsman::MessageKind expected, const std::string& destination,
                     std::size_t max_bytes, wsman::Message* out);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_RESPONSE_H_
