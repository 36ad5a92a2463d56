#include "winrm/http/dialer.h"

#include <netdb.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <mutex>
#include <thread>

namespace cimulate::winrm::http {
namespace {

using Code = TransportErrorCode;

// getaddrinfo() has no time-out and cannot be interrupted, so a name (not a
// numeric address) is resolved on a helper thread.  If the caller gives up
// first, the thread finishes on its own and frees the result.
struct Resolution {
  std::mutex mu;
  bool done = false;
  int rc = 0;
  int system_errno = 0;  // for EAI_SYSTEM; errno is per thread
  addrinfo* result = nullptr;
  int done_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

  ~Resolution() {
    if (result) ::freeaddrinfo(result);
    if (done_fd >= 0) ::close(done_fd);
  }
};

addrinfo Hints(int flags) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags;
  return hints;
}

void ResolveOnThread(std::shared_ptr<Resolution> r, std::string host, std::string port) {
  // No AI_ADDRCONFIG: on a host with loopback only it hides "localhost".
  const addrinfo hints = Hints(0);
  addrinfo* result = nullptr;
  const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &result);
  const int system_errno = errno;
  std::lock_guard<std::mutex> lock(r->mu);
  r->rc = rc;
  r->system_errno = system_errno;
  r->result = result;
  r->done = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(r->done_fd, &one, sizeof one);
}

TransportStatus Resolve(const DialTarget& t, const std::string& where, addrinfo** out) {
  const std::string port = std::to_string(t.port);
  const addrinfo numeric = Hints(AI_NUMERICHOST | AI_NUMERICSERV);
  if (::getaddrinfo(t.host.c_str(), port.c_str(), &numeric, out) == 0) return TransportStatus::Ok();

  auto r = std::make_shared<Resolution>();
  if (r->done_fd < 0) return {Code::kResolveFailed, where + ": cannot resolve: " + ErrnoText(errno)};
  std::thread(ResolveOnThread, r, t.host, port).detach();
  const Readiness ready = WaitFor(r->done_fd, POLLIN, t.wake_fd, std::min(t.connect_deadline, t.deadline));
  std::lock_guard<std::mutex> lock(r->mu);
  if (!r->done) {
    if (ready == Readiness::kWoken) return {Code::kCancelled, where + ": cancelled while resolving the name"};
    if (Clock::now() >= t.deadline) return {Code::kTimedOut, where + ": the deadline passed while resolving the name"};
    return {Code::kResolveFailed, where + ": the name did not resolve within the connect time-out"};
  }
  if (r->rc != 0) {
    const std::string why = r->rc == EAI_SYSTEM ? ErrnoText(r->system_errno) : ::gai_strerror(r->rc);
    return {Code::kResolveFailed, where + ": cannot resolve '" + t.host + "': " + why};
  }
  *out = r->result;
  r->result = nullptr;
  return TransportStatus::Ok();
}

// One connect attempt; returns 0 with *fd set, or the errno that failed it.
int ConnectOne(const addrinfo& ai, const DialTarget& t, Readiness* wait, int* fd) {
  const int s = ::socket(ai.ai_family, ai.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai.ai_protocol);
  if (s < 0) return errno;
  SetNoDelay(s);
  int err = 0;
  if (::connect(s, ai.ai_addr, ai.ai_addrlen) != 0) {
    err = errno;
    if (err == EINPROGRESS) {
      *wait = WaitFor(s, POLLOUT, t.wake_fd, std::min(t.connect_deadline, t.deadline));
      err = ETIMEDOUT;
      if (*wait == Readiness::kReady) {
        socklen_t len = sizeof err;
        if (::getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
      }
    }
  }
  if (err != 0) {
    ::close(s);
    return err;
  }
  *fd = s;
  return 0;
}

}  // namespace

TransportStatus Dial(const DialTarget& t, int* fd) {
  const std::string where = HostPort(t.host, t.port);
  addrinfo* list = nullptr;
  TransportStatus status = Resolve(t, where, &list);
  if (!status.ok()) return status;
  std::unique_ptr<addrinfo, void (*)(addrinfo*)> owner(list, ::freeaddrinfo);

  int last_error = EADDRNOTAVAIL;
  for (const addrinfo* ai = list; ai != nullptr; ai = ai->ai_next) {
    Readiness wait = Readiness::kReady;
    last_error = ConnectOne(*ai, t, &wait, fd);
    if (last_error == 0) return TransportStatus::Ok();
    if (wait == Readiness::kWoken) return {Code::kCancelled, where + ": cancelled while connecting"};
    if (wait == Readiness::kTimedOut) break;
  }
  if (last_error == ETIMEDOUT) {
    if (Clock::now() >= t.deadline) return {Code::kTimedOut, where + ": the deadline passed while connecting"};
    return {Code::kConnectFailed, where + ": no connection within the connect time-out"};
  }
  // A listener that accepts and at once resets (a server refusing work, or
  // the fake's `refuse`) can make the connect itself fail with ECONNRESET:
  // that is the server resetting the connection, not an unreachable one.
  if (last_error == ECONNRESET) return {Code::kConnectionReset, where + ": the server reset the connection"};
  return {Code::kConnectFailed, where + ": cannot connect: " + ErrnoText(last_error)};
}

}  // namespace cimulate::winrm::http
