// The WMIDCOM handler's real DCOM client against the fake WMIDCOM endpoint on
// loopback: activation, object exporter, NTLMLogin and the IWbemServices
// calls through the MI C ABI.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "MI.h"
#include "core/application.h"
#include "core/instance.h"
#include "journal/journal.h"
#include "test_scenario.h"
#include "wmidcom/dcom_connection.h"
#include "wmidcom/wmidcom_endpoint.h"
#include "wmidcom/wmidcom_protocol.h"

namespace cimulate::wmidcom {
namespace {

constexpr const char* kAuth = R"(  auth:
    anonymous: true
    accounts:
      - {user: alice, domain: FAKEDOM, password: "Passw0rd!"}
)";

struct Result {
  MI_Result result = MI_RESULT_OK;
  std::vector<core::InstancePtr> instances;
};

Result Drain(MI_Operation* operation) {
  Result out;
  MI_Boolean more = MI_TRUE;
  while (more) {
    const MI_Instance* instance = nullptr;
    const MI_Char* message = nullptr;
    const MI_Instance* details = nullptr;
    MI_Result result = MI_RESULT_OK;
    if (MI_Operation_GetInstance(operation, &instance, &more, &result, &message, &details) != MI_RESULT_OK) break;
    if (instance != nullptr) out.instances.push_back(core::CloneInstance(instance));
    if (!more) out.result = result;
  }
  EXPECT_EQ(MI_Operation_Close(operation), MI_RESULT_OK);
  return out;
}

std::string StringProperty(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &value, &type, &flags, nullptr) != MI_RESULT_OK) return "<missing>";
  if (type != MI_STRING || (flags & MI_FLAG_NULL) != 0) return "<not a string>";
  return value.string;
}

class EndToEndTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = std::make_shared<core::ProtocolRegistry>();
    registry->Register(std::make_shared<WmidcomProtocol>(NewDcomConnection,
                                                         [](const char*) { return std::optional<std::string>(); }));
    ASSERT_EQ(core::InitializeApplication(0, "wmidcom-e2e", nullptr, &app_, registry), MI_RESULT_OK);
  }

  void TearDown() override {
    if (session_open_) MI_Session_Close(&session_, nullptr, nullptr);
    MI_Application_Close(&app_);
  }

  void StartFake(const std::string& wmidcom_section = "") {
    scenario_ = fake::wmidcom::LoadEndpoint(std::string(kAuth) + fake::wmidcom::kServicesData + wmidcom_section);
    endpoint_ = std::make_unique<fake::wmidcom::WmidcomEndpoint>(
        scenario_, fake::wmidcom::WmidcomEndpointOptions{"127.0.0.1", 0, 3, 5000}, &journal_);
    std::string error;
    ASSERT_TRUE(endpoint_->Start(&error)) << error;
    destination_ = "127.0.0.1:" + std::to_string(endpoint_->activation_port());
  }

  // user empty: anonymous.
  void Open(const char* user = "FAKEDOM\\alice", const char* password = "Passw0rd!", bool privacy = true,
            int timeout_seconds = 10) {
    MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
    ASSERT_EQ(MI_Application_NewDestinationOptions(&app_, &options), MI_RESULT_OK);
    if (user[0] != '\0') {
      MI_UserCredentials credentials{};
      credentials.authenticationType = MI_AUTH_TYPE_NTLM;
      credentials.credentials.usernamePassword.domain = nullptr;
      credentials.credentials.usernamePassword.username = user;
      credentials.credentials.usernamePassword.password = password;
      ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options, &credentials), MI_RESULT_OK);
    }
    ASSERT_EQ(MI_DestinationOptions_SetPacketPrivacy(&options, privacy ? MI_TRUE : MI_FALSE), MI_RESULT_OK);
    MI_Interval timeout{};
    timeout.seconds = timeout_seconds;
    ASSERT_EQ(MI_DestinationOptions_SetTimeout(&options, &timeout), MI_RESULT_OK);
    ASSERT_EQ(MI_Application_NewSession(&app_, "WMIDCOM", destination_.c_str(), &options, nullptr, nullptr, &session_),
              MI_RESULT_OK);
    session_open_ = true;
    MI_DestinationOptions_Delete(&options);
  }

  Result Query(const char* wql, const char* ns = "root/cimv2") {
    MI_Operation op = MI_OPERATION_NULL;
    MI_Session_QueryInstances(&session_, 0, nullptr, ns, "WQL", wql, nullptr, &op);
    return Drain(&op);
  }

  Result Get(const char* class_name, const char* name) {
    MI_Instance* raw = nullptr;
    EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
    core::InstancePtr keys(raw);
    MI_Value v;
    v.string = const_cast<MI_Char*>(name);
    EXPECT_EQ(MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY), MI_RESULT_OK);
    MI_Operation op = MI_OPERATION_NULL;
    MI_Session_GetInstance(&session_, 0, nullptr, "root/cimv2", raw, nullptr, &op);
    return Drain(&op);
  }

  scenario::Scenario scenario_;
  fake::Journal journal_;
  std::unique_ptr<fake::wmidcom::WmidcomEndpoint> endpoint_;
  std::string destination_;
  MI_Application app_ = MI_APPLICATION_NULL;
  MI_Session session_ = MI_SESSION_NULL;
  bool session_open_ = false;
};

