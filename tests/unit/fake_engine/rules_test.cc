// Rules: matching, nth, times, per-key state machines, scripted replies,
// faults from fields, transport faults and near-miss notes.
#include <thread>

#include "core/instance.h"
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::MessageKind;

std::string WithRules(const std::string& rules) { return std::string(kBaseEndpoint) + rules; }

wsman::Message GetService(const char* name) {
  return NewRequest(MessageKind::kGet, kServiceUri, {{"Name", name, nullptr}});
}

std::string EnumerateContext(Engine& engine) {
  wsman::Message req = NewRequest(MessageKind::kEnumerate);
  req.body = wsman::EnumerateBody{};
  return std::get<wsman::EnumerateResponseBody>(Decode(Send(engine, req)).body).context;
}

EngineReply PullOnce(Engine& engine, const std::string& context) {
  wsman::Message req = NewRequest(MessageKind::kPull);
  req.body = wsman::PullBody{context, 1, std::nullopt};
  return Send(engine, req);
}

TEST(Rules, FaultFromFieldsDecodesToWhatTheScenarioSaid) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - name: provider-failure
      match: {action: Get, class: Win32_Service, selectors: {Name: WinRM}}
      respond:
        fault:
          code: Receiver
          subcode: w:InternalError
          reason: Provider failed.
          detail: InvalidValue
          wsman_fault: {code: 2147749889, machine: host1, message: inner text, provider_fault: {provider: WMI Provider, path: "C:\\wsmwmipl.dll"}}
          cim_error: {class: MSFT_WmiError, properties: {CIMStatusCode: 27, Message: too much, error_Code: 2147749889, error_Category: 29}}
)")));
  EngineReply reply = Send(engine, GetService("WinRM"));
  EXPECT_EQ(reply.note.rule, "provider-failure");
  wsman::Fault f = FaultOf(reply);
  EXPECT_EQ(f.code, wsman::SoapCode("Receiver"));
  EXPECT_EQ(f.subcode, wsman::WsmanSubcode("InternalError"));
  EXPECT_EQ(f.reason, "Provider failed.");
  EXPECT_EQ(f.fault_detail, std::string(wsman::uri::kFaultDetailPrefix) + "InvalidValue");
  ASSERT_TRUE(f.wsman_fault.has_value());
  EXPECT_EQ(f.wsman_fault->code, 2147749889u);
  EXPECT_EQ(f.wsman_fault->machine, "host1");
  EXPECT_EQ(f.wsman_fault->message, "inner text");
  EXPECT_EQ(f.wsman_fault->provider, "WMI Provider");
  ASSERT_TRUE(f.cim_error);
  EXPECT_EQ(StringProp(f.cim_error.get(), "Message"), "too much");
  wsman::FaultResult r = wsman::MapFaultToResult(f);
  EXPECT_EQ(r.result, MI_RESULT_SERVER_LIMITS_EXCEEDED);
  EXPECT_EQ(r.source, std::string("CIMStatusCode"));
  EXPECT_EQ(Decode(reply).headers.action, wsman::action::kWsmanFault);
  // Another instance is not matched and comes from the data.
  EXPECT_EQ(Decode(Send(engine, GetService("Spooler"))).kind, MessageKind::kGetResponse);
}

TEST(Rules, FaultStatusAndActionOverrides) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - match: {action: Get}
      respond: {fault: {http_status: 400, action: "http://example.com/fault", subcode: "n:TimedOut"}}
)")));
  EngineReply reply = Send(engine, GetService("WinRM"));
  EXPECT_EQ(reply.http_status, 400);
  wsman::Message m = Decode(reply);
  EXPECT_EQ(m.headers.action, "http://example.com/fault");
  EXPECT_EQ(std::get<wsman::Fault>(m.body).subcode.ns, wsman::ns::kEnumeration);
  EXPECT_EQ(reply.note.rule, "endpoint.rules[0]");
}

