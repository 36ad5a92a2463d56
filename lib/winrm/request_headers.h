// The headers every WS-Management request of an operation carries: a:To,
// a fresh a:MessageID, the anonymous ReplyTo, ResourceURI and selectors,
// MaxEnvelopeSize, OperationTimeout, Locale/DataLocale, and the operation's
// custom options as w:OptionSet.
#ifndef CIMULATE_WINRM_REQUEST_HEADERS_H_
#define CIMULATE_WINRM_REQUEST_HEADERS_H_

#include <chrono>
#include <string>
#include <vector>

#include "core/options.h"
#include "winrm/resource_target.h"
#include "winrm/session_settings.h"
#include "wsman/message.h"
#include "wsman/status.h"

namespace cimulate::winrm {

// "uuid:" + a random version-4 GUID in upper case.
std::string NewMessageId();

// The time-out of an operation: its own option when set and non-zero, else
// the session's.
std::chrono::milliseconds OperationTimeout(const SessionSettings& settings, const core::OptionBag& options);

// The custom options (MI_OperationOptions_SetCustomOption and friends) as
// w:Option entries; the well-known __MI_* names are not sent.
wsman::Status CustomOptions(const core::OptionBag& options, std::vector<wsman::Option>* out);

struct RequestHeaderValues {
  const SessionSettings* settings = nullptr;
  std::chrono::milliseconds timeout{0};
  std::vector<wsman::Option> options;
};

// A request of `kind` to `target` with every header filled.
wsman::Message NewRequest(const RequestHeaderValues& values, wsman::MessageKind kind, const ResourceTarget& target);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_REQUEST_HEADERS_H_
