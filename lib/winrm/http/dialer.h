// Dial: name resolution and TCP connect for the HTTP transport, bounded by
// the connect time-out and the request's deadline, and abandoned at once
// when the connection's Waker fires.
#ifndef CIMULATE_WINRM_HTTP_DIALER_H_
#define CIMULATE_WINRM_HTTP_DIALER_H_

#include <cstdint>
#include <string>

#include "winrm/http/socket_io.h"
#include "winrm/transport.h"

namespace cimulate::winrm::http {

struct DialTarget {
  std::string host;  // a name or a numeric address
  std::uint16_t port = 0;
  Clock::time_point connect_deadline;  // past it: kConnectFailed
  Clock::time_point deadline;          // the request's: kTimedOut
  int wake_fd = -1;
};

// On success *fd is a connected, non-blocking socket with TCP_NODELAY.
// Errors: kResolveFailed, kConnectFailed, kTimedOut, kCancelled.
TransportStatus Dial(const DialTarget& target, int* fd);

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_DIALER_H_
