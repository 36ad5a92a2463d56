#include "winrm/http/wire_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>

#include <openssl/err.h>

#include "winrm/http/tls_session.h"

namespace cimulate::winrm::http {
namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
// Bounds on what reaches httplib's parser: it matches the status line with
// std::regex, whose recursion grows with the line, so a server sending an
// endless first line could exhaust the stack; and a header block without
// end is not an answer either.
constexpr std::size_t kMaxStatusLine = 8 * 1024;
constexpr std::size_t kMaxHead = 64 * 1024;

bool Transient(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

void AddressOf(const sockaddr_storage& ss, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

}  // namespace

WireStream::WireStream(int fd, SSL* ssl, WireLimits limits, ExchangeRecord* record)
    : fd_(fd), ssl_(ssl), limits_(limits), record_(record) {}

bool WireStream::is_readable() const {
  if (offset_ < buffer_.size()) return true;
  if (ssl_ != nullptr && SSL_pending(ssl_) > 0) return true;
  return WaitFor(fd_, POLLIN, limits_.wake_fd, limits_.deadline) == Readiness::kReady;
}

bool WireStream::is_writable() const {
  return WaitFor(fd_, POLLOUT, limits_.wake_fd, limits_.deadline) == Readiness::kReady;
}

ssize_t WireStream::read(char* ptr, size_t size) {
  if (offset_ == buffer_.size()) {
    if (!Fill()) return record_->eof && !record_->too_large && !record_->head_too_long ? 0 : -1;
  }
  const std::size_t n = std::min(size, buffer_.size() - offset_);
  std::copy_n(buffer_.data() + offset_, n, ptr);
  offset_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t WireStream::write(const char* ptr, size_t size) {
  for (;;) {
    // A server that keeps its window open would otherwise never make us wait.
    if (Clock::now() >= limits_.deadline) {
      record_->timed_out = true;
      return -1;
    }
    const long n = WriteSome(ptr, size);
    if (n >= 0) return n;
    if (n == -2 || !Wait(want_write_)) return -1;
  }
}

bool WireStream::Fill() {
  buffer_.clear();
  offset_ = 0;
  // Checked here too, not only in waits: a dribbling server may always have
  // a byte ready, so the wait that would notice never comes.
  if (Clock::now() >= limits_.deadline) {
    record_->timed_out = true;
    return false;
  }
  if (ReadableNow(limits_.wake_fd)) {
    record_->woken = true;
    return false;
  }
  buffer_.resize(kReadChunk);
  for (;;) {
    if (ssl_ == nullptr || SSL_pending(ssl_) == 0) ArmQuickAck(fd_);
    const long n = ReadSome(buffer_.data(), buffer_.size());
    if (n > 0) {
      buffer_.resize(static_cast<std::size_t>(n));
      Note(buffer_.data(), buffer_.size());
      return !record_->too_large && !record_->head_too_long;
    }
    if (n == 0) record_->eof = true;
    if (n >= 0 || n == -2 || !Wait(want_write_)) {
      buffer_.clear();
      return false;
    }
  }
}

long WireStream::ReadSome(char* out, std::size_t size) {
  want_write_ = false;
  if (ssl_ == nullptr) {
    const ssize_t n = ::recv(fd_, out, size, 0);
    if (n >= 0) return n;
    if (Transient(errno)) return -1;
    record_->read_errno = errno;
    return -2;
  }
  ERR_clear_error();
  errno = 0;
  const int n = SSL_read(ssl_, out, static_cast<int>(std::min<std::size_t>(size, INT_MAX)));
  if (n > 0) return n;
  const int saved_errno = errno;
  switch (SSL_get_error(ssl_, n)) {
    case SSL_ERROR_WANT_READ: return -1;
    case SSL_ERROR_WANT_WRITE: want_write_ = true; return -1;
    case SSL_ERROR_ZERO_RETURN: return 0;  // close_notify
    case SSL_ERROR_SYSCALL:
      if (saved_errno == 0) return 0;  // FIN without close_notify
      record_->read_errno = saved_errno;
      return -2;
    default:
      // OpenSSL 3 reports a FIN without close_notify this way.
      if (ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        ERR_clear_error();
        return 0;
      }
      record_->tls_error = OpenSslErrors();
      return -2;
  }
}

long WireStream::WriteSome(const char* data, std::size_t size) {
  want_write_ = true;
  if (ssl_ == nullptr) {
    const ssize_t n = ::send(fd_, data, size, MSG_NOSIGNAL);
    if (n >= 0) return n;
    if (Transient(errno)) return -1;
    record_->write_errno = errno;
    return -2;
  }
  ERR_clear_error();
  errno = 0;
  // The same length on every retry, as SSL_write requires.
  const int n = SSL_write(ssl_, data, static_cast<int>(std::min<std::size_t>(size, INT_MAX)));
  if (n > 0) return n;
  const int saved_errno = errno;
  switch (SSL_get_error(ssl_, n)) {
    case SSL_ERROR_WANT_WRITE: return -1;
    case SSL_ERROR_WANT_READ: want_write_ = false; return -1;
    case SSL_ERROR_SYSCALL:
      record_->write_errno = saved_errno != 0 ? saved_errno : EPIPE;
      return -2;
    default:
      record_->tls_error = OpenSslErrors();
      return -2;
  }
}

bool WireStream::Wait(bool for_write) {
  switch (WaitFor(fd_, for_write ? POLLOUT : POLLIN, limits_.wake_fd, limits_.deadline)) {
    case Readiness::kReady: return true;
    case Readiness::kTimedOut: record_->timed_out = true; return false;
    case Readiness::kWoken: record_->woken = true; return false;
    case Readiness::kFailed: (for_write ? record_->write_errno : record_->read_errno) = errno; return false;
  }
  return false;
}

void WireStream::Note(const char* data, std::size_t size) {
  record_->bytes_received += size;
  if (record_->bytes_received > limits_.max_response_bytes) record_->too_large = true;
  if (record_->head_complete || record_->head_too_long) return;
  const std::size_t before = record_->head.size();
  record_->head.append(data, std::min(size, kMaxHead + 4 - before));
  const std::size_t from = before >= 3 ? before - 3 : 0;
  const std::size_t end = record_->head.find("\r\n\r\n", from);
  record_->head_complete = end != std::string::npos && end + 4 <= kMaxHead;
  const std::size_t line_end = record_->head.find('\n');
  const bool line_too_long = line_end == std::string::npos ? record_->head.size() > kMaxStatusLine
                                                           : line_end + 1 > kMaxStatusLine;
  record_->head_too_long = line_too_long || (!record_->head_complete && record_->head.size() >= kMaxHead);
}

void WireStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) AddressOf(ss, ip, port);
}

void WireStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&ss), &len) == 0) AddressOf(ss, ip, port);
}

}  // namespace cimulate::winrm::http
