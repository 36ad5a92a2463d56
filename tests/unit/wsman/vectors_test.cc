// Decoding real client requests and server responses captured from pywinrm,
// Dell wsl, npm winrm-client and OMI (shared/vectors/wsman).

#include <dirent.h>

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::wsman {
namespace {

using testing::ClassOf;
using testing::HttpBody;
using testing::StringProp;

constexpr char kWin32Service[] = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service";
constexpr char kShellCmd[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

Message Decode(const std::string& bytes) {
  Message m;
  Status s = DecodeMessage(bytes, &m);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return m;
}

std::string OptionValue(const Headers& h, const std::string& name) {
  for (const Option& o : h.options) {
    if (o.name == name) return o.value;
  }
  return "<missing>";
}

TEST(PywinrmVectors, CreateShellWithUnqualifiedMustUnderstand) {
  CIMULATE_LOAD_VECTOR(xml, "pywinrm/01-Create.request.xml");
  Message m = Decode(xml);
  EXPECT_EQ(m.kind, MessageKind::kCreate);
  EXPECT_EQ(m.headers.action, action::kCreate);
  EXPECT_EQ(m.headers.to, "http://windows-host:5985/wsman");
  EXPECT_EQ(m.headers.resource_uri, kShellCmd);
  EXPECT_EQ(m.headers.message_id, "uuid:7d25f1a1-f442-495c-a5f6-77b5de43fd46");
  EXPECT_EQ(m.headers.reply_to, uri::kAnonymous);
  EXPECT_EQ(m.headers.max_envelope_size, 153600u);
  EXPECT_EQ(m.headers.operation_timeout_ms, 20000u);
  EXPECT_EQ(m.headers.locale, "en-US");
  EXPECT_EQ(m.headers.data_locale, "en-US");
  ASSERT_EQ(m.headers.options.size(), 2u);
  EXPECT_EQ(OptionValue(m.headers, "WINRS_NOPROFILE"), "FALSE");
  EXPECT_EQ(OptionValue(m.headers, "WINRS_CODEPAGE"), "437");
  // The rsp:Shell body is an instance without schema, and is also kept raw with
  // the envelope's rsp namespace declared on it.
  auto* body = std::get_if<InstanceBody>(&m.body);
  ASSERT_NE(body, nullptr);
  ASSERT_TRUE(body->instance);
  EXPECT_EQ(ClassOf(body->instance.get()), "Shell");
  EXPECT_EQ(StringProp(body->instance.get(), "OutputStreams"), "stdout stderr");
  EXPECT_NE(m.raw_body.find("xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\""),
            std::string::npos);
}

TEST(PywinrmVectors, CommandReceiveSignalDeleteCarryTheShellSelector) {
  struct Case {
    const char* file;
    MessageKind kind;
    const char* action_suffix;
  };
  const Case cases[] = {
      {"pywinrm/02-Command.request.xml", MessageKind::kOther, "/windows/shell/Command"},
      {"pywinrm/03-Receive.request.xml", MessageKind::kOther, "/windows/shell/Receive"},
      {"pywinrm/04-Signal.request.xml", MessageKind::kOther, "/windows/shell/Signal"},
      {"pywinrm/05-Delete.request.xml", MessageKind::kDelete, "/transfer/Delete"},
      {"pywinrm/07-Command.request.xml", MessageKind::kOther, "/windows/shell/Command"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    CIMULATE_LOAD_VECTOR(xml, c.file);
    Message m = Decode(xml);
    EXPECT_EQ(m.kind, c.kind);
    EXPECT_TRUE(m.headers.action.ends_with(c.action_suffix)) << m.headers.action;
    EXPECT_EQ(m.headers.resource_uri, kShellCmd);
    ASSERT_EQ(m.headers.selectors.size(), 1u);
    EXPECT_EQ(m.headers.selectors[0].name, "ShellId");
    EXPECT_FALSE(m.headers.selectors[0].value.empty());
    EXPECT_TRUE(m.headers.message_id->starts_with("uuid:"));
  }
}

TEST(PywinrmVectors, CommandOptionsAndUnknownShellId) {
  CIMULATE_LOAD_VECTOR(xml, "pywinrm/07-Command.request.xml");
  Message m = Decode(xml);
  EXPECT_EQ(m.headers.selectors[0].value, "NOPE");
  EXPECT_EQ(OptionValue(m.headers, "WINRS_CONSOLEMODE_STDIN"), "TRUE");
  EXPECT_EQ(OptionValue(m.headers, "WINRS_SKIP_CMD_SHELL"), "FALSE");
  EXPECT_NE(m.raw_body.find("CommandLine"), std::string::npos);
}

TEST(PywinrmVectors, RawGetOfWin32Service) {
  CIMULATE_LOAD_VECTOR(xml, "pywinrm/08-Get.request.xml");
  Message m = Decode(xml);
  EXPECT_EQ(m.kind, MessageKind::kGet);
  EXPECT_EQ(m.headers.resource_uri, kWin32Service);
  ASSERT_EQ(m.headers.selectors.size(), 1u);
  EXPECT_EQ(m.headers.selectors[0].name, "Name");
  EXPECT_EQ(m.headers.selectors[0].value, "WinRM");
}

TEST(PywinrmVectors, GetFaultWithMsftWmiErrorIsNotFound) {
  CIMULATE_LOAD_VECTOR(xml, "pywinrm/09-Get.response.xml");
  Message m = Decode(xml);
  ASSERT_EQ(m.kind, MessageKind::kFault);
  const Fault& f = std::get<Fault>(m.body);
  EXPECT_EQ(f.code, SoapCode("Sender"));
  EXPECT_EQ(f.subcode, WsmanSubcode("InvalidSelectors"));
  EXPECT_EQ(f.reason, "No instance found with given property values.");
  ASSERT_TRUE(f.cim_error);
  EXPECT_EQ(ClassOf(f.cim_error.get()), "MSFT_WmiError");
  EXPECT_EQ(f.cim_error_resource_uri, "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/MSFT_WmiError");
  EXPECT_EQ(StringProp(f.cim_error.get(), "MessageID"), "HRESULT 0x80041002");
  FaultResult r = MapFaultToResult(f);
  EXPECT_EQ(r.result, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(r.category, MI_ERRORCATEGORY_OBJECT_NOT_FOUND);  // from error_Category 13
  EXPECT_STREQ(r.source, "CIMStatusCode");
}

TEST(PywinrmVectors, UnknownShellFaultCarriesWsmanFault) {
  CIMULATE_LOAD_VECTOR(xml, "pywinrm/07-Command.response.xml");
  Message m = Decode(xml);
  ASSERT_EQ(m.kind, MessageKind::kFault);
  const Fault& f = std::get<Fault>(m.body);
  EXPECT_EQ(f.fault_detail, std::string(uri::kFaultDetailPrefix) + "UnexpectedSelectors");
  ASSERT_TRUE(f.wsman_fault);
  EXPECT_EQ(f.wsman_fault->code, 2150858843u);
  EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MapFaultToResult(f, {.invalid_selectors_as_not_found = true}).result, MI_RESULT_NOT_FOUND);
}

TEST(WinrmClientVectors, PrettyPrintedRequestsWithWsaPrefixes) {
  const char* files[] = {"winrm-client/01-Create.request.xml", "winrm-client/02-Command.request.xml",
                         "winrm-client/03-Receive.request.xml", "winrm-client/04-Delete.request.xml"};
  for (const char* file : files) {
    SCOPED_TRACE(file);
    CIMULATE_LOAD_VECTOR(xml, file);
    Message m = Decode(xml);
    // The same MessageID on every message of the run.
    EXPECT_EQ(m.headers.message_id, "uuid:abdf4705-4e98-5cc0-a532-d595322e66dd");
    EXPECT_EQ(m.headers.resource_uri, kShellCmd);
    EXPECT_EQ(m.headers.max_envelope_size, 153600u);
    EXPECT_EQ(m.headers.operation_timeout_ms, 60000u);
    EXPECT_FALSE(m.headers.data_locale.has_value());
  }
  CIMULATE_LOAD_VECTOR(command, "winrm-client/02-Command.request.xml");
  Message m = Decode(command);
  EXPECT_EQ(m.headers.action, "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command");
  EXPECT_EQ(m.headers.selectors[0].value, "C5391AEA-1258-4971-950B-F91E908CC728");
  CIMULATE_LOAD_VECTOR(del, "winrm-client/04-Delete.request.xml");
  EXPECT_EQ(Decode(del).kind, MessageKind::kDelete);
}

TEST(WslVectors, IdentifyHasNoAction) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/01-Identify.request.xml");
  Message m = Decode(xml);
  EXPECT_EQ(m.kind, MessageKind::kIdentify);
  EXPECT_TRUE(m.headers.action.empty());
  EXPECT_FALSE(m.headers.message_id.has_value());
}

TEST(WslVectors, IdentifyResponse) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/01-Identify.response.xml");
  Message m = Decode(xml);
  ASSERT_EQ(m.kind, MessageKind::kIdentifyResponse);
  const auto& b = std::get<IdentifyResponseBody>(m.body);
  EXPECT_EQ(b.protocol_version, ns::kWsman);
  EXPECT_FALSE(b.product_vendor.empty());
}

TEST(WslVectors, PlainEnumerateWithEmptyMessageId) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/02-Enumerate.request.xml");
  Message m = Decode(xml);
  EXPECT_EQ(m.kind, MessageKind::kEnumerate);
  ASSERT_TRUE(m.headers.message_id.has_value());
  EXPECT_EQ(*m.headers.message_id, "");  // present but empty: echo an empty RelatesTo
  EXPECT_EQ(m.headers.resource_uri, kWin32Service);
  const auto& b = std::get<EnumerateBody>(m.body);
  EXPECT_FALSE(b.optimize);
  EXPECT_EQ(b.mode, EnumerationMode::kObjects);
  EXPECT_FALSE(b.filter.has_value());
  // wsl marks a:To and a:MessageID mustUnderstand; both are modelled, not unknown.
  EXPECT_TRUE(m.headers.unknown.empty());
}

TEST(WslVectors, OptimizedObjectAndEprEnumerate) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/06-Enumerate.request.xml");
  Message m = Decode(xml);
  const auto& b = std::get<EnumerateBody>(m.body);
  EXPECT_TRUE(b.optimize);
  EXPECT_EQ(b.max_elements, 2u);
  EXPECT_EQ(b.mode, EnumerationMode::kObjectsAndEprs);
  EXPECT_EQ(m.headers.message_id, "395fe3f1-9467-46c1-a573-7a14b5adca3a");
  EXPECT_EQ(m.headers.to, "http://127.0.0.1:59850/wsman");
}

