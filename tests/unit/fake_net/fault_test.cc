// Each transport fault, observed with a raw socket.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "raw_client.h"
#include "test_server.h"

namespace cimulate::fake::testing {
namespace {

using scenario::TransportFault;
using scenario::TransportFaultKind;

bool HasEvent(Journal& j, ConnectionEventKind kind, const std::string& detail = {}) {
  for (const auto& e : j.Events()) {
    if (e.kind == kind && (detail.empty() || e.detail == detail)) return true;
  }
  return false;
}

TEST(TransportFaultTest, ResetMakesRecvFailWithConnectionReset) {
  TestServer server;
  server.SetFault(Fault(TransportFaultKind::kReset));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.data.empty());
  EXPECT_EQ(r.error, ECONNRESET);
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kResetByServer, "reset"); }));
  ASSERT_TRUE(WaitUntil([&] { return server.journal().Requests().size() == 1; }));
  EXPECT_EQ(server.journal().Requests()[0].transport_fault, "reset");
  EXPECT_EQ(server.journal().Requests()[0].status, 0);
}

TEST(TransportFaultTest, ResetAfterMsWaitsFirst) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kReset);
  f.ms = 200;
  server.SetFault(f);
  RawClient c(server.port());
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_EQ(r.error, ECONNRESET);
  EXPECT_GE(ElapsedMs(t0), 180);
}

TEST(TransportFaultTest, AcceptThenCloseClosesWithoutAnswering) {
  TestServer server;
  server.SetFault(Fault(TransportFaultKind::kAcceptThenClose));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.data.empty());
  EXPECT_TRUE(r.eof) << "a FIN, not a reset: error " << r.error;
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kCloseByServer, "accept_then_close"); }));
}

TEST(TransportFaultTest, GarbageThenCloseSendsTheDrawnBytesButNeverAStatusLine) {
  TestServer server;
  Reply reply;
  reply.fault = Fault(TransportFaultKind::kGarbageThenClose);
  reply.draws.garbage = "HTTP/1.1 200 OK\r\n" + std::string(80, '\x9c');
  server.SetReply(reply);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  ASSERT_EQ(r.data.size(), reply.draws.garbage.size()) << "the drawn bytes, not `bytes` of them";
  EXPECT_NE(r.data[0], 'H') << "garbage never reads as a status line";
  EXPECT_EQ(r.data.substr(1), reply.draws.garbage.substr(1));
}

TEST(TransportFaultTest, GarbageThenCloseWithoutDrawnBytesSendsBytesOfFiller) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kGarbageThenClose);
  f.bytes = 100;
  server.SetFault(f);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  ASSERT_EQ(r.data.size(), 100u);
  EXPECT_NE(r.data.rfind("HTTP/", 0), 0u);
}

TEST(TransportFaultTest, TruncatedBodySendsFewerBytesThanContentLengthThenEof) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kTruncatedBody);
  f.percent = 60;
  server.SetFault(f, std::string(1000, 'z'));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  const auto head_end = r.data.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_NE(r.data.find("Content-Length: 1000\r\n"), std::string::npos);
  EXPECT_EQ(r.data.size() - head_end - 4, 600u);
  ASSERT_TRUE(WaitUntil([&] { return server.journal().Requests().size() == 1; }));
  EXPECT_EQ(server.journal().Requests()[0].status, 200);
  EXPECT_EQ(server.journal().Requests()[0].transport_fault, "truncated_body");
}

TEST(TransportFaultTest, TruncatedBodyByBytesNeverSendsTheWholeBody) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kTruncatedBody);
  f.bytes = 5000;  // more than the body: still one byte short
  server.SetFault(f, std::string(100, 'z'));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  EXPECT_EQ(r.data.size() - r.data.find("\r\n\r\n") - 4, 99u);
}

TEST(TransportFaultTest, StallBeforeHeadersSendsNothingForMsThenTheAnswer) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kStallBeforeHeaders);
  f.ms = 300;
  server.SetFault(f, "<late/>");
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  EXPECT_TRUE(c.ReadOnce(200).timed_out) << "no byte within 200 ms";
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<late/>");
  // The connection stays usable after a stall.
  server.SetReply(Reply{200, {}, "again"});
  ASSERT_TRUE(c.Send(PostRequest("y")));
  auto r2 = c.ReadResponse(2000);
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->body, "again");
}

TEST(TransportFaultTest, StallWithoutMsLastsUntilTheClientGivesUp) {
  TestServer server;
  server.SetFault(Fault(TransportFaultKind::kStallBeforeHeaders));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  EXPECT_TRUE(c.ReadOnce(300).timed_out);
  c.Close();
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kCloseByClient); }));
}

TEST(TransportFaultTest, DribbleSendsTheAnswerInChunksOverTime) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kDribble);
  f.chunk_bytes = 40;
  f.interval_ms = 25;
  server.SetFault(f, std::string(200, 'd'));
  RawClient c(server.port());
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("x")));
  // Pacing is the server's: the answer cannot arrive faster than its chunks
  // are sent, however late this reader runs.
  std::string all;
  std::size_t pieces = 0;
  while (all.find("\r\n\r\n") == std::string::npos || all.size() < all.find("\r\n\r\n") + 4 + 200) {
    ReadResult more = c.ReadOnce(2000);
    ASSERT_FALSE(more.data.empty()) << "stopped after " << all.size() << " bytes";
    all += more.data;
    ++pieces;
  }
  const std::size_t chunks = (all.size() + 39) / 40;
  EXPECT_GE(pieces, 3u);
  EXPECT_GE(ElapsedMs(t0), static_cast<std::int64_t>((chunks - 1) * 25 * 9 / 10));
  EXPECT_EQ(all.substr(all.size() - 200), std::string(200, 'd'));
}

