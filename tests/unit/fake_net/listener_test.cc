#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "net/connection_faults.h"
#include "raw_client.h"
#include "test_server.h"

namespace cimulate::fake::testing {
namespace {

using scenario::TransportFaultKind;

TEST(HttpListenerTest, BindsLoopbackOnAnEphemeralPortAndAnswers) {
  TestServer server;
  ASSERT_TRUE(server.started());
  EXPECT_NE(server.port(), 0);
  EXPECT_EQ(server.listener().address(), "127.0.0.1:" + std::to_string(server.port()));
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("<hello/>")));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "echo:<hello/>");
  EXPECT_EQ(r->Header("Content-Type"), "application/soap+xml;charset=UTF-8");
}

TEST(HttpListenerTest, BindsIpv6Loopback) {
  ListenerOptions o;
  o.host = "::1";
  HttpListener l(o, [](const Request&, ConnectionContext&) { return Reply{}; });
  std::string error;
  if (!l.Start(&error)) GTEST_SKIP() << "no IPv6 loopback: " << error;
  EXPECT_EQ(l.address(), "[::1]:" + std::to_string(l.port()));
  RawClient c(l.port(), "::1");
  ASSERT_TRUE(c.Send(PostRequest("x")));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(HttpListenerTest, KeepAliveServesThreeRequestsOnOneAcceptedConnection) {
  TestServer server;
  RawClient c(server.port());
  for (int i = 1; i <= 3; ++i) {
    ASSERT_TRUE(c.Send(PostRequest("r" + std::to_string(i))));
    auto r = c.ReadResponse(2000);
    ASSERT_TRUE(r) << "request " << i;
    EXPECT_EQ(r->body, "echo:r" + std::to_string(i));
    EXPECT_EQ(r->Header("Connection"), "") << "a kept-alive answer must not say close";
  }
  EXPECT_EQ(server.journal().ConnectionsAccepted("winrm_http"), 1u);
  const auto requests = server.journal().Requests();
  ASSERT_EQ(requests.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(requests[i].sequence, i + 1);
    EXPECT_EQ(requests[i].connection_id, requests[0].connection_id);
    EXPECT_EQ(requests[i].body, "r" + std::to_string(i + 1));
  }
}

TEST(HttpListenerTest, PipelinedRequestsAreAnsweredInOrder) {
  TestServer server;
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("a") + PostRequest("b")));
  auto r1 = c.ReadResponse(2000);
  auto r2 = c.ReadResponse(2000);
  ASSERT_TRUE(r1 && r2);
  EXPECT_EQ(r1->body, "echo:a");
  EXPECT_EQ(r2->body, "echo:b");
}

TEST(HttpListenerTest, AnswerIsOneWriteByDefault) {
  ListenerOptions o;
  o.split_gap_ms = 150;  // would separate the halves if the answer were split
  TestServer server(o);
  server.SetReply(Reply{200, {}, std::string(20000, 'b')});
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  // The first recv that returns anything holds the whole answer.
  ReadResult first = c.ReadOnce(2000);
  ASSERT_FALSE(first.data.empty());
  const auto head_end = first.data.find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_EQ(first.data.size(), head_end + 4 + 20000);
}

TEST(HttpListenerTest, SplitModeSendsHeadersAloneFirst) {
  ListenerOptions o;
  o.split_headers_and_body = true;
  o.split_gap_ms = 150;
  TestServer server(o);
  server.SetReply(Reply{200, {}, std::string(500, 'b')});
  RawClient c(server.port());
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult first = c.ReadOnce(2000);
  ASSERT_FALSE(first.data.empty());
  EXPECT_EQ(first.data.find("\r\n\r\n"), first.data.size() - 4) << "first piece must be exactly the header block";
  EXPECT_NE(first.data.find("Content-Length: 500"), std::string::npos);
  ReadResult rest = c.ReadOnce(2000);
  EXPECT_EQ(rest.data, std::string(500, 'b'));
  EXPECT_GE(ElapsedMs(t0), 140);
}

TEST(HttpListenerTest, OversizeBodyGets413WithoutReadingIt) {
  TestServer server;  // default limit: 512 KiB
  RawClient c(server.port());
  std::string head = "POST /wsman HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(600 * 1024) + "\r\n\r\n";
  ASSERT_TRUE(c.Send(head));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->Header("Connection"), "close");
  EXPECT_EQ(server.handled(), 0);
  EXPECT_TRUE(c.ReadAll(2000).eof);
  ASSERT_TRUE(WaitUntil([&] { return server.journal().Requests().size() == 1; }));
  EXPECT_EQ(server.journal().Requests()[0].status, 413);
}

TEST(HttpListenerTest, ConfiguredBodyLimitIsExact) {
  ListenerOptions o;
  o.max_body_bytes = 1000;
  TestServer server(o);
  {
    RawClient c(server.port());
    ASSERT_TRUE(c.Send(PostRequest(std::string(1000, 'a'))));
    auto r = c.ReadResponse(2000);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest(std::string(1001, 'a'))));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST(HttpListenerTest, OversizeChunkedBodyGets413) {
  ListenerOptions o;
  o.max_body_bytes = 1000;
  TestServer server(o);
  RawClient c(server.port());
  std::string req = "POST /wsman HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) req += "190\r\n" + std::string(400, 'c') + "\r\n";
  req += "0\r\n\r\n";
  ASSERT_TRUE(c.Send(req));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(server.handled(), 0);
}

