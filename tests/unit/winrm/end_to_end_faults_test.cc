// Every transport fault the fake endpoint can inject, through the registered
// WINRM handler and a real socket: the MI_Result, the extended error (class,
// CIMStatusCode, category, a Message naming the destination and what
// happened), and that the operation ends within its time-out plus a margin.
#include <gtest/gtest.h>

#include <chrono>
#include <ostream>
#include <string>

#include "core/instance.h"
#include "fake_endpoint.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr milliseconds kTimeout{800};
// Generous: loaded CI machines and sanitizers; a hang would take far longer.
constexpr milliseconds kMargin{4000};

// The scenario: Get of Win32_Service answers with `rule_fault` (a rule's
// transport fault; `refuse` exists only at accept), or the first connection
// gets `connection_fault`.
std::string FaultScenario(const std::string& rule_fault, const std::string& connection_fault = "") {
  std::string yaml = R"(name: faults
seed: 5
endpoint:
  auth:
    accounts:
      - {user: alice, password: pw}
  data:
    root/cimv2:
      classes:
        Win32_Service:
          properties: {Name: {type: string, key: true}, State: string}
      instances:
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM, State: Running}}
)";
  if (!rule_fault.empty()) {
    yaml += "  rules:\n    - match: {action: Get, class: Win32_Service}\n      transport: " + rule_fault + "\n";
  }
  if (!connection_fault.empty()) {
    yaml += "  connection_faults:\n    - {listener: winrm_http, nth: 1, fault: " + connection_fault + "}\n";
  }
  return yaml;
}

struct Expected {
  const char* name;
  std::string rule_fault;
  std::string connection_fault;
  MI_ErrorCategory category;
  // A part of the Message: what happened.  Alternatives apart by '|': an RST
  // at accept reaches the client during connect or at its first read.
  const char* cause;
  bool timed_out;
};

bool MentionsOneOf(const std::string& message, const std::string& alternatives) {
  std::size_t start = 0;
  while (true) {
    std::size_t bar = alternatives.find('|', start);
    if (message.find(alternatives.substr(start, bar - start)) != std::string::npos) return true;
    if (bar == std::string::npos) return false;
    start = bar + 1;
  }
}

void PrintTo(const Expected& e, std::ostream* os) { *os << e.name; }

class WinrmTransportFaultTest : public ::testing::TestWithParam<Expected> {};

TEST_P(WinrmTransportFaultTest, GetFailsWithTheErrorAndWithinTheTimeout) {
  const Expected& e = GetParam();
  FakeEndpoint endpoint;
  ASSERT_TRUE(endpoint.Start(ParseScenario(FaultScenario(e.rule_fault, e.connection_fault))));
  MI_Session* session = endpoint.Open("", [](MI_DestinationOptions* o) { SetTimeout(o, kTimeout); });
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  auto start = steady_clock::now();
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  auto took = steady_clock::now() - start;

  EXPECT_LT(took, kTimeout + kMargin);
  if (e.timed_out) {
    EXPECT_GE(took, kTimeout - milliseconds(50));
  }
  EXPECT_EQ(out.result, MI_RESULT_FAILED) << out.message;
  EXPECT_TRUE(out.instances.empty());
  ASSERT_TRUE(out.error);
  EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(out.result));
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(e.category));
  std::string message = Text(out.error.get(), "Message");
  EXPECT_NE(message.find(endpoint.http_address()), std::string::npos) << message;
  EXPECT_TRUE(MentionsOneOf(message, e.cause)) << message;
  if (e.timed_out) {
    EXPECT_EQ(Text(out.error.get(), "ProbableCause"), "111");
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, WinrmTransportFaultTest,
    ::testing::Values(
        Expected{"Refuse", "", "{kind: refuse}", MI_ERRORCATEGORY_CONNECTION_ERROR,
                 "the connection failed|reset the connection", false},
        Expected{"AcceptThenClose", "{kind: accept_then_close, ms: 10}", "", MI_ERRORCATEGORY_CONNECTION_ERROR,
                 "closed the connection", false},
        Expected{"AcceptThenCloseAtAccept", "", "{kind: accept_then_close}", MI_ERRORCATEGORY_CONNECTION_ERROR,
                 "closed the connection", false},
        Expected{"Reset", "{kind: reset, ms: 10}", "", MI_ERRORCATEGORY_CONNECTION_ERROR, "reset the connection",
                 false},
        Expected{"GarbageThenClose", "{kind: garbage_then_close, bytes: 100}", "", MI_ERRORCATEGORY_PROTOCOL_ERROR,
                 "not readable HTTP", false},
        Expected{"TruncatedBody", "{kind: truncated_body, percent: 50}", "", MI_ERRORCATEGORY_PROTOCOL_ERROR,
                 "cut short", false},
        Expected{"StallBeforeHeaders", "{kind: stall_before_headers, ms: 20000}", "",
                 MI_ERRORCATEGORY_OPERATION_TIMEOUT, "within the time-out", true},
        Expected{"DribbleSlowerThanTheTimeout", "{kind: dribble, chunk_bytes: 4, interval_ms: 100}", "",
                 MI_ERRORCATEGORY_OPERATION_TIMEOUT, "within the time-out", true},
        Expected{"DelayBeyondTheTimeout", "{kind: delay, ms: 20000}", "", MI_ERRORCATEGORY_OPERATION_TIMEOUT,
                 "within the time-out", true},
        Expected{"Hang", "{kind: hang, until: client_disconnect}", "", MI_ERRORCATEGORY_OPERATION_TIMEOUT,
                 "within the time-out", true},
        Expected{"HangAtAccept", "", "{kind: hang, until: client_disconnect}", MI_ERRORCATEGORY_OPERATION_TIMEOUT,
                 "within the time-out", true}),
    [](const ::testing::TestParamInfo<Expected>& p) { return std::string(p.param.name); });

// Faults that end before the time-out are not failures.
TEST(WinrmTransportFaultTest, ShortDelayAndFastDribbleStillAnswer) {
  for (const char* fault : {"{kind: delay, ms: 50, jitter_ms: 20}", "{kind: dribble, chunk_bytes: 256, interval_ms: 1}",
                            "{kind: stall_before_headers, ms: 50}"}) {
    FakeEndpoint endpoint;
    ASSERT_TRUE(endpoint.Start(ParseScenario(FaultScenario(fault))));
    MI_Session* session = endpoint.Open("", [](MI_DestinationOptions* o) { SetTimeout(o, milliseconds(5000)); });
    core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
    MI_Operation op = MI_OPERATION_NULL;
    MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
    Outcome out = Drain(&op);
    ASSERT_EQ(out.result, MI_RESULT_OK) << fault << ": " << out.message;
    EXPECT_EQ(Text(out.instances[0].get(), "State"), "Running") << fault;
  }
}

}  // namespace
}  // namespace cimulate::winrm::testing
