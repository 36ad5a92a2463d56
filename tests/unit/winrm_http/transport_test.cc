// The HTTP transport against the fake listener: deferred connect, request
// shape, keep-alive reuse, the connection limit, stale connections.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "fake_endpoint.h"

namespace cimulate::winrm::testing {
namespace {

using ::testing::HasSubstr;
using scenario::TransportFaultKind;

TEST(TransportNamesTest, EveryErrorCodeHasAName) {
  EXPECT_EQ(ErrorCodeName(TransportErrorCode::kOk), "Ok");
  EXPECT_EQ(ErrorCodeName(TransportErrorCode::kCertificateRejected), "CertificateRejected");
  EXPECT_EQ(ErrorCodeName(TransportErrorCode::kCancelled), "Cancelled");
  TransportStatus status(TransportErrorCode::kTruncated, "h:1: short");
  EXPECT_EQ(status.ToString(), "Truncated: h:1: short");
}

TEST(TransportNamesTest, ResponseHeaderLookupIgnoresCase) {
  HttpResponse response;
  response.headers = {{"Content-Type", "a"}, {"X-Two", "first"}, {"x-two", "second"}};
  ASSERT_NE(response.Header("content-type"), nullptr);
  EXPECT_EQ(*response.Header("content-type"), "a");
  EXPECT_EQ(*response.Header("X-TWO"), "first");
  EXPECT_EQ(response.Header("Missing"), nullptr);
}

TEST(HttpTransportTest, CreatingItContactsNobody) {
  FakeEndpoint endpoint;
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpTransportConfig unresolvable = ConfigFor(endpoint, "never-looked-up.invalid");
  auto other = NewHttpTransport(unresolvable);
  other.reset();
  transport->Shutdown();
  transport.reset();
  EXPECT_EQ(endpoint.accepted(), 0u);
}

TEST(HttpTransportTest, PostsTheEnvelopeWithWinrmHeaders) {
  FakeEndpoint endpoint;
  std::mutex mu;
  fake::Request seen;
  endpoint.SetHandler([&](const fake::Request& request, ConnectionContext&) {
    std::lock_guard<std::mutex> lock(mu);
    seen = request;
    Reply reply;
    reply.status = 500;
    reply.headers = {{"X-Answer", "yes"}};
    reply.body = "<fault/>";
    return reply;
  });
  HttpTransportConfig config = ConfigFor(endpoint);
  config.path = "/wsman-anon/identify";
  config.user = "alice";
  config.password = "s3cret!";
  auto transport = NewHttpTransport(config);
  PostRequest request = Request("<s:Envelope/>");
  request.headers = {{"WSMANIDENTIFY", "unauthenticated"}, {"X-Evil", "a\r\nInjected: yes"}};
  HttpResponse response;
  TransportStatus status = transport->Post(request, &response);
  ASSERT_TRUE(status.ok()) << status.ToString();

  // Any status is a successful Post; the handler interprets it.
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body, "<fault/>");
  ASSERT_NE(response.Header("x-answer"), nullptr);
  EXPECT_EQ(*response.Header("x-answer"), "yes");

  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.path, "/wsman-anon/identify");
  EXPECT_EQ(seen.body, "<s:Envelope/>");
  ASSERT_NE(seen.Header("Content-Type"), nullptr);
  EXPECT_EQ(*seen.Header("Content-Type"), "application/soap+xml;charset=UTF-8");
  ASSERT_NE(seen.Header("Host"), nullptr);
  EXPECT_EQ(*seen.Header("Host"), "127.0.0.1:" + std::to_string(endpoint.port()));
  ASSERT_NE(seen.Header("WSMANIDENTIFY"), nullptr);
  EXPECT_EQ(seen.Header("Injected"), nullptr);
  EXPECT_EQ(seen.Header("X-Evil"), nullptr);
  ASSERT_NE(seen.Header("Authorization"), nullptr);
  EXPECT_EQ(*seen.Header("Authorization"), "Basic YWxpY2U6czNjcmV0IQ==");  // alice:s3cret!
  EXPECT_EQ(seen.Header("Accept-Encoding"), nullptr);
}

TEST(HttpTransportTest, NoAuthorizationWithoutAUser) {
  FakeEndpoint endpoint;
  std::atomic<bool> had_authorization{true};
  endpoint.SetHandler([&](const fake::Request& request, ConnectionContext&) {
    had_authorization = request.Header("Authorization") != nullptr;
    return Reply{};
  });
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse response;
  ASSERT_TRUE(transport->Post(Request("x"), &response).ok());
  EXPECT_FALSE(had_authorization);
}

TEST(HttpTransportTest, AnUnsetDeadlineMeansNone) {
  FakeEndpoint endpoint;
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  PostRequest request;
  request.body = "no deadline";
  HttpResponse response;
  TransportStatus status = transport->Post(request, &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response.body, "echo:no deadline");
}

