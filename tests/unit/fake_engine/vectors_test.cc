// Requests recorded from real clients (shared/vectors/wsman): pywinrm's
// run_cmd shell sequence, winrm-client's Command, and Dell wsl's identify,
// enumerate, get and invoke.  Skipped when the shared vectors are absent.
#include <regex>

#include "engine/base64.h"
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::MessageKind;

#define LOAD_SHARED(var, path)                                                   \
  std::string var;                                                               \
  do {                                                                           \
    auto loaded_ = ReadShared(path);                                             \
    if (!loaded_) GTEST_SKIP() << path << " not found under shared/";            \
    var = std::move(*loaded_);                                                   \
  } while (0)

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Every base64 rsp:Stream of `name` decoded and concatenated.
std::string StreamText(const std::string& body, const std::string& name) {
  std::regex stream("<rsp:Stream Name=\"" + name + "\" CommandId=\"[^\"]*\">([^<]*)</rsp:Stream>");
  std::string out;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), stream); it != std::sregex_iterator(); ++it) {
    std::string decoded;
    EXPECT_TRUE(Base64Decode((*it)[1].str(), &decoded));
    out += decoded;
  }
  return out;
}

std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  size_t a = text.find(open);
  if (a == std::string::npos) return {};
  a += open.size();
  size_t b = text.find(close, a);
  return b == std::string::npos ? std::string() : text.substr(a, b - a);
}

// pywinrm 0.3.0 recorded ShellId and CommandId; the fake issues its own.
constexpr char kRecordedShell[] = "62AAEA5E-33B3-4137-BFB1-CD9944FAD5F5";
constexpr char kRecordedCommand[] = "8A2ACDA1-4E49-4625-AEC6-1C98A29A8A21";

TEST(Vectors, PywinrmRunCmdSequence) {
  LOAD_SHARED(create, "vectors/wsman/pywinrm/01-Create.request.xml");
  LOAD_SHARED(command, "vectors/wsman/pywinrm/02-Command.request.xml");
  LOAD_SHARED(receive, "vectors/wsman/pywinrm/03-Receive.request.xml");
  LOAD_SHARED(signal, "vectors/wsman/pywinrm/04-Signal.request.xml");
  LOAD_SHARED(del, "vectors/wsman/pywinrm/05-Delete.request.xml");
  Engine engine(LoadScenario(kBaseEndpoint));

  EngineReply created = engine.Handle(Post(create));
  ASSERT_EQ(created.http_status, 200) << created.body;
  wsman::Message m = Decode(created);
  ASSERT_EQ(m.kind, MessageKind::kCreateResponse);
  EXPECT_EQ(m.headers.relates_to, "uuid:7d25f1a1-f442-495c-a5f6-77b5de43fd46");
  const auto& epr = std::get<wsman::CreateResponseBody>(m.body).created;
  ASSERT_EQ(epr.selectors.size(), 1u);
  EXPECT_EQ(epr.selectors[0].name, "ShellId");
  std::string shell = epr.selectors[0].value;
  // pywinrm takes the text of any element with Name="ShellId".
  EXPECT_NE(created.body.find("Name=\"ShellId\">" + shell + "<"), std::string::npos);

  // The recording ran "ipconfig /all"; the scenario scripts "echo hello".
  std::string echo = Replace(Replace(command, kRecordedShell, shell), "<rsp:Command>ipconfig</rsp:Command><rsp:Arguments>/all</rsp:Arguments>",
                             "<rsp:Command>echo</rsp:Command><rsp:Arguments>hello</rsp:Arguments>");
  EngineReply started = engine.Handle(Post(echo));
  ASSERT_EQ(started.http_status, 200) << started.body;
  EXPECT_EQ(Decode(started).headers.action, "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandResponse");
  std::string command_id = Between(started.body, "<rsp:CommandId>", "</rsp:CommandId>");
  ASSERT_FALSE(command_id.empty()) << started.body;

  EngineReply received = engine.Handle(Post(Replace(Replace(receive, kRecordedShell, shell), kRecordedCommand, command_id)));
  ASSERT_EQ(received.http_status, 200) << received.body;
  EXPECT_EQ(Decode(received).headers.relates_to, "uuid:2139e3c2-a00a-4ccf-8629-dc7085012d23");
  EXPECT_EQ(StreamText(received.body, "stdout"), "hello\r\n");
  EXPECT_EQ(StreamText(received.body, "stderr"), "");
  EXPECT_NE(received.body.find("CommandState/Done\"><rsp:ExitCode>0</rsp:ExitCode>"), std::string::npos)
      << received.body;

  EngineReply signalled = engine.Handle(Post(Replace(Replace(signal, kRecordedShell, shell), kRecordedCommand, command_id)));
  ASSERT_EQ(signalled.http_status, 200) << signalled.body;
  EXPECT_EQ(Decode(signalled).headers.relates_to, "uuid:f617e034-b7c5-4fee-9d5c-c130a1b82b1b");
  EXPECT_NE(signalled.body.find("<rsp:SignalResponse"), std::string::npos);

  EngineReply deleted = engine.Handle(Post(Replace(del, kRecordedShell, shell)));
  ASSERT_EQ(deleted.http_status, 200) << deleted.body;
  wsman::Message d = Decode(deleted);
  EXPECT_EQ(d.kind, MessageKind::kDeleteResponse);
  EXPECT_EQ(d.headers.relates_to, "uuid:74f4b1c9-7168-43c6-b12a-eefad1ad2258");

  // The shell is gone: Windows' unknown-ShellId fault (07-Command's shape).
  wsman::Fault f = FaultOf(engine.Handle(Post(Replace(del, kRecordedShell, shell))));
  EXPECT_EQ(Subcode(f), "InvalidSelectors");
  EXPECT_EQ(f.fault_detail, std::string(wsman::uri::kFaultDetailPrefix) + "UnexpectedSelectors");
  EXPECT_EQ(f.wsman_fault->code, 2150858843u);
  EXPECT_EQ(f.wsman_fault->provider, "Shell provider");
}