TEST(TransportFaultTest, DelayAnswersNormallyAfterMsPlusTheDrawnJitter) {
  TestServer server;
  Reply reply;
  TransportFault f = Fault(TransportFaultKind::kDelay);
  f.ms = 100;
  f.jitter_ms = 100;
  reply.fault = f;
  reply.draws.jitter_ms = 60;
  reply.body = "<slow/>";
  server.SetReply(reply);
  RawClient c(server.port());
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("x")));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "<slow/>");
  EXPECT_GE(ElapsedMs(t0), 150) << "ms plus the drawn jitter";
}

TEST(TransportFaultTest, HangSendsNothingUntilTheClientCloses) {
  TestServer server;
  server.SetFault(Fault(TransportFaultKind::kHang));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  EXPECT_TRUE(c.ReadOnce(300).timed_out);
  // More input does not end it either.
  ASSERT_TRUE(c.Send(PostRequest("y")));
  EXPECT_TRUE(c.ReadOnce(100).timed_out);
  c.Close();
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kCloseByClient, "during hang"); }));
  ASSERT_TRUE(WaitUntil([&] { return server.journal().Requests().size() == 1; }));
  EXPECT_EQ(server.journal().Requests()[0].transport_fault, "hang");
}

TEST(TransportFaultTest, HangUntilReleaseEndsOnRelease) {
  TestServer server;
  TransportFault f = Fault(TransportFaultKind::kHang);
  f.until = TransportFault::Until::kRelease;
  server.SetFault(f);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  EXPECT_TRUE(c.ReadOnce(200).timed_out);
  server.listener().Release();
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  EXPECT_TRUE(r.data.empty());
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kCloseByServer, "hang released"); }));
}

TEST(TransportFaultTest, ReleaseDoesNotEndAHangUntilClientDisconnect) {
  TestServer server;
  server.SetFault(Fault(TransportFaultKind::kHang));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ASSERT_TRUE(WaitUntil([&] { return server.handled() == 1; }));
  server.listener().Release();
  EXPECT_TRUE(c.ReadOnce(200).timed_out);
}

// Connection faults: decided by the accept hook, before any byte.

TEST(ConnectionFaultTest, RefuseResetsTheNthConnectionOnly) {
  TestServer server;
  server.listener().SetAcceptHook([](const AcceptInfo& info) -> std::optional<TransportFault> {
    if (info.nth == 2) return Fault(TransportFaultKind::kRefuse);
    return std::nullopt;
  });
  {
    RawClient first(server.port());
    ASSERT_TRUE(first.Send(PostRequest("1")));
    auto r = first.ReadResponse(2000);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  RawClient second(server.port());
  ReadResult r = second.ReadAll(2000);
  EXPECT_EQ(r.error, ECONNRESET);
  EXPECT_TRUE(r.data.empty());
  RawClient third(server.port());
  ASSERT_TRUE(third.Send(PostRequest("3")));
  EXPECT_TRUE(third.ReadResponse(2000));
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kResetByServer, "refuse"); }));
  EXPECT_EQ(server.journal().ConnectionsAccepted("winrm_http"), 3u);
}

TEST(ConnectionFaultTest, AcceptThenCloseAndGarbageAtAccept) {
  TestServer server;
  server.listener().SetAcceptHook([](const AcceptInfo&) -> std::optional<TransportFault> {
    return Fault(TransportFaultKind::kAcceptThenClose);
  });
  {
    RawClient c(server.port());
    ASSERT_TRUE(c.Send(PostRequest("x")));
    ReadResult r = c.ReadAll(2000);
    EXPECT_TRUE(r.eof);
    EXPECT_TRUE(r.data.empty());
  }
  server.listener().SetAcceptHook([](const AcceptInfo&) -> std::optional<TransportFault> {
    return Fault(TransportFaultKind::kGarbageThenClose);
  });
  {
    RawClient c(server.port());
    ASSERT_TRUE(c.Send(PostRequest("x")));
    ReadResult r = c.ReadAll(2000);
    EXPECT_TRUE(r.eof);
    EXPECT_EQ(r.data.size(), 64u);
  }
  // With a drawer, the connection sends what it drew.
  server.listener().SetFaultDrawer([](const TransportFault&) { return FaultDraws{0, "drawn"}; });
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  EXPECT_EQ(r.data, "drawn");
  EXPECT_EQ(server.handled(), 0);
}

TEST(ConnectionFaultTest, DelayAtAcceptShapesTheFirstAnswerOnly) {
  TestServer server;
  server.listener().SetAcceptHook([](const AcceptInfo&) -> std::optional<TransportFault> {
    TransportFault f = Fault(TransportFaultKind::kStallBeforeHeaders);
    f.ms = 400;
    return f;
  });
  RawClient c(server.port());
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("1")));
  ASSERT_TRUE(c.ReadResponse(2000));
  EXPECT_GE(ElapsedMs(t0), 380);
  t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("2")));
  ASSERT_TRUE(c.ReadResponse(2000));
  EXPECT_LT(ElapsedMs(t0), 300) << "only the first answer stalls";
}

TEST(ConnectionFaultTest, HangAtAcceptUntilTheClientCloses) {
  TestServer server;
  server.listener().SetAcceptHook(
      [](const AcceptInfo&) -> std::optional<TransportFault> { return Fault(TransportFaultKind::kHang); });
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  EXPECT_TRUE(c.ReadOnce(200).timed_out);
  c.Close();
  ASSERT_TRUE(WaitUntil([&] { return HasEvent(server.journal(), ConnectionEventKind::kCloseByClient); }));
  EXPECT_EQ(server.handled(), 0);
}

}  // namespace
}  // namespace cimulate::fake::testing
