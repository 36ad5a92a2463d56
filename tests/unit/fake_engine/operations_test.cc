// Operations answered from the scenario's data: Get, Put, Create, Delete,
// Invoke, and the headers every reply carries.
#include "core/instance.h"
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::MessageKind;
using wsman::Selector;

class OperationsTest : public ::testing::Test {
 protected:
  Engine engine_{LoadScenario(kBaseEndpoint)};
};

core::InstancePtr ServiceBody(const char* name, const char* state, const char* pid) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance("Win32_Service", 0, &raw), MI_RESULT_OK);
  MI_Value v;
  v.string = const_cast<MI_Char*>(name);
  MI_Instance_AddElement(raw, "Name", &v, MI_STRING, 0);
  v.string = const_cast<MI_Char*>(state);
  MI_Instance_AddElement(raw, "State", &v, MI_STRING, 0);
  if (pid != nullptr) {
    v.string = const_cast<MI_Char*>(pid);  // as text, the way untyped bodies arrive
    MI_Instance_AddElement(raw, "ProcessId", &v, MI_STRING, 0);
  }
  return core::InstancePtr(raw);
}

TEST_F(OperationsTest, GetWmiFormEchoesRelatesToAndOperationId) {
  wsman::Message req = NewRequest(MessageKind::kGet, kServiceUri, {{"Name", "winrm", nullptr}});
  req.headers.operation_id = "uuid:0DD36AEA-EB4A-4D88-9EE5-928CB0A5E911";
  req.headers.sequence_id = 3;
  EngineReply reply = Send(engine_, req);
  ASSERT_EQ(reply.http_status, 200) << reply.body;
  EXPECT_EQ(*reply.headers.Find("Content-Type"), "application/soap+xml;charset=UTF-8");
  wsman::Message m = Decode(reply);
  ASSERT_EQ(m.kind, MessageKind::kGetResponse);
  EXPECT_EQ(m.headers.relates_to, req.headers.message_id);
  EXPECT_EQ(m.headers.operation_id, req.headers.operation_id);
  EXPECT_EQ(m.headers.sequence_id, 3u);
  EXPECT_EQ(m.headers.to, wsman::uri::kAnonymous);
  ASSERT_TRUE(m.headers.message_id.has_value());
  EXPECT_TRUE(m.headers.message_id->starts_with("uuid:"));
  const auto& body = std::get<wsman::InstanceBody>(m.body);
  EXPECT_EQ(body.resource_uri, kServiceUri);
  EXPECT_EQ(StringProp(body.instance.get(), "Name"), "WinRM");
  EXPECT_EQ(StringProp(body.instance.get(), "ProcessId"), "1234");
  EXPECT_EQ(reply.note.action, wsman::action::kGet);
  EXPECT_EQ(reply.note.resource_uri, kServiceUri);
  ASSERT_EQ(reply.note.selectors.size(), 1u);
  EXPECT_EQ(reply.note.selectors[0].second, "winrm");
  EXPECT_EQ(reply.note.outcome, "GetResponse");
  EXPECT_EQ(reply.note.user, "alice");
}

TEST_F(OperationsTest, GetDmtfFormUsesCimNamespaceAndFindsSubclassInstances) {
  wsman::Message req = NewRequest(MessageKind::kGet, wsman::DmtfResourceUri("CIM_Service"),
                                  {{"Name", "Spooler", nullptr}, {"__cimnamespace", "root/cimv2", nullptr}});
  wsman::Message m = Decode(Send(engine_, req));
  ASSERT_EQ(m.kind, MessageKind::kGetResponse);
  const auto& body = std::get<wsman::InstanceBody>(m.body);
  EXPECT_EQ(body.resource_uri, wsman::DmtfResourceUri("Win32_Service"));
  EXPECT_EQ(StringProp(body.instance.get(), "State"), "Stopped");
  // Without __cimnamespace Windows looks in root\hardware, which this data lacks.
  req.headers.selectors.pop_back();
  wsman::Fault f = FaultOf(Send(engine_, req));
  EXPECT_EQ(Subcode(f), "DestinationUnreachable");
  EXPECT_EQ(wsman::MapFaultToResult(f).result, MI_RESULT_INVALID_NAMESPACE);
}

