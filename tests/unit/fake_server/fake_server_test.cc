// The assembled fake endpoint in process: listeners on ephemeral loopback
// ports, Identify over HTTP and HTTPS, the journal, connection faults,
// Reload and Reset.
#include "server/fake_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <future>
#include <memory>
#include <string>

#include "raw_client.h"
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

// Writes a self-signed P-256 certificate and its key as PEM files.
bool WriteSelfSigned(const std::string& cert_path, const std::string& key_path) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  bool ok = key && cert;
  if (ok) {
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    ok = X509_sign(cert, key, EVP_sha256()) > 0;
  }
  FILE* c = ok ? std::fopen(cert_path.c_str(), "w") : nullptr;
  FILE* k = ok ? std::fopen(key_path.c_str(), "w") : nullptr;
  ok = c && k && PEM_write_X509(c, cert) && PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
  if (c) std::fclose(c);
  if (k) std::fclose(k);
  X509_free(cert);
  EVP_PKEY_free(key);
  return ok;
}

TEST(FakeServerTest, HttpsServesTheScenariosCertificateFromTheScenarioFolder) {
  std::string pattern = (std::filesystem::temp_directory_path() / "cimulate-tls-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir = pattern;
  std::filesystem::create_directory(dir / "certs");
  ASSERT_TRUE(WriteSelfSigned((dir / "certs/server.pem").string(), (dir / "certs/server.key").string()));
  const scenario::Scenario s =
      LoadScenario(ScenarioYaml("tls-files", "  tls: {cert: certs/server.pem, key: certs/server.key}\n"));
  FakeServerOptions options;
  options.scenario_dir = dir.string();
  auto server = StartOrFail(ScenarioYaml("tls-files", "  tls: {cert: certs/server.pem, key: certs/server.key}\n"),
                            options);
  ASSERT_NE(server, nullptr);
  std::ifstream in(dir / "certs/server.pem");
  std::stringstream pem;
  pem << in.rdbuf();
  EXPECT_EQ(server->certificate_pem(), pem.str());
  httplib::SSLClient client("127.0.0.1", server->port(ListenerKind::kWinrmHttps));
  client.enable_server_certificate_verification(false);
  client.set_basic_auth("alice", "pw");
  auto res = client.Post("/wsman", kIdentify, kSoapType);
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  server.reset();

  // Elsewhere the same relative paths name no file, and the error says which.
  options.scenario_dir = (dir / "nowhere").string();
  std::string error;
  EXPECT_EQ(FakeServer::Start(s, options, &error), nullptr);
  EXPECT_NE(error.find("winrm_https"), std::string::npos) << error;
  EXPECT_NE(error.find((dir / "nowhere" / "certs/server.pem").string()), std::string::npos) << error;
  std::filesystem::remove_all(dir);
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

// Answers Identify with 503 the first time only.
constexpr char kBusyOnce[] =
    "  rules:\n"
    "    - {name: busy-once, match: {action: Identify}, respond: {http: {status: 503, body: busy}}, times: 1}\n";

int IdentifyStatus(std::uint16_t port) {
  httplib::Client client("127.0.0.1", port);
  auto res = Identify(client);
  return res ? res->status : -1;
}

// The bytes a fresh connection gets before the server closes it.
std::string ReadUntilClose(std::uint16_t port, const std::string& request) {
  RawClient c(port);
  EXPECT_TRUE(c.Send(request));
  ReadResult r = c.ReadAll(3000);
  EXPECT_TRUE(r.eof);
  return r.data;
}

TEST(FakeServerTest, ConnectionFaultsFromTheScenarioApplyToTheirConnection) {
  auto server = StartOrFail(ScenarioYaml(
      "refuse-first", "  connection_faults:\n    - {listener: winrm_http, nth: 1, fault: {kind: refuse}}\n"));
  ASSERT_NE(server, nullptr);
  const std::uint16_t port = server->port(ListenerKind::kWinrmHttp);
  RawClient first(port);
  ReadResult r = first.ReadAll(3000);
  EXPECT_EQ(r.error, ECONNRESET);
  EXPECT_TRUE(r.data.empty());
  EXPECT_EQ(IdentifyStatus(port), 200) << "only the first connection is refused";
  EXPECT_EQ(server->journal().ConnectionsAccepted("winrm_http"), 2u);
  EXPECT_TRUE(WaitUntil([&] { return server->journal().CountEvents(ConnectionEventKind::kResetByServer) == 1; }));
}

TEST(FakeServerTest, SeededGarbageReplaysAcrossServersAndAfterReset) {
  const std::string faults =
      "  connection_faults:\n    - {listener: winrm_http, fault: {kind: garbage_then_close, bytes: 48}}\n";
  auto a = StartOrFail(ScenarioYaml("garbage", faults, "seed: 11\n"));
  auto b = StartOrFail(ScenarioYaml("garbage", faults, "seed: 11\n"));
  auto other = StartOrFail(ScenarioYaml("garbage", faults, "seed: 12\n"));
  ASSERT_TRUE(a && b && other);
  const std::string request = PostRequest(kIdentify);
  const std::string first = ReadUntilClose(a->port(ListenerKind::kWinrmHttp), request);
  const std::string second = ReadUntilClose(a->port(ListenerKind::kWinrmHttp), request);
  ASSERT_EQ(first.size(), 48u);
  EXPECT_NE(first, second) << "each connection draws anew";
  EXPECT_EQ(ReadUntilClose(b->port(ListenerKind::kWinrmHttp), request), first) << "same seed, same bytes";
  EXPECT_NE(ReadUntilClose(other->port(ListenerKind::kWinrmHttp), request), first);
  a->Reset();
  EXPECT_EQ(ReadUntilClose(a->port(ListenerKind::kWinrmHttp), request), first) << "Reset restarts the draws";
}

TEST(FakeServerTest, RuleTransportFaultsCarryTheEnginesDraws) {
  const std::string rule =
      "  rules:\n    - {match: {action: Identify}, transport: {kind: garbage_then_close, bytes: 20}}\n";
  auto a = StartOrFail(ScenarioYaml("rule-garbage", rule, "seed: 5\n"));
  auto b = StartOrFail(ScenarioYaml("rule-garbage", rule, "seed: 5\n"));
  ASSERT_TRUE(a && b);
  const std::string request = PostRequest(kIdentify, "Authorization: Basic YWxpY2U6cHc=\r\n");
  const std::string bytes = ReadUntilClose(a->port(ListenerKind::kWinrmHttp), request);
  ASSERT_EQ(bytes.size(), 20u);
  EXPECT_EQ(ReadUntilClose(b->port(ListenerKind::kWinrmHttp), request), bytes);
  ASSERT_EQ(a->journal().Requests().size(), 1u);
  EXPECT_EQ(a->journal().Requests()[0].transport_fault, "garbage_then_close");
}

TEST(FakeServerTest, ResetRestoresRuleCountersAndClearsTheJournal) {
  auto server = StartOrFail(ScenarioYaml("busy", kBusyOnce));
  ASSERT_NE(server, nullptr);
  const std::uint16_t port = server->port(ListenerKind::kWinrmHttp);
  EXPECT_EQ(IdentifyStatus(port), 503);
  EXPECT_EQ(IdentifyStatus(port), 200);
  EXPECT_EQ(server->journal().Requests().size(), 2u);
  server->Reset();
  EXPECT_EQ(server->journal().Requests().size(), 0u);
  EXPECT_EQ(server->journal().ConnectionsAccepted("winrm_http"), 0u);
  EXPECT_EQ(IdentifyStatus(port), 503) << "the rule fires again after Reset";
}

TEST(FakeServerTest, ReloadSwapsScenarioSeedAndFaultsButKeepsAddresses) {
  auto server = StartOrFail(ScenarioYaml("before"));
  ASSERT_NE(server, nullptr);
  const std::string http = server->address(ListenerKind::kWinrmHttp);
  const std::string admin = server->address(ListenerKind::kAdmin);
  EXPECT_EQ(IdentifyStatus(server->port(ListenerKind::kWinrmHttp)), 200);

  std::string error;
  ASSERT_TRUE(server->Reload(LoadScenario(ScenarioYaml("after",
                                                       std::string(kBusyOnce) +
                                                           "  connection_faults:\n"
                                                           "    - {listener: winrm_http, nth: 3, fault: {kind: refuse}}\n"
                                                           "  listeners: {winrm_http: 127.0.0.1:1}\n",
                                                       "seed: 99\n")),
                             &error))
      << error;
  EXPECT_EQ(server->scenario_name(), "after");
  EXPECT_EQ(server->seed(), 99u);
  EXPECT_EQ(server->address(ListenerKind::kWinrmHttp), http) << "listeners stay where they are";
  EXPECT_EQ(server->address(ListenerKind::kAdmin), admin);
  const std::uint16_t port = server->port(ListenerKind::kWinrmHttp);
  EXPECT_EQ(IdentifyStatus(port), 503) << "the new rules answer";
  EXPECT_EQ(IdentifyStatus(port), -1) << "the new connection faults apply (third connection)";
  EXPECT_EQ(IdentifyStatus(port), 200);
}

TEST(FakeServerTest, ReleaseEndsAHangUntilRelease) {
  auto server = StartOrFail(ScenarioYaml(
      "hang", "  rules:\n    - {match: {action: Identify}, transport: {kind: hang, until: release}}\n"));
  ASSERT_NE(server, nullptr);
  const std::uint16_t port = server->port(ListenerKind::kWinrmHttp);
  auto done = std::async(std::launch::async, [port] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10);
    return Identify(client).error();
  });
  // A Release before the hang began would not end it: repeat until it does.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (done.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready &&
         std::chrono::steady_clock::now() < deadline) {
    server->Release();
  }
  ASSERT_EQ(done.wait_for(std::chrono::seconds(0)), std::future_status::ready) << "the hang did not end";
  EXPECT_NE(done.get(), httplib::Error::Success) << "a released hang closes without an answer";
  EXPECT_TRUE(WaitUntil([&] {
    return server->journal().CountEvents(ConnectionEventKind::kCloseByServer, "winrm_http") == 1;
  }));
}

}  // namespace
}  // namespace cimulate::fake::testing
