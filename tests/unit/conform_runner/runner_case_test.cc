// One case at a time, through the real child process, against cimulate's
// own MI library and broken ones: PASS, FAIL, HANG, CRASH, SKIP, ERROR.
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runner/case_supervisor.h"
#include "runner/suite_runner.h"
#include "test_scenarios.h"

namespace cimulate::conform {
namespace {

using ::testing::HasSubstr;
using testing::LoadOne;
using testing::OpenSession;
using testing::ScenarioText;
using testing::TempDir;
using testing::TestOptions;

const std::string kGetAndClose =
    "  - get_instance: {instance: winrm}\n"
    "    expect:\n"
    "      result: MI_RESULT_OK\n"
    "      instances: [winrm]\n"
    "      journal: {connections: {winrm_http: 1}, requests: [{action: Get, class: Win32_Service}]}\n"
    "  - close_session: {}\n"
    "    expect: {result: MI_RESULT_OK, returns_within_ms: 3000}\n"
    "  - close_application: {}\n"
    "    expect: {result: MI_RESULT_OK, returns_within_ms: 3000}\n";

std::int64_t Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

TEST(RunCaseTest, PassesWhenEveryExpectationHolds) {
  TempDir dir;
  std::string file = dir.Write(
      "pass.yaml", ScenarioText("pass-get",
                                OpenSession() +
                                    "    expect: {result: MI_RESULT_OK, journal: {connections: {winrm_http: 0}}}\n" +
                                    kGetAndClose));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.reason << "\n" << r.output;
  EXPECT_EQ(r.name, "pass-get");
  EXPECT_EQ(r.clause, "a clause under test");
  EXPECT_EQ(r.network, "loopback");
  ASSERT_EQ(r.steps.size(), 5u);
  EXPECT_EQ(r.steps[2].kind, "get_instance");
  EXPECT_GE(r.steps[2].duration_us, 0);
  EXPECT_EQ(r.steps[2].checks.size(), 4u);  // result, instances, connections, requests
  for (const StepReport& s : r.steps) {
    for (const Check& c : s.checks) EXPECT_TRUE(c.passed) << c.what << ": " << c.expected << " vs " << c.actual;
  }
}

TEST(RunCaseTest, FailNamesExpectedActualAndWhere) {
  TempDir dir;
  std::string file = dir.Write("fail.yaml", ScenarioText("fail-get", OpenSession() +
                                                                         "  - get_instance: {instance: winrm}\n"
                                                                         "    expect: {result: MI_RESULT_NOT_FOUND}\n"
                                                                         "  - close_session: {}\n"
                                                                         "  - close_application: {}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kFail);
  EXPECT_THAT(r.reason, HasSubstr("get_instance"));
  EXPECT_THAT(r.reason, HasSubstr("expected MI_RESULT_NOT_FOUND, actual MI_RESULT_OK"));
  EXPECT_THAT(r.reason, HasSubstr("fail.yaml:"));
}

TEST(RunCaseTest, WrongInstancesAndJournalAreFailures) {
  TempDir dir;
  std::string file = dir.Write(
      "journal.yaml", ScenarioText("journal-mismatch",
                                   OpenSession() +
                                       "  - enumerate_instances: {namespace: root/cimv2, class: Win32_Service}\n"
                                       "    expect: {instance_count: 2, journal: {connections: {winrm_http: 3}}}\n"
                                       "  - close_session: {}\n"
                                       "  - close_application: {}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  ASSERT_EQ(r.verdict, Verdict::kFail) << r.reason;
  ASSERT_GE(r.steps.size(), 3u);
  std::vector<std::string> failed;
  for (const Check& c : r.steps[2].checks) {
    if (!c.passed) failed.push_back(c.what + "=" + c.actual);
  }
  EXPECT_THAT(failed, ::testing::ElementsAre("instance_count=1", "journal.connections.winrm_http=1"));
}

// MI_Application_Close with a session open must not return: with nobody to
// close the session, the step is a HANG, found within its own deadline.
TEST(RunCaseTest, HangNamesTheStuckStepWithinItsDeadline) {
  TempDir dir;
  std::string file = dir.Write("hang.yaml", ScenarioText("hang-close-app", OpenSession() +
                                                                               "  - close_application: {}\n"
                                                                               "    as: close-app\n"
                                                                               "    expect: {returns_within_ms: 300}\n"));
  auto start = std::chrono::steady_clock::now();
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  std::int64_t took = Millis(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(r.verdict, Verdict::kHang) << r.reason;
  EXPECT_THAT(r.reason, HasSubstr("step 3 (close_application 'close-app')"));
  EXPECT_THAT(r.reason, HasSubstr("did not return within 800 ms"));
  // 800 ms of deadline plus start-up: never the 5 s default step deadline.
  EXPECT_GE(took, 800);
  EXPECT_LT(took, 800 + 3000);
  ASSERT_EQ(r.steps.size(), 3u);
  EXPECT_EQ(r.steps[2].duration_us, -1);
  EXPECT_TRUE(r.stacks.empty());
}

TEST(RunCaseTest, HangRecordsTheThreadsStacksWhenGdbIsThere) {
  if (::access("/usr/bin/gdb", X_OK) != 0) GTEST_SKIP() << "gdb is not installed";
  TempDir dir;
  std::string file = dir.Write("hang.yaml", ScenarioText("hang-close-app", OpenSession() +
                                                                               "  - close_application: {}\n"
                                                                               "    expect: {returns_within_ms: 100}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions(false, /*stacks=*/true));
  EXPECT_EQ(r.verdict, Verdict::kHang) << r.reason;
  EXPECT_THAT(r.stacks, HasSubstr("Thread"));
}

// blocks_for_ms: the step must still be blocked after N ms; the scenario
// goes on on another thread, which releases it.
TEST(RunCaseTest, BlockedStepIsReleasedByAnotherThread) {
  TempDir dir;
  std::string file = dir.Write("blocks.yaml", ScenarioText("close-app-waits-for-session",
                                                           OpenSession() +
                                                               "  - close_application: {}\n"
                                                               "    thread: closer\n"
                                                               "    expect: {result: MI_RESULT_OK, blocks_for_ms: 200}\n"
                                                               "  - close_session: {session: s1}\n"
                                                               "    as: close-s1\n"
                                                               "    expect: {result: MI_RESULT_OK}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.reason << "\n" << r.output;
  ASSERT_EQ(r.steps.size(), 4u);
  EXPECT_EQ(r.steps[2].thread, "closer");
  EXPECT_GE(r.steps[2].duration_us, 200000);
}

TEST(RunCaseTest, StepThatReturnsTooSoonFailsBlocksFor) {
  TempDir dir;
  std::string file = dir.Write("soon.yaml", ScenarioText("close-app-returns-at-once",
                                                         "  - initialize: {}\n"
                                                         "  - close_application: {}\n"
                                                         "    expect: {blocks_for_ms: 300}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kFail);
  EXPECT_THAT(r.reason, HasSubstr("time.blocks_for_ms: expected >= 300 ms"));
}

TEST(RunCaseTest, CallbacksAreCountedInOrderWithTheirThread) {
  TempDir dir;
  std::string file = dir.Write(
      "callbacks.yaml",
      ScenarioText("callbacks", OpenSession() +
                                    "  - get_instance: {instance: winrm, async: true}\n"
                                    "    expect: {result: MI_RESULT_OK, instances: [winrm], callbacks: {count: 1, "
                                    "order: [result], thread: other}}\n"
                                    "  - close_session: {completion_callback: true}\n"
                                    "    expect: {result: MI_RESULT_OK, callbacks: {count: 1, order: [completion]}}\n"
                                    "  - close_application: {}\n"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.reason;

  std::string wrong = dir.Write(
      "callbacks-wrong.yaml",
      ScenarioText("callbacks-wrong", OpenSession() +
                                          "  - get_instance: {instance: winrm, async: true}\n"
                                          "    expect: {callbacks: {order: [instance, result], thread: caller}}\n"
                                          "  - close_session: {}\n"
                                          "  - close_application: {}\n"));
  r = RunCase(LoadOne(wrong), TestOptions());
  ASSERT_EQ(r.verdict, Verdict::kFail);
  ASSERT_GE(r.steps.size(), 3u);
  std::vector<std::string> failed;
  for (const Check& c : r.steps[2].checks) {
    if (!c.passed) failed.push_back(c.what + ": " + c.expected + " vs " + c.actual);
  }
  EXPECT_THAT(failed, ::testing::ElementsAre("callbacks.order: [instance, result] vs [result]",
                                             "callbacks.thread: caller vs other"));
}

TEST(RunCaseTest, CrashNamesTheSignalAndTheStep) {
  TempDir dir;
  std::string file = dir.Write("crash.yaml", ScenarioText("crash-init", OpenSession() + kGetAndClose));
  SuperviseOptions o = TestOptions();
  o.implementation = CONFORM_CRASH_IMPL;
  CaseResult r = RunCase(LoadOne(file), o);
  EXPECT_EQ(r.verdict, Verdict::kCrash);
  EXPECT_THAT(r.reason, HasSubstr("SIGSEGV"));
  EXPECT_THAT(r.reason, HasSubstr("step 1 (initialize 'app')"));
}

TEST(RunCaseTest, UnavailableProtocolIsSkippedWithTheReason) {
  TempDir dir;
  std::string file = dir.Write("dcom.yaml", ScenarioText("dcom-case", OpenSession() + kGetAndClose, "[wmidcom]"));
  SuperviseOptions o = TestOptions();
  o.implementation = CONFORM_WITHOUT_WMIDCOM_IMPL;
  CaseResult r = RunCase(LoadOne(file), o);
  EXPECT_EQ(r.verdict, Verdict::kSkip);
  EXPECT_THAT(r.reason, HasSubstr("WMIDCOM is not implemented yet"));
  EXPECT_TRUE(r.steps.empty());
}

TEST(RunCaseTest, AvailableProtocolTagDoesNotSkip) {
  TempDir dir;
  std::string file =
      dir.Write("winrm.yaml", ScenarioText("winrm-case", OpenSession() + kGetAndClose, "[requires:winrm]"));
  CaseResult r = RunCase(LoadOne(file), TestOptions());
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.reason;
}

TEST(RunCaseTest, LibraryWithoutEntryPointIsAHarnessError) {
  TempDir dir;
  std::string file = dir.Write("noentry.yaml", ScenarioText("no-entry", OpenSession()));
  SuperviseOptions o = TestOptions();
  o.implementation = CONFORM_NO_ENTRY_IMPL;
  CaseResult r = RunCase(LoadOne(file), o);
  EXPECT_EQ(r.verdict, Verdict::kError);
  EXPECT_THAT(r.reason, HasSubstr("does not export MI_Application_InitializeV1"));
}

bool CanUnshareNetwork() {
  if (::geteuid() != 0) return false;
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(::unshare(CLONE_NEWNET) == 0 ? 0 : 1);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// In a private namespace the fake holds port 5985 and the session names no
// port: the library's default must reach it.
TEST(RunCaseTest, PrivateNetworkNamespaceServesTheStandardPort) {
  if (!CanUnshareNetwork()) GTEST_SKIP() << "needs CAP_SYS_ADMIN for a network namespace";
  TempDir dir;
  std::string file = dir.Write("netns.yaml", ScenarioText("netns-get", OpenSession() + kGetAndClose));
  CaseResult r = RunCase(LoadOne(file), TestOptions(/*private_network=*/true));
  EXPECT_EQ(r.verdict, Verdict::kPass) << r.reason << "\n" << r.output;
  EXPECT_EQ(r.network, "netns");
}

TEST(RunSuiteTest, JobsKeepTheCasesOrder) {
  TempDir dir;
  std::vector<CaseRef> cases;
  for (const char* name : {"a-pass", "b-fail", "c-pass"}) {
    std::string expect = std::string(name) == "b-fail" ? "MI_RESULT_FAILED" : "MI_RESULT_OK";
    std::string file = dir.Write(std::string(name) + ".yaml",
                                 ScenarioText(name, "  - initialize: {}\n    expect: {result: " + expect + "}\n"));
    cases.push_back(LoadOne(file));
  }
  SuiteOptions o;
  o.supervise = TestOptions();
  o.jobs = 2;
  std::size_t calls = 0;
  o.on_case = [&calls](const CaseResult&, std::size_t finished, std::size_t total) {
    ++calls;
    EXPECT_EQ(total, 3u);
    EXPECT_LE(finished, 3u);
  };
  RunReport report = RunSuite(cases, o);
  ASSERT_EQ(report.cases.size(), 3u);
  EXPECT_EQ(calls, 3u);
  EXPECT_EQ(report.cases[0].name, "a-pass");
  EXPECT_EQ(report.cases[0].verdict, Verdict::kPass);
  EXPECT_EQ(report.cases[1].verdict, Verdict::kFail);
  EXPECT_EQ(report.cases[2].verdict, Verdict::kPass);
}

}  // namespace
}  // namespace cimulate::conform