TEST(Rules, NthAndTimes) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - name: second-get-fails
      match: {action: Get, nth: 2}
      respond: {fault: {subcode: w:AccessDenied}}
    - name: twice-only
      match: {action: Get, selectors: {Name: Spooler}}
      times: 2
      respond: {fault: {subcode: w:QuotaLimit}}
)")));
  EXPECT_EQ(Decode(Send(engine, GetService("WinRM"))).kind, MessageKind::kGetResponse);
  EXPECT_EQ(Subcode(FaultOf(Send(engine, GetService("WinRM")))), "AccessDenied");
  EXPECT_EQ(Decode(Send(engine, GetService("WinRM"))).kind, MessageKind::kGetResponse);
  EXPECT_EQ(Subcode(FaultOf(Send(engine, GetService("Spooler")))), "QuotaLimit");
  EXPECT_EQ(Subcode(FaultOf(Send(engine, GetService("Spooler")))), "QuotaLimit");
  EngineReply third = Send(engine, GetService("Spooler"));
  EXPECT_EQ(Decode(third).kind, MessageKind::kGetResponse);
  EXPECT_EQ(third.note.rule, "");
  // Both rules fail one condition; the first is reported.
  EXPECT_EQ(third.note.nearest_rule, "second-get-fails");
  EXPECT_EQ(third.note.near_miss, "nth: this is matching request 6, the rule answers number 2");
}

