// Configuration of one HTTP(S) listener of the fake endpoint.
#ifndef CIMULATE_FAKE_SERVER_NET_LISTENER_OPTIONS_H_
#define CIMULATE_FAKE_SERVER_NET_LISTENER_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace cimulate::fake {

struct ListenerOptions {
  std::string name = "winrm_http";  // in the journal and in AcceptInfo
  std::string host = "127.0.0.1";   // numeric address; "::1" for IPv6 loopback
  std::uint16_t port = 0;           // 0: an ephemeral port, see HttpListener::port()

  bool tls = false;
  std::string cert_file;  // PEM; both empty: a self-signed certificate made at Start()
  std::string key_file;
  std::string tls_common_name = "localhost";

  // Limits.  A request whose header block exceeds max_header_bytes gets 400,
  // one whose body exceeds max_body_bytes gets 413; both then close.
  std::size_t max_header_bytes = 64 * 1024;
  std::size_t max_body_bytes = 512 * 1024;
  std::size_t max_connections = 64;            // beyond: 503 and close
  std::uint32_t max_requests_per_connection = 0;  // 0: unlimited
  std::uint32_t read_timeout_ms = 30000;   // for a request's bytes once it has begun
  std::uint32_t idle_timeout_ms = 120000;  // between requests on a kept-alive connection
  std::uint32_t write_timeout_ms = 30000;

  // Write each response as two sends, headers then body, as OMI does (and
  // httplib would): a client test switch.  Off, a response is one send, so a
  // keep-alive client never waits on a delayed ACK for the body.
  bool split_headers_and_body = false;
  std::uint32_t split_gap_ms = 0;  // pause between the two sends
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_LISTENER_OPTIONS_H_
