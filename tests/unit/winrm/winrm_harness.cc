#include "winrm_harness.h"

#include <fstream>
#include <sstream>

#include "core/application.h"
#include "scenario/loader.h"
#include "winrm/winrm_protocol.h"

namespace cimulate::winrm::testing {

scenario::Scenario LoadTestScenario() {
  std::string path = std::string(CIMULATE_SOURCE_DIR) + "/tests/unit/winrm/scenario.yaml";
  scenario::LoadResult loaded = scenario::LoadScenarioFile(path);
  std::string errors;
  for (const auto& e : loaded.errors) errors += e.ToString() + "\n";
  EXPECT_TRUE(loaded.ok()) << errors;
  return loaded.ok() ? loaded.scenarios.front() : scenario::Scenario();
}

Outcome Drain(MI_Operation* operation) {
  Outcome out;
  MI_Boolean more = MI_TRUE;
  while (more) {
    const MI_Instance* instance = nullptr;
    const MI_Char* message = nullptr;
    const MI_Instance* details = nullptr;
    MI_Result result = MI_RESULT_OK;
    if (MI_Operation_GetInstance(operation, &instance, &more, &result, &message, &details) != MI_RESULT_OK) {
      ADD_FAILURE() << "MI_Operation_GetInstance failed";
      break;
    }
    if (instance != nullptr) out.instances.push_back(core::CloneInstance(instance));
    if (!more) {
      out.result = result;
      out.message = message ? message : "";
      out.error = core::CloneInstance(details);
    }
  }
  EXPECT_EQ(MI_Operation_Close(operation), MI_RESULT_OK);
  return out;
}

Harness::Harness() : hub_(std::make_shared<EngineHub>(LoadTestScenario())) {
  auto registry = std::make_shared<core::ProtocolRegistry>();
  std::shared_ptr<EngineHub> hub = hub_;
  registry->Register(std::make_shared<WinrmProtocol>(
      [hub](const HttpTransportConfig& config) { return std::make_unique<EngineTransport>(hub, config); }));
  EXPECT_EQ(core::InitializeApplication(0, "winrm-test", nullptr, &app_, registry), MI_RESULT_OK);
}

Harness::~Harness() {
  for (auto& session : sessions_) MI_Session_Close(session.get(), nullptr, nullptr);
  MI_Application_Close(&app_);
}

MI_Session* Harness::Open(const char* destination, const std::function<void(MI_DestinationOptions*)>& configure) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  EXPECT_EQ(MI_Application_NewDestinationOptions(&app_, &options), MI_RESULT_OK);
  MI_UserCredentials credentials{};
  credentials.authenticationType = MI_AUTH_TYPE_BASIC;
  credentials.credentials.usernamePassword.username = "alice";
  credentials.credentials.usernamePassword.password = "pw";
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options, &credentials), MI_RESULT_OK);
  if (configure) configure(&options);
  auto session = std::make_unique<MI_Session>();
  *session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  MI_Result r = MI_Application_NewSession(&app_, "WINRM", destination, &options, nullptr, &error, session.get());
  EXPECT_EQ(r, MI_RESULT_OK) << (error ? Text(error, "Message") : "");
  if (error) MI_Instance_Delete(error);
  MI_DestinationOptions_Delete(&options);
  sessions_.push_back(std::move(session));
  return sessions_.back().get();
}

std::string Text(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (instance == nullptr || MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) {
    return "<missing>";
  }
  if (flags & MI_FLAG_NULL) return "<null>";
  switch (type) {
    case MI_STRING: return v.string;
    case MI_BOOLEAN: return v.boolean ? "true" : "false";
    case MI_UINT8: return std::to_string(v.uint8);
    case MI_SINT8: return std::to_string(v.sint8);
    case MI_UINT16: return std::to_string(v.uint16);
    case MI_SINT16: return std::to_string(v.sint16);
    case MI_UINT32: return std::to_string(v.uint32);
    case MI_SINT32: return std::to_string(v.sint32);
    case MI_UINT64: return std::to_string(v.uint64);
    case MI_SINT64: return std::to_string(v.sint64);
    default: return "<other type>";
  }
}

MI_Type TypeOf(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type = MI_STRING;
  if (instance == nullptr || MI_Instance_GetElement(instance, name, &v, &type, nullptr, nullptr) != MI_RESULT_OK) {
    return static_cast<MI_Type>(255);
  }
  return type;
}

std::string ClassName(const MI_Instance* instance) {
  const MI_Char* name = nullptr;
  if (instance == nullptr || MI_Instance_GetClassName(instance, &name) != MI_RESULT_OK || name == nullptr) return "";
  return name;
}

MI_Uint32 Uint32(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  if (instance == nullptr || MI_Instance_GetElement(instance, name, &v, &type, nullptr, nullptr) != MI_RESULT_OK ||
      type != MI_UINT32) {
    return 0xFFFFFFFF;
  }
  return v.uint32;
}

core::InstancePtr MakeInstance(const char* class_name, const std::vector<std::pair<std::string, std::string>>& props,
                               bool first_is_key) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
  core::InstancePtr instance(raw);
  bool first = true;
  for (const auto& [name, value] : props) {
    MI_Value v;
    v.string = const_cast<MI_Char*>(value.c_str());
    EXPECT_EQ(MI_Instance_AddElement(raw, name.c_str(), &v, MI_STRING, first && first_is_key ? MI_FLAG_KEY : 0),
              MI_RESULT_OK);
    first = false;
  }
  return instance;
}

}  // namespace cimulate::winrm::testing