TEST(HttpListenerTest, ChunkedBodyWithinTheLimitReachesTheHandler) {
  TestServer server;
  RawClient c(server.port());
  ASSERT_TRUE(c.Send("POST /wsman HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "echo:abcde");
}

TEST(HttpListenerTest, PostWithoutLengthHasAnEmptyBody) {
  TestServer server;
  RawClient c(server.port());
  ASSERT_TRUE(c.Send("POST /wsman HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r) << "the fake must not wait for a body the request does not announce";
  EXPECT_EQ(r->body, "echo:");
}

TEST(HttpListenerTest, OversizeHeaderBlockGets400) {
  ListenerOptions o;
  o.max_header_bytes = 4096;
  TestServer server(o);
  RawClient c(server.port());
  std::string req = "POST /wsman HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100; ++i) req += "X-Filler-" + std::to_string(i) + ": " + std::string(60, 'f') + "\r\n";
  req += "Content-Length: 0\r\n\r\n";
  c.Send(req);
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(server.handled(), 0);
}

TEST(HttpListenerTest, Expect100ContinueOversizeIsRefusedBeforeTheBody) {
  ListenerOptions o;
  o.max_body_bytes = 100;
  TestServer server(o);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send("POST /wsman HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n"));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST(HttpListenerTest, Expect100ContinueWithinTheLimitContinues) {
  TestServer server;
  RawClient c(server.port());
  ASSERT_TRUE(c.Send("POST /wsman HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  ReadResult interim = c.ReadOnce(2000);
  EXPECT_EQ(interim.data.rfind("HTTP/1.1 100 Continue\r\n", 0), 0u) << interim.data;
  ASSERT_TRUE(c.Send("hello"));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "echo:hello");
}

TEST(HttpListenerTest, ReadTimeoutClosesAHalfSentRequest) {
  ListenerOptions o;
  o.read_timeout_ms = 150;
  TestServer server(o);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send("POST /wsman HTTP/1.1\r\nHost: x\r\n"));
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof || r.error) << "the server must give up on the request";
  ASSERT_TRUE(WaitUntil([&] { return server.journal().CountEvents(ConnectionEventKind::kTimeout) == 1; }));
  EXPECT_EQ(server.handled(), 0);
}

TEST(HttpListenerTest, IdleKeptAliveConnectionIsClosedAfterTheIdleTimeout) {
  ListenerOptions o;
  o.idle_timeout_ms = 150;
  TestServer server(o);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ASSERT_TRUE(c.ReadResponse(2000));
  const auto t0 = std::chrono::steady_clock::now();
  ReadResult r = c.ReadAll(2000);
  EXPECT_TRUE(r.eof);
  EXPECT_GE(ElapsedMs(t0), 100);
  ASSERT_TRUE(WaitUntil([&] { return server.journal().CountEvents(ConnectionEventKind::kCloseByServer) == 1; }));
  const auto events = server.journal().Events();
  bool idle = false;
  for (const auto& e : events) idle |= e.kind == ConnectionEventKind::kTimeout && e.detail == "idle";
  EXPECT_TRUE(idle);
}

TEST(HttpListenerTest, RequestLimitPerConnectionClosesAfterTheLast) {
  ListenerOptions o;
  o.max_requests_per_connection = 2;
  TestServer server(o);
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("1")));
  auto r1 = c.ReadResponse(2000);
  ASSERT_TRUE(r1);
  EXPECT_EQ(r1->Header("Connection"), "");
  ASSERT_TRUE(c.Send(PostRequest("2")));
  auto r2 = c.ReadResponse(2000);
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->Header("Connection"), "close");
  EXPECT_TRUE(c.ReadAll(2000).eof);
}

TEST(HttpListenerTest, ConnectionsBeyondTheLimitGet503) {
  ListenerOptions o;
  o.max_connections = 1;
  TestServer server(o);
  server.SetFault(Fault(TransportFaultKind::kHang));
  RawClient held(server.port());
  ASSERT_TRUE(held.Send(PostRequest("x")));
  ASSERT_TRUE(WaitUntil([&] { return server.handled() == 1; }));
  RawClient extra(server.port());
  ReadResult r = extra.ReadAll(2000);
  EXPECT_EQ(r.data.rfind("HTTP/1.1 503", 0), 0u) << r.data;
  EXPECT_EQ(server.journal().ConnectionsAccepted("winrm_http"), 2u);
}

