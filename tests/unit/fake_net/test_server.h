// A listener on 127.0.0.1:0 whose handler answers with a reply the test sets
// (echoing the request body by default), and a journal to assert on.
#ifndef CIMULATE_TESTS_UNIT_FAKE_NET_TEST_SERVER_H_
#define CIMULATE_TESTS_UNIT_FAKE_NET_TEST_SERVER_H_

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "journal/journal.h"
#include "net/http_listener.h"

namespace cimulate::fake::testing {

inline scenario::TransportFault Fault(scenario::TransportFaultKind kind) {
  scenario::TransportFault f;
  f.kind = kind;
  return f;
}

class TestServer {
 public:
  explicit TestServer(ListenerOptions options = {}) {
    listener_ = std::make_unique<HttpListener>(
        std::move(options),
        [this](const Request& req, ConnectionContext& ctx) {
          std::lock_guard<std::mutex> lock(mu_);
          ++handled_;
          if (custom_) return custom_(req, ctx);
          Reply r = reply_;
          if (echo_) r.body = "echo:" + req.body;
          return r;
        },
        &journal_);
    std::string error;
    started_ = listener_->Start(&error);
    EXPECT_TRUE(started_) << error;
  }

  void SetReply(Reply r, bool echo = false) {
    std::lock_guard<std::mutex> lock(mu_);
    reply_ = std::move(r);
    echo_ = echo;
  }
  void SetFault(scenario::TransportFault f, std::string body = std::string(200, 'x')) {
    Reply r;
    r.body = std::move(body);
    r.fault = f;
    SetReply(std::move(r));
  }
  void SetHandler(std::function<Reply(const Request&, ConnectionContext&)> h) {
    std::lock_guard<std::mutex> lock(mu_);
    custom_ = std::move(h);
  }
  int handled() {
    std::lock_guard<std::mutex> lock(mu_);
    return handled_;
  }

  bool started() const { return started_; }
  HttpListener& listener() { return *listener_; }
  Journal& journal() { return journal_; }
  std::uint16_t port() const { return listener_->port(); }

 private:
  Journal journal_;
  std::mutex mu_;
  Reply reply_;
  bool echo_ = true;
  int handled_ = 0;
  std::function<Reply(const Request&, ConnectionContext&)> custom_;
  bool started_ = false;
  std::unique_ptr<HttpListener> listener_;  // last: stopped before the rest goes
};

// Polls `done` until it holds or `ms` pass; the journal is written by the
// listener's threads, a moment after the client sees the effect.
inline bool WaitUntil(const std::function<bool()>& done, int ms = 2000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

inline std::int64_t ElapsedMs(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace cimulate::fake::testing

#endif  // CIMULATE_TESTS_UNIT_FAKE_NET_TEST_SERVER_H_