TEST(WslVectors, OptimizedEnumerateResponseHasItemsWithEprs) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/06-Enumerate.response.xml");
  Message m = Decode(xml);
  const auto& b = std::get<EnumerateResponseBody>(m.body);
  EXPECT_TRUE(b.optimized);
  ASSERT_EQ(b.items.size(), 2u);
  for (const Item& item : b.items) {
    ASSERT_TRUE(item.instance);
    ASSERT_TRUE(item.epr.has_value());
    EXPECT_EQ(ClassOf(item.instance.get()), "Win32_Service");
    EXPECT_EQ(item.resource_uri, kWin32Service);
    EXPECT_EQ(item.epr->resource_uri, kWin32Service);
    ASSERT_EQ(item.epr->selectors.size(), 1u);
    EXPECT_EQ(item.epr->selectors[0].value, StringProp(item.instance.get(), "Name"));
  }
  EXPECT_FALSE(b.context.empty());
}

TEST(WslVectors, PullsAndTheLastBatch) {
  CIMULATE_LOAD_VECTOR(pull, "wsl/transcript/07-Pull.request.xml");
  Message m = Decode(pull);
  ASSERT_EQ(m.kind, MessageKind::kPull);
  const auto& b = std::get<PullBody>(m.body);
  EXPECT_EQ(b.context, "uuid:9AD976F7-E34B-46D1-A803-E6FE3DF2F9BA");
  EXPECT_EQ(b.max_elements, 2u);
  EXPECT_FALSE(b.max_time_ms.has_value());

  CIMULATE_LOAD_VECTOR(last, "wsl/transcript/05-Pull.response.xml");
  Message r = Decode(last);
  const auto& pr = std::get<PullResponseBody>(r.body);
  EXPECT_FALSE(pr.context.has_value());
  EXPECT_TRUE(pr.end_of_sequence);
  EXPECT_EQ(pr.items.size(), 1u);

  CIMULATE_LOAD_VECTOR(middle, "wsl/transcript/03-Pull.response.xml");
  Message r2 = Decode(middle);
  const auto& pr2 = std::get<PullResponseBody>(r2.body);
  EXPECT_TRUE(pr2.context.has_value());
  EXPECT_FALSE(pr2.end_of_sequence);
}

