// Faults and transport failures -> results and error instances; options
// reaching the wire; resource-URI forms; time-outs enforced on the client.
#include <gtest/gtest.h>

#include "winrm_harness.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::winrm::testing {
namespace {

using wsman::MessageKind;

Outcome GetOne(MI_Session* session, const char* class_name, const char* name, MI_OperationOptions* options = nullptr,
               const char* ns = "root/cimv2") {
  core::InstancePtr key = MakeInstance(class_name, {{"Name", name}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, options, ns, key.get(), nullptr, &op);
  return Drain(&op);
}

TEST(WinrmFaultTest, CimErrorInTheFaultIsGivenWhole) {
  Harness h;
  Outcome out = GetOne(h.Open(), "Win32_Broken", "x");
  EXPECT_EQ(out.result, MI_RESULT_SERVER_LIMITS_EXCEEDED);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), 27u);
  EXPECT_EQ(Text(out.error.get(), "Message"), "too much");
  EXPECT_EQ(Text(out.error.get(), "MessageID"), "HRESULT 0x803381a6");
  EXPECT_EQ(Uint32(out.error.get(), "error_Code"), 2150859174u);
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), 30u);
  EXPECT_EQ(Text(out.error.get(), "error_WindowsErrorMessage"), "quota");
  EXPECT_EQ(out.message, "too much");
}

TEST(WinrmFaultTest, FaultWithoutCimErrorUsesTheSubcodeTable) {
  Harness h;
  Outcome out = GetOne(h.Open(), "Win32_Denied", "x");
  EXPECT_EQ(out.result, MI_RESULT_ACCESS_DENIED);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_ACCESS_DENIED));
  EXPECT_EQ(Uint32(out.error.get(), "error_Code"), 5u);  // the WSManFault code
  EXPECT_EQ(Text(out.error.get(), "error_Type"), "HRESULT");
  EXPECT_EQ(Text(out.error.get(), "Message"), "The user may not read this.");
  EXPECT_EQ(Text(out.error.get(), "ErrorSource"), "server01");
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(MI_ERRORCATEGORY_ACCESS_DENIED));
}

TEST(WinrmFaultTest, InvalidSelectorsIsInvalidParameter) {
  Harness h;
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Bogus", "x"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(h.Open(), 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(Uint32(out.error.get(), "error_Code"), 2150858843u);
}

TEST(WinrmFaultTest, UnknownClassAndNamespaceAreTold) {
  Harness h;
  MI_Session* session = h.Open();
  EXPECT_EQ(GetOne(session, "Win32_Nothing", "x").result, MI_RESULT_INVALID_CLASS);
  EXPECT_EQ(GetOne(session, "Win32_Service", "x", nullptr, "root/nowhere").result, MI_RESULT_INVALID_NAMESPACE);
}

// Transport faults the engine asks for, as the HTTP transport reports them.
class TransportFaultTest : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(TransportFaultTest, BecomesAFailureNamingTheDestination) {
  auto [kind, cause] = GetParam();
  std::string yaml = std::string("name: t\nendpoint:\n  auth: {anonymous: true}\n  rules:\n    - transport: {kind: ") +
                     kind + "}\n";
  scenario::LoadResult loaded = scenario::LoadScenarios(yaml, "t.yaml");
  ASSERT_TRUE(loaded.ok());
  auto hub = std::make_shared<EngineHub>(loaded.scenarios.front());
  HttpTransportConfig config;
  EngineTransport transport(hub, config);
  SessionSettings settings;
  settings.destination = "target.example";
  auto cancel = std::make_shared<CancelSignal>();
  Exchange exchange(settings, transport, cancel, std::chrono::milliseconds(200));
  wsman::Message request;
  request.kind = MessageKind::kIdentify;
  wsman::Message response;
  auto start = std::chrono::steady_clock::now();
  winrm::Outcome out = exchange.Run(request, MessageKind::kIdentifyResponse, &response);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  ASSERT_TRUE(out.error);
  std::string message = Text(out.error.get(), "Message");
  EXPECT_NE(message.find("target.example"), std::string::npos) << message;
  EXPECT_NE(message.find(cause), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, TransportFaultTest,
    ::testing::Values(std::make_pair("reset", "reset"), std::make_pair("accept_then_close", "closed"),
                      std::make_pair("garbage_then_close", "not readable HTTP"),
                      std::make_pair("truncated_body, percent: 50", "cut short"),
                      std::make_pair("hang", "time-out")));

TEST(WinrmFaultTest, OperationTimeoutIsSentAndEnforced) {
  Harness h;
  MI_Session* session = h.Open();
  MI_OperationOptions options = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(MI_Application_NewOperationOptions(h.app(), MI_FALSE, &options), MI_RESULT_OK);
  MI_Interval timeout{};
  timeout.seconds = 1;
  ASSERT_EQ(MI_OperationOptions_SetTimeout(&options, &timeout), MI_RESULT_OK);
  MI_Operation op = MI_OPERATION_NULL;
  auto start = std::chrono::steady_clock::now();
  // Win32_Slow's Pull hangs: only the client's deadline ends it.
  MI_Session_EnumerateInstances(session, 0, &options, "root/cimv2", "Win32_Slow", MI_FALSE, nullptr, &op);
  Outcome out = Drain(&op);
  auto elapsed = std::chrono::steady_clock::now() - start;
  MI_OperationOptions_Delete(&options);
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  EXPECT_EQ(out.instances.size(), 1u);
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(MI_ERRORCATEGORY_OPERATION_TIMEOUT));
  EXPECT_GE(elapsed, std::chrono::milliseconds(900));
  EXPECT_LT(elapsed, std::chrono::seconds(10));
  EXPECT_EQ(h.hub().Sent()[0]->message.headers.operation_timeout_ms, 1000u);
}

