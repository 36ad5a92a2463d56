#include "net/transport.h"

#include <cerrno>
#include <sys/socket.h>

#include <openssl/err.h>

#include "net/tls_identity.h"

namespace cimulate::fake {

Transport::~Transport() {
  if (ssl_) SSL_free(ssl_);
}

Transport::Failure Transport::WaitFailure(WaitResult r) const {
  switch (r) {
    case WaitResult::kTimeout: return Failure::kTimeout;
    case WaitResult::kStopped: return Failure::kStopped;
    default: return Failure::kError;
  }
}

bool Transport::AcceptTls(SSL_CTX* ctx, Clock::time_point deadline, std::string* error) {
  ssl_ = SSL_new(ctx);
  if (!ssl_ || SSL_set_fd(ssl_, fd_) != 1) {
    *error = TakeOpenSslErrors();
    return false;
  }
  // A client that drops the TCP connection without close_notify is an EOF
  // to us, not a protocol error.
  SSL_set_options(ssl_, SSL_OP_IGNORE_UNEXPECTED_EOF);
  ERR_clear_error();
  for (;;) {
    const int r = SSL_accept(ssl_);
    if (r == 1) return true;
    const int e = SSL_get_error(ssl_, r);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
      const WaitResult w = WaitFd(fd_, e == SSL_ERROR_WANT_WRITE, deadline, stop_);
      if (w != WaitResult::kReady) {
        failure_ = WaitFailure(w);
        *error = w == WaitResult::kTimeout ? "handshake timed out" : "listener stopped";
        return false;
      }
      continue;
    }
    if (e == SSL_ERROR_SYSCALL || e == SSL_ERROR_ZERO_RETURN) {
      *error = errno == ECONNRESET ? "client reset the connection" : "client closed the connection";
      failure_ = errno == ECONNRESET ? Failure::kReset : Failure::kEof;
      ERR_clear_error();
      return false;
    }
    *error = TakeOpenSslErrors();
    failure_ = Failure::kError;
    return false;
  }
}

long Transport::Read(char* buf, std::size_t size, Clock::time_point deadline) {
  if (!ssl_) {
    for (;;) {
      const ssize_t n = ::recv(fd_, buf, size, 0);
      if (n >= 0) {
        if (n == 0) failure_ = Failure::kEof;
        return static_cast<long>(n);
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        const WaitResult w = WaitFd(fd_, false, deadline, stop_);
        if (w != WaitResult::kReady) return Fail(WaitFailure(w));
        continue;
      }
      return Fail(errno == ECONNRESET ? Failure::kReset : Failure::kError);
    }
  }
  for (;;) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buf, static_cast<int>(size));
    if (n > 0) return n;
    const int e = SSL_get_error(ssl_, n);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
      const WaitResult w = WaitFd(fd_, e == SSL_ERROR_WANT_WRITE, deadline, stop_);
      if (w != WaitResult::kReady) return Fail(WaitFailure(w));
      continue;
    }
    if (e == SSL_ERROR_ZERO_RETURN || (e == SSL_ERROR_SYSCALL && errno == 0)) {
      failure_ = Failure::kEof;
      return 0;
    }
    ERR_clear_error();
    return Fail(errno == ECONNRESET ? Failure::kReset : Failure::kError);
  }
}

bool Transport::Write(const char* data, std::size_t size, Clock::time_point deadline) {
  if (!ssl_) {
    if (SendAll(fd_, data, size, deadline, stop_)) return true;
    failure_ = errno == ECONNRESET || errno == EPIPE ? Failure::kReset : Failure::kError;
    return false;
  }
  while (size > 0) {
    ERR_clear_error();
    const int n = SSL_write(ssl_, data, static_cast<int>(size));
    if (n > 0) {
      data += n;
      size -= static_cast<std::size_t>(n);
      continue;
    }
    const int e = SSL_get_error(ssl_, n);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
      const WaitResult w = WaitFd(fd_, e == SSL_ERROR_WANT_WRITE, deadline, stop_);
      if (w != WaitResult::kReady) {
        failure_ = WaitFailure(w);
        return false;
      }
      continue;
    }
    ERR_clear_error();
    failure_ = Failure::kReset;
    return false;
  }
  return true;
}

bool Transport::HasBuffered() const { return ssl_ && SSL_pending(ssl_) > 0; }

void Transport::ShutdownTls() {
  if (ssl_) {
    ERR_clear_error();
    SSL_shutdown(ssl_);
    ERR_clear_error();
  }
}

std::string Transport::TlsDescription() const {
  if (!ssl_) return {};
  const char* cipher = SSL_get_cipher_name(ssl_);
  return std::string(SSL_get_version(ssl_)) + " " + (cipher ? cipher : "?");
}

}  // namespace cimulate::fake