TEST_F(OperationsTest, GetFaultsLikeWindows) {
  struct Case {
    std::string uri;
    std::vector<Selector> selectors;
    const char* subcode;
    const char* detail;
    uint32_t wsman_code;
    MI_Result result;
  };
  const std::string detail = wsman::uri::kFaultDetailPrefix;
  Case cases[] = {
      {kServiceUri, {{"Name", "Nope", nullptr}}, "DestinationUnreachable", "InvalidResourceURI", 2150858752u,
       MI_RESULT_NOT_FOUND},
      {wsman::WmiResourceUri("root/cimv2", "Win32_Nope"), {{"Name", "x", nullptr}}, "DestinationUnreachable",
       "InvalidResourceURI", 2150858752u, MI_RESULT_INVALID_CLASS},
      {wsman::WmiResourceUri("root/nope", "Win32_Service"), {{"Name", "x", nullptr}}, "DestinationUnreachable",
       "InvalidResourceURI", 2150858752u, MI_RESULT_INVALID_NAMESPACE},
      {kServiceUri, {{"Name", "WinRM", nullptr}, {"State", "Running", nullptr}}, "InvalidSelectors",
       "UnexpectedSelectors", 2150858843u, MI_RESULT_INVALID_PARAMETER},
      {kServiceUri, {}, "InvalidSelectors", "InsufficientSelectors", 2150858842u, MI_RESULT_INVALID_PARAMETER},
      {kServiceUri, {{"Name", "a", nullptr}, {"name", "b", nullptr}}, "InvalidSelectors", "DuplicateSelectors",
       0x8033805Fu, MI_RESULT_INVALID_PARAMETER},
  };
  for (const Case& c : cases) {
    wsman::Fault f = FaultOf(Send(engine_, NewRequest(MessageKind::kGet, c.uri, c.selectors)));
    EXPECT_EQ(f.code.local, "Sender");
    EXPECT_EQ(Subcode(f), c.subcode) << c.uri;
    EXPECT_EQ(f.fault_detail, detail + c.detail);
    ASSERT_TRUE(f.wsman_fault.has_value());
    EXPECT_EQ(f.wsman_fault->code, c.wsman_code);
    EXPECT_EQ(wsman::MapFaultToResult(f).result, c.result) << c.uri;
  }
  // The not-found fault carries the MSFT_WmiError Windows sends.
  wsman::Fault f = FaultOf(Send(engine_, NewRequest(MessageKind::kGet, kServiceUri, {{"Name", "Nope", nullptr}})));
  ASSERT_TRUE(f.cim_error);
  EXPECT_EQ(StringProp(f.cim_error.get(), "MessageID"), "HRESULT 0x80041002");
  EXPECT_EQ(StringProp(f.cim_error.get(), "error_Category"), "13");
}

TEST_F(OperationsTest, PutConvertsTextToDeclaredTypesAndIsVisibleToGet) {
  wsman::Message put = NewRequest(MessageKind::kPut, kServiceUri, {{"Name", "Spooler", nullptr}});
  put.body = wsman::InstanceBody{ServiceBody("Spooler", "Running", "4242"), kServiceUri};
  wsman::Message m = Decode(Send(engine_, put));
  ASSERT_EQ(m.kind, MessageKind::kPutResponse);
  EXPECT_EQ(StringProp(std::get<wsman::InstanceBody>(m.body).instance.get(), "State"), "Running");

  wsman::Message got = Decode(Send(engine_, NewRequest(MessageKind::kGet, kServiceUri, {{"Name", "Spooler", nullptr}})));
  const MI_Instance* i = std::get<wsman::InstanceBody>(got.body).instance.get();
  EXPECT_EQ(StringProp(i, "State"), "Running");
  EXPECT_EQ(StringProp(i, "ProcessId"), "4242");  // typed uint32 again

  put.body = wsman::InstanceBody{ServiceBody("Spooler", "Running", "not-a-number"), kServiceUri};
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, put))), "InvalidRepresentation");
  put.headers.selectors = {{"Name", "Nope", nullptr}};
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, put))), "DestinationUnreachable");
}

TEST_F(OperationsTest, CreateReturnsAnEprThenAlreadyExistsAndDeleteRemoves) {
  wsman::Message create = NewRequest(MessageKind::kCreate);
  create.body = wsman::InstanceBody{ServiceBody("NewSvc", "Stopped", "0"), kServiceUri};
  wsman::Message m = Decode(Send(engine_, create));
  ASSERT_EQ(m.kind, MessageKind::kCreateResponse);
  const wsman::EndpointReference& epr = std::get<wsman::CreateResponseBody>(m.body).created;
  EXPECT_EQ(epr.resource_uri, kServiceUri);
  ASSERT_EQ(epr.selectors.size(), 1u);
  EXPECT_EQ(epr.selectors[0].name, "Name");
  EXPECT_EQ(epr.selectors[0].value, "NewSvc");

  EXPECT_EQ(Subcode(FaultOf(Send(engine_, create))), "AlreadyExists");

  wsman::Message get = NewRequest(MessageKind::kGet, kServiceUri, epr.selectors);
  EXPECT_EQ(Decode(Send(engine_, get)).kind, MessageKind::kGetResponse);
  wsman::Message del = NewRequest(MessageKind::kDelete, kServiceUri, epr.selectors);
  EXPECT_EQ(Decode(Send(engine_, del)).kind, MessageKind::kDeleteResponse);
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, get))), "DestinationUnreachable");
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, del))), "DestinationUnreachable");

  wsman::Message keyless = NewRequest(MessageKind::kCreate);
  MI_Instance* raw = nullptr;
  ASSERT_EQ(core::NewDynamicInstance("Win32_Service", 0, &raw), MI_RESULT_OK);
  keyless.body = wsman::InstanceBody{core::InstancePtr(raw), kServiceUri};
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, keyless))), "InvalidRepresentation");
}