TEST(WinrmOptionsTest, DestinationOptionsReachTheWire) {
  Harness h;
  MI_Session* session = h.Open("https://server02:7000/prefix", [](MI_DestinationOptions* options) {
    MI_DestinationOptions_SetString(options, "__MI_DESTINATIONOPTIONS_UI_LOCALE", "de-DE");
    MI_DestinationOptions_SetString(options, "__MI_DESTINATIONOPTIONS_DATA_LOCALE", "fr-FR");
    MI_DestinationOptions_SetNumber(options, "__MI_DESTINATIONOPTIONS_MAX_ENVELOPE_SIZE", 200);
    MI_Interval timeout{};
    timeout.seconds = 30;
    MI_DestinationOptions_SetTimeout(options, &timeout);
  });
  Outcome out = GetOne(session, "Win32_Service", "WinRM");
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  const wsman::Headers& headers = h.hub().Sent()[0]->message.headers;
  EXPECT_EQ(headers.to, "https://server02:7000/prefix");
  EXPECT_EQ(headers.locale, "de-DE");
  EXPECT_EQ(headers.data_locale, "fr-FR");
  EXPECT_EQ(headers.max_envelope_size, 200u * 1024);
  EXPECT_EQ(headers.operation_timeout_ms, 30000u);
  EXPECT_LE(h.hub().Sent()[0]->time_left, std::chrono::seconds(30));
  EXPECT_GT(h.hub().Sent()[0]->time_left, std::chrono::seconds(20));
  HttpTransportConfig config = h.hub().configs()[0];
  EXPECT_TRUE(config.https);
  EXPECT_EQ(config.port, 7000);
  EXPECT_EQ(config.path, "/prefix");
}

TEST(WinrmOptionsTest, CustomOptionsBecomeAnOptionSet) {
  Harness h;
  MI_OperationOptions options = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(MI_Application_NewOperationOptions(h.app(), MI_FALSE, &options), MI_RESULT_OK);
  MI_Value flag;
  flag.boolean = MI_TRUE;
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options, "msftwinrm:UsePreciseArrays", MI_BOOLEAN, &flag, MI_TRUE),
            MI_RESULT_OK);
  MI_Value text;
  text.string = const_cast<MI_Char*>("v");
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options, "Vendor", MI_STRING, &text, MI_FALSE), MI_RESULT_OK);
  Outcome out = GetOne(h.Open(), "Win32_Service", "WinRM", &options);
  MI_OperationOptions_Delete(&options);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  const auto& sent = h.hub().Sent()[0]->message.headers.options;
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0], (wsman::Option{"msftwinrm:UsePreciseArrays", "xs:boolean", "true", true}));
  EXPECT_EQ(sent[1], (wsman::Option{"Vendor", "xs:string", "v", false}));
}

TEST(WinrmOptionsTest, CimClassesUseTheDmtfFormAndPrefixesSwitchIt) {
  Harness h;
  MI_Session* session = h.Open();
  Outcome out = GetOne(session, "CIM_Service", "std", nullptr, "root\\standardcimv2");
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  const wsman::Headers& dmtf = h.hub().Sent()[0]->message.headers;
  EXPECT_EQ(dmtf.resource_uri, wsman::DmtfResourceUri("CIM_Service"));
  const wsman::Selector* ns = wsman::FindSelector(dmtf.selectors, "__cimnamespace");
  ASSERT_NE(ns, nullptr);
  EXPECT_EQ(ns->value, "root/standardcimv2");
  const MI_Char* instance_ns = nullptr;
  MI_Instance_GetNameSpace(out.instances[0].get(), &instance_ns);
  EXPECT_STREQ(instance_ns, "root/standardcimv2");

  MI_OperationOptions options = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(MI_Application_NewOperationOptions(h.app(), MI_FALSE, &options), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_SetString(&options, "__MI_OPERATIONOPTIONS_RESOURCE_URI_PREFIX",
                                          "http://schemas.microsoft.com/wbem/wsman/1/wmi", 0),
            MI_RESULT_OK);
  out = GetOne(session, "CIM_Service", "std", &options, "root/standardcimv2");
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(h.hub().Sent()[1]->message.headers.resource_uri,
            wsman::WmiResourceUri("root/standardcimv2", "CIM_Service"));
  ASSERT_EQ(MI_OperationOptions_SetString(&options, "__MI_OPERATIONOPTIONS_RESOURCE_URI_PREFIX",
                                          "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/", 0),
            MI_RESULT_OK);
  out = GetOne(session, "Win32_Service", "WinRM", &options);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(h.hub().Sent()[2]->message.headers.resource_uri, wsman::DmtfResourceUri("Win32_Service"));
  MI_OperationOptions_Delete(&options);
}

}  // namespace
}  // namespace cimulate::winrm::testing
