#include "winrm/destination.h"

#include <cctype>
#include <charconv>

namespace cimulate::winrm {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
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

bool HasBadCharacter(std::string_view text) {
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7f || c == '/' || c == '?' || c == '#' || c == '@') return true;
  }
  return false;
}

// "host", "host:port", "[v6]", "[v6]:port", or a bare IPv6 address.
bool ParseAuthority(std::string_view text, Destination* out, std::string* error) {
  std::string_view host = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos) {
      *error = "the destination '" + std::string(text) + "' has an unclosed '['";
      return false;
    }
    host = text.substr(1, close - 1);
    std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        *error = "unexpected text after ']' in the destination '" + std::string(text) + "'";
        return false;
      }
      port = rest.substr(1);
      if (port.empty()) port = "x";  // "[::1]:" is a missing port
    }
  } else {
    size_t first = text.find(':');
    // Two colons or more without brackets: an IPv6 address with no port.
    if (first != std::string_view::npos && text.find(':', first + 1) == std::string_view::npos) {
      host = text.substr(0, first);
      port = text.substr(first + 1);
      if (port.empty()) port = "x";
    }
  }
  if (host.empty() || HasBadCharacter(host)) {
    *error = "the destination '" + std::string(text) + "' does not name a host";
    return false;
  }
  if (!port.empty()) {
    std::uint16_t value = 0;
    if (!ParsePort(port, &value)) {
      *error = "the destination '" + std::string(text) + "' has an invalid port (1-65535)";
      return false;
    }
    out->port = value;
  }
  out->host = std::string(host);
  return true;
}

}  // namespace

bool ParseDestination(std::string_view text, Destination* out, std::string* error) {
  *out = Destination();
  std::string_view authority = text;
  if (text.find("://") != std::string_view::npos) {
    if (StartsWithNoCase(text, "https://")) {
      out->https = true;
      authority = text.substr(8);
    } else if (StartsWithNoCase(text, "http://")) {
      out->https = false;
      authority = text.substr(7);
    } else {
      *error = "the destination '" + std::string(text) + "' uses a scheme other than http or https";
      return false;
    }
    size_t slash = authority.find('/');
    if (slash != std::string_view::npos) {
      std::string_view path = authority.substr(slash);
      authority = authority.substr(0, slash);
      if (path.size() > 1) out->path = std::string(path);
    }
  }
  return ParseAuthority(authority, out, error);
}

std::string HostPort(const std::string& host, std::uint16_t port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace cimulate::winrm
