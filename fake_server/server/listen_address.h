// "ADDR:PORT" listen addresses for the fake endpoint's listeners.
#ifndef CIMULATE_FAKE_SERVER_SERVER_LISTEN_ADDRESS_H_
#define CIMULATE_FAKE_SERVER_SERVER_LISTEN_ADDRESS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cimulate::fake {

struct ListenAddress {
  std::string host = "127.0.0.1";  // numeric; IPv6 without brackets
  std::uint16_t port = 0;          // 0: an ephemeral port
};

// Parses "127.0.0.1:0", "[::1]:8080" or "localhost:0" (taken as 127.0.0.1).
// False, with a reason in `error`, for anything else.
bool ParseListenAddress(std::string_view text, ListenAddress* out, std::string* error);

// True for 127.0.0.0/8 and ::1: the only hosts the admin API may bind.
bool IsLoopbackHost(const std::string& host);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_LISTEN_ADDRESS_H_
