#include "winrm/session_settings.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>

#include "core/options.h"
#include "core/value.h"
#include "winrm/destination.h"

namespace cimulate::winrm {
namespace {

MI_Result Invalid(core::ErrorInfo* error, MI_Result result, std::string message) {
  error->result = result;
  error->message = std::move(message);
  return result;
}

// Basic credentials from MI_DestinationOptions_AddDestinationCredentials.  Only
// Basic travels over this transport; "Default" with a user name means Basic
// too, as there is no other scheme to default to.
MI_Result ApplyCredentials(const core::OptionBag& options, HttpTransportConfig* http, core::ErrorInfo* error) {
  for (const auto& entry : options.credentials()) {
    if (entry->option_name != core::option::kDestinationCredentials) continue;
    const std::string& type = entry->authentication_type;
    if (!core::NamesEqual(type.c_str(), MI_AUTH_TYPE_BASIC) && !core::NamesEqual(type.c_str(), MI_AUTH_TYPE_DEFAULT)) {
      return Invalid(error, MI_RESULT_NOT_SUPPORTED,
                     "The WINRM protocol supports Basic authentication only; '" + type + "' was requested.");
    }
    if (!entry->username) continue;
    http->user = entry->domain && !entry->domain->empty() ? *entry->domain + "\\" + *entry->username
                                                           : *entry->username;
    http->password = entry->password.value_or("");
  }
  return MI_RESULT_OK;
}

MI_Result ApplyTransport(const core::OptionBag& options, const Destination& destination, HttpTransportConfig* http,
                         core::ErrorInfo* error) {
  http->https = destination.https.value_or(false);
  if (auto transport = options.String(core::option::kTransport)) {
    bool https = core::NamesEqual(transport->c_str(), MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS);
    if (!https && !core::NamesEqual(transport->c_str(), MI_DESTINATIONOPTIONS_TRANSPORT_HTTP)) {
      return Invalid(error, MI_RESULT_INVALID_PARAMETER, "Unknown transport '" + *transport + "'.");
    }
    if (destination.https && *destination.https != https) {
      return Invalid(error, MI_RESULT_INVALID_PARAMETER,
                     "The destination URL's scheme contradicts the transport option '" + *transport + "'.");
    }
    http->https = https;
  }
  http->port = http->https ? kDefaultHttpsPort : kDefaultHttpPort;
  if (destination.port) http->port = *destination.port;
  if (auto port = options.Number(core::option::kDestinationPort)) http->port = static_cast<std::uint16_t>(*port);
  if (auto ca = options.Number(core::option::kCertCaCheck)) http->check_ca = *ca != 0;
  if (auto cn = options.Number(core::option::kCertCnCheck)) http->check_cn = *cn != 0;
  // OMI's TRUSTED_CERTS_DIR names a folder; the HTTP transport loads one PEM
  // bundle, so here it must name that file.
  if (auto trusted = options.String(core::option::kTrustedCertsDir); trusted && !trusted->empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(*trusted, ec)) {
      return Invalid(error, MI_RESULT_INVALID_PARAMETER,
                     "The trusted certificates option must name a PEM file of CA certificates; '" + *trusted +
                         "' is not one.");
    }
    http->ca_file = *trusted;
  }
  return MI_RESULT_OK;
}

std::string PathOf(const core::OptionBag& options, const Destination& destination) {
  std::string path = destination.path.value_or("/wsman");
  if (auto prefix = options.String(core::option::kHttpUrlPrefix); prefix && !prefix->empty()) path = *prefix;
  if (path.front() != '/') path.insert(0, "/");
  return path;
}

}  // namespace

std::chrono::milliseconds IntervalToMilliseconds(const MI_Interval& i) {
  std::uint64_t ms = ((static_cast<std::uint64_t>(i.days) * 24 + i.hours) * 60 + i.minutes) * 60000ull +
                     static_cast<std::uint64_t>(i.seconds) * 1000 + i.microseconds / 1000;
  return std::chrono::milliseconds(ms);
}

MI_Result BuildSessionSettings(const core::SessionConfig& config, SessionSettings* out, core::ErrorInfo* error) {
  *out = SessionSettings();
  // NULL destination: the local machine, which WinRM reaches as localhost.
  out->destination = config.destination && !config.destination->empty() ? *config.destination : "localhost";
  Destination destination;
  std::string why;
  if (!ParseDestination(out->destination, &destination, &why)) {
    return Invalid(error, MI_RESULT_INVALID_PARAMETER, "Invalid WINRM destination: " + why + ".");
  }
  const core::OptionBag& options = *config.options;
  HttpTransportConfig& http = out->http;
  http.host = destination.host;
  MI_Result r = ApplyTransport(options, destination, &http, error);
  if (r == MI_RESULT_OK) r = ApplyCredentials(options, &http, error);
  if (r != MI_RESULT_OK) return r;
  http.path = PathOf(options, destination);
  if (auto timeout = options.Interval(core::option::kTimeout)) {
    auto ms = IntervalToMilliseconds(*timeout);
    if (ms.count() > 0) out->timeout = ms;
  }
  http.connect_timeout = std::min(http.connect_timeout, out->timeout);
  if (auto kb = options.Number(core::option::kMaxEnvelopeSize)) {
    // MI_DestinationOptions_SetMaxEnvelopeSize takes kilobytes.
    std::uint64_t bytes = static_cast<std::uint64_t>(*kb) * 1024;
    out->max_envelope_size = static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, 0x7fffffffu));
  }
  if (auto n = options.Number(core::option::kMaxElements)) out->max_elements = *n;
  out->ui_locale = options.String(core::option::kUiLocale);
  out->data_locale = options.String(core::option::kDataLocale);
  out->url = std::string(http.https ? "https://" : "http://") + HostPort(http.host, http.port) + http.path;
  return MI_RESULT_OK;
}

}  // namespace cimulate::winrm
