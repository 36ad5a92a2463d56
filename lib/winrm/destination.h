// The destination string of MI_Application_NewSession, as the WINRM protocol
// reads it: "host", "host:port", "[v6]:port", a bare IPv6 address, or a URL
// "http(s)://host[:port][/prefix]".  What the string leaves open (port,
// scheme, path) comes from the destination options or the defaults.
#ifndef CIMULATE_WINRM_DESTINATION_H_
#define CIMULATE_WINRM_DESTINATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cimulate::winrm {

struct Destination {
  std::string host;                // IPv6 without brackets
  std::optional<std::uint16_t> port;
  std::optional<bool> https;       // set by a URL scheme
  std::optional<std::string> path;  // set by a URL with a path
};

// False with `error` set when the text cannot name a host (empty host, a bad
// port, an unknown scheme, an unclosed bracket, spaces).
bool ParseDestination(std::string_view text, Destination* out, std::string* error);

// "host:port", with brackets around an IPv6 address; for URLs and messages.
std::string HostPort(const std::string& host, std::uint16_t port);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_DESTINATION_H_