TEST(HttpTransportTest, SequentialPostsShareOneConnection) {
  FakeEndpoint endpoint;
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  for (int i = 0; i < 5; ++i) {
    HttpResponse response;
    TransportStatus status = transport->Post(Request("n" + std::to_string(i)), &response);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(response.body, "echo:n" + std::to_string(i));
  }
  EXPECT_EQ(endpoint.accepted(), 1u);
  const auto requests = endpoint.journal().Requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests.back().sequence, 5u);
}

TEST(HttpTransportTest, ConnectsOverIpv6Loopback) {
  fake::ListenerOptions options;
  options.host = "::1";
  FakeEndpoint endpoint(options);
  if (!endpoint.started()) GTEST_SKIP() << "no IPv6 loopback here";
  std::string host_header;
  std::mutex mu;
  endpoint.SetHandler([&](const fake::Request& request, ConnectionContext&) {
    std::lock_guard<std::mutex> lock(mu);
    if (request.Header("Host")) host_header = *request.Header("Host");
    return Reply{};
  });
  auto transport = NewHttpTransport(ConfigFor(endpoint, "::1"));
  HttpResponse response;
  TransportStatus status = transport->Post(Request("v6"), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(host_header, "[::1]:" + std::to_string(endpoint.port()));
}

// Holds each request in the handler until `want` are inside at once (or a
// generous time passed), recording the most seen together.
class Gate {
 public:
  explicit Gate(int want) : want_(want) {}
  void Pass() {
    std::unique_lock<std::mutex> lock(mu_);
    ++inside_;
    max_inside_ = std::max(max_inside_, inside_);
    changed_.notify_all();
    changed_.wait_for(lock, std::chrono::seconds(3), [&] { return inside_ >= want_; });
    want_ = 0;  // the first group through lets everyone after it pass at once
    --inside_;
  }
  int max_inside() {
    std::lock_guard<std::mutex> lock(mu_);
    return max_inside_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  int want_;
  int inside_ = 0;
  int max_inside_ = 0;
};

TEST(HttpTransportTest, ConcurrentPostsOpenParallelConnectionsUpToTheLimit) {
  FakeEndpoint endpoint;
  Gate gate(2);
  endpoint.SetHandler([&](const fake::Request& request, ConnectionContext&) {
    gate.Pass();
    Reply reply;
    reply.body = "echo:" + request.body;
    return reply;
  });
  HttpTransportConfig config = ConfigFor(endpoint);
  config.max_connections = 2;
  auto transport = NewHttpTransport(config);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      HttpResponse response;
      TransportStatus status = transport->Post(Request("c" + std::to_string(i)), &response);
      if (status.ok() && response.body == "echo:c" + std::to_string(i)) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 6);
  EXPECT_EQ(gate.max_inside(), 2);  // two ran in parallel, never more
  EXPECT_EQ(endpoint.accepted(), 2u);
}

TEST(HttpTransportTest, WaitingForAFreeConnectionEndsAtTheDeadline) {
  FakeEndpoint endpoint;
  endpoint.SetFault(Fault(TransportFaultKind::kHang));
  HttpTransportConfig config = ConfigFor(endpoint);
  config.max_connections = 1;
  auto transport = NewHttpTransport(config);
  std::thread holder([&] {
    HttpResponse response;
    EXPECT_EQ(transport->Post(Request("hold", std::chrono::milliseconds(800)), &response).code(),
              TransportErrorCode::kTimedOut);
  });
  // Wait until the holder's request is at the server.
  EXPECT_TRUE(WaitUntil(
      [&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kFirstByte, "winrm_http") == 1; }));
  const auto start = Clock::now();
  HttpResponse response;
  TransportStatus status = transport->Post(Request("queued", std::chrono::milliseconds(200)), &response);
  EXPECT_EQ(status.code(), TransportErrorCode::kTimedOut) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("no connection came free"));
  EXPECT_LT(MillisSince(start), 1200);
  holder.join();
  EXPECT_EQ(endpoint.accepted(), 1u);
}

TEST(HttpTransportTest, ServerClosingAfterEachAnswerCostsOnlyReconnects) {
  fake::ListenerOptions options;
  options.max_requests_per_connection = 1;
  FakeEndpoint endpoint(options);
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  for (int i = 0; i < 3; ++i) {
    HttpResponse response;
    TransportStatus status = transport->Post(Request("r"), &response);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }
  EXPECT_EQ(endpoint.accepted(), 3u);
}

