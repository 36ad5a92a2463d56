#include "server/listen_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <charconv>

namespace cimulate::fake {

bool ParseListenAddress(std::string_view text, ListenAddress* out, std::string* error) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    *error = "expected ADDR:PORT but found \"" + std::string(text) + "\"";
    return false;
  }
  std::string host(text.substr(0, colon));
  const std::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    *error = "bad port in \"" + std::string(text) + "\" (expected 0-65535)";
    return false;
  }
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, host.c_str(), &v4) != 1 && inet_pton(AF_INET6, host.c_str(), &v6) != 1) {
    *error = "bad address in \"" + std::string(text) + "\" (expected a numeric IPv4 or [IPv6] address)";
    return false;
  }
  out->host = std::move(host);
  out->port = static_cast<std::uint16_t>(port);
  return true;
}

bool IsLoopbackHost(const std::string& host) {
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace cimulate::fake
