// The session's connections end to end: keep-alive against a server that
// writes headers and body apart (OMI's delayed-ACK stall), parallel
// connections for concurrent operations, and HTTPS with the fake's
// generated certificate.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/instance.h"
#include "fake_endpoint.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

long long MillisSince(steady_clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(steady_clock::now() - start).count();
}

Outcome GetWinRm(MI_Session* session) {
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  return Drain(&op);
}

// N GetInstance through MI on one session, then the same envelope N times
// with a plain keep-alive httplib client (no TCP_QUICKACK), both against a
// server in OMI's split mode.  Ratio-based: two shared cores, sanitizers.
TEST(WinrmKeepAliveTest, SequentialOperationsShareOneConnectionWithoutDelayedAckStalls) {
  constexpr int kOperations = 20;
  FakeEndpoint endpoint;
  fake::FakeServerOptions options;
  options.split_headers_and_body = true;
  ASSERT_TRUE(endpoint.Start(LoadTestScenario(), options));
  MI_Session* session = endpoint.Open();
  ASSERT_EQ(GetWinRm(session).result, MI_RESULT_OK);  // connected; not timed
  auto start = steady_clock::now();
  for (int i = 0; i < kOperations; ++i) {
    Outcome out = GetWinRm(session);
    ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  }
  const long long ours_ms = MillisSince(start);
  EXPECT_EQ(endpoint.server().journal().ConnectionsAccepted("winrm_http"), 1u);

  std::vector<fake::RequestRecord> requests = endpoint.server().journal().Requests();
  ASSERT_FALSE(requests.empty());
  const std::string envelope = requests.back().body;
  httplib::Client plain("127.0.0.1", endpoint.server().port(scenario::ListenerKind::kWinrmHttp));
  plain.set_keep_alive(true);
  plain.set_tcp_nodelay(true);  // its own request must not stall: only the answer's stall remains
  plain.set_basic_auth("alice", "pw");
  ASSERT_TRUE(plain.Post("/wsman", envelope, "application/soap+xml;charset=UTF-8"));
  start = steady_clock::now();
  for (int i = 0; i < kOperations; ++i) {
    auto res = plain.Post("/wsman", envelope, "application/soap+xml;charset=UTF-8");
    ASSERT_TRUE(res && res->status == 200);
  }
  const long long plain_ms = MillisSince(start);
  EXPECT_EQ(endpoint.server().journal().ConnectionsAccepted("winrm_http"), 2u);
  std::printf("%d GetInstance on one session against a split server: plain client %lld ms, MI %lld ms\n",
              kOperations, plain_ms, ours_ms);
  if (plain_ms < kOperations * 20) {
    GTEST_SKIP() << "this kernel shows no delayed-ACK stall (plain client: " << plain_ms << " ms)";
  }
  EXPECT_LT(ours_ms * 3, plain_ms) << "the session stalls on delayed ACKs";
}

// Eight operations at once on one session, each answered after 300 ms:
// the transport opens its limit of four connections, not eight, not one.
TEST(WinrmKeepAliveTest, ConcurrentOperationsOpenParallelConnectionsUpToTheLimit) {
  constexpr int kOperations = 8;
  scenario::Scenario slow = ParseScenario(R"(name: slow
endpoint:
  auth:
    accounts:
      - {user: alice, password: pw}
  data:
    root/cimv2:
      classes:
        Win32_Service:
          properties: {Name: {type: string, key: true}}
      instances:
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM}}
  rules:
    - match: {action: Get}
      transport: {kind: delay, ms: 300}
)");
  FakeEndpoint endpoint;
  ASSERT_TRUE(endpoint.Start(slow));
  MI_Session* session = endpoint.Open();
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  std::vector<MI_Operation> ops(kOperations, MI_OPERATION_NULL);
  auto start = steady_clock::now();
  for (MI_Operation& op : ops) MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  for (MI_Operation& op : ops) {
    Outcome out = Drain(&op);
    EXPECT_EQ(out.result, MI_RESULT_OK) << out.message;
  }
  const long long took = MillisSince(start);
  EXPECT_EQ(endpoint.server().journal().ConnectionsAccepted("winrm_http"), 4u);
  EXPECT_EQ(endpoint.server().journal().Requests().size(), static_cast<size_t>(kOperations));
  // Serial would be 8 x 300 ms; four at a time is about 600 ms.
  EXPECT_LT(took, 8 * 300 - 300) << "the operations did not run in parallel";
}

class WinrmHttpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake::FakeServerOptions options;
    options.winrm_https = "127.0.0.1:0";
    ASSERT_TRUE(endpoint_.Start(LoadTestScenario(), options));
    ca_file_ = ::testing::TempDir() + "winrm_e2e_ca_" + std::to_string(::getpid()) + ".pem";
    std::ofstream(ca_file_) << endpoint_.server().certificate_pem();
    destination_ = endpoint_.server().address(scenario::ListenerKind::kWinrmHttps);
  }
  void TearDown() override { std::remove(ca_file_.c_str()); }

  MI_Session* OpenHttps(bool ca_check, bool cn_check, const std::string& ca_file) {
    return endpoint_.Open(destination_, [&](MI_DestinationOptions* o) {
      EXPECT_EQ(MI_DestinationOptions_SetTransport(o, MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS), MI_RESULT_OK);
      EXPECT_EQ(MI_DestinationOptions_SetCertCACheck(o, ca_check ? MI_TRUE : MI_FALSE), MI_RESULT_OK);
      EXPECT_EQ(MI_DestinationOptions_SetCertCNCheck(o, cn_check ? MI_TRUE : MI_FALSE), MI_RESULT_OK);
      if (!ca_file.empty()) {
        EXPECT_EQ(MI_DestinationOptions_SetTrustedCertsDir(o, ca_file.c_str()), MI_RESULT_OK);
      }
      SetTimeout(o, milliseconds(5000));
    });
  }

  FakeEndpoint endpoint_;
  std::string ca_file_;
  std::string destination_;
};

TEST_F(WinrmHttpsTest, TheGeneratedCertificateAsCaPassesBothChecks) {
  Outcome out = GetWinRm(OpenHttps(true, true, ca_file_));
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Uint32(out.instances[0].get(), "ProcessId"), 1234u);
  EXPECT_EQ(endpoint_.server().journal().CountEvents(fake::ConnectionEventKind::kTlsHandshakeOk, "winrm_https"), 1u);
}

TEST_F(WinrmHttpsTest, ChecksOffNeedNoCa) {
  Outcome out = GetWinRm(OpenHttps(false, false, ""));
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
}

TEST_F(WinrmHttpsTest, CaCheckWithoutTheCertificateIsACertificateError) {
  Outcome out = GetWinRm(OpenHttps(true, false, ""));
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_FAILED));
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(MI_ERRORCATEGORY_SECURITY_ERROR));
  std::string message = Text(out.error.get(), "Message");
  EXPECT_NE(message.find(destination_), std::string::npos) << message;
  EXPECT_NE(message.find("certificate"), std::string::npos) << message;
}

TEST_F(WinrmHttpsTest, ATrustedCertificatesOptionThatIsNoFileIsRefusedAtNewSession) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(MI_Application_NewDestinationOptions(endpoint_.app(), &options), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTrustedCertsDir(&options, "/nonexistent/ca.pem"), MI_RESULT_OK);
  MI_Session session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  EXPECT_EQ(MI_Application_NewSession(endpoint_.app(), "WINRM", destination_.c_str(), &options, nullptr, &error,
                                      &session),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_NE(Text(error, "Message").find("/nonexistent/ca.pem"), std::string::npos);
  if (error) MI_Instance_Delete(error);
  MI_DestinationOptions_Delete(&options);
}

}  // namespace
}  // namespace cimulate::winrm::testing
