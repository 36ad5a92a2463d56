// PooledClient: one keep-alive connection of the HTTP transport, as an
// httplib::ClientImpl that keeps httplib's request writer and answer parser
// (status line, headers, Content-Length and chunked bodies, Connection:
// close) and replaces everything that touches the network:
//   - create_and_connect_socket: Dial (resolve, connect) and TlsConnect,
//     bounded by the connect time-out and the request's deadline, with
//     errors that say which step failed;
//   - process_socket: a WireStream instead of httplib's SocketStream (which
//     is in httplib's undeclared detail namespace and has per-read
//     time-outs only); for TLS it runs on our SSL session, since
//     SSLClient's process_socket is private and its checks are not ours;
//   - shutdown_ssl: frees that session.
// httplib still decides when the connection is reused or closed; a socket
// it finds closed by the server while idle it reopens on its own.
#ifndef CIMULATE_WINRM_HTTP_POOLED_CLIENT_H_
#define CIMULATE_WINRM_HTTP_POOLED_CLIENT_H_

#include <httplib.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "winrm/http/exchange_record.h"
#include "winrm/http/socket_io.h"
#include "winrm/http/tls_session.h"

namespace cimulate::winrm::http {

// What every connection of one transport shares; owned by the transport.
struct ClientSettings {
  std::string host;
  std::uint16_t port = 0;
  std::string where;             // "host:port", for messages
  const TlsContext* tls = nullptr;  // null: clear text
  bool check_ca = true;
  bool check_cn = true;
  std::chrono::milliseconds connect_timeout{30000};
  std::size_t max_response_bytes = 0;
};

class PooledClient : public httplib::ClientImpl {
 public:
  explicit PooledClient(const ClientSettings& settings);
  ~PooledClient() override;

  // Sends `request` and reads its answer, opening the connection first if
  // there is none.  Returns what ClientImpl::send returns; *record says what
  // the wire showed, for the caller's error.
  bool Exchange(httplib::Request& request, httplib::Response& response, httplib::Error& error,
                Clock::time_point deadline, ExchangeRecord* record);

  bool connection_open() const { return is_socket_open() != 0; }
  // Ends this client's waits from another thread (cancel, shutdown).
  const Waker& waker() const { return waker_; }

 protected:
  bool create_and_connect_socket(Socket& socket, httplib::Error& error) override;
  void shutdown_ssl(Socket& socket, bool shutdown_gracefully) override;

 private:
  bool process_socket(const Socket& socket, std::function<bool(httplib::Stream&)> callback) override;

  const ClientSettings& settings_;
  Waker waker_;
  SSL* ssl_ = nullptr;  // the open connection's TLS session, if any
  // The exchange in progress (send() calls back into the overrides).
  Clock::time_point deadline_;
  ExchangeRecord* record_ = nullptr;
};

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_POOLED_CLIENT_H_