TEST(HttpListenerTest, HandlerSeesRequestAndConnectionAndClientCanAskToClose) {
  TestServer server;
  std::uint64_t seen_id = 0;
  std::string seen_peer, seen_header;
  server.SetHandler([&](const Request& req, ConnectionContext& ctx) {
    seen_id = ctx.id();
    seen_peer = req.peer;
    if (const std::string* h = req.Header("x-probe")) seen_header = *h;
    EXPECT_EQ(req.connection_id, ctx.id());
    EXPECT_EQ(req.listener, "winrm_http");
    EXPECT_EQ(req.path, "/wsman?x=1");
    EXPECT_GE(ctx.socket(), 0);
    EXPECT_FALSE(ctx.ClientClosed());
    return Reply{};
  });
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("b", "X-Probe: yes\r\nConnection: close\r\n", "/wsman?x=1")));
  auto r = c.ReadResponse(2000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Header("Connection"), "close");
  EXPECT_TRUE(c.ReadAll(2000).eof);
  ASSERT_EQ(server.handled(), 1);  // also orders the handler's writes before the reads below
  EXPECT_EQ(seen_header, "yes");
  EXPECT_NE(seen_id, 0u);
  EXPECT_EQ(seen_peer.rfind("127.0.0.1:", 0), 0u);
}

TEST(HttpListenerTest, JournalHasTheConnectionsLifeAndARedactedRequest) {
  TestServer server;
  Reply reply;
  reply.body = "<ok/>";
  reply.note.action = "Get";
  reply.note.resource_uri = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service";
  reply.note.selectors = {{"Name", "WinRM"}};
  reply.note.rule = "rules[0]";
  reply.note.user = "alice";
  reply.note.outcome = "GetResponse";
  server.SetReply(reply);
  {
    RawClient c(server.port());
    // "alice:Pa55word!" in base64.
    ASSERT_TRUE(c.Send(PostRequest("<Get/>", "Authorization: Basic YWxpY2U6UGE1NXdvcmQh\r\n")));
    ASSERT_TRUE(c.ReadResponse(2000));
  }
  ASSERT_TRUE(WaitUntil([&] { return server.journal().CountEvents(ConnectionEventKind::kCloseByClient) == 1; }));
  const auto events = server.journal().Events();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, ConnectionEventKind::kAccept);
  EXPECT_EQ(events[1].kind, ConnectionEventKind::kFirstByte);
  EXPECT_EQ(events[2].kind, ConnectionEventKind::kCloseByClient);
  EXPECT_LE(events[0].time_us, events[1].time_us);
  EXPECT_EQ(events[0].peer.rfind("127.0.0.1:", 0), 0u);
  const auto requests = server.journal().Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, "/wsman");
  EXPECT_EQ(requests[0].status, 200);
  EXPECT_EQ(requests[0].note.rule, "rules[0]");
  EXPECT_EQ(requests[0].note.selectors.size(), 1u);
  EXPECT_GE(requests[0].duration_us, 0);
  const std::string json = server.journal().ToJson();
  EXPECT_EQ(json.find("YWxpY2U6UGE1NXdvcmQh"), std::string::npos);
  EXPECT_EQ(json.find("Pa55word"), std::string::npos);
  EXPECT_NE(json.find("Basic [redacted]"), std::string::npos);
  EXPECT_NE(json.find("\"kind\":\"first_byte\""), std::string::npos);
  EXPECT_NE(json.find("\"outcome\":\"GetResponse\""), std::string::npos);
  EXPECT_NE(json.find("\"rule\":\"rules[0]\""), std::string::npos);
}

TEST(HttpListenerTest, StopEndsIdleAndBusyConnectionsPromptly) {
  auto server = std::make_unique<TestServer>();
  server->SetFault(Fault(TransportFaultKind::kHang));
  RawClient idle(server->port());
  RawClient hung(server->port());
  ASSERT_TRUE(hung.Send(PostRequest("x")));
  ASSERT_TRUE(WaitUntil([&] { return server->handled() == 1; }));
  const auto t0 = std::chrono::steady_clock::now();
  server->listener().Stop();
  EXPECT_LT(ElapsedMs(t0), 1000);
  EXPECT_TRUE(hung.ReadAll(1000).eof);
  EXPECT_TRUE(idle.ReadAll(1000).eof);
}

TEST(ConnectionFaultHookTest, PicksTheEntryForTheListenerAndTheNthConnection) {
  scenario::ConnectionFault second;
  second.listener = scenario::ListenerKind::kWinrmHttp;
  second.nth = 2;
  second.fault = Fault(TransportFaultKind::kReset);
  scenario::ConnectionFault other;
  other.listener = scenario::ListenerKind::kWinrmHttps;
  other.fault = Fault(TransportFaultKind::kRefuse);
  AcceptHook hook = ConnectionFaultHook({second, other}, scenario::ListenerKind::kWinrmHttp);
  ASSERT_TRUE(hook);
  EXPECT_FALSE(hook(AcceptInfo{"winrm_http", "", 1, 1}));
  auto f = hook(AcceptInfo{"winrm_http", "", 2, 2});
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, TransportFaultKind::kReset);
  EXPECT_FALSE(hook(AcceptInfo{"winrm_http", "", 3, 3}));
  EXPECT_FALSE(ConnectionFaultHook({second}, scenario::ListenerKind::kAdmin));
}

}  // namespace
}  // namespace cimulate::fake::testing