TEST(Rules, ThirdPullOfEachEnumerationGetsATransportFault) {
  Engine engine(LoadScenario(WithRules(R"(
  state_machines:
    enum: {key: enumeration, states: [fresh, paging]}
  rules:
    - name: start
      match: {action: Enumerate}
      transition: {machine: enum, to: paging}
    - name: third-pull
      match: {action: Pull, nth: 3, state: {machine: enum, in: paging}}
      transport: {kind: truncated_body, percent: 60}
)")));
  // Two enumerations interleaved: nth counts per context.
  std::string a = EnumerateContext(engine);
  std::string b = EnumerateContext(engine);
  EXPECT_FALSE(PullOnce(engine, a).fault.has_value());
  EXPECT_FALSE(PullOnce(engine, b).fault.has_value());
  EXPECT_FALSE(PullOnce(engine, a).fault.has_value());
  EXPECT_FALSE(PullOnce(engine, b).fault.has_value());
  EngineReply third = PullOnce(engine, a);
  ASSERT_TRUE(third.fault.has_value());
  EXPECT_EQ(third.fault->kind, scenario::TransportFaultKind::kTruncatedBody);
  EXPECT_EQ(third.fault->percent, 60u);
  EXPECT_EQ(third.note.rule, "third-pull");
  // The body to distort is the data's reply: the last PullResponse.
  wsman::Message m = Decode(third);
  EXPECT_EQ(m.kind, MessageKind::kPullResponse);
  EXPECT_TRUE(std::get<wsman::PullResponseBody>(m.body).end_of_sequence);
  EXPECT_TRUE(PullOnce(engine, b).fault.has_value());
}

TEST(Rules, SelectorAndGlobalStateMachines) {
  Engine engine(LoadScenario(WithRules(R"(
  state_machines:
    svc: {key: "selector:Name", states: [running, stopped]}
    world: {key: global, states: [up, down]}
  rules:
    - name: stop
      match: {action: Invoke, class: Win32_Service, method: StopService, state: {machine: svc, in: running}}
      transition: {machine: svc, to: stopped}
    - name: stopped-get
      match: {action: Get, state: {machine: svc, in: stopped}}
      respond: {fault: {subcode: w:InvalidParameter, reason: stopped}}
    - name: shutdown
      match: {action: Delete, class: Win32_OperatingSystem}
      respond: {fault: {subcode: w:AccessDenied}}
      transition: {machine: world, to: down}
    - name: down
      match: {state: {machine: world, in: down}}
      respond: {http: {status: 503, headers: {Retry-After: "5"}, body: gone}}
)")));
  wsman::Message stop = NewRequest(MessageKind::kOther, kServiceUri, {{"Name", "WinRM", nullptr}});
  stop.headers.action = kServiceUri + "/StopService";
  EngineReply stopped = Send(engine, stop);
  EXPECT_EQ(stopped.note.rule, "stop");
  EXPECT_EQ(Decode(stopped).kind, MessageKind::kInvokeResponse);
  EXPECT_EQ(FaultOf(Send(engine, GetService("WinRM"))).reason, "stopped");
  EXPECT_EQ(Decode(Send(engine, GetService("Spooler"))).kind, MessageKind::kGetResponse);  // its own instance

  wsman::Message del = NewRequest(MessageKind::kDelete, wsman::WmiResourceUri("root/cimv2", "Win32_OperatingSystem"),
                                  {{"Name", "x", nullptr}});
  EXPECT_EQ(Subcode(FaultOf(Send(engine, del))), "AccessDenied");
  EngineReply down = Send(engine, GetService("Spooler"));
  EXPECT_EQ(down.http_status, 503);
  EXPECT_EQ(down.body, "gone");
  EXPECT_EQ(*down.headers.Find("retry-after"), "5");
}

TEST(Rules, ScriptedInstancesBatchesOutputAndXml) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - match: {action: Enumerate, class: Win32_Service}
      respond: {instances: [w32time, winrm, spooler], batches: [2, 1]}
    - match: {action: Get, selectors: {Name: Ghost}}
      respond: {instances: [spooler]}
    - match: {action: Invoke, class: Win32_Service, method: StopService}
      respond: {output: {ReturnValue: 5, Code: -1}}
    - match: {action: Get, selectors: {Name: Raw}}
      respond: {xml: "<not-soap/>", status: 202}
)")));
  wsman::Message req = NewRequest(MessageKind::kEnumerate);
  wsman::EnumerateBody body;
  body.optimize = true;
  body.max_elements = 1;  // the scripted batch sizes win
  req.body = body;
  auto e = std::get<wsman::EnumerateResponseBody>(Decode(Send(engine, req)).body);
  ASSERT_EQ(e.items.size(), 2u);
  EXPECT_EQ(StringProp(e.items[0].instance.get(), "Name"), "W32Time");
  wsman::Message pull = NewRequest(MessageKind::kPull);
  pull.body = wsman::PullBody{e.context, 5, std::nullopt};
  auto p = std::get<wsman::PullResponseBody>(Decode(Send(engine, pull)).body);
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(StringProp(p.items[0].instance.get(), "Name"), "Spooler");
  EXPECT_TRUE(p.end_of_sequence);

  wsman::Message ghost = Decode(Send(engine, GetService("Ghost")));
  EXPECT_EQ(StringProp(std::get<wsman::InstanceBody>(ghost.body).instance.get(), "Name"), "Spooler");

  wsman::Message invoke = NewRequest(MessageKind::kOther, kServiceUri, {{"Name", "WinRM", nullptr}});
  invoke.headers.action = kServiceUri + "/StopService";
  auto out = std::get<wsman::InvokeBody>(Decode(Send(engine, invoke)).body);
  EXPECT_EQ(StringProp(out.parameters.get(), "ReturnValue"), "5");
  EXPECT_EQ(StringProp(out.parameters.get(), "Code"), "-1");

  EngineReply raw = Send(engine, GetService("Raw"));
  EXPECT_EQ(raw.http_status, 202);
  EXPECT_EQ(raw.body, "<not-soap/>");
  EXPECT_EQ(*raw.headers.Find("Content-Type"), "application/soap+xml;charset=UTF-8");
}

TEST(Rules, HeaderUserListenerAndFilterConditions) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - name: by-everything
      match:
        listener: winrm_https
        user: bob
        http_headers: {X-Test: yes}
        soap_headers: {OperationTimeout: PT60.000S}
      respond: {fault: {subcode: w:AccessDenied}}
    - name: wql
      match: {action: Enumerate, filter: {dialect: WQL, contains: "State = 'Stopped'"}}
      respond: {fault: {subcode: w:QuotaLimit}}
)")));
  wsman::Message get = GetService("WinRM");
  get.headers.operation_timeout_ms = 60000;
  EngineRequest r = Post(Encode(get), "CONTOSO\\bob", "secret");
  r.listener = "winrm_https";
  r.headers.Add("X-Test", "yes");
  EXPECT_EQ(engine.Handle(r).note.rule, "by-everything");
  r.listener = "winrm_http";
  EngineReply miss = engine.Handle(r);
  EXPECT_EQ(miss.note.rule, "");
  EXPECT_EQ(miss.note.nearest_rule, "by-everything");
  EXPECT_EQ(miss.note.near_miss, R"(listener: expected "winrm_https", got "winrm_http")");

  wsman::Message e = NewRequest(MessageKind::kEnumerate, wsman::QueryResourceUri("root/cimv2"));
  wsman::EnumerateBody body;
  body.filter = wsman::Filter{wsman::dialect::kWql, "SELECT * FROM Win32_Service WHERE State = 'Stopped'", {}, {}};
  e.body = body;
  EXPECT_EQ(Send(engine, e).note.rule, "wql");
}

