// The assembled fake endpoint in process: listeners on ephemeral loopback
// ports, Identify over HTTP and HTTPS, the journal, connection faults,
// Reload and Reset.
#include "server/fake_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "server_test_util.h"

namespace cimulate::fake::testing {
namespace {

using scenario::ListenerKind;

std::unique_ptr<FakeServer> StartOrFail(const std::string& yaml, FakeServerOptions options = {}) {
  std::string error;
  auto server = FakeServer::Start(LoadScenario(yaml), std::move(options), &error);
  EXPECT_NE(server, nullptr) << error;
  return server;
}

httplib::Result Identify(httplib::Client& client) {
  client.set_basic_auth("alice", "pw");
  return client.Post("/wsman", kIdentify, kSoapType);
}

TEST(FakeServerTest, IdentifyOverHttpOnAnEphemeralPortIsJournaled) {
  auto server = StartOrFail(ScenarioYaml("identify"));
  ASSERT_NE(server, nullptr);
  const std::string address = server->address(ListenerKind::kWinrmHttp);
  ASSERT_NE(server->port(ListenerKind::kWinrmHttp), 0);
  EXPECT_EQ(address, "127.0.0.1:" + std::to_string(server->port(ListenerKind::kWinrmHttp)));
  EXPECT_EQ(server->address(ListenerKind::kWinrmHttps), "") << "no tls: no HTTPS listener";
  EXPECT_EQ(server->port(ListenerKind::kWinrmHttps), 0);

  httplib::Client client("127.0.0.1", server->port(ListenerKind::kWinrmHttp));
  auto res = Identify(client);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("IdentifyResponse"), std::string::npos) << res->body;

  EXPECT_EQ(server->journal().ConnectionsAccepted("winrm_http"), 1u);
  const auto requests = server->journal().Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].listener, "winrm_http");
  EXPECT_EQ(requests[0].status, 200);
  EXPECT_EQ(requests[0].note.action, "Identify");
  EXPECT_EQ(requests[0].note.user, "alice");
  EXPECT_EQ(server->journal().ToJson().find("cHc="), std::string::npos) << "the password never reaches the journal";
}

TEST(FakeServerTest, UnauthenticatedRequestGets401WithAChallenge) {
  auto server = StartOrFail(ScenarioYaml("auth"));
  ASSERT_NE(server, nullptr);
  httplib::Client client("127.0.0.1", server->port(ListenerKind::kWinrmHttp));
  auto res = client.Post("/wsman", kIdentify, kSoapType);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_TRUE(res->has_header("WWW-Authenticate"));
}

TEST(FakeServerTest, IdentifyOverHttpsWithTheServedCertificate) {
  auto server = StartOrFail(ScenarioYaml("tls", "  listeners: {winrm_http: false, winrm_https: 127.0.0.1:0}\n"));
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->address(ListenerKind::kWinrmHttp), "");
  ASSERT_NE(server->port(ListenerKind::kWinrmHttps), 0);
  EXPECT_EQ(server->certificate_pem().rfind("-----BEGIN CERTIFICATE-----", 0), 0u);

  httplib::SSLClient client("127.0.0.1", server->port(ListenerKind::kWinrmHttps));
  client.enable_server_certificate_verification(false);
  client.set_basic_auth("alice", "pw");
  auto res = client.Post("/wsman", kIdentify, kSoapType);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(server->journal().CountEvents(ConnectionEventKind::kTlsHandshakeOk, "winrm_https"), 1u);
  ASSERT_EQ(server->journal().Requests().size(), 1u);
  EXPECT_EQ(server->journal().Requests()[0].listener, "winrm_https");
}

TEST(FakeServerTest, OverridesPickAddressesAndStartDisabledListeners) {
  FakeServerOptions options;
  options.winrm_http = "[::1]:0";
  options.winrm_https = "127.0.0.1:0";
  options.admin = "127.0.0.1:0";
  auto server = StartOrFail(ScenarioYaml("over", "  listeners: {admin: false}\n"), options);
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->address(ListenerKind::kWinrmHttp).rfind("[::1]:", 0), 0u);
  EXPECT_NE(server->port(ListenerKind::kWinrmHttps), 0);
  EXPECT_NE(server->port(ListenerKind::kAdmin), 0);

  httplib::Client client("::1", server->port(ListenerKind::kWinrmHttp));
  auto res = Identify(client);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
}

TEST(FakeServerTest, ListenersTheScenarioTurnsOffDoNotRun) {
  auto server = StartOrFail(ScenarioYaml("off", "  listeners: {admin: false}\n"));
  ASSERT_NE(server, nullptr);
  EXPECT_EQ(server->address(ListenerKind::kAdmin), "");
  const std::string ready = server->ReadyJson();
  EXPECT_NE(ready.find("\"winrm_http\":\"" + server->address(ListenerKind::kWinrmHttp) + "\""), std::string::npos);
  EXPECT_EQ(ready.find("admin"), std::string::npos) << ready;
  EXPECT_EQ(ready.find("winrm_https"), std::string::npos) << ready;
  EXPECT_NE(ready.find("\"pid\":"), std::string::npos) << ready;
}

TEST(FakeServerTest, AdminRefusesANonLoopbackAddress) {
  FakeServerOptions options;
  options.admin = "0.0.0.0:0";
  std::string error;
  auto server = FakeServer::Start(LoadScenario(ScenarioYaml("admin")), options, &error);
  EXPECT_EQ(server, nullptr);
  EXPECT_NE(error.find("admin"), std::string::npos) << error;
  EXPECT_NE(error.find("0.0.0.0"), std::string::npos) << error;
}

TEST(FakeServerTest, BadOverrideAndBindFailureNameTheAddress) {
  std::string error;
  FakeServerOptions bad;
  bad.winrm_http = "127.0.0.1:99999";
  EXPECT_EQ(FakeServer::Start(LoadScenario(ScenarioYaml("bad")), bad, &error), nullptr);
  EXPECT_NE(error.find("winrm_http"), std::string::npos) << error;
  EXPECT_NE(error.find("99999"), std::string::npos) << error;

  auto first = StartOrFail(ScenarioYaml("first"));
  ASSERT_NE(first, nullptr);
  FakeServerOptions taken;
  taken.winrm_http = first->address(ListenerKind::kWinrmHttp);
  error.clear();
  EXPECT_EQ(FakeServer::Start(LoadScenario(ScenarioYaml("second")), taken, &error), nullptr);
  EXPECT_NE(error.find(*taken.winrm_http), std::string::npos) << error;
}

TEST(FakeServerTest, StopClosesThePortsAndIsIdempotent) {
  auto server = StartOrFail(ScenarioYaml("stop"));
  ASSERT_NE(server, nullptr);
  const std::uint16_t port = server->port(ListenerKind::kWinrmHttp);
  server->Stop();
  server->Stop();
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(2);
  EXPECT_FALSE(Identify(client));
}

}  // namespace
}  // namespace cimulate::fake::testing
