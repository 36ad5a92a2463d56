// The full example scenario reads back with every field and type intact.
#include "scenario/loader.h"

#include <gtest/gtest.h>

#include "scenario/instance_builder.h"
#include "wsman/time.h"

namespace cimulate::scenario {
namespace {

const std::string kExample = std::string(CIMULATE_SOURCE_DIR) + "/scenarios/examples/full.yaml";

class FullExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = LoadScenarioFile(kExample);
    ASSERT_TRUE(result_.ok()) << (result_.errors.empty() ? "" : result_.errors[0].ToString());
    ASSERT_EQ(result_.scenarios.size(), 1u);
  }
  const Scenario& s() const { return result_.scenarios[0]; }
  const Endpoint& e() const { return s().endpoint; }
  const InstanceValue& Instance(const char* id) const { return *e().data.FindInstance(id); }

  LoadResult result_;
};

TEST_F(FullExampleTest, Metadata) {
  EXPECT_EQ(s().name, "full-example");
  EXPECT_EQ(s().summary, "Enumerate services in two batches, then fail the third Pull.");
  ASSERT_TRUE(s().spec.has_value());
  EXPECT_EQ(s().spec->strength, Strength::kMust);
  EXPECT_EQ(s().tags, (std::vector<std::string>{"operations", "enumerate", "example"}));
  EXPECT_EQ(s().seed, 42u);
  EXPECT_EQ(s().source, kExample);
}

TEST_F(FullExampleTest, ListenersAuthTls) {
  const Listeners& l = e().listeners;
  EXPECT_TRUE(l.winrm_http.enabled);
  EXPECT_EQ(l.winrm_http.host, "127.0.0.1");
  EXPECT_EQ(l.winrm_http.port, 0);
  EXPECT_TRUE(l.winrm_https.enabled);  // implied by tls:
  EXPECT_TRUE(l.wmidcom.enabled);
  EXPECT_FALSE(l.admin.enabled);
  ASSERT_EQ(e().auth.accounts.size(), 2u);
  EXPECT_EQ(e().auth.accounts[0].password, "Passw0rd!");
  EXPECT_EQ(e().auth.accounts[1].domain, "CONTOSO");
  ASSERT_TRUE(e().auth.accounts[1].nt_hash.has_value());
  EXPECT_EQ((*e().auth.accounts[1].nt_hash)[0], 0x88);
  EXPECT_EQ((*e().auth.accounts[1].nt_hash)[15], 0x6c);
  ASSERT_TRUE(e().tls.has_value());
  EXPECT_EQ(e().tls->key, "certs/server.key");
}

TEST_F(FullExampleTest, ClassesKeepTypesKeysAndMethods) {
  const DataSet& d = e().data;
  const ClassDecl* svc = d.FindClass("root/cimv2", "Win32_Service");
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->superclass, "CIM_Service");
  ASSERT_EQ(svc->qualifiers.size(), 2u);
  EXPECT_EQ(svc->qualifiers[1].value.type, MI_BOOLEAN);
  const PropertyDecl* name = d.FindProperty("root/cimv2", "Win32_Service", "Name");  // inherited
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(name->key);
  EXPECT_EQ(d.FindProperty("root/cimv2", "Win32_Service", "Ports")->type, MI_UINT16A);
  EXPECT_EQ(d.FindProperty("root/cimv2", "Win32_Service", "Owner")->class_name, "Win32_Account");
  const PropertyDecl* enabled = d.FindProperty("root/cimv2", "Win32_Service", "Enabled");
  EXPECT_FALSE(enabled->default_value.null);
  EXPECT_TRUE(enabled->default_value.boolean);
  const MethodDecl* stop = d.FindMethod("root/cimv2", "Win32_Service", "StopService");
  ASSERT_NE(stop, nullptr);
  EXPECT_EQ(stop->return_type, MI_UINT32);
  ASSERT_EQ(stop->in.size(), 1u);
  EXPECT_EQ(stop->in[0].type, MI_BOOLEAN);
  EXPECT_EQ(stop->out[0].type, MI_SINT32);
}

