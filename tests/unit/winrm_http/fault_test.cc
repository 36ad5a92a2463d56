// Each transport fault of the fake, and connect-time failures, end a Post
// with the right TransportErrorCode, within its deadline.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "fake_endpoint.h"
#include "winrm/cancel_signal.h"

namespace cimulate::winrm::testing {
namespace {

using ::testing::HasSubstr;
using scenario::TransportFault;
using scenario::TransportFaultKind;
using Code = TransportErrorCode;

constexpr auto kDeadline = std::chrono::milliseconds(400);
// Generous: CI runs these under sanitizers on two shared cores.
constexpr long long kReturnWithinMs = 400 + 1500;

struct Outcome {
  TransportStatus status;
  long long elapsed_ms = 0;
};

Outcome PostOnce(FakeEndpoint& endpoint, std::chrono::milliseconds timeout = kDeadline) {
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  const auto start = Clock::now();
  HttpResponse response;
  Outcome outcome;
  outcome.status = transport->Post(Request("<e/>", timeout), &response);
  outcome.elapsed_ms = MillisSince(start);
  return outcome;
}

Outcome PostWithFault(TransportFault fault) {
  FakeEndpoint endpoint;
  endpoint.SetFault(fault);
  return PostOnce(endpoint);
}

Outcome PostWithAcceptFault(TransportFault fault) {
  FakeEndpoint endpoint;
  endpoint.listener().SetAcceptHook([fault](const fake::AcceptInfo&) { return std::optional<TransportFault>(fault); });
  return PostOnce(endpoint);
}

TEST(TransportFaultTest, RefuseIsAReset) {
  Outcome o = PostWithFault(Fault(TransportFaultKind::kRefuse));
  EXPECT_EQ(o.status.code(), Code::kConnectionReset) << o.status.ToString();
  EXPECT_THAT(o.status.message(), HasSubstr("127.0.0.1:"));
}

TEST(TransportFaultTest, RefuseAtAcceptIsAReset) {
  Outcome o = PostWithAcceptFault(Fault(TransportFaultKind::kRefuse));
  EXPECT_EQ(o.status.code(), Code::kConnectionReset) << o.status.ToString();
}

TEST(TransportFaultTest, AcceptThenCloseIsAClose) {
  Outcome o = PostWithFault(Fault(TransportFaultKind::kAcceptThenClose));
  EXPECT_EQ(o.status.code(), Code::kConnectionClosed) << o.status.ToString();
  EXPECT_THAT(o.status.message(), HasSubstr("before a complete answer"));
}

TEST(TransportFaultTest, AcceptThenCloseAtAcceptIsAClose) {
  Outcome o = PostWithAcceptFault(Fault(TransportFaultKind::kAcceptThenClose));
  EXPECT_EQ(o.status.code(), Code::kConnectionClosed) << o.status.ToString();
}

TEST(TransportFaultTest, ResetIsAReset) {
  TransportFault fault = Fault(TransportFaultKind::kReset);
  fault.ms = 20;
  Outcome o = PostWithFault(fault);
  EXPECT_EQ(o.status.code(), Code::kConnectionReset) << o.status.ToString();
  EXPECT_THAT(o.status.message(), HasSubstr("reset by the server"));
}

TEST(TransportFaultTest, GarbageIsABadResponse) {
  TransportFault fault = Fault(TransportFaultKind::kGarbageThenClose);
  fault.bytes = 100;
  Outcome o = PostWithFault(fault);
  EXPECT_EQ(o.status.code(), Code::kBadResponse) << o.status.ToString();
  EXPECT_THAT(o.status.message(), HasSubstr("not HTTP"));
}

TEST(TransportFaultTest, GarbageAtAcceptIsABadResponse) {
  Outcome o = PostWithAcceptFault(Fault(TransportFaultKind::kGarbageThenClose));
  EXPECT_EQ(o.status.code(), Code::kBadResponse) << o.status.ToString();
}

TEST(TransportFaultTest, TruncatedBodyIsTruncated) {
  TransportFault fault = Fault(TransportFaultKind::kTruncatedBody);
  fault.percent = 50;
  Outcome o = PostWithFault(fault);
  EXPECT_EQ(o.status.code(), Code::kTruncated) << o.status.ToString();
}

TEST(TransportFaultTest, StallBeforeHeadersTimesOutAtTheDeadline) {
  Outcome o = PostWithFault(Fault(TransportFaultKind::kStallBeforeHeaders));
  EXPECT_EQ(o.status.code(), Code::kTimedOut) << o.status.ToString();
  EXPECT_GE(o.elapsed_ms, 350);
  EXPECT_LT(o.elapsed_ms, kReturnWithinMs);
}

TEST(TransportFaultTest, ShortStallStillAnswers) {
  TransportFault fault = Fault(TransportFaultKind::kStallBeforeHeaders);
  fault.ms = 50;
  FakeEndpoint endpoint;
  endpoint.SetFault(fault);
  Outcome o = PostOnce(endpoint, std::chrono::seconds(5));
  EXPECT_TRUE(o.status.ok()) << o.status.ToString();
}

TEST(TransportFaultTest, DribbleLongerThanTheDeadlineTimesOut) {
  // Bytes keep coming (every 10 ms), so no single wait reaches the deadline;
  // the Post must still end there.
  TransportFault fault = Fault(TransportFaultKind::kDribble);
  fault.chunk_bytes = 4;
  fault.interval_ms = 10;
  Outcome o = PostWithFault(fault);
  EXPECT_EQ(o.status.code(), Code::kTimedOut) << o.status.ToString();
  EXPECT_THAT(o.status.message(), HasSubstr("before the deadline"));
  EXPECT_LT(o.elapsed_ms, kReturnWithinMs);
}

TEST(TransportFaultTest, DribbleWithinTheDeadlineIsRead) {
  TransportFault fault = Fault(TransportFaultKind::kDribble);
  fault.chunk_bytes = 64;
  fault.interval_ms = 2;
  FakeEndpoint endpoint;
  endpoint.SetFault(fault);
  Outcome o = PostOnce(endpoint, std::chrono::seconds(10));
  EXPECT_TRUE(o.status.ok()) << o.status.ToString();
}

TEST(TransportFaultTest, DelayPastTheDeadlineTimesOut) {
  TransportFault fault = Fault(TransportFaultKind::kDelay);
  fault.ms = 3000;
  Outcome o = PostWithFault(fault);
  EXPECT_EQ(o.status.code(), Code::kTimedOut) << o.status.ToString();
  EXPECT_LT(o.elapsed_ms, kReturnWithinMs);
}

TEST(TransportFaultTest, HangTimesOut) {
  Outcome o = PostWithFault(Fault(TransportFaultKind::kHang));
  EXPECT_EQ(o.status.code(), Code::kTimedOut) << o.status.ToString();
  EXPECT_LT(o.elapsed_ms, kReturnWithinMs);
}

TEST(TransportFaultTest, HangAtAcceptTimesOut) {
  Outcome o = PostWithAcceptFault(Fault(TransportFaultKind::kHang));
  EXPECT_EQ(o.status.code(), Code::kTimedOut) << o.status.ToString();
  EXPECT_LT(o.elapsed_ms, kReturnWithinMs);
}

TEST(TransportFaultTest, CancelWhileHungReturnsPromptly) {
  FakeEndpoint endpoint;
  endpoint.SetFault(Fault(TransportFaultKind::kHang));
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  CancelSignal cancel;
  PostRequest request = Request("<e/>", std::chrono::seconds(30));
  request.cancel = &cancel;
  std::thread canceller([&] {
    // Cancel once the request is at the server, blocked in the hang.
    WaitUntil([&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kFirstByte, "winrm_http") == 1; });
    cancel.Cancel();
  });
  const auto start = Clock::now();
  HttpResponse response;
  TransportStatus status = transport->Post(request, &response);
  const long long elapsed = MillisSince(start);
  canceller.join();
  EXPECT_EQ(status.code(), Code::kCancelled) << status.ToString();
  EXPECT_LT(elapsed, 3000);
  // The cancelled connection is gone: the server sees the client close.
  EXPECT_TRUE(WaitUntil(
      [&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kCloseByClient, "winrm_http") == 1; }));
  // And the transport still works, on a new connection.
  endpoint.SetHandler(nullptr);
  TransportStatus again = transport->Post(Request("<again/>"), &response);
  EXPECT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(endpoint.accepted(), 2u);
}

