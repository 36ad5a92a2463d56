// What a WINRM session needs from MI_Application_NewSession's destination and
// destination options: the HTTP transport's configuration and the values
// every request of the session carries (a:To, time-out, envelope size,
// locales).  Built at OpenSession, without I/O.
#ifndef CIMULATE_WINRM_SESSION_SETTINGS_H_
#define CIMULATE_WINRM_SESSION_SETTINGS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/protocol.h"
#include "winrm/http/http_transport.h"

namespace cimulate::winrm {

inline constexpr std::uint16_t kDefaultHttpPort = 5985;
inline constexpr std::uint16_t kDefaultHttpsPort = 5986;
inline constexpr std::chrono::milliseconds kDefaultTimeout{60000};
// What Windows' MI client and GLPI send (reference/wsman.md §1.3).
inline constexpr std::uint32_t kDefaultMaxEnvelopeSize = 512000;

struct SessionSettings {
  HttpTransportConfig http;
  std::string destination;  // as the caller gave it ("localhost" for none), for messages
  std::string url;          // http(s)://host:port/path, sent as a:To
  std::chrono::milliseconds timeout = kDefaultTimeout;
  std::uint32_t max_envelope_size = kDefaultMaxEnvelopeSize;  // bytes
  std::optional<std::uint32_t> max_elements;  // items per enumeration batch
  std::optional<std::string> ui_locale;
  std::optional<std::string> data_locale;
};

// MI_RESULT_OK, or a failure with `error` filled: a destination that cannot
// name a host, an authentication type other than Basic/Default, a transport
// option other than HTTP/HTTPS.
MI_Result BuildSessionSettings(const core::SessionConfig& config, SessionSettings* out, core::ErrorInfo* error);

// An MI interval option as a duration (0 when the interval is zero).
std::chrono::milliseconds IntervalToMilliseconds(const MI_Interval& interval);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_SESSION_SETTINGS_H_
