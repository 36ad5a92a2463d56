// HttpCodec: httplib's HTTP/1.1 parser and response writer, driven one
// exchange at a time on a stream we own.
//
// httplib::Server runs a connection in its private process_and_close_socket
// (accept, TLS, keep-alive loop and close in one call), which leaves no place
// to act between accept and the first byte, between reading a request and
// writing its answer, or on how the answer's bytes go out.  Its protected
// process_request(Stream&, ...) parses one request, routes it and writes the
// answer into the Stream it is given.  Subclassing Server to reach it lets the
// listener own everything around it (see docs/fake-server-transport.md).
#ifndef CIMULATE_FAKE_SERVER_NET_HTTP_CODEC_H_
#define CIMULATE_FAKE_SERVER_NET_HTTP_CODEC_H_

#include <httplib.h>

#include "net/listener_options.h"

namespace cimulate::fake {

class HttpCodec final : public httplib::Server {
 public:
  explicit HttpCodec(const ListenerOptions& options);

  // Reads one request from `stream`, calls the handler of CurrentExchange()
  // and writes the answer into `stream`.  Returns false when no answer could
  // be produced; *connection_closed is set when the request asked to close.
  bool ProcessOne(httplib::Stream& stream, bool close_connection, bool* connection_closed);
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_HTTP_CODEC_H_
