// Fault decoding (Windows shapes from reference/wsman.md §2.3) and the
// fault -> MI_Result table (§2.6).

#include <gtest/gtest.h>

#include "test_util.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"

namespace cimulate::wsman {
namespace {

std::string Envelope(const std::string& action, const std::string& fault) {
  return R"(<s:Envelope xml:lang="en-US" xmlns:s="http://www.w3.org/2003/05/soap-envelope" )"
         R"(xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" )"
         R"(xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration" )"
         R"(xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" )"
         R"(xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header><a:Action>)" +
         action + R"(</a:Action><a:RelatesTo>uuid:1</a:RelatesTo></s:Header><s:Body>)" + fault +
         "</s:Body></s:Envelope>";
}

Fault DecodeFault(const std::string& xml) {
  Message m;
  Status s = DecodeMessage(xml, &m);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(m.kind, MessageKind::kFault);
  Fault* f = std::get_if<Fault>(&m.body);
  if (f == nullptr) return Fault();
  return std::move(*f);
}

// reference/wsman.md §2.3(b), verbatim apart from the elided nil properties.
constexpr char kMsftWmiErrorDetail[] = R"(
<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:InternalError</s:Value></s:Subcode></s:Code>
<s:Reason><s:Text xml:lang="en-US">WMI Message. </s:Text></s:Reason>
<s:Detail>
  <p:MSFT_WmiError b:IsCIM_Error="true"
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xmlns:b="http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd"
      xmlns:p="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError"
      xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xsi:type="p:MSFT_WmiError_Type">
    <p:CIMStatusCode xsi:type="cim:cimUnsignedInt">27</p:CIMStatusCode>
    <p:CIMStatusCodeDescription xsi:type="cim:cimString" xsi:nil="true"/>
    <p:ErrorSource xsi:type="cim:cimString" xsi:nil="true"/>
    <p:ErrorSourceFormat xsi:type="cim:cimUnsignedShort">0</p:ErrorSourceFormat>
    <p:ErrorType xsi:type="cim:cimUnsignedShort">0</p:ErrorType>
    <p:Message xsi:type="cim:cimString">WMI Message. </p:Message>
    <p:MessageID xsi:type="cim:cimString">HRESULT 0x803381a6</p:MessageID>
    <p:PerceivedSeverity xsi:type="cim:cimUnsignedShort">0</p:PerceivedSeverity>
    <p:ProbableCause xsi:type="cim:cimUnsignedShort">0</p:ProbableCause>
    <p:error_Category xsi:type="cim:cimUnsignedInt">30</p:error_Category>
    <p:error_Code xsi:type="cim:cimUnsignedInt">2150859174</p:error_Code>
    <p:error_Type xsi:type="cim:cimString">HRESULT</p:error_Type>
    <p:error_WindowsErrorMessage xsi:type="cim:cimString">Windows Error message. </p:error_WindowsErrorMessage>
  </p:MSFT_WmiError>
</s:Detail></s:Fault>)";

