#include "wmidcom/session_settings.h"

#include <charconv>
#include <cstdlib>

#include "core/options.h"
#include "core/value.h"

namespace cimulate::wmidcom {
namespace {

MI_Result Invalid(core::ErrorInfo* error, MI_Result result, std::string message) {
  error->result = result;
  error->message = std::move(message);
  return result;
}

bool ParsePort(std::string_view text, std::uint16_t* port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535) {
    return false;
  }
  *port = static_cast<std::uint16_t>(value);
  return true;
}

bool NamesNoHost(std::string_view host) {
  if (host.empty()) return true;
  for (char c : host) {
    auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7f || c == '/' || c == '\\' || c == '[' || c == ']' || c == '@') return true;
  }
  return false;
}

// NTLM is the only authentication service this handler speaks; the MI types
// that mean "negotiate" or "the default" all end up as NTLM, "None" is the
// anonymous NTLM logon.
bool IsNtlmCompatible(const std::string& type) {
  for (const char* ok : {MI_AUTH_TYPE_DEFAULT, MI_AUTH_TYPE_NTLM, MI_AUTH_TYPE_NEGO_WITH_CREDS,
                         MI_AUTH_TYPE_NEGO_NO_CREDS, MI_AUTH_TYPE_NONE}) {
    if (core::NamesEqual(type.c_str(), ok)) return true;
  }
  return false;
}

MI_Result ApplyCredentials(const core::OptionBag& options, Credentials* out, core::ErrorInfo* error) {
  for (const auto& entry : options.credentials()) {
    if (entry->option_name != core::option::kDestinationCredentials) continue;
    const std::string& type = entry->authentication_type;
    if (!IsNtlmCompatible(type)) {
      return Invalid(error, MI_RESULT_NOT_SUPPORTED,
                     "The WMIDCOM protocol authenticates with NTLM only; '" + type + "' was requested.");
    }
    *out = Credentials();
    if (core::NamesEqual(type.c_str(), MI_AUTH_TYPE_NONE) || !entry->username) continue;
    std::string user = *entry->username;
    // "DOMAIN\user" in the user name is as good as a separate domain.
    if (auto slash = user.find('\\'); slash != std::string::npos && !entry->domain) {
      out->domain = user.substr(0, slash);
      user = user.substr(slash + 1);
    }
    if (entry->domain) out->domain = *entry->domain;
    out->user = user;
    out->password = entry->password.value_or("");
  }
  return MI_RESULT_OK;
}

// Privacy unless the caller switched it off; then integrity, which is the
// least a WMI server accepts for an authenticated caller.
Protection ProtectionOf(const core::OptionBag& options) {
  auto privacy = options.Number(core::option::kPacketPrivacy);
  if (privacy && *privacy == 0) return Protection::kIntegrity;
  return Protection::kPrivacy;
}

std::chrono::milliseconds IntervalToMilliseconds(const MI_Interval& i) {
  std::uint64_t ms = ((static_cast<std::uint64_t>(i.days) * 24 + i.hours) * 60 + i.minutes) * 60000ull +
                     static_cast<std::uint64_t>(i.seconds) * 1000 + i.microseconds / 1000;
  return std::chrono::milliseconds(ms);
}

}  // namespace

Environment ProcessEnvironment() {
  return [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

bool ParseHostPort(const std::string& text, std::string* host, std::optional<std::uint16_t>* port) {
  std::string_view view = text;
  std::string_view host_part = view;
  std::string_view port_part;
  bool has_port = false;
  if (!view.empty() && view.front() == '[') {
    size_t close = view.find(']');
    if (close == std::string_view::npos) return false;
    host_part = view.substr(1, close - 1);
    std::string_view rest = view.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return false;
      port_part = rest.substr(1);
      has_port = true;
    }
  } else if (size_t colon = view.find(':');
             colon != std::string_view::npos && view.find(':', colon + 1) == std::string_view::npos) {
    host_part = view.substr(0, colon);
    port_part = view.substr(colon + 1);
    has_port = true;
  }
  if (NamesNoHost(host_part)) return false;
  *port = std::nullopt;
  if (has_port) {
    std::uint16_t value = 0;
    if (!ParsePort(port_part, &value)) return false;
    *port = value;
  }
  *host = std::string(host_part);
  return true;
}

std::string JoinHostPort(const std::string& host, std::uint16_t port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

MI_Result BuildSessionSettings(const core::SessionConfig& config, const Environment& environment,
                               SessionSettings* out, core::ErrorInfo* error) {
  *out = SessionSettings();
  std::string endpoint = kLocalHost;
  const char* source = "destination";
  if (config.destination) {
    endpoint = *config.destination;
  } else if (auto overridden = environment ? environment(kEndpointEnvironment) : std::nullopt) {
    endpoint = *overridden;
    source = kEndpointEnvironment;
  }
  std::optional<std::uint16_t> port;
  if (!ParseHostPort(endpoint, &out->host, &port)) {
    return Invalid(error, MI_RESULT_INVALID_PARAMETER,
                   std::string("Invalid WMIDCOM ") + source + " '" + endpoint +
                       "': expected a host name or address, optionally with :port (1-65535).");
  }
  const core::OptionBag& options = *config.options;
  out->port = port.value_or(kActivationPort);
  if (auto option_port = options.Number(core::option::kDestinationPort); option_port && !port) {
    if (*option_port == 0 || *option_port > 65535) {
      return Invalid(error, MI_RESULT_INVALID_PARAMETER, "The destination port option must be 1-65535.");
    }
    out->port = static_cast<std::uint16_t>(*option_port);
  }
  out->destination = JoinHostPort(out->host, out->port);
  MI_Result r = ApplyCredentials(options, &out->credentials, error);
  if (r != MI_RESULT_OK) return r;
  out->protection = ProtectionOf(options);
  if (auto timeout = options.Interval(core::option::kTimeout)) {
    auto ms = IntervalToMilliseconds(*timeout);
    if (ms.count() > 0) out->timeout = ms;
  }
  return MI_RESULT_OK;
}

}  // namespace cimulate::wmidcom
