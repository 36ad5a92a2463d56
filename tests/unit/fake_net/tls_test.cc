// The HTTPS listener with its generated certificate.
#include <gtest/gtest.h>

#include <httplib.h>

#include <string>

#include "raw_client.h"
#include "test_server.h"

namespace cimulate::fake::testing {
namespace {

ListenerOptions Https() {
  ListenerOptions o;
  o.name = "winrm_https";
  o.tls = true;
  return o;
}

TEST(HttpsListenerTest, HandshakeWithTheGeneratedCertificateAndKeepAlive) {
  TestServer server(Https());
  ASSERT_TRUE(server.started());
  const std::string pem = server.listener().certificate_pem();
  EXPECT_EQ(pem.rfind("-----BEGIN CERTIFICATE-----", 0), 0u);

  httplib::SSLClient client("127.0.0.1", server.port());
  client.enable_server_certificate_verification(false);
  client.set_keep_alive(true);
  for (int i = 0; i < 2; ++i) {
    auto res = client.Post("/wsman", "<tls" + std::to_string(i) + "/>", "application/soap+xml;charset=UTF-8");
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, "echo:<tls" + std::to_string(i) + "/>");
  }
  EXPECT_EQ(server.journal().ConnectionsAccepted("winrm_https"), 1u);
  EXPECT_EQ(server.journal().CountEvents(ConnectionEventKind::kTlsHandshakeOk, "winrm_https"), 1u);
  const auto requests = server.journal().Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].sequence, 2u);
}

TEST(HttpsListenerTest, CertificateVerifiesForLocalhostAgainstItsOwnPem) {
  TestServer server(Https());
  const std::string pem = server.listener().certificate_pem();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  ASSERT_NE(cert, nullptr);
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, cert);
  X509_free(cert);

  httplib::SSLClient client("localhost", server.port());
  client.set_ca_cert_store(store);  // the client owns it now
  client.enable_server_certificate_verification(true);
  auto res = client.Post("/wsman", "v", "text/plain");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

TEST(HttpsListenerTest, PlainHttpOnTheTlsPortFailsTheHandshake) {
  TestServer server(Https());
  RawClient c(server.port());
  ASSERT_TRUE(c.Send(PostRequest("x")));
  ReadResult r = c.ReadAll(2000);
  EXPECT_EQ(r.data.find("HTTP/1.1 200"), std::string::npos);
  ASSERT_TRUE(WaitUntil(
      [&] { return server.journal().CountEvents(ConnectionEventKind::kTlsHandshakeFailed, "winrm_https") == 1; }));
  EXPECT_EQ(server.handled(), 0);
}

TEST(HttpsListenerTest, TruncatedBodyOverTlsIsShortOfContentLength) {
  TestServer server(Https());
  scenario::TransportFault f = Fault(scenario::TransportFaultKind::kTruncatedBody);
  f.bytes = 10;
  server.SetFault(f, std::string(100, 't'));
  httplib::SSLClient client("127.0.0.1", server.port());
  client.enable_server_certificate_verification(false);
  auto res = client.Post("/wsman", "x", "text/plain");
  EXPECT_FALSE(res) << "the client must see a short read, got status " << (res ? res->status : 0);
  ASSERT_TRUE(WaitUntil([&] { return server.journal().Requests().size() == 1; }));
  EXPECT_EQ(server.journal().Requests()[0].transport_fault, "truncated_body");
}

TEST(HttpsListenerTest, LoadsCertificateAndKeyFromPemFiles) {
  // Write the generated identity's certificate out and check a bad key path
  // is reported rather than ignored.
  ListenerOptions o = Https();
  o.cert_file = "/nonexistent/cert.pem";
  o.key_file = "/nonexistent/key.pem";
  HttpListener l(o, [](const Request&, ConnectionContext&) { return Reply{}; });
  std::string error;
  EXPECT_FALSE(l.Start(&error));
  EXPECT_NE(error.find("/nonexistent/cert.pem"), std::string::npos) << error;
}

}  // namespace
}  // namespace cimulate::fake::testing