TEST(FaultDecode, WindowsMsftWmiErrorGivesCimStatusCode27) {
  Fault f = DecodeFault(Envelope(action::kWsmanFault, kMsftWmiErrorDetail));
  ASSERT_TRUE(f.cim_error);
  const MI_Instance* e = f.cim_error.get();
  EXPECT_EQ(testing::ClassOf(e), "MSFT_WmiError");
  EXPECT_EQ(testing::Count(e), 13u);
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(e, "error_Code", &v, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(v.uint32, 2150859174u);
  ASSERT_EQ(MI_Instance_GetElement(e, "ErrorType", &v, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT16);
  ASSERT_EQ(MI_Instance_GetElement(e, "ErrorSource", &v, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  EXPECT_EQ(type, MI_STRING);
  EXPECT_EQ(testing::StringProp(e, "Message"), "WMI Message. ");  // trailing space kept
  FaultResult r = MapFaultToResult(f);
  EXPECT_EQ(r.result, MI_RESULT_SERVER_LIMITS_EXCEEDED);
  EXPECT_EQ(static_cast<int>(r.result), 27);
  EXPECT_EQ(r.category, MI_ERRORCATEGORY_QUOTA_EXCEEDED);  // error_Category 30
  EXPECT_STREQ(r.source, "CIMStatusCode");
}

TEST(FaultDecode, NestedProviderFaultAndExtendedStatus) {
  // reference/wsman.md §2.3(a): Windows Get of a missing Win32_Process.
  const std::string fault = R"(<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode>
<s:Value>a:DestinationUnreachable</s:Value></s:Subcode></s:Code>
<s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot process the request. </s:Text></s:Reason>
<s:Detail><w:FaultDetail>http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI</w:FaultDetail>
<f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858752" Machine="10.68.240.26">
<f:Message><f:ProviderFault provider="WMI Provider" path="C:\Windows\system32\WsmWmiPl.dll">
<f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858752" Machine="VMMUR">
<f:Message>Inner provider text.</f:Message></f:WSManFault>
<f:ExtendedError><p:__ExtendedStatus xmlns:p="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/__ExtendedStatus"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common"
 xsi:type="p:__ExtendedStatus_Type"><p:Operation xsi:type="cim:cimString">GetObject</p:Operation>
<p:StatusCode xsi:nil="true" xsi:type="cim:cimUnsignedInt"/></p:__ExtendedStatus></f:ExtendedError>
</f:ProviderFault></f:Message></f:WSManFault></s:Detail></s:Fault>)";
  Fault f = DecodeFault(Envelope(action::kAddressingFault, fault));
  EXPECT_EQ(f.subcode, (QName{ns::kAddressing, "DestinationUnreachable"}));
  EXPECT_EQ(f.fault_detail, "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI");
  ASSERT_TRUE(f.wsman_fault);
  EXPECT_EQ(f.wsman_fault->code, 2150858752u);
  EXPECT_EQ(f.wsman_fault->machine, "10.68.240.26");
  EXPECT_EQ(f.wsman_fault->provider, "WMI Provider");
  EXPECT_EQ(f.wsman_fault->provider_path, R"(C:\Windows\system32\WsmWmiPl.dll)");
  EXPECT_EQ(f.wsman_fault->message, "Inner provider text.");
  EXPECT_FALSE(f.cim_error);
  FaultResult r = MapFaultToResult(f);
  EXPECT_EQ(r.result, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(r.message, "Inner provider text.");
}

TEST(FaultDecode, SubcodeResolvedByNamespaceNotPrefix) {
  // The same subcode under an unusual prefix declared on the Value element.
  const std::string fault =
      R"(<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value xmlns:zz="http://schemas.xmlsoap.org/ws/2004/09/enumeration">zz:InvalidEnumerationContext</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">gone</s:Text></s:Reason></s:Fault>)";
  Fault f = DecodeFault(Envelope("http://schemas.xmlsoap.org/ws/2004/08/enumeration/fault", fault));
  EXPECT_EQ(f.subcode, (QName{ns::kEnumeration, "InvalidEnumerationContext"}));
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_INVALID_ENUMERATION_CONTEXT);
}

TEST(FaultDecode, UndeclaredSubcodePrefixIsMalformed) {
  const std::string fault =
      R"(<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>qq:Nope</s:Value></s:Subcode></s:Code></s:Fault>)";
  Message m;
  Status s = DecodeMessage(Envelope(action::kWsmanFault, fault), &m);
  EXPECT_EQ(s.code(), ErrorCode::kMalformed);
  EXPECT_NE(s.message().find("qq:Nope"), std::string::npos);
}

struct Row {
  const char* ns;
  const char* local;
  MI_Result result;
  bool timed_out;
};

TEST(FaultMapping, SubcodeTable) {
  const Row rows[] = {
      {ns::kWsman, "AccessDenied", MI_RESULT_ACCESS_DENIED, false},
      {ns::kAddressing, "DestinationUnreachable", MI_RESULT_NOT_FOUND, false},
      {ns::kWsman, "InvalidSelectors", MI_RESULT_INVALID_PARAMETER, false},
      {ns::kAddressing, "ActionNotSupported", MI_RESULT_NOT_SUPPORTED, false},
      {ns::kWsman, "UnsupportedFeature", MI_RESULT_NOT_SUPPORTED, false},
      {ns::kEnumeration, "InvalidEnumerationContext", MI_RESULT_INVALID_ENUMERATION_CONTEXT, false},
      {ns::kWsman, "AlreadyExists", MI_RESULT_ALREADY_EXISTS, false},
      {ns::kWsman, "InvalidParameter", MI_RESULT_INVALID_PARAMETER, false},
      {ns::kWsman, "SchemaValidationError", MI_RESULT_INVALID_PARAMETER, false},
      {ns::kTransfer, "InvalidRepresentation", MI_RESULT_INVALID_PARAMETER, false},
      {ns::kWsman, "InvalidOptions", MI_RESULT_INVALID_PARAMETER, false},
      {ns::kEnumeration, "FilterDialectRequestedUnavailable", MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED, false},
      {ns::kEnumeration, "CannotProcessFilter", MI_RESULT_INVALID_QUERY, false},
      {ns::kWsman, "EncodingLimit", MI_RESULT_SERVER_LIMITS_EXCEEDED, false},
      {ns::kWsman, "QuotaLimit", MI_RESULT_SERVER_LIMITS_EXCEEDED, false},
      {ns::kWsman, "TimedOut", MI_RESULT_FAILED, true},
      {ns::kEnumeration, "TimedOut", MI_RESULT_FAILED, true},
      {ns::kWsman, "InternalError", MI_RESULT_FAILED, false},
      {ns::kWsman, "SomethingElse", MI_RESULT_FAILED, false},
      // The namespace matters: w:DestinationUnreachable is not a:DestinationUnreachable.
      {ns::kWsman, "DestinationUnreachable", MI_RESULT_FAILED, false},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.local);
    Fault f;
    f.code = SoapCode("Sender");
    f.subcode = QName{row.ns, row.local};
    FaultResult r = MapFaultToResult(f);
    EXPECT_EQ(r.result, row.result);
    EXPECT_EQ(r.timed_out, row.timed_out);
  }
}

core::InstancePtr ErrorInstance(const char* class_name, const char* message_id, const char* status) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
  core::InstancePtr e(raw);
  MI_Value v;
  if (message_id) {
    v.string = const_cast<MI_Char*>(message_id);
    MI_Instance_AddElement(raw, "MessageID", &v, MI_STRING, 0);
  }
  if (status) {
    v.string = const_cast<MI_Char*>(status);
    MI_Instance_AddElement(raw, "CIMStatusCode", &v, MI_STRING, 0);  // untyped text, as without xsi:type
  }
  return e;
}

TEST(FaultMapping, CimStatusCodeThenOmiMessageIdThenSubcode) {
  Fault f;
  f.code = SoapCode("Sender");
  f.subcode = WsmanSubcode("AccessDenied");
  f.cim_error = ErrorInstance("OMI_Error", "OMI:MI_Result:5", "6");
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_NOT_FOUND);  // CIMStatusCode wins
  f.cim_error = ErrorInstance("OMI_Error", "OMI:MI_Result:5", nullptr);
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_INVALID_CLASS);
  EXPECT_STREQ(MapFaultToResult(f).source, "OMI MessageID");
  f.cim_error = ErrorInstance("OMI_Error", "OMI:MI_Result:1004", nullptr);
  EXPECT_TRUE(MapFaultToResult(f).timed_out);
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_FAILED);
  f.cim_error = ErrorInstance("CIM_Error", "HRESULT 0x80041002", "0");  // 0 is not a failure code
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_ACCESS_DENIED);
  EXPECT_STREQ(MapFaultToResult(f).source, "subcode");
}

TEST(FaultMapping, WsmanFaultCodes) {
  Fault f;
  f.code = SoapCode("Receiver");
  f.wsman_fault = WsmanFaultInfo{0x80338000, "host", "not here", "", ""};
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_NOT_FOUND);
  f.wsman_fault->code = 2150858793u;
  FaultResult r = MapFaultToResult(f);
  EXPECT_EQ(r.result, MI_RESULT_FAILED);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.message, "not here");
}

TEST(FaultMapping, DefaultActionsFollowTheSubcodeFamily) {
  EXPECT_STREQ(DefaultFaultAction(QName{ns::kAddressing, "DestinationUnreachable"}), action::kAddressingFault);
  EXPECT_STREQ(DefaultFaultAction(QName{ns::kEnumeration, "TimedOut"}), action::kEnumerationFault);
  EXPECT_STREQ(DefaultFaultAction(QName{ns::kTransfer, "InvalidRepresentation"}), action::kTransferFault);
  EXPECT_STREQ(DefaultFaultAction(WsmanSubcode("InvalidSelectors")), action::kWsmanFault);
}

}  // namespace
}  // namespace cimulate::wsman
