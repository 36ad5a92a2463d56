// Encode -> decode round trips of every message kind, and the wire shape the
// encoder promises (Windows prefixes, header order, xml:lang).

#include <gtest/gtest.h>

#include "core/value.h"
#include "test_util.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::wsman {
namespace {

using testing::ClassOf;
using testing::StringProp;

const std::string kServiceUri = WmiResourceUri("root\\cimv2", "Win32_Service");

core::InstancePtr Service(const char* name, const char* state) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance("Win32_Service", 0, &raw), MI_RESULT_OK);
  MI_Instance_SetNameSpace(raw, "root/cimv2");
  MI_Value v;
  v.string = const_cast<MI_Char*>(name);
  MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY);
  v.string = const_cast<MI_Char*>(state);
  MI_Instance_AddElement(raw, "State", &v, MI_STRING, 0);
  v.uint32 = 1234;
  MI_Instance_AddElement(raw, "ProcessId", &v, MI_UINT32, 0);
  return core::InstancePtr(raw);
}

EndpointReference ServiceEpr(const char* name) {
  EndpointReference epr;
  epr.address = uri::kAnonymous;
  epr.resource_uri = kServiceUri;
  epr.selectors.push_back(Selector{"Name", name, nullptr});
  return epr;
}

Message Request(MessageKind kind) {
  Message m;
  m.kind = kind;
  m.headers.to = "http://server:5985/wsman";
  m.headers.message_id = "uuid:5C3A1E0B-0B8D-4C4E-9E7A-6A1D2C3B4A50";
  m.headers.reply_to = uri::kAnonymous;
  m.headers.resource_uri = kServiceUri;
  m.headers.max_envelope_size = 512000;
  m.headers.operation_timeout_ms = 60000;
  m.headers.locale = "en-US";
  m.headers.data_locale = "en-US";
  return m;
}

Message Response(MessageKind kind) {
  Message m;
  m.kind = kind;
  m.headers.message_id = "uuid:0B1C0000-0000-0000-0000-000000000001";
  m.headers.relates_to = "uuid:5C3A1E0B-0B8D-4C4E-9E7A-6A1D2C3B4A50";
  return m;
}

Message RoundTrip(const Message& in, std::string* wire = nullptr) {
  std::string bytes;
  Status s = EncodeMessage(in, &bytes);
  EXPECT_TRUE(s.ok()) << s.ToString();
  Message out;
  s = DecodeMessage(bytes, &out);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << bytes;
  EXPECT_EQ(out.kind, in.kind) << bytes;
  if (wire) *wire = bytes;
  return out;
}

TEST(RoundTrip, AllHeaders) {
  Message m = Request(MessageKind::kGet);
  m.headers.session_id = "uuid:FBE877C9-8E74-4EDC-BF2F-C23320076D64";
  m.headers.operation_id = "uuid:0DD36AEA-EB4A-4D88-9EE5-928CB0A5E911";
  m.headers.sequence_id = 7;
  m.headers.selectors = {Selector{"Name", "WinRM", nullptr},
                         Selector{"Antecedent", "", std::make_shared<EndpointReference>(ServiceEpr("Dep"))}};
  m.headers.options = {Option{"msftwinrm:UsePreciseArrays", "xs:boolean", "true", true},
                       Option{"IncludeQualifiers", "", "false", false}};
  std::string wire;
  Message out = RoundTrip(m, &wire);
  const Headers& h = out.headers;
  EXPECT_EQ(h.action, action::kGet);
  EXPECT_EQ(h.to, m.headers.to);
  EXPECT_EQ(h.message_id, m.headers.message_id);
  EXPECT_FALSE(h.relates_to.has_value());
  EXPECT_EQ(h.reply_to, uri::kAnonymous);
  EXPECT_EQ(h.resource_uri, kServiceUri);
  EXPECT_EQ(h.max_envelope_size, 512000u);
  EXPECT_EQ(h.operation_timeout_ms, 60000u);
  EXPECT_EQ(h.locale, "en-US");
  EXPECT_EQ(h.data_locale, "en-US");
  EXPECT_EQ(h.session_id, m.headers.session_id);
  EXPECT_EQ(h.operation_id, m.headers.operation_id);
  EXPECT_EQ(h.sequence_id, 7u);
  EXPECT_EQ(h.selectors, m.headers.selectors);
  EXPECT_EQ(h.options, m.headers.options);
  EXPECT_TRUE(h.unknown.empty());
  EXPECT_NE(wire.find("<w:OperationTimeout>PT60.000S</w:OperationTimeout>"), std::string::npos);
  EXPECT_NE(wire.find(R"(<a:Action s:mustUnderstand="true">)"), std::string::npos);
}

