// HTTPS: the CA and CN checks, each switchable on its own, against the
// fake's TLS listener (its generated certificate, or one made here).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fake_endpoint.h"

namespace cimulate::winrm::testing {
namespace {

using ::testing::HasSubstr;
using Code = TransportErrorCode;

fake::ListenerOptions Https() {
  fake::ListenerOptions options;
  options.name = "winrm_https";
  options.tls = true;
  return options;
}

HttpTransportConfig HttpsConfig(const FakeEndpoint& endpoint, const std::string& host) {
  HttpTransportConfig config = ConfigFor(endpoint, host);
  config.https = true;
  return config;
}

TransportStatus PostTo(const HttpTransportConfig& config, HttpResponse* response) {
  return NewHttpTransport(config)->Post(Request("<tls/>"), response);
}

// A listener serving a certificate for "wrong.example" only.
class MisnamedEndpoint {
 public:
  MisnamedEndpoint()
      : certificate_(MakeCertificate("wrong.example")),
        cert_file_(certificate_.cert_pem),
        key_file_(certificate_.key_pem),
        endpoint_(Options()) {}
  FakeEndpoint& endpoint() { return endpoint_; }
  const std::string& ca_file() const { return cert_file_.path(); }

 private:
  fake::ListenerOptions Options() const {
    fake::ListenerOptions options = Https();
    options.cert_file = cert_file_.path();
    options.key_file = key_file_.path();
    return options;
  }
  TestCertificate certificate_;
  TempFile cert_file_;
  TempFile key_file_;
  FakeEndpoint endpoint_;
};

TEST(HttpsTransportTest, BothChecksPassWithTheServersCertificateAsCa) {
  FakeEndpoint endpoint(Https());
  TempFile ca(endpoint.listener().certificate_pem());
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.ca_file = ca.path();
  auto transport = NewHttpTransport(config);
  for (int i = 0; i < 3; ++i) {
    HttpResponse response;
    TransportStatus status = transport->Post(Request("<tls/>"), &response);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(response.body, "echo:<tls/>");
  }
  EXPECT_EQ(endpoint.accepted(), 1u);
  EXPECT_EQ(endpoint.journal().CountEvents(fake::ConnectionEventKind::kTlsHandshakeOk, "winrm_https"), 1u);
  const auto requests = endpoint.journal().Requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_TRUE(requests[0].headers.size() > 0);
}

TEST(HttpsTransportTest, AnIpAddressIsCheckedAgainstTheAddressNames) {
  FakeEndpoint endpoint(Https());  // subjectAltName has IP:127.0.0.1
  TempFile ca(endpoint.listener().certificate_pem());
  HttpTransportConfig config = HttpsConfig(endpoint, "127.0.0.1");
  config.ca_file = ca.path();
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(HttpsTransportTest, CaCheckRejectsAnUntrustedCertificate) {
  FakeEndpoint endpoint(Https());
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");  // OpenSSL's default store
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_EQ(status.code(), Code::kCertificateRejected) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("CA check"));
  EXPECT_THAT(status.message(), HasSubstr("localhost:" + std::to_string(endpoint.port())));
  EXPECT_EQ(endpoint.journal().Requests().size(), 0u);
}

TEST(HttpsTransportTest, CaCheckOffAcceptsAnUntrustedCertificate) {
  FakeEndpoint endpoint(Https());
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.check_ca = false;
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(HttpsTransportTest, CnCheckRejectsACertificateForAnotherName) {
  MisnamedEndpoint misnamed;
  ASSERT_TRUE(misnamed.endpoint().started());
  HttpTransportConfig config = HttpsConfig(misnamed.endpoint(), "127.0.0.1");
  config.ca_file = misnamed.ca_file();  // trusted, so only the name fails
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_EQ(status.code(), Code::kCertificateRejected) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("CN check"));
  EXPECT_THAT(status.message(), HasSubstr("'127.0.0.1'"));
  EXPECT_THAT(status.message(), HasSubstr("DNS:wrong.example"));
}

TEST(HttpsTransportTest, CnCheckOffAcceptsACertificateForAnotherName) {
  MisnamedEndpoint misnamed;
  HttpTransportConfig config = HttpsConfig(misnamed.endpoint(), "127.0.0.1");
  config.ca_file = misnamed.ca_file();
  config.check_cn = false;
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(HttpsTransportTest, CaCheckStillAppliesWithCnCheckOff) {
  MisnamedEndpoint misnamed;
  HttpTransportConfig config = HttpsConfig(misnamed.endpoint(), "127.0.0.1");
  config.check_cn = false;  // and no CA file: untrusted
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_EQ(status.code(), Code::kCertificateRejected) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("CA check"));
}

TEST(HttpsTransportTest, BothChecksOffAcceptsAnything) {
  MisnamedEndpoint misnamed;
  HttpTransportConfig config = HttpsConfig(misnamed.endpoint(), "127.0.0.1");
  config.check_ca = false;
  config.check_cn = false;
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

TEST(HttpsTransportTest, ConnectionTheServerDroppedWhileIdleIsReopened) {
  fake::ListenerOptions options = Https();
  options.idle_timeout_ms = 50;
  FakeEndpoint endpoint(options);
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.check_ca = false;
  auto transport = NewHttpTransport(config);
  HttpResponse response;
  ASSERT_TRUE(transport->Post(Request("one"), &response).ok());
  ASSERT_TRUE(WaitUntil(
      [&] { return endpoint.journal().CountEvents(fake::ConnectionEventKind::kCloseByServer, "winrm_https") == 1; }));
  TransportStatus status = transport->Post(Request("two"), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response.body, "echo:two");
  EXPECT_EQ(endpoint.accepted(), 2u);
}

TEST(HttpsTransportTest, MissingCaFileIsReportedByPost) {
  FakeEndpoint endpoint(Https());
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.ca_file = "/nonexistent/ca.pem";
  auto transport = NewHttpTransport(config);  // does not fail here
  HttpResponse response;
  TransportStatus status = transport->Post(Request("<tls/>"), &response);
  EXPECT_EQ(status.code(), Code::kTlsFailed) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("/nonexistent/ca.pem"));
  EXPECT_EQ(endpoint.accepted(), 0u);
}

TEST(HttpsTransportTest, TlsToAClearTextListenerFailsTheHandshake) {
  FakeEndpoint endpoint;  // plain HTTP
  HttpTransportConfig config = HttpsConfig(endpoint, "127.0.0.1");
  config.check_ca = false;
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_EQ(status.code(), Code::kTlsFailed) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("handshake"));
}

TEST(HttpsTransportTest, TruncatedBodyOverTlsIsTruncated) {
  FakeEndpoint endpoint(Https());
  scenario::TransportFault fault = Fault(scenario::TransportFaultKind::kTruncatedBody);
  fault.bytes = 10;
  endpoint.SetFault(fault);
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.check_ca = false;
  HttpResponse response;
  TransportStatus status = PostTo(config, &response);
  EXPECT_EQ(status.code(), Code::kTruncated) << status.ToString();
}

TEST(HttpsTransportTest, HangBeforeTheHandshakeTimesOut) {
  FakeEndpoint endpoint(Https());
  endpoint.listener().SetAcceptHook([](const fake::AcceptInfo&) {
    return std::optional<scenario::TransportFault>(Fault(scenario::TransportFaultKind::kHang));
  });
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.check_ca = false;
  auto transport = NewHttpTransport(config);
  const auto start = Clock::now();
  HttpResponse response;
  TransportStatus status = transport->Post(Request("<tls/>", std::chrono::milliseconds(300)), &response);
  EXPECT_EQ(status.code(), Code::kTimedOut) << status.ToString();
  EXPECT_THAT(status.message(), HasSubstr("TLS handshake"));
  EXPECT_LT(MillisSince(start), 2000);
}

TEST(HttpsTransportTest, ConnectTimeoutBoundsTheHandshake) {
  FakeEndpoint endpoint(Https());
  endpoint.listener().SetAcceptHook([](const fake::AcceptInfo&) {
    return std::optional<scenario::TransportFault>(Fault(scenario::TransportFaultKind::kHang));
  });
  HttpTransportConfig config = HttpsConfig(endpoint, "localhost");
  config.check_ca = false;
  config.connect_timeout = std::chrono::milliseconds(200);
  auto transport = NewHttpTransport(config);
  const auto start = Clock::now();
  HttpResponse response;
  TransportStatus status = transport->Post(Request("<tls/>", std::chrono::seconds(20)), &response);
  EXPECT_EQ(status.code(), Code::kConnectFailed) << status.ToString();
  EXPECT_LT(MillisSince(start), 2000);
}

}  // namespace
}  // namespace cimulate::winrm::testing