TEST(TransportFaultTest, AlreadyCancelledPostDoesNotConnect) {
  FakeEndpoint endpoint;
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  CancelSignal cancel;
  cancel.Cancel();
  PostRequest request = Request("<e/>");
  request.cancel = &cancel;
  HttpResponse response;
  EXPECT_EQ(transport->Post(request, &response).code(), Code::kCancelled);
  EXPECT_EQ(endpoint.accepted(), 0u);
}

TEST(TransportFaultTest, ShutdownEndsAPostInProgress) {
  FakeEndpoint endpoint;
  endpoint.SetFault(Fault(TransportFaultKind::kHang));
  auto transport = NewHttpTransport(ConfigFor(endpoint));
  std::thread closer([&] {
    WaitUntil([&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kFirstByte, "winrm_http") == 1; });
    transport->Shutdown();
  });
  const auto start = Clock::now();
  HttpResponse response;
  TransportStatus status = transport->Post(Request("<e/>", std::chrono::seconds(30)), &response);
  closer.join();
  EXPECT_EQ(status.code(), Code::kCancelled) << status.ToString();
  EXPECT_LT(MillisSince(start), 3000);
}

TEST(TransportFaultTest, ClosedPortIsConnectFailed) {
  // A port that was just bound and released: nothing listens there.
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), len), 0);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  HttpTransportConfig config;
  config.host = "127.0.0.1";
  config.port = ntohs(addr.sin_port);
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  TransportStatus status = transport->Post(Request("<e/>"), &response);
  EXPECT_EQ(status.code(), Code::kConnectFailed) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("127.0.0.1:" + std::to_string(config.port)));
  EXPECT_THAT(status.message(), HasSubstr("refused"));
}

