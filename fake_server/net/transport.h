// Transport: byte I/O on one accepted, non-blocking socket, in clear or
// through TLS, with deadlines and the listener's stop flag honoured by every
// wait.  Faults that work below HTTP (RST, close) use fd() directly.
#ifndef CIMULATE_FAKE_SERVER_NET_TRANSPORT_H_
#define CIMULATE_FAKE_SERVER_NET_TRANSPORT_H_

#include <atomic>
#include <cstddef>
#include <string>

#include <openssl/ssl.h>

#include "net/socket_util.h"

namespace cimulate::fake {

class Transport {
 public:
  enum class Failure { kNone, kEof, kTimeout, kStopped, kReset, kError };

  Transport(int fd, const std::atomic<bool>* stop) : fd_(fd), stop_(stop) {}
  ~Transport();

  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Runs the server side of the TLS handshake; afterwards all I/O is through
  // TLS.  On failure *error says why.
  bool AcceptTls(SSL_CTX* ctx, Clock::time_point deadline, std::string* error);

  // >0: bytes read; 0: the peer closed; -1: see failure().
  long Read(char* buf, std::size_t size, Clock::time_point deadline);
  bool Write(const char* data, std::size_t size, Clock::time_point deadline);

  // Bytes already received and decrypted but not yet read (TLS only).
  bool HasBuffered() const;
  // Sends TLS close_notify (best effort, no wait); a no-op in clear.
  void ShutdownTls();

  int fd() const { return fd_; }
  bool tls() const { return ssl_ != nullptr; }
  Failure failure() const { return failure_; }
  const std::atomic<bool>* stop() const { return stop_; }
  std::string TlsDescription() const;  // "TLSv1.3 TLS_AES_256_GCM_SHA384"

 private:
  long Fail(Failure f) {
    failure_ = f;
    return -1;
  }
  Failure WaitFailure(WaitResult r) const;

  int fd_;
  const std::atomic<bool>* stop_;
  SSL* ssl_ = nullptr;
  Failure failure_ = Failure::kNone;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_TRANSPORT_H_
