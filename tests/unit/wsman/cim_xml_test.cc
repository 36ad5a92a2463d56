// CIM values in XML (DSP0230): every MI_Type through encode -> decode, and
// schema-less type inference on hand-written input.

#include <cmath>
#include <cstring>
#include <limits>

#include <gtest/gtest.h>

#include "core/value.h"
#include "test_util.h"
#include "wsman/cim_xml.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::wsman {
namespace {

core::InstancePtr NewInstance(const char* class_name, const char* name_space = nullptr) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
  if (name_space) MI_Instance_SetNameSpace(raw, name_space);
  return core::InstancePtr(raw);
}

void Add(MI_Instance* i, const char* name, MI_Type type, const MI_Value& v, MI_Uint32 flags = 0) {
  ASSERT_EQ(MI_Instance_AddElement(i, name, &v, type, flags), MI_RESULT_OK) << name;
}

MI_Datetime Timestamp() {
  MI_Datetime d{};
  d.isTimestamp = 1;
  d.u.timestamp = MI_Timestamp{2020, 1, 2, 10, 20, 30, 123456, -420};
  return d;
}

MI_Datetime Interval() {
  MI_Datetime d{};
  d.isTimestamp = 0;
  d.u.interval.days = 12;
  d.u.interval.hours = 3;
  d.u.interval.minutes = 4;
  d.u.interval.seconds = 5;
  d.u.interval.microseconds = 6;
  return d;
}

// An instance with one property of every scalar type, one array of every type,
// a NULL, an embedded instance and references.
core::InstancePtr EveryType() {
  core::InstancePtr i = NewInstance("Cim_Everything", "root/test");
  MI_Instance* raw = i.get();
  MI_Value v;
  std::memset(&v, 0, sizeof v);
  v.boolean = MI_TRUE; Add(raw, "B", MI_BOOLEAN, v);
  v.uint8 = 255; Add(raw, "U8", MI_UINT8, v);
  v.sint8 = -128; Add(raw, "S8", MI_SINT8, v);
  v.uint16 = 65535; Add(raw, "U16", MI_UINT16, v);
  v.sint16 = -32768; Add(raw, "S16", MI_SINT16, v);
  v.uint32 = 4294967295u; Add(raw, "U32", MI_UINT32, v);
  v.sint32 = -2147483647 - 1; Add(raw, "S32", MI_SINT32, v);
  v.uint64 = 18446744073709551615ull; Add(raw, "U64", MI_UINT64, v);
  v.sint64 = std::numeric_limits<MI_Sint64>::min(); Add(raw, "S64", MI_SINT64, v);
  v.real32 = 0.1f; Add(raw, "R32", MI_REAL32, v);
  v.real64 = -1.0 / 3.0; Add(raw, "R64", MI_REAL64, v);
  v.char16 = 0x20AC; Add(raw, "C16", MI_CHAR16, v);  // euro sign
  v.datetime = Timestamp(); Add(raw, "DT", MI_DATETIME, v);
  v.datetime = Interval(); Add(raw, "IV", MI_DATETIME, v);
  v.string = const_cast<MI_Char*>("  spaced <&> text  "); Add(raw, "S", MI_STRING, v);
  Add(raw, "Null", MI_UINT32, v, MI_FLAG_NULL);

  core::InstancePtr ref = NewInstance("Win32_Service", "root/cimv2");
  v.string = const_cast<MI_Char*>("WinRM");
  Add(ref.get(), "Name", MI_STRING, v, MI_FLAG_KEY);
  v.reference = ref.get(); Add(raw, "Ref", MI_REFERENCE, v);

  core::InstancePtr emb = NewInstance("Cim_Inner", "root/test");
  v.string = const_cast<MI_Char*>("inner");
  Add(emb.get(), "Label", MI_STRING, v);
  v.sint32 = -5;
  Add(emb.get(), "Level", MI_SINT32, v);
  v.instance = emb.get(); Add(raw, "Emb", MI_INSTANCE, v);

  MI_Boolean bools[] = {MI_TRUE, MI_FALSE};
  v.booleana = MI_BooleanA{bools, 2}; Add(raw, "BA", MI_BOOLEANA, v);
  MI_Uint8 u8s[] = {0, 7}; v.uint8a = MI_Uint8A{u8s, 2}; Add(raw, "U8A", MI_UINT8A, v);
  MI_Sint8 s8s[] = {-1, 1}; v.sint8a = MI_Sint8A{s8s, 2}; Add(raw, "S8A", MI_SINT8A, v);
  MI_Uint16 u16s[] = {1, 2, 3}; v.uint16a = MI_Uint16A{u16s, 3}; Add(raw, "U16A", MI_UINT16A, v);
  MI_Sint16 s16s[] = {-2, 2}; v.sint16a = MI_Sint16A{s16s, 2}; Add(raw, "S16A", MI_SINT16A, v);
  MI_Uint32 u32s[] = {10, 20}; v.uint32a = MI_Uint32A{u32s, 2}; Add(raw, "U32A", MI_UINT32A, v);
  MI_Sint32 s32s[] = {-10, 20}; v.sint32a = MI_Sint32A{s32s, 2}; Add(raw, "S32A", MI_SINT32A, v);
  MI_Uint64 u64s[] = {1ull << 40, 3}; v.uint64a = MI_Uint64A{u64s, 2}; Add(raw, "U64A", MI_UINT64A, v);
  MI_Sint64 s64s[] = {-(1ll << 40), 3}; v.sint64a = MI_Sint64A{s64s, 2}; Add(raw, "S64A", MI_SINT64A, v);
  MI_Real32 r32s[] = {1.5f, std::numeric_limits<float>::infinity()};
  v.real32a = MI_Real32A{r32s, 2}; Add(raw, "R32A", MI_REAL32A, v);
  MI_Real64 r64s[] = {2.25, -std::numeric_limits<double>::infinity()};
  v.real64a = MI_Real64A{r64s, 2}; Add(raw, "R64A", MI_REAL64A, v);
  MI_Char16 c16s[] = {'a', 0x00E9}; v.char16a = MI_Char16A{c16s, 2}; Add(raw, "C16A", MI_CHAR16A, v);
  MI_Datetime dts[] = {Timestamp(), Interval()}; v.datetimea = MI_DatetimeA{dts, 2}; Add(raw, "DTA", MI_DATETIMEA, v);
  MI_Char* strs[] = {const_cast<MI_Char*>("x"), const_cast<MI_Char*>("")};
  v.stringa = MI_StringA{strs, 2}; Add(raw, "SA", MI_STRINGA, v);
  MI_Instance* refs[] = {ref.get(), ref.get()}; v.referencea = MI_ReferenceA{refs, 2}; Add(raw, "RA", MI_REFERENCEA, v);
  MI_Instance* embs[] = {emb.get(), emb.get()}; v.instancea = MI_InstanceA{embs, 2}; Add(raw, "EA", MI_INSTANCEA, v);
  return i;
}

