#include "winrm/http/pooled_client.h"

#include <unistd.h>

#include <mutex>

#include "winrm/http/dialer.h"
#include "winrm/http/wire_stream.h"

namespace cimulate::winrm::http {

PooledClient::PooledClient(const ClientSettings& settings)
    : httplib::ClientImpl(settings.host, settings.port), settings_(settings) {
  set_keep_alive(true);
  // The path is sent as configured, and answers are not compressed (WinRM
  // does not, and an Accept-Encoding would invite it).
  set_url_encode(false);
  set_compress(false);
  set_decompress(false);
}

PooledClient::~PooledClient() {
  // ClientImpl's destructor closes the socket but knows nothing of our TLS
  // session, which must go first.
  std::lock_guard<std::mutex> lock(socket_mutex_);
  shutdown_ssl(socket_, true);
}

bool PooledClient::Exchange(httplib::Request& request, httplib::Response& response, httplib::Error& error,
                            Clock::time_point deadline, ExchangeRecord* record) {
  deadline_ = deadline;
  record_ = record;
  const bool sent = send(request, response, error);
  record_ = nullptr;
  return sent;
}

bool PooledClient::create_and_connect_socket(Socket& socket, httplib::Error& error) {
  DialTarget target;
  target.host = settings_.host;
  target.port = settings_.port;
  target.connect_deadline = Clock::now() + settings_.connect_timeout;
  target.deadline = deadline_;
  target.wake_fd = waker_.fd();
  int fd = -1;
  TransportStatus status = Dial(target, &fd);
  if (status.ok() && settings_.tls != nullptr) {
    TlsPeer peer{settings_.host, settings_.where, settings_.check_ca, settings_.check_cn,
                 target.connect_deadline, deadline_, waker_.fd()};
    status = TlsConnect(*settings_.tls, peer, fd, &ssl_);
    if (!status.ok()) ::close(fd);
  }
  if (!status.ok()) {
    record_->connect_status = status;
    error = httplib::Error::Connection;
    return false;
  }
  socket.sock = fd;
  record_->connected = true;
  return true;
}

void PooledClient::shutdown_ssl(Socket&, bool shutdown_gracefully) {
  FreeTlsSession(ssl_, shutdown_gracefully);
  ssl_ = nullptr;
}

bool PooledClient::process_socket(const Socket& socket, std::function<bool(httplib::Stream&)> callback) {
  WireStream stream(socket.sock, ssl_, WireLimits{deadline_, settings_.max_response_bytes, waker_.fd()}, record_);
  return callback(stream);
}

}  // namespace cimulate::winrm::http