TEST(Vectors, PywinrmScriptedTimeoutsThenChunksThenDone) {
  LOAD_SHARED(create, "vectors/wsman/pywinrm/01-Create.request.xml");
  LOAD_SHARED(command, "vectors/wsman/pywinrm/02-Command.request.xml");
  LOAD_SHARED(receive, "vectors/wsman/pywinrm/03-Receive.request.xml");
  Engine engine(LoadScenario(kBaseEndpoint));
  std::string shell = std::get<wsman::CreateResponseBody>(Decode(engine.Handle(Post(create))).body).created.selectors[0].value;
  std::string slow = Replace(Replace(command, kRecordedShell, shell), "<rsp:Command>ipconfig</rsp:Command><rsp:Arguments>/all</rsp:Arguments>",
                             "<rsp:Command>slow</rsp:Command>");
  std::string id = Between(engine.Handle(Post(slow)).body, "<rsp:CommandId>", "</rsp:CommandId>");
  std::string rx = Replace(Replace(receive, kRecordedShell, shell), kRecordedCommand, id);
  for (int i = 0; i < 2; ++i) {
    wsman::Fault f = FaultOf(engine.Handle(Post(rx)));
    EXPECT_EQ(Subcode(f), "TimedOut");
    EXPECT_EQ(f.wsman_fault->code, 2150858793u);  // what pywinrm retries silently
  }
  EngineReply first = engine.Handle(Post(rx));
  EXPECT_EQ(StreamText(first.body, "stdout"), "a");
  EXPECT_NE(first.body.find("CommandState/Running"), std::string::npos);
  EngineReply last = engine.Handle(Post(rx));
  EXPECT_EQ(StreamText(last.body, "stdout"), "b");
  EXPECT_EQ(StreamText(last.body, "stderr"), "warn");
  EXPECT_NE(last.body.find("<rsp:ExitCode>3</rsp:ExitCode>"), std::string::npos);
}

