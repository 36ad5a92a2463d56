// ExchangeRecord: what one request/answer exchange showed on the wire.
//
// httplib reports a failed exchange as little more than "Read" or "Write";
// the stream and the connect step fill this record instead, so the
// transport can say precisely what happened (see failure.h).
#ifndef CIMULATE_WINRM_HTTP_EXCHANGE_RECORD_H_
#define CIMULATE_WINRM_HTTP_EXCHANGE_RECORD_H_

#include <cstddef>
#include <string>

#include "winrm/transport.h"

namespace cimulate::winrm::http {

struct ExchangeRecord {
  // Set when resolving, connecting or the TLS handshake failed.
  TransportStatus connect_status;
  bool connected = false;  // this exchange opened a new connection

  std::size_t bytes_received = 0;  // answer bytes, header block included
  std::string head;                // the answer's first bytes, up to the end of its header block
  bool head_complete = false;      // the blank line ending the header block arrived
  bool head_too_long = false;      // status line or header block past WireStream's bounds

  bool eof = false;        // the server closed (FIN, or TLS close_notify)
  int read_errno = 0;      // a read failed with this
  int write_errno = 0;     // a write failed with this
  bool timed_out = false;  // the deadline passed while waiting
  bool woken = false;      // cancelled, or the transport shut down
  bool too_large = false;  // the answer passed max_response_bytes
  std::string tls_error;   // OpenSSL's reason for a failed TLS read or write

  bool NothingReceived() const { return bytes_received == 0; }
};

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_EXCHANGE_RECORD_H_