TEST(WslVectors, EnumerateEprModeAndEprPull) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/11-Enumerate.request.xml");
  EXPECT_EQ(std::get<EnumerateBody>(Decode(xml).body).mode, EnumerationMode::kEprs);
  CIMULATE_LOAD_VECTOR(resp, "wsl/transcript/12-Pull.response.xml");
  Message m = Decode(resp);
  const auto& b = std::get<PullResponseBody>(m.body);
  ASSERT_EQ(b.items.size(), 1u);
  EXPECT_FALSE(b.items[0].instance);
  ASSERT_TRUE(b.items[0].epr.has_value());
  EXPECT_EQ(b.items[0].epr->selectors[0].name, "Name");
  EXPECT_EQ(b.items[0].epr->selectors[0].value, "Microsoft Windows Server 2019");
}

TEST(WslVectors, GetAndInvoke) {
  CIMULATE_LOAD_VECTOR(get, "wsl/transcript/08-Get.request.xml");
  Message g = Decode(get);
  EXPECT_EQ(g.kind, MessageKind::kGet);
  EXPECT_EQ(g.headers.selectors[0].value, "WinRM");

  CIMULATE_LOAD_VECTOR(xml, "wsl/transcript/13-Reboot.request.xml");
  Message m = Decode(xml);
  ASSERT_EQ(m.kind, MessageKind::kInvoke);
  EXPECT_EQ(m.headers.action,
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_OperatingSystem/Reboot");
  const auto& b = std::get<InvokeBody>(m.body);
  EXPECT_EQ(b.method, "Reboot");
  EXPECT_EQ(b.resource_uri, m.headers.resource_uri);
  ASSERT_TRUE(b.parameters);
  EXPECT_EQ(testing::Count(b.parameters.get()), 0u);

  CIMULATE_LOAD_VECTOR(out, "wsl/transcript/13-Reboot.response.xml");
  Message r = Decode(out);
  ASSERT_EQ(r.kind, MessageKind::kInvokeResponse);
  EXPECT_EQ(StringProp(std::get<InvokeBody>(r.body).parameters.get(), "ReturnValue"), "0");
}

TEST(WslVectors, UnboundPrefixIsAnErrorNotACrash) {
  CIMULATE_LOAD_VECTOR(xml, "wsl/negative/wslinvoke-unbound-prefix.request.xml");
  Message m;
  Status s = DecodeMessage(xml, &m);
  EXPECT_EQ(s.code(), ErrorCode::kNotXml);
  EXPECT_NE(s.message().find("prefix 'w'"), std::string::npos) << s.message();
}

// Every file in the captured directories decodes (requests and responses).
TEST(AllVectors, EveryXmlFileDecodes) {
  const char* dirs[] = {"pywinrm", "winrm-client", "wsl/transcript", "wsl/saved", "omi"};
  int decoded = 0;
  for (const char* dir : dirs) {
    std::string path = testing::VectorDir() + dir;
    DIR* d = opendir(path.c_str());
    if (d == nullptr) GTEST_SKIP() << path << " not found";
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.ends_with(".xml")) names.push_back(name);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      SCOPED_TRACE(std::string(dir) + "/" + name);
      auto xml = testing::ReadVector(std::string(dir) + "/" + name);
      ASSERT_TRUE(xml);
      Message m;
      Status s = DecodeMessage(*xml, &m);
      EXPECT_TRUE(s.ok()) << s.ToString();
      EXPECT_NE(m.kind, MessageKind::kUnknown);
      ++decoded;
    }
  }
  EXPECT_GE(decoded, 60);
}

