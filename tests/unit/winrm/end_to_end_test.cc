// The registered WINRM handler (real HTTP transport) through the MI C ABI
// against the in-process fake endpoint on an ephemeral loopback port.
#include <gtest/gtest.h>

#include "api/entry.h"
#include "core/application.h"
#include "server/fake_server.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {
namespace {

class WinrmEndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    fake::FakeServerOptions options;
    options.winrm_http = "127.0.0.1:0";
    server_ = fake::FakeServer::Start(LoadTestScenario(), options, &error);
    ASSERT_NE(server_, nullptr) << error;
    ASSERT_EQ(core::InitializeApplication(0, "e2e", nullptr, &app_, DefaultProtocolRegistry()), MI_RESULT_OK);
  }
  void TearDown() override {
    if (session_.ft) MI_Session_Close(&session_, nullptr, nullptr);
    MI_Application_Close(&app_);
  }

  MI_Session* Open(const std::string& destination) {
    MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
    EXPECT_EQ(MI_Application_NewDestinationOptions(&app_, &options), MI_RESULT_OK);
    MI_UserCredentials credentials{};
    credentials.authenticationType = MI_AUTH_TYPE_BASIC;
    credentials.credentials.usernamePassword.username = "alice";
    credentials.credentials.usernamePassword.password = "pw";
    MI_DestinationOptions_AddDestinationCredentials(&options, &credentials);
    EXPECT_EQ(MI_Application_NewSession(&app_, "WINRM", destination.c_str(), &options, nullptr, nullptr, &session_),
              MI_RESULT_OK);
    MI_DestinationOptions_Delete(&options);
    return &session_;
  }

  std::unique_ptr<fake::FakeServer> server_;
  MI_Application app_ = MI_APPLICATION_NULL;
  MI_Session session_ = MI_SESSION_NULL;
};

TEST_F(WinrmEndToEndTest, OperationsShareOneConnectionAfterADeferredConnect) {
  MI_Session* session = Open(server_->address(scenario::ListenerKind::kWinrmHttp));
  EXPECT_EQ(server_->journal().ConnectionsAccepted("winrm_http"), 0u);  // deferred connection
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_TestConnection(session, 0, nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;

  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Uint32(out.instances[0].get(), "ProcessId"), 1234u);

  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, nullptr, &op);
  out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(out.instances.size(), 5u);
  EXPECT_EQ(server_->journal().ConnectionsAccepted("winrm_http"), 1u);
}

TEST_F(WinrmEndToEndTest, FaultCarriesTheServersCimError) {
  MI_Session* session = Open(server_->address(scenario::ListenerKind::kWinrmHttp));
  core::InstancePtr key = MakeInstance("Win32_Broken", {{"Name", "x"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_SERVER_LIMITS_EXCEEDED);
  EXPECT_EQ(Text(out.error.get(), "Message"), "too much");
}

TEST_F(WinrmEndToEndTest, RefusedPortFailsAtTheFirstOperationNamingTheDestination) {
  std::string address = server_->address(scenario::ListenerKind::kWinrmHttp);
  server_.reset();  // nothing listens there now
  MI_Session* session = Open(address);
  MI_Operation op = MI_OPERATION_NULL;
  auto start = std::chrono::steady_clock::now();
  MI_Session_TestConnection(session, 0, nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  ASSERT_TRUE(out.error);
  EXPECT_NE(Text(out.error.get(), "Message").find(address), std::string::npos) << Text(out.error.get(), "Message");
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(MI_ERRORCATEGORY_CONNECTION_ERROR));
}

}  // namespace
}  // namespace cimulate::winrm::testing
