#include "winrm/response.h"

#include <algorithm>

#include "winrm/errors.h"
#include "wsman/codec.h"

namespace cimulate::winrm {

Outcome ReadResponse(const HttpResponse& response, wsman::MessageKind expected, const std::string& destination,
                     std::size_t max_bytes, wsman::Message* out) {
  if (response.status != 200 && response.status != 500) return FromHttpStatus(response.status, destination);
  wsman::DecodeOptions options;
  options.limits.max_bytes = std::max(options.limits.max_bytes, max_bytes);
  wsman::Message message;
  wsman::Status s = wsman::DecodeMessage(response.body, &message, options);
  if (!s.ok()) {
    // A 500 whose body is no envelope says no more than its status.
    if (response.status == 500) return FromHttpStatus(response.status, destination);
    return FromBadAnswer("not a WS-Management envelope (" + s.ToString() + ")", destination);
  }
  if (message.kind == wsman::MessageKind::kFault) {
    auto* fault = std::get_if<wsman::Fault>(&message.body);
    if (fault != nullptr) return FromFault(std::move(*fault), destination);
    return FromBadAnswer("a fault without a readable s:Fault", destination);
  }
  if (response.status == 500) return FromHttpStatus(response.status, destination);
  if (message.kind != expected) {
    return FromBadAnswer(std::string("expected ") + wsman::MessageKindName(expected) + ", got " +
                             wsman::MessageKindName(message.kind),
                         destination);
  }
  *out = std::move(message);
  return Outcome::Ok();
}

}  // namespace cimulate::winrm