core::InstancePtr RoundTripInstance(const MI_Instance* in, std::string* xml_out = nullptr) {
  pugi::xml_document doc;
  Status s = WriteInstance(doc, in, "", CimWriteOptions());
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::string xml = NodeToString(doc.first_child());
  if (xml_out) *xml_out = xml;
  pugi::xml_document parsed;
  s = ParseXml(xml, ParseLimits(), &parsed);
  EXPECT_TRUE(s.ok()) << s.ToString();
  core::InstancePtr out;
  std::string uri;
  s = ReadInstance(parsed.document_element(), &out, &uri);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << xml;
  EXPECT_EQ(uri, ResourceUriOf(in));
  return out;
}

TEST(CimXml, EveryMiTypeRoundTrips) {
  core::InstancePtr in = EveryType();
  std::string xml;
  core::InstancePtr out = RoundTripInstance(in.get(), &xml);
  ASSERT_TRUE(out);
  EXPECT_EQ(testing::ClassOf(out.get()), "Cim_Everything");
  MI_Uint32 n_in = testing::Count(in.get()), n_out = testing::Count(out.get());
  ASSERT_EQ(n_in, n_out) << xml;
  for (MI_Uint32 k = 0; k < n_in; ++k) {
    const MI_Char *a_name = nullptr, *b_name = nullptr;
    MI_Value a, b;
    MI_Type a_type, b_type;
    MI_Uint32 a_flags = 0, b_flags = 0;
    ASSERT_EQ(MI_Instance_GetElementAt(in.get(), k, &a_name, &a, &a_type, &a_flags), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElementAt(out.get(), k, &b_name, &b, &b_type, &b_flags), MI_RESULT_OK);
    SCOPED_TRACE(a_name);
    EXPECT_STREQ(a_name, b_name);  // element order kept
    EXPECT_EQ(a_type, b_type) << core::TypeName(a_type) << " vs " << core::TypeName(b_type);
    EXPECT_EQ(a_flags & MI_FLAG_NULL, b_flags & MI_FLAG_NULL);
    if (a_type != b_type || (a_flags & MI_FLAG_NULL)) continue;
    if (a_type == MI_REFERENCE || a_type == MI_REFERENCEA || a_type == MI_INSTANCE || a_type == MI_INSTANCEA) {
      continue;  // checked below: references come back with string keys
    }
    EXPECT_TRUE(core::ValuesEqual(a_type, a, b));
  }
  MI_Value v;
  MI_Type type;
  ASSERT_EQ(MI_Instance_GetElement(out.get(), "Ref", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(testing::ClassOf(v.reference), "Win32_Service");
  EXPECT_EQ(testing::StringProp(v.reference, "Name"), "WinRM");
  const MI_Char* ns = nullptr;
  MI_Instance_GetNameSpace(v.reference, &ns);
  EXPECT_STREQ(ns, "root/cimv2");
  ASSERT_EQ(MI_Instance_GetElement(out.get(), "Emb", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(testing::ClassOf(v.instance), "Cim_Inner");
  EXPECT_EQ(testing::StringProp(v.instance, "Label"), "inner");
  ASSERT_EQ(MI_Instance_GetElement(out.get(), "EA", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(v.instancea.size, 2u);
  MI_Value level;
  ASSERT_EQ(MI_Instance_GetElement(v.instancea.data[1], "Level", &level, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_SINT32);
  EXPECT_EQ(level.sint32, -5);
  ASSERT_EQ(MI_Instance_GetElement(out.get(), "RA", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(v.referencea.size, 2u);
}

TEST(CimXml, WireShapeFollowsDsp0230) {
  std::string xml;
  core::InstancePtr in = EveryType();
  RoundTripInstance(in.get(), &xml);
  EXPECT_TRUE(xml.starts_with(R"(<p:Cim_Everything xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wmi/root/test/Cim_Everything")"))
      << xml;
  EXPECT_NE(xml.find(R"(<p:B xsi:type="cim:cimBoolean">true</p:B>)"), std::string::npos);
  EXPECT_NE(xml.find(R"(<p:Null xsi:nil="true" xsi:type="cim:cimUnsignedInt"/>)"), std::string::npos);
  EXPECT_NE(xml.find("<cim:Datetime>2020-01-02T10:20:30.123456-07:00</cim:Datetime>"), std::string::npos);
  EXPECT_NE(xml.find("<cim:Interval>P12DT3H4M5.000006S</cim:Interval>"), std::string::npos);
  EXPECT_NE(xml.find(R"(<p:U16A xsi:type="cim:cimUnsignedShort">1</p:U16A><p:U16A xsi:type="cim:cimUnsignedShort">2</p:U16A>)"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(xsi:type="p1:Cim_Inner_Type")"), std::string::npos);
  EXPECT_NE(xml.find("<a:ReferenceParameters><w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service</w:ResourceURI>"),
            std::string::npos);
  EXPECT_NE(xml.find("<p:R32A xsi:type=\"cim:cimFloat\">INF</p:R32A>"), std::string::npos);
  EXPECT_NE(xml.find("spaced &lt;&amp;&gt; text"), std::string::npos);
}

core::InstancePtr DecodeBodyInstance(const std::string& inner) {
  std::string xml =
      R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse</a:Action></s:Header><s:Body>)" +
      inner + "</s:Body></s:Envelope>";
  Message m;
  Status s = DecodeMessage(xml, &m);
  EXPECT_TRUE(s.ok()) << s.ToString();
  auto* b = std::get_if<InstanceBody>(&m.body);
  if (b == nullptr) return nullptr;
  return std::move(b->instance);
}

TEST(CimXml, SchemaLessInference) {
  core::InstancePtr i = DecodeBodyInstance(
      R"(<p:Win32_Service xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service" )"
      R"(xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" )"
      R"(xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="p:Win32_Service_Type">)"
      R"(<p:AcceptPause>false</p:AcceptPause><p:ProcessId>1234</p:ProcessId>)"
      R"(<p:Typed xsi:type="xs:unsignedInt">77</p:Typed>)"
      R"(<p:InstallDate xsi:nil="true"/>)"
      R"(<p:Started><cim:Datetime>2020-01-01T10:00:00Z</cim:Datetime></p:Started>)"
      R"(<p:Born><cim:Date>2019-05-06+02:00</cim:Date></p:Born>)"
      R"(<p:Raw><cim:CIM_DateTime>20200101100000.000000+060</cim:CIM_DateTime></p:Raw>)"
      R"(<p:Up><cim:Interval>PT90M</cim:Interval></p:Up>)"
      R"(<p:Host><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>)"
      R"(<a:ReferenceParameters><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</w:ResourceURI>)"
      R"(<w:SelectorSet><w:Selector Name="Name">HOST</w:Selector><w:Selector Name="__cimnamespace">root\cimv2</w:Selector></w:SelectorSet>)"
      R"(</a:ReferenceParameters></p:Host>)"
      R"(<p:Nested><q:Label xmlns:q="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Thing">x</q:Label></p:Nested>)"
      R"(<p:Tags>a</p:Tags><p:Tags>b</p:Tags>)"
      R"(</p:Win32_Service>)");
  ASSERT_TRUE(i);
  const MI_Char* ns = nullptr;
  MI_Instance_GetNameSpace(i.get(), &ns);
  EXPECT_STREQ(ns, "root/cimv2");
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags;
  auto get = [&](const char* name) {
    flags = 0;
    EXPECT_EQ(MI_Instance_GetElement(i.get(), name, &v, &type, &flags, nullptr), MI_RESULT_OK) << name;
  };
  get("AcceptPause");
  EXPECT_EQ(type, MI_STRING);  // no schema, no xsi:type: text stays text
  EXPECT_STREQ(v.string, "false");
  get("Typed");
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(v.uint32, 77u);
  get("InstallDate");
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  get("Started");
  ASSERT_EQ(type, MI_DATETIME);
  EXPECT_TRUE(v.datetime.isTimestamp);
  EXPECT_EQ(v.datetime.u.timestamp.year, 2020u);
  EXPECT_EQ(v.datetime.u.timestamp.hour, 10u);
  EXPECT_EQ(v.datetime.u.timestamp.utc, 0);
  get("Born");
  ASSERT_EQ(type, MI_DATETIME);
  EXPECT_EQ(v.datetime.u.timestamp.day, 6u);
  EXPECT_EQ(v.datetime.u.timestamp.utc, 120);
  get("Raw");
  EXPECT_EQ(v.datetime.u.timestamp.utc, 60);
  get("Up");
  ASSERT_EQ(type, MI_DATETIME);
  EXPECT_FALSE(v.datetime.isTimestamp);
  EXPECT_EQ(v.datetime.u.interval.minutes, 90u);
  get("Host");
  ASSERT_EQ(type, MI_REFERENCE);
  EXPECT_EQ(testing::ClassOf(v.reference), "CIM_ComputerSystem");
  EXPECT_EQ(testing::Count(v.reference), 1u);  // __cimnamespace became the namespace
  MI_Instance_GetNameSpace(v.reference, &ns);
  EXPECT_STREQ(ns, "root/cimv2");
  get("Nested");
  ASSERT_EQ(type, MI_INSTANCE);
  EXPECT_EQ(testing::ClassOf(v.instance), "CIM_Thing");
  get("Tags");
  ASSERT_EQ(type, MI_STRINGA);
  EXPECT_EQ(v.stringa.size, 2u);
}

TEST(CimXml, ReferencesToEprsAndBack) {
  core::InstancePtr ref = NewInstance("CIM_ComputerSystem");
  MI_Value v;
  v.string = const_cast<MI_Char*>("HOST");
  Add(ref.get(), "Name", MI_STRING, v, MI_FLAG_KEY);
  v.uint16 = 3;
  Add(ref.get(), "Slot", MI_UINT16, v, MI_FLAG_KEY);
  EndpointReference epr;
  ASSERT_TRUE(ReferenceToEpr(ref.get(), &epr).ok());
  EXPECT_EQ(epr.resource_uri, DmtfResourceUri("CIM_ComputerSystem"));  // no namespace: DMTF form
  ASSERT_EQ(epr.selectors.size(), 2u);
  EXPECT_EQ(epr.selectors[1].value, "3");
  core::InstancePtr back;
  ASSERT_TRUE(EprToReference(epr, &back).ok());
  EXPECT_EQ(testing::StringProp(back.get(), "Slot"), "3");
  MI_Uint32 flags = 0;
  MI_Type type;
  ASSERT_EQ(MI_Instance_GetElement(back.get(), "Name", &v, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_KEY);
}

TEST(CimXml, UnwritableValuesAreErrors) {
  core::InstancePtr i = NewInstance("C");
  MI_Value v;
  v.char16 = 0xD800;  // a lone surrogate has no XML form
  Add(i.get(), "C", MI_CHAR16, v);
  pugi::xml_document doc;
  EXPECT_EQ(WriteInstance(doc, i.get(), "", CimWriteOptions()).code(), ErrorCode::kInvalidArgument);
}

TEST(CimXml, UntypedOutputStillDecodes) {
  core::InstancePtr in = NewInstance("C", "root/x");
  MI_Value v;
  v.uint32 = 9;
  Add(in.get(), "N", MI_UINT32, v);
  CimWriteOptions options;
  options.type_attributes = false;
  pugi::xml_document doc;
  ASSERT_TRUE(WriteInstance(doc, in.get(), "", options).ok());
  std::string xml = NodeToString(doc.first_child());
  EXPECT_EQ(xml.find("cimUnsignedInt"), std::string::npos);
  core::InstancePtr out;
  ASSERT_TRUE(ReadInstance(doc.first_child(), &out).ok());
  EXPECT_EQ(testing::StringProp(out.get(), "N"), "9");  // Windows Get-response style: text
}

}  // namespace
}  // namespace cimulate::wsman