TEST(OmiVectors, WindowsShapedEnumerateRequest) {
  CIMULATE_LOAD_VECTOR(xml, "omi/enum_badclass.req.xml");
  Message m = Decode(xml);
  ASSERT_EQ(m.kind, MessageKind::kEnumerate);
  EXPECT_EQ(m.headers.resource_uri, "http://schemas.dmtf.org/wbem/wscim/1/*");
  EXPECT_EQ(m.headers.message_id, "uuid:2CE8AD2B-8EA5-4FA8-A11C-A4C335FE9AAC");
  EXPECT_EQ(m.headers.session_id, "uuid:FBE877C9-8E74-4EDC-BF2F-C23320076D64");
  EXPECT_EQ(m.headers.operation_id, "uuid:0DD36AEA-EB4A-4D88-9EE5-928CB0A5E911");
  EXPECT_EQ(m.headers.sequence_id, 1u);
  EXPECT_EQ(m.headers.max_envelope_size, 512000u);
  ASSERT_EQ(m.headers.options.size(), 1u);
  EXPECT_EQ(m.headers.options[0].name, "msftwinrm:UsePreciseArrays");
  EXPECT_EQ(m.headers.options[0].type, "xs:boolean");
  EXPECT_EQ(m.headers.options[0].value, "true");
  // p:ActivityId is not modelled; it is kept as an unknown header.
  ASSERT_EQ(m.headers.unknown.size(), 1u);
  EXPECT_EQ(m.headers.unknown[0].local, "ActivityId");
  EXPECT_FALSE(m.headers.unknown[0].must_understand);
  const Selector* ns_sel = FindSelector(m.headers.selectors, "__cimnamespace");
  ASSERT_NE(ns_sel, nullptr);
  EXPECT_EQ(ns_sel->value, "root/OMI");
  ResourceUriParts parts = SplitResourceUri(m.headers.resource_uri, ns_sel->value);
  EXPECT_EQ(parts.form, ResourceUriForm::kDmtf);
  EXPECT_EQ(parts.class_name, "*");
  EXPECT_EQ(parts.name_space, "root/OMI");
  const auto& b = std::get<EnumerateBody>(m.body);
  EXPECT_TRUE(b.optimize);
  EXPECT_EQ(b.max_elements, 32000u);
  EXPECT_EQ(b.mode, EnumerationMode::kObjectsAndEprs);
  ASSERT_TRUE(b.filter.has_value());
  EXPECT_EQ(b.filter->dialect, dialect::kWql);
  EXPECT_EQ(b.filter->query, "select * from NoSuchClass");
}