TEST(HttpTransportTest, ConnectionTheServerDroppedWhileIdleIsReopened) {
  fake::ListenerOptions options;
  options.idle_timeout_ms = 50;
  FakeEndpoint endpoint(options);
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse response;
  ASSERT_TRUE(transport->Post(Request("one"), &response).ok());
  ASSERT_TRUE(WaitUntil(
      [&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kCloseByServer, "winrm_http") == 1; }));
  TransportStatus status = transport->Post(Request("two"), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response.body, "echo:two");
  EXPECT_EQ(endpoint.accepted(), 2u);
}

// The second request on each connection finds it closed without an answer
// byte, as when a server drops an idle keep-alive connection just as the
// client reuses it.
void CloseOnSecondRequest(FakeEndpoint& endpoint) {
  endpoint.SetHandler([](const fake::Request& request, ConnectionContext&) {
    Reply reply;
    reply.body = "echo:" + request.body;
    if (request.sequence == 2) reply.fault = Fault(TransportFaultKind::kAcceptThenClose);
    return reply;
  });
}

TEST(HttpTransportTest, StaleConnectionIsReopenedForAnIdempotentRequest) {
  FakeEndpoint endpoint;
  CloseOnSecondRequest(endpoint);
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse first, second;
  ASSERT_TRUE(transport->Post(Request("one"), &first).ok());
  TransportStatus status = transport->Post(Request("two"), &second);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(second.body, "echo:two");
  EXPECT_EQ(endpoint.accepted(), 2u);
}

TEST(HttpTransportTest, StaleConnectionIsNotRetriedForANonIdempotentRequest) {
  FakeEndpoint endpoint;
  CloseOnSecondRequest(endpoint);
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse response;
  ASSERT_TRUE(transport->Post(Request("one"), &response).ok());
  PostRequest request = Request("two");
  request.idempotent = false;
  TransportStatus status = transport->Post(request, &response);
  EXPECT_EQ(status.code(), TransportErrorCode::kConnectionClosed) << status.ToString();
  EXPECT_EQ(endpoint.accepted(), 1u);
}

TEST(HttpTransportTest, AFreshConnectionThatClosesIsNotRetried) {
  FakeEndpoint endpoint;
  endpoint.SetFault(Fault(TransportFaultKind::kAcceptThenClose));
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse response;
  EXPECT_EQ(transport->Post(Request("x"), &response).code(), TransportErrorCode::kConnectionClosed);
  EXPECT_EQ(endpoint.accepted(), 1u);
}

TEST(HttpTransportTest, ResponseOverTheLimitIsRefused) {
  FakeEndpoint endpoint;
  endpoint.SetHandler([](const fake::Request&, ConnectionContext&) {
    Reply reply;
    reply.body = std::string(64 * 1024, 'b');
    return reply;
  });
  HttpTransportConfig config = ConfigFor(endpoint);
  config.max_response_bytes = 16 * 1024;
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  TransportStatus status = transport->Post(Request("x"), &response);
  EXPECT_EQ(status.code(), TransportErrorCode::kResponseTooLarge) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("16384"));

  // Under the limit, the same transport reads it (on a new connection).
  config.max_response_bytes = 128 * 1024;
  auto roomy = NewHttpTransport(config);
  TransportStatus fine = roomy->Post(Request("x"), &response);
  ASSERT_TRUE(fine.ok()) << fine.ToString();
  EXPECT_EQ(response.body.size(), 64u * 1024);
}

TEST(HttpTransportTest, UndeclaredLengthOverTheLimitIsRefusedWhileReading) {
  // An answer without Content-Length, read until close: only counting the
  // bytes as they come can catch it.
  OneShotServer server("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + std::string(256 * 1024, 'b'));
  HttpTransportConfig config;
  config.host = "127.0.0.1";
  config.port = server.port();
  config.max_response_bytes = 1000;
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  TransportStatus status = transport->Post(Request("x"), &response);
  EXPECT_EQ(status.code(), TransportErrorCode::kResponseTooLarge) << status.ToString();
}

TEST(HttpTransportTest, UndeclaredLengthUnderTheLimitIsReadToTheClose) {
  OneShotServer server("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
  HttpTransportConfig config;
  config.host = "127.0.0.1";
  config.port = server.port();
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  TransportStatus status = transport->Post(Request("x"), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response.body, "all of it");
}

TEST(HttpTransportTest, ShutdownFailsLaterPostsAsCancelled) {
  FakeEndpoint endpoint;
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  HttpResponse response;
  ASSERT_TRUE(transport->Post(Request("x"), &response).ok());
  transport->Shutdown();
  EXPECT_EQ(transport->Post(Request("y"), &response).code(), TransportErrorCode::kCancelled);
  // The idle connection was closed.
  EXPECT_TRUE(WaitUntil([&] {
    return endpoint.journal().CountEvents(fake::ConnectionEventKind::kCloseByClient, "winrm_http") == 1;
  }));
  EXPECT_EQ(endpoint.accepted(), 1u);
}

}  // namespace
}  // namespace cimulate::winrm::testing