TEST(TransportFaultTest, UnresolvableNameIsResolveFailed) {
  HttpTransportConfig config;
  config.host = "no-such-host.invalid";
  config.user = "bob";
  config.password = "do-not-print-me";
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  const auto start = Clock::now();
  TransportStatus status = transport->Post(Request("<e/>", std::chrono::seconds(20)), &response);
  EXPECT_EQ(status.code(), Code::kResolveFailed) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("no-such-host.invalid:5985"));
  EXPECT_THAT(status.message(), ::testing::Not(HasSubstr("do-not-print-me")));
  EXPECT_LT(MillisSince(start), 15000);
}

// Answers the fake will not produce, from a raw server.
TransportStatus PostToRaw(const std::string& answer, HttpResponse* response) {
  OneShotServer server(answer);
  HttpTransportConfig config;
  config.host = "127.0.0.1";
  config.port = server.port();
  return NewHttpTransport(config)->Post(Request("<e/>"), response);
}

TEST(MalformedAnswerTest, EndlessStatusLineIsABadResponse) {
  HttpResponse response;
  TransportStatus status = PostToRaw("HTTP/1.1 200 " + std::string(2 * 1024 * 1024, 'a') + "\r\n\r\n", &response);
  EXPECT_EQ(status.code(), Code::kBadResponse) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("too long"));
}

TEST(MalformedAnswerTest, EndlessHeaderBlockIsABadResponse) {
  std::string answer = "HTTP/1.1 200 OK\r\n";
  for (int i = 0; i < 20000; ++i) answer += "X-Filler: 0123456789\r\n";
  HttpResponse response;
  TransportStatus status = PostToRaw(answer, &response);
  EXPECT_EQ(status.code(), Code::kBadResponse) << status.ToString();
}

TEST(MalformedAnswerTest, UnparsableStatusLineIsABadResponse) {
  HttpResponse response;
  TransportStatus status = PostToRaw("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", &response);
  EXPECT_EQ(status.code(), Code::kBadResponse) << status.ToString();
}

TEST(MalformedAnswerTest, ChunkedAnswerIsRead) {
  HttpResponse response;
  TransportStatus status =
      PostToRaw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3\r\nefg\r\n0\r\n\r\n", &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response.body, "abcdefg");
}

TEST(MalformedAnswerTest, ChunkedAnswerCutShortIsTruncated) {
  HttpResponse response;
  TransportStatus status = PostToRaw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabcd", &response);
  EXPECT_EQ(status.code(), Code::kTruncated) << status.ToString();
}

TEST(MalformedAnswerTest, HeadersCutShortAreAClose) {
  HttpResponse response;
  TransportStatus status = PostToRaw("HTTP/1.1 200 OK\r\nContent-Le", &response);
  EXPECT_EQ(status.code(), Code::kConnectionClosed) << status.ToString();
}

}  // namespace
}  // namespace cimulate::winrm::testing
