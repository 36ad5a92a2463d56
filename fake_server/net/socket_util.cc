#include "net/socket_util.h"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace cimulate::fake {

WaitResult WaitFd(int fd, bool for_write, Clock::time_point deadline, const std::atomic<bool>* stop) {
  for (;;) {
    if (stop && stop->load(std::memory_order_acquire)) return WaitResult::kStopped;
    int slice = kPollSliceMs;
    if (deadline != Clock::time_point::max()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return WaitResult::kTimeout;
      slice = static_cast<int>(std::min<long long>(left, kPollSliceMs));
    }
    pollfd p{fd, static_cast<short>(for_write ? POLLOUT : POLLIN), 0};
    const int n = ::poll(&p, 1, slice);
    if (n < 0) {
      if (errno == EINTR) continue;
      return WaitResult::kError;
    }
    // POLLHUP/POLLERR count as ready: the following read or write reports
    // what happened.
    if (n > 0) return WaitResult::kReady;
  }
}

long PeekByte(int fd) {
  char c;
  for (;;) {
    const ssize_t n = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    return static_cast<long>(n);
  }
}

bool SetNonBlocking(int fd) {
  const int flags = ::fcntl(fd, F_GETFL, 0);
  return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

void SetNoDelay(int fd) {
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool SendAll(int fd, const char* data, std::size_t size, Clock::time_point deadline, const std::atomic<bool>* stop) {
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n > 0) {
      data += n;
      size -= static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (WaitFd(fd, true, deadline, stop) != WaitResult::kReady) return false;
      continue;
    }
    return false;
  }
  return true;
}

void ResetAndClose(int fd) {
  linger l{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::close(fd);
}

void CloseGracefully(int fd, std::chrono::milliseconds drain) {
  ::shutdown(fd, SHUT_WR);
  const auto deadline = Clock::now() + drain;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n == 0) break;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) break;
    if (WaitFd(fd, false, deadline, nullptr) != WaitResult::kReady) break;
  }
  ::close(fd);
}

namespace {

std::string FormatAddress(const sockaddr_storage& ss) {
  char host[INET6_ADDRSTRLEN] = {0};
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
    return std::string(host) + ":" + std::to_string(ntohs(a->sin_port));
  }
  if (ss.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    return "[" + std::string(host) + "]:" + std::to_string(ntohs(a->sin6_port));
  }
  return "?";
}

}  // namespace

std::string PeerAddress(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return "?";
  return FormatAddress(ss);
}

std::string LocalAddress(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return "?";
  return FormatAddress(ss);
}

void SplitAddress(const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  std::string h = colon == std::string::npos ? address : address.substr(0, colon);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  *host = h;
  *port = colon == std::string::npos ? -1 : std::atoi(address.c_str() + colon + 1);
}

Clock::time_point DeadlineAfterMs(std::uint32_t ms) {
  return ms == 0 ? Clock::time_point::max() : Clock::now() + std::chrono::milliseconds(ms);
}

}  // namespace cimulate::fake