TEST(OmiVectors, BareInternalErrorFaultsMapToFailed) {
  // omiserver answers the Windows-shaped requests with s:Receiver /
  // wsman:InternalError, an empty Reason and no Detail (omi/README.md).
  for (const char* file : {"omi/enum_badclass.resp.xml", "omi/enum_badns.resp.xml"}) {
    SCOPED_TRACE(file);
    CIMULATE_LOAD_VECTOR(xml, file);
    Message m = Decode(xml);
    ASSERT_EQ(m.kind, MessageKind::kFault);
    EXPECT_EQ(m.headers.relates_to, "uuid:2CE8AD2B-8EA5-4FA8-A11C-A4C335FE9AAC");
    const Fault& f = std::get<Fault>(m.body);
    EXPECT_EQ(f.code, SoapCode("Receiver"));
    EXPECT_EQ(f.subcode, WsmanSubcode("InternalError"));
    EXPECT_EQ(f.reason, "");
    EXPECT_FALSE(f.cim_error);
    EXPECT_EQ(MapFaultToResult(f).result, MI_RESULT_FAILED);
  }
}

TEST(OmiVectors, OmiErrorFaultsKeepTheInstanceAndMapToTheOmiResult) {
  struct Case {
    const char* file;
    MI_Result result;
    const char* message;
  };
  const Case cases[] = {
      {"omi/omicli_trace/conn1.s2c.http", MI_RESULT_INVALID_CLASS, "The specified class does not exist."},
      {"omi/omicli_trace/conn2.s2c.http", MI_RESULT_INVALID_NAMESPACE, "The target namespace does not exist."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    CIMULATE_LOAD_VECTOR(http, c.file);
    Message m = Decode(HttpBody(http));
    ASSERT_EQ(m.kind, MessageKind::kFault);
    EXPECT_EQ(m.headers.action, action::kAddressingFault);
    const Fault& f = std::get<Fault>(m.body);
    EXPECT_EQ(f.subcode, (QName{ns::kAddressing, "DestinationUnreachable"}));
    ASSERT_TRUE(f.cim_error);
    const MI_Instance* e = f.cim_error.get();
    EXPECT_EQ(ClassOf(e), "OMI_Error");
    EXPECT_EQ(testing::Count(e), 18u);  // every property, NULLs included
    EXPECT_EQ(StringProp(e, "OwningEntity"), "OMI:CIMOM");
    EXPECT_EQ(StringProp(e, "OMI_Type"), "MI");
    EXPECT_EQ(StringProp(e, "ErrorType"), "<null>");
    MI_Value v;
    MI_Type type;
    ASSERT_EQ(MI_Instance_GetElement(e, "CIMStatusCode", &v, &type, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_EQ(type, MI_UINT32);
    EXPECT_EQ(v.uint32, static_cast<MI_Uint32>(c.result));
    FaultResult r = MapFaultToResult(f);
    EXPECT_EQ(r.result, c.result);
    EXPECT_EQ(r.category, MI_ERRORCATEGORY_METADATA_ERROR);  // OMI_Category 10
    EXPECT_EQ(r.message, c.message);
  }
}

TEST(OmiVectors, OmicliRequestsAndOptimizedResponse) {
  CIMULATE_LOAD_VECTOR(req, "omi/omicli_trace/conn0.c2s.http");
  Message m = Decode(HttpBody(req));
  ASSERT_EQ(m.kind, MessageKind::kEnumerate);
  EXPECT_EQ(m.headers.to, "HTTP://127.0.0.1:15986/wsman/");
  EXPECT_EQ(m.headers.operation_timeout_ms, 90000u);  // PT1M30S
  EXPECT_EQ(m.headers.max_envelope_size, 102400u);
  EXPECT_EQ(m.headers.locale, "en-us");
  EXPECT_TRUE(m.headers.options.empty());
  EXPECT_EQ(FindSelector(m.headers.selectors, "__cimnamespace")->value, "root/omi");
  EXPECT_EQ(std::get<EnumerateBody>(m.body).max_elements, 1000u);

  CIMULATE_LOAD_VECTOR(resp, "omi/omicli_trace/conn0.s2c.http");
  Message r = Decode(HttpBody(resp));
  const auto& b = std::get<EnumerateResponseBody>(r.body);
  EXPECT_EQ(b.context, "1164378112");
  EXPECT_TRUE(b.end_of_sequence);  // OMI sends the context together with EndOfSequence
  ASSERT_EQ(b.items.size(), 1u);
  const MI_Instance* identify = b.items[0].instance.get();
  EXPECT_EQ(ClassOf(identify), "OMI_Identify");
  EXPECT_EQ(StringProp(identify, "ProductVersionString"), "1.0.8-6");
  MI_Value v;
  MI_Type type;
  ASSERT_EQ(MI_Instance_GetElement(identify, "ConfigNameSpaces", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_STRINGA);
  ASSERT_EQ(v.stringa.size, 13u);
  EXPECT_STREQ(v.stringa.data[0], "root-test");
  EXPECT_STREQ(v.stringa.data[12], "oop-requestor-test-c");
  // Element order is kept: InstanceID first, ConfigNameSpaces last.
  const MI_Char* name = nullptr;
  ASSERT_EQ(MI_Instance_GetElementAt(identify, 0, &name, &v, &type, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(name, "InstanceID");
}

}  // namespace
}  // namespace cimulate::wsman
