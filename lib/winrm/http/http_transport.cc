// HttpTransport: Post = check out a connection, one exchange (sent again
// once on a new connection when a kept-alive one turns out to be closed),
// check the connection back in.
#include "winrm/http/http_transport.h"

#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <utility>

#include "winrm/http/connection_pool.h"
#include "winrm/http/failure.h"
#include "winrm/http/pooled_client.h"
#include "winrm/http/tls_session.h"

namespace cimulate::winrm {
namespace {

using http::Clock;
using http::ExchangeRecord;
using http::PooledClient;

class HttpTransport : public Transport {
 public:
  explicit HttpTransport(HttpTransportConfig config);

  TransportStatus Post(const PostRequest& request, HttpResponse* response) override;
  void Shutdown() override { pool_.Shutdown(); }

 private:
  TransportStatus PrepareTls();
  TransportStatus ExchangeOnce(PooledClient& client, const PostRequest& request, Clock::time_point deadline,
                               HttpResponse* response, ExchangeRecord* record);
  httplib::Request BuildRequest(const PostRequest& request) const;

  const HttpTransportConfig config_;
  std::mutex tls_mu_;
  std::shared_ptr<const http::TlsContext> tls_;  // made by the first HTTPS Post
  http::ClientSettings settings_;  // settings_.tls is set once, under tls_mu_, before any client uses it
  http::ConnectionPool pool_;
};

HttpTransport::HttpTransport(HttpTransportConfig config)
    : config_(std::move(config)),
      pool_(config_.max_connections, http::HostPort(config_.host, config_.port),
            [this] { return std::make_unique<PooledClient>(settings_); }) {
  settings_.host = config_.host;
  settings_.port = config_.port;
  settings_.where = http::HostPort(config_.host, config_.port);
  settings_.check_ca = config_.check_ca;
  settings_.check_cn = config_.check_cn;
  settings_.connect_timeout = config_.connect_timeout;
  settings_.max_response_bytes = config_.max_response_bytes;
}

httplib::Request HttpTransport::BuildRequest(const PostRequest& request) const {
  httplib::Request out;
  out.method = "POST";
  out.path = config_.path;
  out.body = request.body;
  out.set_header("Host", settings_.where);
  out.set_header("Content-Type", "application/soap+xml;charset=UTF-8");
  // set_header drops a field with CR or LF in it: no header can be smuggled in.
  for (const HttpField& field : request.headers) out.set_header(field.first.c_str(), field.second);
  if (!config_.user.empty()) {
    // Nothing in the transport logs a request, so the password stays here.
    out.headers.emplace(httplib::make_basic_authentication_header(config_.user, config_.password));
  }
  return out;
}

TransportStatus HttpTransport::ExchangeOnce(PooledClient& client, const PostRequest& request,
                                            Clock::time_point deadline, HttpResponse* response, ExchangeRecord* record) {
  httplib::Request req = BuildRequest(request);
  // A declared body over the limit is refused before it is read.
  req.response_handler = [this, record](const httplib::Response& res) {
    auto length = res.headers.find("Content-Length");
    if (length != res.headers.end() && std::strtoull(length->second.c_str(), nullptr, 10) > config_.max_response_bytes) {
      record->too_large = true;
      return false;
    }
    return true;
  };
  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  if (request.cancel != nullptr && !request.cancel->Arm([&client] { client.waker().Signal(); })) {
    return {TransportErrorCode::kCancelled, settings_.where + ": cancelled"};
  }
  bool sent = false;
  std::string exception;
  try {
    sent = client.Exchange(req, res, error, deadline, record);
  } catch (const std::exception& e) {
    // httplib parses with std::regex and std::stoi; bad input must not escape.
    exception = e.what();
  }
  if (request.cancel != nullptr) request.cancel->Disarm();
  if (!sent) {
    const std::string why = exception.empty() ? httplib::to_string(error) : "exception: " + exception;
    return http::DescribeFailure(*record, why, settings_.where, config_.max_response_bytes);
  }
  response->status = res.status;
  response->headers.assign(res.headers.begin(), res.headers.end());
  response->body = std::move(res.body);
  return TransportStatus::Ok();
}

// Deferred like the connection: creating the transport loads no CAs.  A
// failure (a CA file that will not load) is reported by every Post.
TransportStatus HttpTransport::PrepareTls() {
  std::lock_guard<std::mutex> lock(tls_mu_);
  if (!config_.https || tls_) return TransportStatus::Ok();
  TransportStatus status = http::TlsContext::Shared(config_.ca_file, config_.check_ca, &tls_);
  if (status.ok()) settings_.tls = tls_.get();
  return status;
}

TransportStatus HttpTransport::Post(const PostRequest& request, HttpResponse* response) {
  TransportStatus prepared = PrepareTls();
  if (!prepared.ok()) return prepared;
  // An unset deadline (the epoch) means none, not one long past.
  const Clock::time_point deadline =
      request.deadline == Clock::time_point{} ? Clock::time_point::max() : request.deadline;
  std::unique_ptr<PooledClient> client;
  TransportStatus status = pool_.Acquire(deadline, request.cancel, &client);
  if (!status.ok()) return status;
  for (int attempt = 0;; ++attempt) {
    ExchangeRecord record;
    status = ExchangeOnce(*client, request, deadline, response, &record);
    const bool retry = !status.ok() && attempt == 0 && request.idempotent && http::StaleConnection(record, status) &&
                       Clock::now() < deadline;
    if (!retry) break;
    // The failed exchange closed the socket: the next one connects anew.
  }
  pool_.Release(std::move(client), status.ok());
  return status;
}

}  // namespace

std::unique_ptr<Transport> NewHttpTransport(HttpTransportConfig config) {
  return std::make_unique<HttpTransport>(std::move(config));
}

}  // namespace cimulate::winrm
