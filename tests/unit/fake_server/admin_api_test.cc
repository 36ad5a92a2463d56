// The admin HTTP API over real loopback HTTP: health, journal, scenario
// upload (hot reload, or 400 with positions), reset, release, and the
// answers to wrong paths, methods and sizes.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>

#include "server/fake_server.h"
#include "server_test_util.h"

namespace cimulate::fake::testing {
namespace {

using scenario::ListenerKind;

class AdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = FakeServer::Start(LoadScenario(ScenarioYaml("adm")), {}, &error);
    ASSERT_NE(server_, nullptr) << error;
    admin_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port(ListenerKind::kAdmin));
  }

  int IdentifyStatus() {
    httplib::Client client("127.0.0.1", server_->port(ListenerKind::kWinrmHttp));
    client.set_basic_auth("alice", "pw");
    auto res = client.Post("/wsman", kIdentify, kSoapType);
    return res ? res->status : -1;
  }

  std::unique_ptr<FakeServer> server_;
  std::unique_ptr<httplib::Client> admin_;
};

TEST_F(AdminApiTest, HealthNamesTheScenarioAndSeed) {
  auto res = admin_->Get("/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(res->body, "{\"status\":\"ok\",\"scenario\":\"adm\",\"seed\":7}\n");
}

TEST_F(AdminApiTest, JournalShowsWinrmTrafficButNotItsOwn) {
  ASSERT_EQ(IdentifyStatus(), 200);
  admin_->Get("/health");
  auto res = admin_->Get("/journal");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("\"accepted\":{\"winrm_http\":1}"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("\"action\":\"Identify\""), std::string::npos) << res->body;
  EXPECT_EQ(res->body.find("/health"), std::string::npos) << "admin requests stay out of the journal";
}

TEST_F(AdminApiTest, UploadReloadsAValidScenario) {
  const std::string yaml = ScenarioYaml(
      "uploaded", "  rules:\n    - {match: {action: Identify}, respond: {http: {status: 503}}}\n", "seed: 3\n");
  auto res = admin_->Post("/scenario", yaml, "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_NE(res->body.find("\"scenario\":\"uploaded\""), std::string::npos) << res->body;
  EXPECT_EQ(server_->scenario_name(), "uploaded");
  EXPECT_EQ(server_->seed(), 3u);
  EXPECT_EQ(IdentifyStatus(), 503);
}

TEST_F(AdminApiTest, InvalidUploadGets400WithPositionsAndKeepsTheScenario) {
  auto res = admin_->Post("/scenario", "name: broken\nendpoint:\n  bogus: 1\n  auth: {basic: maybe}\n", "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("admin upload:3:3: endpoint.bogus"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("admin upload:4:"), std::string::npos) << res->body;
  EXPECT_EQ(res->body.back(), '\n');
  EXPECT_EQ(server_->scenario_name(), "adm");
  EXPECT_EQ(IdentifyStatus(), 200);
}

TEST_F(AdminApiTest, UploadOfSeveralScenariosPicksByName) {
  const std::string two = ScenarioYaml("one") + "---\n" + ScenarioYaml("two");
  auto res = admin_->Post("/scenario", two, "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << "neither is named like the served scenario";
  EXPECT_NE(res->body.find("?name="), std::string::npos) << res->body;
  res = admin_->Post("/scenario?name=two", two, "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(server_->scenario_name(), "two");
}

TEST_F(AdminApiTest, ResetClearsTheJournal) {
  ASSERT_EQ(IdentifyStatus(), 200);
  ASSERT_EQ(server_->journal().Requests().size(), 1u);
  auto res = admin_->Post("/reset", "", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(server_->journal().Requests().size(), 0u);
  EXPECT_EQ(server_->journal().ConnectionsAccepted("winrm_http"), 0u);
}

TEST_F(AdminApiTest, ReleaseEndsAHang) {
  ASSERT_TRUE(admin_->Post("/scenario",
                           ScenarioYaml("hang", "  rules:\n    - {match: {action: Identify}, "
                                                "transport: {kind: hang, until: release}}\n"),
                           "application/yaml"));
  auto hung = std::async(std::launch::async, [this] { return IdentifyStatus(); });
  // A release before the hang began would not end it: repeat until it does.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (hung.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready &&
         std::chrono::steady_clock::now() < deadline) {
    auto res = admin_->Post("/release", "", "text/plain");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
  }
  ASSERT_EQ(hung.wait_for(std::chrono::seconds(0)), std::future_status::ready) << "the hang did not end";
  EXPECT_EQ(hung.get(), -1) << "closed without an answer";
}

TEST_F(AdminApiTest, UnknownPathsWrongMethodsAndOversizeBodies) {
  auto res = admin_->Get("/nope");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = admin_->Get("/reset");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
  res = admin_->Post("/health", "", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "GET");
  res = admin_->Post("/scenario", std::string(4 * 1024 * 1024 + 1, '#'), "application/yaml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(server_->scenario_name(), "adm");
}

}  // namespace
}  // namespace cimulate::fake::testing
