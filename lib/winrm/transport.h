// The seam between the WINRM protocol handler and HTTP.
//
// The handler turns MI operations into SOAP envelopes and hands each one to a
// Transport, which POSTs it to the destination and returns the HTTP answer,
// whatever its status.  The real one (http_transport.h) owns a session's
// keep-alive connections; tests may put the fake endpoint's engine behind
// this interface to run the handler without sockets.
#ifndef CIMULATE_WINRM_TRANSPORT_H_
#define CIMULATE_WINRM_TRANSPORT_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"
#include "winrm/cancel_signal.h"

namespace cimulate::winrm {

enum class TransportErrorCode {
  kOk = 0,
  kResolveFailed,        // the destination's name does not resolve
  kConnectFailed,        // refused, unreachable, or no connection within the time-out
  kTlsFailed,            // handshake failed (not a certificate check)
  kCertificateRejected,  // CA or CN check failed; the message says which
  kTimedOut,             // no complete answer before the deadline
  kConnectionClosed,     // the server closed before a complete answer
  kConnectionReset,      // the server reset the connection
  kBadResponse,          // not HTTP, or HTTP this client cannot read
  kTruncated,            // fewer body bytes than Content-Length, then close
  kResponseTooLarge,     // the answer exceeds the configured limit
  kCancelled,            // CancelSignal fired
};
std::string_view ErrorCodeName(TransportErrorCode code);
using TransportStatus = BasicStatus<TransportErrorCode>;

using HttpField = std::pair<std::string, std::string>;

struct PostRequest {
  std::string body;                  // the SOAP envelope
  std::vector<HttpField> headers;    // extra fields, e.g. WSMANIDENTIFY
  std::chrono::steady_clock::time_point deadline;
  // May be sent again, once, on a fresh connection when a kept-alive one
  // turns out to be closed before any answer byte arrived.
  bool idempotent = true;
  CancelSignal* cancel = nullptr;    // may be null
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpField> headers;
  std::string body;
  // The first field of that name (case-insensitive), or null.
  const std::string* Header(std::string_view name) const;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Blocks until the whole answer arrived, the deadline passed, or the
  // request was cancelled.  Thread-safe: concurrent Posts use separate
  // connections.
  virtual TransportStatus Post(const PostRequest& request, HttpResponse* response) = 0;
  // Closes every idle connection and makes later Posts fail with
  // kCancelled; called when the session closes.
  virtual void Shutdown() = 0;
};

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_TRANSPORT_H_