TEST(RoundTrip, ResponseHeaderOrderAndPrefixes) {
  Message m = Response(MessageKind::kDeleteResponse);
  m.headers.operation_id = "uuid:op";
  m.headers.sequence_id = 1;
  std::string wire;
  Message out = RoundTrip(m, &wire);
  EXPECT_TRUE(wire.starts_with(R"(<s:Envelope xml:lang="en-US" xmlns:s="http://www.w3.org/2003/05/soap-envelope")"))
      << wire;
  for (const char* prefix : {"a", "x", "w", "n", "p", "b"}) {
    EXPECT_NE(wire.find(std::string(" xmlns:") + prefix + "=\""), std::string::npos) << prefix;
  }
  size_t action = wire.find("<a:Action>");
  size_t id = wire.find("<a:MessageID>");
  size_t to = wire.find("<a:To>");
  size_t relates = wire.find("<a:RelatesTo>");
  size_t op = wire.find("<p:OperationID");
  size_t seq = wire.find("<p:SequenceId");
  ASSERT_NE(seq, std::string::npos);
  EXPECT_LT(action, id);
  EXPECT_LT(id, to);
  EXPECT_LT(to, relates);
  EXPECT_LT(relates, op);
  EXPECT_LT(op, seq);
  EXPECT_NE(wire.find(std::string("<a:To>") + uri::kAnonymous + "</a:To>"), std::string::npos);
  EXPECT_EQ(out.headers.relates_to, m.headers.relates_to);
  EXPECT_EQ(out.headers.action, action::kDeleteResponse);
  EXPECT_NE(wire.find("<s:Body/>"), std::string::npos);
}

TEST(RoundTrip, EmptyMessageIdEchoedAsEmptyRelatesTo) {
  Message m = Response(MessageKind::kReleaseResponse);
  m.headers.relates_to = "";
  std::string wire;
  Message out = RoundTrip(m, &wire);
  ASSERT_TRUE(out.headers.relates_to.has_value());
  EXPECT_EQ(*out.headers.relates_to, "");
}

TEST(RoundTrip, Identify) {
  Message m;
  m.kind = MessageKind::kIdentify;
  std::string wire;
  Message out = RoundTrip(m, &wire);
  EXPECT_EQ(wire.find("Action"), std::string::npos);
  EXPECT_TRUE(out.headers.action.empty());

  Message r;
  r.kind = MessageKind::kIdentifyResponse;
  r.body = IdentifyResponseBody{ns::kWsman, "Microsoft Corporation", "OS: 10.0.17763 SP: 0.0 Stack: 3.0",
                                {"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic"}};
  out = RoundTrip(r, &wire);
  EXPECT_NE(wire.find(R"(<wsmid:IdentifyResponse xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">)"),
            std::string::npos)
      << wire;
  const auto& b = std::get<IdentifyResponseBody>(out.body);
  EXPECT_EQ(b.product_vendor, "Microsoft Corporation");
  EXPECT_EQ(b.product_version, "OS: 10.0.17763 SP: 0.0 Stack: 3.0");
  ASSERT_EQ(b.security_profiles.size(), 1u);
}

TEST(RoundTrip, GetPutCreateDelete) {
  Message get = Request(MessageKind::kGet);
  get.headers.selectors = {Selector{"Name", "WinRM", nullptr}};
  EXPECT_TRUE(std::holds_alternative<std::monostate>(RoundTrip(get).body));

  for (MessageKind kind : {MessageKind::kGetResponse, MessageKind::kPut, MessageKind::kPutResponse,
                           MessageKind::kCreate}) {
    SCOPED_TRACE(MessageKindName(kind));
    Message m = IsRequest(kind) ? Request(kind) : Response(kind);
    m.body = InstanceBody{Service("WinRM", "Running"), ""};
    std::string wire;
    Message out = RoundTrip(m, &wire);
    const auto& b = std::get<InstanceBody>(out.body);
    ASSERT_TRUE(b.instance);
    EXPECT_EQ(ClassOf(b.instance.get()), "Win32_Service");
    EXPECT_EQ(b.resource_uri, kServiceUri);
    EXPECT_EQ(StringProp(b.instance.get(), "State"), "Running");
    EXPECT_NE(wire.find(R"(xsi:type="p:Win32_Service_Type")"), std::string::npos);
    const MI_Char* name_space = nullptr;
    ASSERT_EQ(MI_Instance_GetNameSpace(b.instance.get(), &name_space), MI_RESULT_OK);
    EXPECT_STREQ(name_space, "root/cimv2");
  }
  Message empty_put = Response(MessageKind::kPutResponse);
  EXPECT_FALSE(std::get<InstanceBody>(RoundTrip(empty_put).body).instance);

  Message created = Response(MessageKind::kCreateResponse);
  created.body = CreateResponseBody{ServiceEpr("New")};
  std::string wire;
  Message out = RoundTrip(created, &wire);
  EXPECT_NE(wire.find("<x:ResourceCreated><a:Address>"), std::string::npos);
  EXPECT_EQ(std::get<CreateResponseBody>(out.body).created, ServiceEpr("New"));

  Message del = Request(MessageKind::kDelete);
  del.headers.selectors = {Selector{"Name", "WinRM", nullptr}};
  EXPECT_EQ(RoundTrip(del).headers.selectors.size(), 1u);
  EXPECT_EQ(RoundTrip(Response(MessageKind::kDeleteResponse)).headers.action, action::kDeleteResponse);
}

TEST(RoundTrip, EnumerateWithEveryFilter) {
  Message m = Request(MessageKind::kEnumerate);
  EnumerateBody b;
  b.optimize = true;
  b.max_elements = 32000;
  b.mode = EnumerationMode::kObjectsAndEprs;
  b.polymorphism = PolymorphismMode::kExcludeSubClassProperties;
  b.filter = Filter{dialect::kWql, "SELECT * FROM Win32_Service WHERE State='Running'", {}, std::nullopt};
  m.body = b;
  Message out = RoundTrip(m);
  const auto& e = std::get<EnumerateBody>(out.body);
  EXPECT_TRUE(e.optimize);
  EXPECT_EQ(e.max_elements, 32000u);
  EXPECT_EQ(e.mode, EnumerationMode::kObjectsAndEprs);
  EXPECT_EQ(e.polymorphism, PolymorphismMode::kExcludeSubClassProperties);
  EXPECT_EQ(e.filter->dialect, dialect::kWql);
  EXPECT_EQ(e.filter->query, "SELECT * FROM Win32_Service WHERE State='Running'");

  b = EnumerateBody();
  b.mode = EnumerationMode::kEprs;
  b.filter = Filter{dialect::kCql, "SELECT * FROM CIM_X", {}, std::nullopt};
  m.body = b;
  out = RoundTrip(m);
  EXPECT_EQ(std::get<EnumerateBody>(out.body).mode, EnumerationMode::kEprs);
  EXPECT_EQ(std::get<EnumerateBody>(out.body).filter->dialect, dialect::kCql);

  b = EnumerateBody();
  b.filter = Filter{dialect::kSelector, "", {Selector{"State", "Running", nullptr}}, std::nullopt};
  m.body = b;
  out = RoundTrip(m);
  EXPECT_EQ(std::get<EnumerateBody>(out.body).filter->selectors, b.filter->selectors);

  for (bool association_instances : {false, true}) {
    AssociationFilter af;
    af.association_instances = association_instances;
    af.object = ServiceEpr("WinRM");
    af.association_class_name = "Win32_DependentService";
    af.role = "Dependent";
    af.result_class_name = "Win32_Service";
    af.result_role = "Antecedent";
    b = EnumerateBody();
    b.filter = Filter{dialect::kAssociation, "", {}, af};
    m.body = b;
    out = RoundTrip(m);
    const auto& got = std::get<EnumerateBody>(out.body).filter->association;
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->association_instances, association_instances);
    EXPECT_EQ(got->object, af.object);
    EXPECT_EQ(got->association_class_name, "Win32_DependentService");
    EXPECT_EQ(got->role, "Dependent");
    EXPECT_EQ(got->result_class_name, "Win32_Service");
    EXPECT_EQ(got->result_role, "Antecedent");
  }
}

TEST(RoundTrip, EnumerateResponseInEachMode) {
  Message m = Response(MessageKind::kEnumerateResponse);
  EnumerateResponseBody b;
  b.context = "uuid:9AD976F7-E34B-46D1-A803-E6FE3DF2F9BA";
  b.items.push_back(Item{Service("WinRM", "Running"), "", ServiceEpr("WinRM")});  // object + EPR
  b.items.push_back(Item{Service("Spooler", "Stopped"), "", std::nullopt});       // object
  b.items.push_back(Item{nullptr, "", ServiceEpr("W32Time")});                    // EPR
  b.end_of_sequence = true;
  m.body = std::move(b);
  std::string wire;
  Message out = RoundTrip(m, &wire);
  EXPECT_NE(wire.find("<w:Items><w:Item><p:Win32_Service"), std::string::npos) << wire;
  EXPECT_NE(wire.find("<w:EndOfSequence/>"), std::string::npos);
  const auto& r = std::get<EnumerateResponseBody>(out.body);
  EXPECT_EQ(r.context, "uuid:9AD976F7-E34B-46D1-A803-E6FE3DF2F9BA");
  EXPECT_TRUE(r.end_of_sequence);
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(StringProp(r.items[0].instance.get(), "Name"), "WinRM");
  EXPECT_EQ(r.items[0].epr, ServiceEpr("WinRM"));
  EXPECT_EQ(StringProp(r.items[1].instance.get(), "Name"), "Spooler");
  EXPECT_FALSE(r.items[1].epr.has_value());
  EXPECT_FALSE(r.items[2].instance);
  EXPECT_EQ(r.items[2].epr, ServiceEpr("W32Time"));

  Message plain = Response(MessageKind::kEnumerateResponse);
  plain.body = EnumerateResponseBody{"ctx", {}, false, false};
  out = RoundTrip(plain, &wire);
  EXPECT_EQ(wire.find("Items"), std::string::npos);
  EXPECT_FALSE(std::get<EnumerateResponseBody>(out.body).optimized);
}

TEST(RoundTrip, PullReleaseAndTheLastBatch) {
  Message pull = Request(MessageKind::kPull);
  pull.body = PullBody{"ctx-1", 5, 1500};
  Message out = RoundTrip(pull);
  const auto& p = std::get<PullBody>(out.body);
  EXPECT_EQ(p.context, "ctx-1");
  EXPECT_EQ(p.max_elements, 5u);
  EXPECT_EQ(p.max_time_ms, 1500u);

  Message more = Response(MessageKind::kPullResponse);
  PullResponseBody b;
  b.context = "ctx-2";
  b.items.push_back(Item{Service("A", "Running"), "", std::nullopt});
  more.body = std::move(b);
  std::string wire;
  out = RoundTrip(more, &wire);
  EXPECT_NE(wire.find("<n:Items>"), std::string::npos);
  EXPECT_EQ(std::get<PullResponseBody>(out.body).context, "ctx-2");
  EXPECT_FALSE(std::get<PullResponseBody>(out.body).end_of_sequence);

  Message last = Response(MessageKind::kPullResponse);
  PullResponseBody l;
  l.items.push_back(Item{Service("B", "Running"), "", std::nullopt});
  l.end_of_sequence = true;
  last.body = std::move(l);
  out = RoundTrip(last, &wire);
  EXPECT_EQ(wire.find("EnumerationContext"), std::string::npos);  // Dell wsl needs it gone
  EXPECT_NE(wire.find("<n:EndOfSequence/>"), std::string::npos);
  EXPECT_FALSE(std::get<PullResponseBody>(out.body).context.has_value());
  EXPECT_TRUE(std::get<PullResponseBody>(out.body).end_of_sequence);

  Message release = Request(MessageKind::kRelease);
  release.body = ReleaseBody{"ctx-3"};
  EXPECT_EQ(std::get<ReleaseBody>(RoundTrip(release).body).context, "ctx-3");
  EXPECT_EQ(RoundTrip(Response(MessageKind::kReleaseResponse)).headers.action, action::kReleaseResponse);
}

TEST(RoundTrip, Invoke) {
  Message m = Request(MessageKind::kInvoke);
  m.headers.selectors = {Selector{"Name", "WinRM", nullptr}};
  MI_Instance* raw = nullptr;
  ASSERT_EQ(core::NewDynamicInstance("StopService", 0, &raw), MI_RESULT_OK);
  MI_Value v;
  v.string = const_cast<MI_Char*>("now");
  MI_Instance_AddElement(raw, "When", &v, MI_STRING, 0);
  m.body = InvokeBody{"StopService", core::InstancePtr(raw), ""};
  std::string wire;
  Message out = RoundTrip(m, &wire);
  EXPECT_EQ(out.headers.action, kServiceUri + "/StopService");
  EXPECT_NE(wire.find("<p:StopService_INPUT xmlns:p=\"" + kServiceUri + "\""), std::string::npos) << wire;
  const auto& in = std::get<InvokeBody>(out.body);
  EXPECT_EQ(in.method, "StopService");
  EXPECT_EQ(StringProp(in.parameters.get(), "When"), "now");

  Message r = Response(MessageKind::kInvokeResponse);
  r.headers.resource_uri = kServiceUri;  // only used to build the action and namespace
  raw = nullptr;
  ASSERT_EQ(core::NewDynamicInstance("StopService", 0, &raw), MI_RESULT_OK);
  v.uint32 = 0;
  MI_Instance_AddElement(raw, "ReturnValue", &v, MI_UINT32, 0);
  r.body = InvokeBody{"StopService", core::InstancePtr(raw), ""};
  out = RoundTrip(r, &wire);
  EXPECT_EQ(out.headers.action, kServiceUri + "/StopServiceResponse");
  const auto& o = std::get<InvokeBody>(out.body);
  EXPECT_EQ(o.method, "StopService");
  MI_Type type;
  ASSERT_EQ(MI_Instance_GetElement(o.parameters.get(), "ReturnValue", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(v.uint32, 0u);
}

TEST(RoundTrip, FaultWithEveryPart) {
  Message m = Response(MessageKind::kFault);
  Fault f;
  f.code = SoapCode("Sender");
  f.subcode = WsmanSubcode("InvalidSelectors");
  f.reason = "The WS-Management service cannot process the request.";
  f.fault_detail = std::string(uri::kFaultDetailPrefix) + "UnexpectedSelectors";
  f.wsman_fault = WsmanFaultInfo{2150858843u, "host", "The shell was not found.", "Shell provider", "C:\\x.dll"};
  MI_Instance* raw = nullptr;
  ASSERT_EQ(core::NewDynamicInstance("MSFT_WmiError", 0, &raw), MI_RESULT_OK);
  MI_Value v;
  v.uint32 = 6;
  MI_Instance_AddElement(raw, "CIMStatusCode", &v, MI_UINT32, 0);
  v.string = const_cast<MI_Char*>("HRESULT 0x80041002");
  MI_Instance_AddElement(raw, "MessageID", &v, MI_STRING, 0);
  f.cim_error.reset(raw);
  f.cim_error_resource_uri = DmtfResourceUri("MSFT_WmiError");
  m.body = std::move(f);
  std::string wire;
  Message out = RoundTrip(m, &wire);
  EXPECT_EQ(out.headers.action, action::kWsmanFault);
  EXPECT_NE(wire.find("<s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:InvalidSelectors</s:Value>"),
            std::string::npos)
      << wire;
  EXPECT_NE(wire.find(R"(<p:MSFT_WmiError b:IsCIM_Error="true")"), std::string::npos) << wire;
  const Fault& g = std::get<Fault>(out.body);
  EXPECT_EQ(g.code, SoapCode("Sender"));
  EXPECT_EQ(g.subcode, WsmanSubcode("InvalidSelectors"));
  EXPECT_EQ(g.reason, "The WS-Management service cannot process the request.");
  EXPECT_EQ(g.reason_lang, "en-US");
  EXPECT_EQ(g.fault_detail, std::string(uri::kFaultDetailPrefix) + "UnexpectedSelectors");
  ASSERT_TRUE(g.wsman_fault);
  EXPECT_EQ(*g.wsman_fault, (WsmanFaultInfo{2150858843u, "host", "The shell was not found.", "Shell provider",
                                           "C:\\x.dll"}));
  ASSERT_TRUE(g.cim_error);
  EXPECT_EQ(g.cim_error_resource_uri, DmtfResourceUri("MSFT_WmiError"));
  EXPECT_EQ(MapFaultToResult(g).result, MI_RESULT_NOT_FOUND);

  // A subcode outside the envelope's prefixes gets its own declaration; the
  // action follows the subcode family.
  Message odd = Response(MessageKind::kFault);
  Fault h;
  h.code = SoapCode("Receiver");
  h.subcode = QName{ns::kEnumeration, "InvalidEnumerationContext"};
  odd.body = std::move(h);
  out = RoundTrip(odd);
  EXPECT_EQ(out.headers.action, action::kEnumerationFault);
  Message vendor = Response(MessageKind::kFault);
  Fault k;
  k.code = SoapCode("Receiver");
  k.subcode = QName{"urn:vendor", "Oops"};
  vendor.body = std::move(k);
  out = RoundTrip(vendor);
  EXPECT_EQ(std::get<Fault>(out.body).subcode, (QName{"urn:vendor", "Oops"}));
}

TEST(RoundTrip, RawBodyForShellMessages) {
  Message m = Request(MessageKind::kOther);
  m.headers.action = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
  m.raw_body = R"(<rsp:CommandLine xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell"><rsp:Command>ipconfig</rsp:Command></rsp:CommandLine>)";
  Message out = RoundTrip(m);
  // The decoded copy also declares the envelope's namespaces, since QName
  // values inside the body may use them.
  EXPECT_TRUE(out.raw_body.starts_with(
      R"(<rsp:CommandLine xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell")"))
      << out.raw_body;
  EXPECT_TRUE(out.raw_body.ends_with("<rsp:Command>ipconfig</rsp:Command></rsp:CommandLine>"));
  EXPECT_EQ(out.headers.action, m.headers.action);
  // Re-encoding the decoded raw body gives the same body again.
  Message again = RoundTrip(out);
  EXPECT_EQ(again.raw_body, out.raw_body);
}

TEST(Encode, RefusesInconsistentMessages) {
  std::string wire;
  Message m;
  EXPECT_EQ(EncodeMessage(m, &wire).code(), ErrorCode::kInvalidArgument);
  m.kind = MessageKind::kGetResponse;
  EXPECT_EQ(EncodeMessage(m, &wire).code(), ErrorCode::kInvalidArgument);
  m.kind = MessageKind::kPull;
  m.body = ReleaseBody{"x"};
  EXPECT_EQ(EncodeMessage(m, &wire).code(), ErrorCode::kInvalidArgument);
  m.kind = MessageKind::kOther;
  m.body = std::monostate();
  EXPECT_EQ(EncodeMessage(m, &wire).code(), ErrorCode::kInvalidArgument);  // no action
}

}  // namespace
}  // namespace cimulate::wsman
