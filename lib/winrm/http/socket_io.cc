#include "winrm/http/socket_io.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cimulate::winrm::http {

Waker::Waker() : fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

Waker::~Waker() {
  if (fd_ >= 0) ::close(fd_);
}

void Waker::Signal() const {
  if (fd_ < 0) return;
  const std::uint64_t one = 1;
  // The counter only grows and nobody reads it: it stays readable.
  [[maybe_unused]] const ssize_t n = ::write(fd_, &one, sizeof one);
}

bool Waker::signalled() const { return ReadableNow(fd_); }

bool ReadableNow(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

Readiness WaitFor(int fd, short events, int wake_fd, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return Readiness::kTimedOut;
    // Rounded up so that a wait never ends a little before its deadline.
    const int timeout = static_cast<int>(std::min<long long>(left + 1, 60000));
    pollfd p[2] = {{fd, events, 0}, {wake_fd, POLLIN, 0}};
    const int n = ::poll(p, wake_fd >= 0 ? 2 : 1, timeout);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Readiness::kFailed;
    }
    if (n == 0) continue;  // the loop head decides whether the deadline passed
    if (wake_fd >= 0 && p[1].revents != 0) return Readiness::kWoken;
    if (p[0].revents != 0) return Readiness::kReady;
  }
}

void ArmQuickAck(int fd) {
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

void SetNoDelay(int fd) {
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

std::string ErrnoText(int error) {
  char buf[256];
  // GNU strerror_r returns the text, which need not be in buf.
  return ::strerror_r(error, buf, sizeof buf);
}

bool IsIpAddress(const std::string& host) {
  unsigned char addr[sizeof(in6_addr)];
  return ::inet_pton(AF_INET, host.c_str(), addr) == 1 || ::inet_pton(AF_INET6, host.c_str(), addr) == 1;
}

std::string HostPort(const std::string& host, std::uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace cimulate::winrm::http