TEST_F(EndToEndTest, QuerySelectStar) {
  StartFake();
  Open();
  Result r = Query("SELECT * FROM Win32_Service");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  ASSERT_EQ(r.instances.size(), 3u);
  std::vector<std::string> names;
  for (const auto& i : r.instances) names.push_back(StringProperty(i.get(), "Name"));
  EXPECT_NE(std::find(names.begin(), names.end(), "WinRM"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "Spooler"), names.end());
}

TEST_F(EndToEndTest, QueryColumnsWithWhereAndSessionReuse) {
  StartFake();
  Open();
  Result r = Query("SELECT Name, State FROM Win32_Service WHERE State = \"Running\"");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  ASSERT_EQ(r.instances.size(), 2u);
  for (const auto& i : r.instances) EXPECT_EQ(StringProperty(i.get(), "State"), "Running");
  Result again = Query("SELECT * FROM Win32_OperatingSystem");
  EXPECT_EQ(again.result, MI_RESULT_OK);
  ASSERT_EQ(again.instances.size(), 1u);
  EXPECT_EQ(StringProperty(again.instances[0].get(), "Caption"), "Windows");
}

TEST_F(EndToEndTest, Enumerate) {
  StartFake();
  Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(EndToEndTest, GetByKeys) {
  StartFake();
  Open();
  Result r = Get("Win32_Service", "Spooler");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  ASSERT_EQ(r.instances.size(), 1u);
  EXPECT_EQ(StringProperty(r.instances[0].get(), "State"), "Stopped");
}

TEST_F(EndToEndTest, GetMissingIsNotFound) {
  StartFake();
  Open();
  EXPECT_EQ(Get("Win32_Service", "NoSuchService").result, MI_RESULT_NOT_FOUND);
}

TEST_F(EndToEndTest, UnknownClassIsInvalidClass) {
  StartFake();
  Open();
  EXPECT_EQ(Query("SELECT * FROM Win32_NoSuchClass").result, MI_RESULT_INVALID_CLASS);
}

TEST_F(EndToEndTest, UnknownNamespaceIsInvalidNamespace) {
  StartFake();
  Open();
  EXPECT_EQ(Query("SELECT * FROM Win32_Service", "root/nosuch").result, MI_RESULT_INVALID_NAMESPACE);
}

TEST_F(EndToEndTest, WrongPasswordIsAccessDenied) {
  StartFake();
  Open("FAKEDOM\\alice", "wrong");
  EXPECT_EQ(Query("SELECT * FROM Win32_Service").result, MI_RESULT_ACCESS_DENIED);
}

TEST_F(EndToEndTest, Anonymous) {
  StartFake();
  Open("");
  Result r = Query("SELECT * FROM Win32_Service");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(EndToEndTest, IntegrityOnTheObjectConnection) {
  StartFake("  wmidcom:\n    authn_hint: 5\n");
  Open("FAKEDOM\\alice", "Passw0rd!", /*privacy=*/false);
  Result r = Query("SELECT * FROM Win32_Service");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(EndToEndTest, PrivacyOnTheObjectConnection) {
  StartFake("  wmidcom:\n    authn_hint: 6\n");
  Open("FAKEDOM\\alice", "Passw0rd!", /*privacy=*/true);
  Result r = Query("SELECT * FROM Win32_Service");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(EndToEndTest, NoAuthenticationWhenTheServerHintsNone) {
  StartFake("  wmidcom:\n    authn_hint: 1\n");
  Open();
  Result r = Query("SELECT * FROM Win32_Service");
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(EndToEndTest, UnreachablePortFailsTheFirstOperationNotTheSession) {
  StartFake();
  destination_ = "127.0.0.1:" + std::to_string(endpoint_->activation_port());
  endpoint_->Stop();
  Open("FAKEDOM\\alice", "Passw0rd!", true, 5);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Query("SELECT * FROM Win32_Service").result, MI_RESULT_FAILED);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(EndToEndTest, CancelDuringAStalledNext) {
  StartFake("  wmidcom:\n    faults:\n      - {match: {method: Next}, transport: stall}\n");
  Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_QueryInstances(&session_, 0, nullptr, "root/cimv2", "WQL", "SELECT * FROM Win32_Service", nullptr, &op);
  std::thread canceller([&op] {
    // Cancel is valid at any time; give the operation a moment to reach Next.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    MI_Operation_Cancel(&op, MI_REASON_NONE);
  });
  const auto start = std::chrono::steady_clock::now();
  Result r = Drain(&op);
  canceller.join();
  EXPECT_NE(r.result, MI_RESULT_OK);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace cimulate::wmidcom
