// Socket helpers for the HTTP transport: waits that end at a deadline or
// when the connection's Waker fires, and the TCP options that keep a
// keep-alive exchange free of Nagle and delayed-ACK stalls.
#ifndef CIMULATE_WINRM_HTTP_SOCKET_IO_H_
#define CIMULATE_WINRM_HTTP_SOCKET_IO_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace cimulate::winrm::http {

using Clock = std::chrono::steady_clock;

// An eventfd that stays readable once signalled.  Every wait of the
// connection that owns it polls it too, so another thread (a cancel, the
// transport's Shutdown) can end that connection's I/O without touching its
// socket; the connection is discarded afterwards.
class Waker {
 public:
  Waker();
  ~Waker();
  Waker(const Waker&) = delete;
  Waker& operator=(const Waker&) = delete;

  void Signal() const;  // thread-safe
  bool signalled() const;
  int fd() const { return fd_; }

 private:
  int fd_;
};

enum class Readiness { kReady, kTimedOut, kWoken, kFailed };

// Waits for `events` (POLLIN / POLLOUT) on `fd`, the deadline, or `wake_fd`
// becoming readable (-1: none).  POLLHUP and POLLERR count as ready: the
// next read or write says what happened.
Readiness WaitFor(int fd, short events, int wake_fd, Clock::time_point deadline);
// True when `fd` (>= 0) is readable right now; does not wait.
bool ReadableNow(int fd);

// Linux leaves quick-ACK mode on its own after a few segments, so this is
// called before every read: the header block of a split answer is then
// acknowledged at once and the server's Nagle-held body follows at once,
// instead of after the ~40 ms delayed-ACK timer.
void ArmQuickAck(int fd);
// Our request goes out as header block + body; without this the body would
// wait for the server's (delayed) ACK of the header block.
void SetNoDelay(int fd);

std::string ErrnoText(int error);
// "host:port", with brackets around an IPv6 address.
std::string HostPort(const std::string& host, std::uint16_t port);
bool IsIpAddress(const std::string& host);

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_SOCKET_IO_H_