TEST_F(FullExampleTest, InstanceValuesKeepMiTypes) {
  const InstanceValue& w = Instance("winrm");
  EXPECT_EQ(w.class_name, "Win32_Service");
  EXPECT_EQ(w.Find("Name")->string, "WinRM");
  const Value* start = w.Find("StartTime");
  EXPECT_EQ(start->type, MI_DATETIME);
  EXPECT_EQ(wsman::FormatCimDatetime(start->datetime), "20240131235959.123456+060");
  EXPECT_EQ(w.Find("Uptime")->datetime.isTimestamp, 0u);
  EXPECT_EQ(w.Find("Uptime")->datetime.u.interval.hours, 2u);
  const Value* ports = w.Find("Ports");
  EXPECT_EQ(ports->type, MI_UINT16A);
  ASSERT_EQ(ports->elements.size(), 2u);
  EXPECT_EQ(ports->elements[1].type, MI_UINT16);
  EXPECT_EQ(ports->elements[1].uint, 5986u);
  EXPECT_DOUBLE_EQ(w.Find("Weight")->real, 0.5);
  EXPECT_EQ(w.Find("Letter")->uint, static_cast<unsigned>('W'));
  EXPECT_EQ(w.Find("Owner")->type, MI_REFERENCE);
  EXPECT_EQ(w.Find("Owner")->string, "admin");
  const Value* config = w.Find("Config");
  ASSERT_EQ(config->type, MI_INSTANCE);
  ASSERT_NE(config->instance, nullptr);
  EXPECT_EQ(config->instance->class_name, "Win32_ServiceConfig");
  EXPECT_EQ(config->instance->Find("Retries")->type, MI_UINT8);
  EXPECT_EQ(config->instance->Find("Flags")->elements[0].sint, -1);
  const Value* state = Instance("spooler").Find("State");
  EXPECT_TRUE(state->null);
  EXPECT_EQ(state->type, MI_STRING);
}