TEST_F(OperationsTest, ResetRestoresTheData) {
  wsman::Message del = NewRequest(MessageKind::kDelete, kServiceUri, {{"Name", "WinRM", nullptr}});
  EXPECT_EQ(Decode(Send(engine_, del)).kind, MessageKind::kDeleteResponse);
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, del))), "DestinationUnreachable");
  engine_.Reset();
  EXPECT_EQ(Decode(Send(engine_, del)).kind, MessageKind::kDeleteResponse);
}

TEST_F(OperationsTest, InvokeInstanceAndStaticMethods) {
  wsman::Message req = NewRequest(MessageKind::kInvoke, kServiceUri, {{"Name", "WinRM", nullptr}});
  MI_Instance* raw = nullptr;
  ASSERT_EQ(core::NewDynamicInstance("StopService", 0, &raw), MI_RESULT_OK);
  req.body = wsman::InvokeBody{"StopService", core::InstancePtr(raw), kServiceUri};
  EngineReply reply = Send(engine_, req);
  wsman::Message m = Decode(reply);
  ASSERT_EQ(m.kind, MessageKind::kInvokeResponse) << reply.body;
  EXPECT_EQ(m.headers.action, kServiceUri + "/StopServiceResponse");
  const auto& out = std::get<wsman::InvokeBody>(m.body);
  EXPECT_EQ(out.method, "StopService");
  EXPECT_EQ(StringProp(out.parameters.get(), "ReturnValue"), "0");
  EXPECT_EQ(StringProp(out.parameters.get(), "Code"), "7");  // the declared default

  req.headers.selectors = {{"Name", "Nope", nullptr}};
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, req))), "DestinationUnreachable");

  // A static method needs no selectors; an Action without a body is an Invoke too.
  wsman::Message stat = NewRequest(MessageKind::kOther);
  stat.headers.action = kServiceUri + "/Create";
  m = Decode(Send(engine_, stat));
  ASSERT_EQ(m.kind, MessageKind::kInvokeResponse);
  EXPECT_EQ(m.headers.action, kServiceUri + "/CreateResponse");

  stat.headers.action = kServiceUri + "/NoSuchMethod";
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, stat))), "ActionNotSupported");
}

TEST_F(OperationsTest, UnknownActionIsActionNotSupported) {
  wsman::Message req = NewRequest(MessageKind::kOther);
  req.headers.action = "http://example.com/Frobnicate";
  wsman::Fault f = FaultOf(Send(engine_, req));
  EXPECT_EQ(Subcode(f), "ActionNotSupported");
  EXPECT_EQ(f.subcode.ns, wsman::ns::kAddressing);
  EXPECT_EQ(wsman::MapFaultToResult(f).result, MI_RESULT_NOT_SUPPORTED);
}

TEST_F(OperationsTest, EndIsAcknowledged) {
  wsman::Message req = NewRequest(MessageKind::kOther, "http://schemas.microsoft.com/wbem/wsman/1/wsman/FullDuplex");
  req.headers.action = wsman::action::kEnd;
  EngineReply reply = Send(engine_, req);
  EXPECT_EQ(reply.http_status, 200);
  EXPECT_EQ(Decode(reply).headers.action, std::string(wsman::action::kEnd) + "Response");
}

TEST_F(OperationsTest, ReplyLargerThanMaxEnvelopeSizeIsEncodingLimit) {
  wsman::Message req = NewRequest(MessageKind::kGet, kServiceUri, {{"Name", "WinRM", nullptr}});
  req.headers.max_envelope_size = 600;
  wsman::Fault f = FaultOf(Send(engine_, req));
  EXPECT_EQ(Subcode(f), "EncodingLimit");
  EXPECT_EQ(f.fault_detail, std::string(wsman::uri::kFaultDetailPrefix) + "MaxEnvelopeSizeExceeded");
}

}  // namespace
}  // namespace cimulate::fake
