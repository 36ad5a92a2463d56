// Test fixture: a fake HTTP(S) listener on loopback whose handler the test
// sets, its journal, and the helpers the transport tests share.
#ifndef CIMULATE_TESTS_UNIT_WINRM_HTTP_FAKE_ENDPOINT_H_
#define CIMULATE_TESTS_UNIT_WINRM_HTTP_FAKE_ENDPOINT_H_

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "journal/journal.h"
#include "net/http_listener.h"
#include "winrm/http/http_transport.h"
#include "winrm/transport.h"

namespace cimulate::winrm::testing {

using fake::ConnectionContext;
using fake::Reply;
using Clock = std::chrono::steady_clock;
using Handler = std::function<Reply(const fake::Request&, ConnectionContext&)>;

class FakeEndpoint {
 public:
  explicit FakeEndpoint(fake::ListenerOptions options = {});

  // Replaces the handler; the default echoes "echo:" + body with status 200.
  void SetHandler(Handler handler);
  // Every answer gets this transport fault (and a 200-byte body).
  void SetFault(scenario::TransportFault fault);

  bool started() const { return started_; }
  std::uint16_t port() const { return listener_->port(); }
  fake::HttpListener& listener() { return *listener_; }
  fake::Journal& journal() { return journal_; }
  std::size_t accepted() const { return journal_.ConnectionsAccepted(name_); }

 private:
  fake::Journal journal_;
  std::string name_;
  std::mutex mu_;
  Handler handler_;
  bool started_ = false;
  std::unique_ptr<fake::HttpListener> listener_;  // last: stopped first
};

scenario::TransportFault Fault(scenario::TransportFaultKind kind);

HttpTransportConfig ConfigFor(const FakeEndpoint& endpoint, const std::string& host = "127.0.0.1");

// A Post with this body, due `timeout` from now.
PostRequest Request(std::string body, std::chrono::milliseconds timeout = std::chrono::seconds(5));

long long MillisSince(Clock::time_point start);

// Polls `condition` (journal entries appear after the wire event) for up
// to two seconds.
bool WaitUntil(const std::function<bool()>& condition);

// A raw loopback server for answers the fake will not send (no
// Content-Length, read until close): accepts one connection, reads the
// request's header block, writes `answer`, closes.
class OneShotServer {
 public:
  explicit OneShotServer(std::string answer);
  ~OneShotServer();
  std::uint16_t port() const { return port_; }

 private:
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

// A file that is removed when the object goes.
class TempFile {
 public:
  explicit TempFile(const std::string& contents);
  ~TempFile();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A self-signed certificate and its key in PEM, for a TLS listener whose
// names the test chooses.
struct TestCertificate {
  std::string cert_pem;
  std::string key_pem;
};
// `common_name` as subject CN and the only DNS subjectAltName.
TestCertificate MakeCertificate(const std::string& common_name);

}  // namespace cimulate::winrm::testing

#endif  // CIMULATE_TESTS_UNIT_WINRM_HTTP_FAKE_ENDPOINT_H_