TEST_F(FullExampleTest, ConvertsToMiInstance) {
  core::InstancePtr instance;
  ASSERT_EQ(ToInstance(Instance("winrm"), e().data, &instance), MI_RESULT_OK);
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Name", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_STRING);
  EXPECT_NE(flags & MI_FLAG_KEY, 0u);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Ports", &value, &type, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(type, MI_UINT16A);
  ASSERT_EQ(value.uint16a.size, 2u);
  EXPECT_EQ(value.uint16a.data[0], 5985);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "StartTime", &value, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_DATETIME);
  EXPECT_EQ(value.datetime.u.timestamp.utc, 60);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Owner", &value, &type, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(type, MI_REFERENCE);
  MI_Value domain;
  ASSERT_EQ(MI_Instance_GetElement(value.reference, "Domain", &domain, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(domain.string, "CONTOSO");
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Config", &value, &type, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(type, MI_INSTANCE);
  MI_Value retries;
  ASSERT_EQ(MI_Instance_GetElement(value.instance, "Retries", &retries, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT8);
  EXPECT_EQ(retries.uint8, 3);
}

TEST_F(FullExampleTest, RulesReadBack) {
  const std::vector<Rule>& rules = e().rules;
  ASSERT_EQ(rules.size(), 7u);
  EXPECT_EQ(rules[0].name, "enumerate-services");
  EXPECT_EQ(rules[0].match.action, Action::kEnumerate);
  EXPECT_EQ(rules[0].match.user, "alice");
  EXPECT_EQ(rules[0].respond->instances_of, "Win32_Service");
  EXPECT_EQ(rules[0].respond->batches, (std::vector<std::uint32_t>{1, 1}));
  EXPECT_EQ(rules[0].transition->to, "paging");
  EXPECT_EQ(rules[1].match.nth, 3u);
  EXPECT_EQ(rules[1].match.state->in, std::vector<std::string>{"paging"});
  EXPECT_EQ(rules[1].transport->kind, TransportFaultKind::kTruncatedBody);
  EXPECT_EQ(rules[1].transport->percent, 60u);
  ASSERT_EQ(rules[2].respond->output.size(), 2u);
  EXPECT_EQ(rules[2].respond->output[0].value.type, MI_UINT32);
  EXPECT_EQ(rules[2].respond->output[1].value.type, MI_SINT32);
  EXPECT_EQ(rules[2].respond->output[1].value.sint, -5);
  const Fault& fault = rules[3].respond->fault;
  EXPECT_EQ(rules[3].respond->kind, Response::Kind::kFault);
  EXPECT_EQ(fault.http_status, 500);
  EXPECT_EQ(fault.subcode, "a:DestinationUnreachable");
  EXPECT_EQ(fault.detail, "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/InvalidResourceURI");
  EXPECT_EQ(fault.wsman_fault->code, 2150858752u);
  EXPECT_EQ(fault.wsman_fault->provider_fault->path, "C:\\Windows\\system32\\WsmWmiPl.dll");
  EXPECT_EQ(fault.cim_error->class_name, "MSFT_WmiError");
  EXPECT_EQ(fault.cim_error->Find("CIMStatusCode")->type, MI_UINT32);
  EXPECT_EQ(fault.cim_error->Find("error_Code")->uint, 2147749890u);
  EXPECT_EQ(fault.cim_error->Find("MessageArguments")->type, MI_STRINGA);
  EXPECT_EQ(rules[3].match.soap_headers[0], (NameValue{"OperationTimeout", "PT60.000S"}));
  EXPECT_EQ(rules[4].match.action, Action::kUri);
  EXPECT_EQ(rules[4].match.action_uri, "http://example.com/custom");
  EXPECT_EQ(rules[4].match.filter->contains, "FROM Win32_Service");
  EXPECT_EQ(rules[4].respond->http.status, 302);
  EXPECT_EQ(rules[4].respond->http.headers[0].first, "Location");
  EXPECT_EQ(rules[4].times, 1u);
  EXPECT_EQ(rules[4].name, "endpoint.rules[4]");
  EXPECT_EQ(rules[5].respond->kind, Response::Kind::kXml);
  EXPECT_EQ(rules[6].transport->jitter_ms, 20u);
}

TEST_F(FullExampleTest, ConnectionFaultsStateMachinesShell) {
  ASSERT_EQ(e().connection_faults.size(), 2u);
  EXPECT_EQ(e().connection_faults[0].fault.kind, TransportFaultKind::kRefuse);
  EXPECT_EQ(e().connection_faults[0].nth, 1u);
  EXPECT_EQ(e().connection_faults[1].listener, ListenerKind::kWmidcom);
  EXPECT_EQ(e().connection_faults[1].fault.until, TransportFault::Until::kRelease);
  ASSERT_EQ(e().state_machines.size(), 1u);
  EXPECT_EQ(e().state_machines[0].key, StateKey::kEnumeration);
  EXPECT_EQ(e().state_machines[0].initial, "fresh");
  const ShellScript& shell = e().shell;
  ASSERT_EQ(shell.commands.size(), 2u);
  EXPECT_EQ(shell.commands[0].chunks[0].out, "hello\r\n");
  EXPECT_EQ(*shell.commands[0].arguments, std::vector<std::string>{"hello"});
  EXPECT_FALSE(shell.commands[1].arguments.has_value());
  EXPECT_EQ(shell.commands[1].chunks.size(), 2u);
  EXPECT_EQ(shell.commands[1].chunks[1].err, "warn");
  EXPECT_EQ(shell.commands[1].exit_code, 3);
  EXPECT_EQ(shell.commands[1].timeouts, 2u);
  EXPECT_EQ(shell.unknown->exit_code, 1);
}

TEST_F(FullExampleTest, StepsResolveHandles) {
  const std::vector<StepEntry>& steps = s().steps;
  ASSERT_EQ(steps.size(), 8u);
  EXPECT_EQ(steps[1].step.kind, StepKind::kNewSession);
  EXPECT_EQ(steps[1].step.application, "app");
  EXPECT_EQ(*steps[1].step.protocol, "WINRM");
  EXPECT_EQ(steps[1].step.destination.kind, Destination::Kind::kListener);
  EXPECT_EQ(steps[1].step.options.timeout_ms, 5000u);
  EXPECT_EQ(steps[1].expect->journal->connections[0], std::make_pair(ListenerKind::kWinrmHttp, 0u));
  EXPECT_EQ(steps[2].step.thread, "worker");
  EXPECT_EQ(steps[2].expect->result, MI_RESULT_OK);
  EXPECT_EQ(*steps[2].expect->instances, (std::vector<std::string>{"winrm", "spooler"}));
  EXPECT_EQ(steps[2].expect->time.returns_within_ms, 2000u);
  EXPECT_EQ(steps[3].step.session, "s1");  // the last session, when omitted
  EXPECT_EQ(steps[3].step.class_name, "Win32_Service");  // from the instance
  EXPECT_EQ(steps[3].step.parameters[0].value.type, MI_BOOLEAN);
  EXPECT_EQ(steps[3].expect->result, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(steps[3].expect->error->properties[0].value.uint, 6u);
  EXPECT_EQ(steps[5].step.kind, StepKind::kCancel);
  EXPECT_EQ(steps[5].step.operation, "op2");
  EXPECT_TRUE(steps[6].step.completion_callback);
  EXPECT_EQ(steps[7].expect->time.after_step, "close-s1");
}

TEST(LoaderTest, SeveralScenariosPerFile) {
  LoadResult r = LoadScenarios("name: a\n---\nname: b\n", "two.yaml");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.scenarios.size(), 2u);
  EXPECT_EQ(r.scenarios[1].name, "b");
  EXPECT_TRUE(r.scenarios[0].endpoint.listeners.winrm_http.enabled);  // defaults
  EXPECT_FALSE(r.scenarios[0].endpoint.listeners.winrm_https.enabled);
}

}  // namespace
}  // namespace cimulate::scenario
