// OMI writes an answer's header block and body in two sends with Nagle on.
// A keep-alive client that delays its ACK of the header block then waits
// for the delayed-ACK timer (~40 ms on Linux) before the body comes, on
// every request.  The fake's split mode reproduces this; the transport must
// not stall on it.
#include <gtest/gtest.h>

#include <httplib.h>

#include <cstdio>

#include "fake_endpoint.h"

namespace cimulate::winrm::testing {
namespace {

constexpr std::size_t kBodyBytes = 1500;  // well under one segment: Nagle holds it

fake::ListenerOptions OmiLike(bool tls) {
  fake::ListenerOptions options;
  options.name = tls ? "winrm_https" : "winrm_http";
  options.tls = tls;
  options.split_headers_and_body = true;
  return options;
}

Reply SmallAnswer(const fake::Request&, ConnectionContext&) {
  Reply reply;
  reply.body = std::string(kBodyBytes, 'r');
  return reply;
}

// `requests` sequential keep-alive Posts with a plain httplib client, which
// has no TCP_QUICKACK.  It gets TCP_NODELAY so that its own request (also
// header block + body) does not stall on the server's delayed ACK: what
// remains is the answer's stall alone.
long long PlainClientMs(httplib::ClientImpl& plain, int requests) {
  plain.set_keep_alive(true);
  plain.set_tcp_nodelay(true);
  const auto start = Clock::now();
  for (int i = 0; i < requests; ++i) {
    auto res = plain.Post("/wsman", "<e/>", "application/soap+xml;charset=UTF-8");
    EXPECT_TRUE(res) << httplib::to_string(res.error());
    if (!res || res->body.size() != kBodyBytes) return -1;
  }
  return MillisSince(start);
}

long long TransportMs(const HttpTransportConfig& config, int requests) {
  auto transport = NewHttpTransport(config);
  const auto start = Clock::now();
  for (int i = 0; i < requests; ++i) {
    HttpResponse response;
    TransportStatus status = transport->Post(Request("<e/>"), &response);
    EXPECT_TRUE(status.ok()) << status.ToString();
    if (!status.ok() || response.body.size() != kBodyBytes) return -1;
  }
  return MillisSince(start);
}

// Generous and ratio-based: CI runs this under sanitizers on two cores.
void Compare(const char* what, int requests, long long plain_ms, long long ours_ms) {
  std::printf("%d keep-alive %s requests to a split server: plain client %lld ms, transport %lld ms\n", requests,
              what, plain_ms, ours_ms);
  ASSERT_GE(plain_ms, 0);
  ASSERT_GE(ours_ms, 0);
  if (plain_ms < requests * 20) {
    GTEST_SKIP() << "this kernel shows no delayed-ACK stall (plain client: " << plain_ms << " ms for " << requests
                 << " requests), so there is nothing to compare";
  }
  EXPECT_LT(ours_ms * 4, plain_ms) << "the transport stalls too";
}

TEST(NoStallTest, HttpKeepAliveRequestsDoNotWaitForDelayedAcks) {
  constexpr int kRequests = 20;
  FakeEndpoint endpoint(OmiLike(false));
  endpoint.SetHandler(SmallAnswer);
  httplib::ClientImpl plain("127.0.0.1", endpoint.port());
  const long long plain_ms = PlainClientMs(plain, kRequests);
  const long long ours_ms = TransportMs(ConfigFor(endpoint), kRequests);
  EXPECT_EQ(endpoint.accepted(), 2u);  // one keep-alive connection each
  Compare("HTTP", kRequests, plain_ms, ours_ms);
}

TEST(NoStallTest, HttpsKeepAliveRequestsDoNotWaitForDelayedAcks) {
  constexpr int kRequests = 10;
  FakeEndpoint endpoint(OmiLike(true));
  endpoint.SetHandler(SmallAnswer);
  httplib::SSLClient plain("127.0.0.1", endpoint.port());
  plain.enable_server_certificate_verification(false);
  const long long plain_ms = PlainClientMs(plain, kRequests);
  HttpTransportConfig config = ConfigFor(endpoint);
  config.https = true;
  config.check_ca = false;
  const long long ours_ms = TransportMs(config, kRequests);
  EXPECT_EQ(endpoint.accepted(), 2u);
  Compare("HTTPS", kRequests, plain_ms, ours_ms);
}

}  // namespace
}  // namespace cimulate::winrm::testing