TEST(Rules, UnmatchedRequestNamesTheNearestRuleInJournalAndFault) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - name: far
      match: {action: Enumerate, class: Win32_Process, namespace: root/other}
      respond: {fault: {subcode: w:AccessDenied}}
    - name: near
      match: {action: Get, class: Win32_Process}
      respond: {fault: {subcode: w:AccessDenied}}
)")));
  EngineReply reply = Send(engine, NewRequest(MessageKind::kGet, wsman::WmiResourceUri("root/cimv2", "Win32_Proces"),
                                              {{"Handle", "4", nullptr}}));
  EXPECT_EQ(reply.note.rule, "");
  EXPECT_EQ(reply.note.nearest_rule, "near");
  EXPECT_EQ(reply.note.near_miss, R"(class: expected "Win32_Process", got "Win32_Proces")");
  wsman::Fault f = FaultOf(reply);
  EXPECT_EQ(Subcode(f), "DestinationUnreachable");
  ASSERT_TRUE(f.wsman_fault.has_value());
  EXPECT_NE(f.wsman_fault->message.find("nearest rule 'near'"), std::string::npos) << f.wsman_fault->message;
}

TEST(Rules, SeededTransportRandomnessReplays) {
  std::string yaml = WithRules(R"(
  rules:
    - match: {action: Get, selectors: {Name: WinRM}}
      transport: {kind: delay, ms: 100, jitter_ms: 1000}
    - match: {action: Get}
      transport: {kind: garbage_then_close, bytes: 32}
)");
  auto run = [&](const std::string& top) {
    Engine engine(LoadScenario(yaml, top));
    std::vector<std::string> seen;
    for (int i = 0; i < 3; ++i) {
      EngineReply d = Send(engine, GetService("WinRM"));
      EXPECT_GE(d.fault_wait_ms, 100u);
      EXPECT_LE(d.fault_wait_ms, 1100u);
      EngineReply g = Send(engine, GetService("Spooler"));
      EXPECT_EQ(g.garbage.size(), 32u);
      seen.push_back(std::to_string(d.fault_wait_ms) + "/" + g.garbage + "/" + Decode(d).headers.message_id.value_or(""));
    }
    return std::make_pair(seen, engine.seed());
  };
  auto [a, seed_a] = run("seed: 42\n");
  auto [b, seed_b] = run("seed: 42\n");
  auto [c, seed_c] = run("seed: 43\n");
  EXPECT_EQ(seed_a, 42u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(Rules, ConcurrentRequestsCountEachNthExactlyOnce) {
  Engine engine(LoadScenario(WithRules(R"(
  rules:
    - name: fiftieth
      match: {action: Get, nth: 50}
      respond: {fault: {subcode: w:AccessDenied}}
)")));
  std::string body = Encode(GetService("WinRM"));
  std::atomic<int> faults{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        if (engine.Handle(Post(body)).http_status == 500) ++faults;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(faults.load(), 1);
}

TEST(Rules, InstancesOfReadsTheRequestsNamespaceOnly) {
  Engine engine(LoadScenario(R"(
  auth:
    accounts: [{user: alice, password: pw}]
  data:
    root/cimv2:
      classes:
        Win32_Service: {properties: {Name: {type: string, key: true}}}
      instances:
        - {id: here, class: Win32_Service, properties: {Name: Here}}
    root/archive:
      classes:
        Win32_Service: {properties: {Name: {type: string, key: true}}}
      instances:
        - {id: elsewhere, class: Win32_Service, properties: {Name: Elsewhere}}
  rules:
    - match: {action: Enumerate}
      respond: {instances_of: Win32_Service}
)"));
  wsman::Message req = NewRequest(MessageKind::kEnumerate);
  wsman::EnumerateBody body;
  body.optimize = true;
  body.max_elements = 10;
  req.body = body;
  auto e = std::get<wsman::EnumerateResponseBody>(Decode(Send(engine, req)).body);
  ASSERT_EQ(e.items.size(), 1u);
  EXPECT_EQ(StringProp(e.items[0].instance.get(), "Name"), "Here");
}

}  // namespace
}  // namespace cimulate::fake
