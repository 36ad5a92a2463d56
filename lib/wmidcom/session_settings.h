// What a WMIDCOM session needs from MI_Application_NewSession's destination and
// destination options: where the activation port is, who to log on as, how
// much packet protection to ask for, and how long to wait.  Built at
// OpenSession, without I/O (deferred connection).
#ifndef CIMULATE_WMIDCOM_SESSION_SETTINGS_H_
#define CIMULATE_WMIDCOM_SESSION_SETTINGS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/protocol.h"

namespace cimulate::wmidcom {

// The DCOM activation (endpoint mapper) port.
inline constexpr std::uint16_t kActivationPort = 135;
// NULL destination: the local machine's activation port.
inline constexpr char kLocalHost[] = "127.0.0.1";
// "host:port" that replaces the local endpoint for a NULL destination, so a
// fake on an ephemeral port can stand in for the local machine.
inline constexpr char kEndpointEnvironment[] = "CIMULATE_WMIDCOM_ENDPOINT";
inline constexpr std::chrono::milliseconds kDefaultTimeout{60000};
inline constexpr char kDefaultNamespace[] = "root/cimv2";

// RPC authentication levels (MS-RPCE 2.2.1.1.8) the session may ask for.
enum class Protection : std::uint8_t {
  kIntegrity = 5,  // RPC_C_AUTHN_LEVEL_PKT_INTEGRITY: signed
  kPrivacy = 6,    // RPC_C_AUTHN_LEVEL_PKT_PRIVACY: signed and sealed
};

struct Credentials {
  std::string domain;
  std::string user;  // empty: anonymous NTLM
  std::string password;

  bool anonymous() const { return user.empty(); }
};

struct SessionSettings {
  std::string host;  // IPv6 without brackets
  std::uint16_t port = kActivationPort;
  std::string destination;  // "host:port", for messages and error sources
  Credentials credentials;
  Protection protection = Protection::kPrivacy;  // what Windows asks for by default
  std::chrono::milliseconds timeout = kDefaultTimeout;
};

// Reads an environment variable; std::getenv by default, replaced by tests.
using Environment = std::function<std::optional<std::string>(const char* name)>;
Environment ProcessEnvironment();

// MI_RESULT_OK, or a failure with `error` filled: a destination that does not
// name a host and port, a malformed CIMULATE_WMIDCOM_ENDPOINT, credentials of
// a kind DCOM cannot carry.
MI_Result BuildSessionSettings(const core::SessionConfig& config, const Environment& environment,
                               SessionSettings* out, core::ErrorInfo* error);

// "host" or "host:port" ("[v6]" or "[v6]:port", or a bare IPv6 address).
// False when the text names no host or has a bad port.
bool ParseHostPort(const std::string& text, std::string* host, std::optional<std::uint16_t>* port);

// "host:port", with brackets around an IPv6 address.
std::string JoinHostPort(const std::string& host, std::uint16_t port);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_SESSION_SETTINGS_H_