// pywinrm 0.3.0 joins run_cmd's arguments into one rsp:Arguments element
// ("-n 2 127.0.0.1"); a script that lists them one by one must still match,
// since WinRS hands cmd.exe a single command line either way.
TEST(Vectors, PywinrmJoinedArgumentsMatchAScriptThatListsThem) {
  LOAD_SHARED(create, "vectors/wsman/pywinrm/01-Create.request.xml");
  LOAD_SHARED(command, "vectors/wsman/pywinrm/02-Command.request.xml");
  LOAD_SHARED(receive, "vectors/wsman/pywinrm/03-Receive.request.xml");
  Engine engine(LoadScenario(R"(
  auth:
    accounts: [{user: alice, password: pw}]
  shell:
    commands:
      - {command: ping, arguments: ["-n", "2", "127.0.0.1"], stdout: "listed"}
      - {command: ping, arguments: ["-n 3 127.0.0.1"], stdout: "joined"}
      - {command: ping, arguments: ["-n", "3", "127.0.0.1"], stdout: "exact"}
      - {command: ipconfig, stdout: "any arguments"}
)"));
  std::string shell = std::get<wsman::CreateResponseBody>(Decode(engine.Handle(Post(create))).body).created.selectors[0].value;
  std::string recorded_line = "<rsp:Command>ipconfig</rsp:Command><rsp:Arguments>/all</rsp:Arguments>";
  ASSERT_NE(command.find(recorded_line), std::string::npos);
  auto run = [&](const std::string& line) {
    std::string id = Between(engine.Handle(Post(Replace(Replace(command, kRecordedShell, shell), recorded_line, line))).body,
                             "<rsp:CommandId>", "</rsp:CommandId>");
    EngineReply r = engine.Handle(Post(Replace(Replace(receive, kRecordedShell, shell), kRecordedCommand, id)));
    std::string out = StreamText(r.body, "stdout");
    return out.empty() ? StreamText(r.body, "stderr") : out;
  };
  auto args = [](std::initializer_list<const char*> list) {
    std::string xml;
    for (const char* a : list) xml += std::string("<rsp:Arguments>") + a + "</rsp:Arguments>";
    return xml;
  };

  EXPECT_EQ(run("<rsp:Command>ping</rsp:Command>" + args({"-n 2 127.0.0.1"})), "listed");
  EXPECT_EQ(run("<rsp:Command>ping</rsp:Command>" + args({"-n", "2", "127.0.0.1"})), "listed");
  EXPECT_EQ(run("<rsp:Command>PING -n 2 127.0.0.1</rsp:Command>"), "listed");
  EXPECT_EQ(run("<rsp:Command>ping</rsp:Command>" + args({"-n", "2 ", " 127.0.0.1"})), "listed");
  // An entry that spells the arguments as sent wins over an earlier one equal in words.
  EXPECT_EQ(run("<rsp:Command>ping</rsp:Command>" + args({"-n 3 127.0.0.1"})), "joined");
  EXPECT_EQ(run("<rsp:Command>ping</rsp:Command>" + args({"-n", "3", "127.0.0.1"})), "exact");
  EXPECT_EQ(run("<rsp:Command>ipconfig</rsp:Command>" + args({"/all /v"})), "any arguments");
  // Other words, too few words, another program: cmd.exe's error, not a near match.
  EXPECT_NE(run("<rsp:Command>ping</rsp:Command>" + args({"-n", "3"})).find("'ping' is not recognized"),
            std::string::npos);
  EXPECT_NE(run("<rsp:Command>ping</rsp:Command>" + args({"-n 4 127.0.0.1"})).find("'ping' is not recognized"),
            std::string::npos);
  EXPECT_NE(run("<rsp:Command>pingx</rsp:Command>" + args({"-n 2 127.0.0.1"})).find("is not recognized"),
            std::string::npos);
}

TEST(Vectors, WinrmClientWholeCommandLineAndUnknownCommand) {
  LOAD_SHARED(create, "vectors/wsman/winrm-client/01-Create.request.xml");
  LOAD_SHARED(command, "vectors/wsman/winrm-client/02-Command.request.xml");
  Engine engine(LoadScenario(kBaseEndpoint));
  EngineReply created = engine.Handle(Post(create));
  ASSERT_EQ(created.http_status, 200) << created.body;
  std::string shell = std::get<wsman::CreateResponseBody>(Decode(created).body).created.selectors[0].value;
  std::string recorded = Between(command, "<wsman:Selector Name=\"ShellId\">", "</wsman:Selector>");
  ASSERT_FALSE(recorded.empty());
  EngineReply started = engine.Handle(Post(Replace(command, recorded, shell)));
  ASSERT_EQ(started.http_status, 200) << started.body;
  // "ipconfig /all" in one rsp:Command matched the scripted ipconfig [/all].
  std::string id = Between(started.body, "<rsp:CommandId>", "</rsp:CommandId>");
  wsman::Message rx = NewRequest(MessageKind::kOther, kShellUri, {{"ShellId", shell, nullptr}});
  rx.headers.action = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
  rx.raw_body = "<rsp:Receive xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\"><rsp:DesiredStream CommandId=\"" +
                id + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>";
  EXPECT_EQ(StreamText(Send(engine, rx).body, "stdout"), "Windows IP Configuration\r\n");

  std::string other = Replace(Replace(command, recorded, shell), "ipconfig /all", "nope --x");
  id = Between(engine.Handle(Post(other)).body, "<rsp:CommandId>", "</rsp:CommandId>");
  rx.raw_body = Replace(rx.raw_body, Between(rx.raw_body, "CommandId=\"", "\""), id);
  EngineReply unknown = Send(engine, rx);
  EXPECT_NE(StreamText(unknown.body, "stderr").find("'nope' is not recognized"), std::string::npos) << unknown.body;
  EXPECT_NE(unknown.body.find("<rsp:ExitCode>1</rsp:ExitCode>"), std::string::npos);
}

TEST(Vectors, WslIdentifyEnumeratePullGetInvoke) {
  LOAD_SHARED(identify, "vectors/wsman/wsl/transcript/01-Identify.request.xml");
  LOAD_SHARED(enumerate, "vectors/wsman/wsl/transcript/02-Enumerate.request.xml");
  LOAD_SHARED(pull, "vectors/wsman/wsl/transcript/03-Pull.request.xml");
  LOAD_SHARED(optimized, "vectors/wsman/wsl/transcript/06-Enumerate.request.xml");
  LOAD_SHARED(get, "vectors/wsman/wsl/transcript/08-Get.request.xml");
  LOAD_SHARED(get_missing, "vectors/wsman/wsl/transcript/09-Get.request.xml");
  LOAD_SHARED(enumerate_epr, "vectors/wsman/wsl/transcript/11-Enumerate.request.xml");
  LOAD_SHARED(reboot, "vectors/wsman/wsl/transcript/13-Reboot.request.xml");
  Engine engine(LoadScenario(kBaseEndpoint));

  EXPECT_EQ(Decode(engine.Handle(Post(identify))).kind, MessageKind::kIdentifyResponse);

  // Empty MessageIDs: echoed as an empty RelatesTo; pull until no context comes back.
  EngineReply listed = engine.Handle(Post(enumerate));
  wsman::Message e = Decode(listed);
  EXPECT_EQ(e.headers.relates_to, "");
  EXPECT_NE(listed.body.find("<a:RelatesTo></a:RelatesTo>"), std::string::npos) << listed.body;
  std::string recorded_context = Between(pull, "<wsen:EnumerationContext>", "</wsen:EnumerationContext>");
  std::string context = std::get<wsman::EnumerateResponseBody>(e.body).context;
  std::vector<std::string> names;
  for (int guard = 0; !context.empty() && guard < 10; ++guard) {
    EngineReply r = engine.Handle(Post(Replace(pull, recorded_context, context)));
    EXPECT_EQ(r.body.find("<n:EnumerationContext>") == std::string::npos, r.body.find("<n:EndOfSequence/>") != std::string::npos);
    auto p = std::get<wsman::PullResponseBody>(Decode(r).body);
    for (const auto& item : p.items) names.push_back(StringProp(item.instance.get(), "Name"));
    context = p.context.value_or("");
  }
  EXPECT_EQ(names, (std::vector<std::string>{"WinRM", "Spooler", "W32Time"}));

  auto opt = std::get<wsman::EnumerateResponseBody>(Decode(engine.Handle(Post(optimized))).body);
  ASSERT_EQ(opt.items.size(), 2u);
  ASSERT_TRUE(opt.items[0].epr.has_value());
  EXPECT_EQ(StringProp(opt.items[0].instance.get(), "Name"), "WinRM");

  wsman::Message got = Decode(engine.Handle(Post(get)));
  EXPECT_EQ(got.headers.relates_to, "3f275a4a-989b-43d6-a5ef-9307d9c23330");
  EXPECT_EQ(StringProp(std::get<wsman::InstanceBody>(got.body).instance.get(), "State"), "Running");
  // curl --retry 1 repeats a request that got 500: the same answer both times.
  EngineReply miss1 = engine.Handle(Post(get_missing));
  EngineReply miss2 = engine.Handle(Post(get_missing));
  EXPECT_EQ(Subcode(FaultOf(miss1)), Subcode(FaultOf(miss2)));

  // wslinvoke: EnumerateEPR, then the EPR's selectors pasted into the Invoke.
  auto eprs = std::get<wsman::EnumerateResponseBody>(Decode(engine.Handle(Post(enumerate_epr))).body);
  EngineReply epr_reply = engine.Handle(Post(Replace(pull, recorded_context, eprs.context)));
  EXPECT_NE(epr_reply.body.find("<w:SelectorSet xmlns:w="), std::string::npos) << epr_reply.body;
  auto p = std::get<wsman::PullResponseBody>(Decode(epr_reply).body);
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].epr->selectors[0].value, "Microsoft Windows Server 2019");
  EngineReply rebooted = engine.Handle(Post(reboot));
  wsman::Message out = Decode(rebooted);
  ASSERT_EQ(out.kind, MessageKind::kInvokeResponse) << rebooted.body;
  EXPECT_EQ(out.headers.action,
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_OperatingSystem/RebootResponse");
  EXPECT_EQ(StringProp(std::get<wsman::InvokeBody>(out.body).parameters.get(), "ReturnValue"), "0");
}

TEST(Vectors, WslUnboundPrefixGetsAFaultNotACrash) {
  LOAD_SHARED(bad, "vectors/wsman/wsl/negative/wslinvoke-unbound-prefix.request.xml");
  Engine engine(LoadScenario(kBaseEndpoint));
  wsman::Fault f = FaultOf(engine.Handle(Post(bad)));
  EXPECT_EQ(Subcode(f), "SchemaValidationError");
}

}  // namespace
}  // namespace cimulate::fake
