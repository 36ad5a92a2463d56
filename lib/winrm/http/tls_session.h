// TLS for the HTTP transport, with OpenSSL directly: the client context
// (trusted CAs), the non-blocking handshake, and MI's two certificate
// checks, each of which can be switched off on its own.
//
// httplib's SSLClient verifies CA and host name together and reports both
// as one error; MI needs them apart (MI_DestinationOptions_SetCertCACheck /
// SetCertCNCheck) and the handler needs to say which failed and why.
#ifndef CIMULATE_WINRM_HTTP_TLS_SESSION_H_
#define CIMULATE_WINRM_HTTP_TLS_SESSION_H_

#include <memory>
#include <string>

#include <openssl/ssl.h>

#include "winrm/http/socket_io.h"
#include "winrm/transport.h"

namespace cimulate::winrm::http {

class TlsContext {
 public:
  // A context trusting `ca_file` (PEM), or OpenSSL's default store when it
  // is empty; with `load_cas` false, trusting nothing (for check_ca off).
  // Transports asking for the same one share it while any holds it:
  // loading the default store takes a quarter of a second.
  static TransportStatus Shared(const std::string& ca_file, bool load_cas, std::shared_ptr<const TlsContext>* out);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  SSL_CTX* get() const { return ctx_; }

 private:
  explicit TlsContext(SSL_CTX* ctx) : ctx_(ctx) {}
  static TransportStatus Make(const std::string& ca_file, bool load_cas, std::unique_ptr<TlsContext>* out);
  SSL_CTX* ctx_;
};

struct TlsPeer {
  std::string host;   // checked against the certificate's names
  std::string where;  // "host:port", for messages
  bool check_ca = true;
  bool check_cn = true;
  Clock::time_point connect_deadline;
  Clock::time_point deadline;
  int wake_fd = -1;
};

// Runs the handshake on the connected non-blocking socket `fd`, then the
// checks.  On success *ssl is the session (free it with FreeTlsSession).
// Errors: kTlsFailed, kCertificateRejected, kConnectionReset, kTimedOut,
// kConnectFailed (handshake not done within the connect time-out),
// kCancelled.
TransportStatus TlsConnect(const TlsContext& context, const TlsPeer& peer, int fd, SSL** ssl);

// Sends close_notify when asked (best effort, never waits) and frees.
void FreeTlsSession(SSL* ssl, bool notify);

// The reasons queued by OpenSSL on this thread, "; "-separated; clears them.
std::string OpenSslErrors();

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_TLS_SESSION_H_
