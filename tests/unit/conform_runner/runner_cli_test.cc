// cimulate-conform as CI runs it: exit codes, reports on disk, lint, list
// and explain.
#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runner/child_process.h"
#include "test_scenarios.h"

namespace cimulate::conform {
namespace {

using ::testing::HasSubstr;
using testing::OpenSession;
using testing::ScenarioText;
using testing::TempDir;

const std::string kClose =
    "  - close_session: {}\n"
    "  - close_application: {}\n";

// Runs the CLI with `args`; returns its exit code (-1 if it did not finish
// within 30 s) and its stdout+stderr in `output`.
int RunCli(std::vector<std::string> args, std::string* output) {
  args.insert(args.begin(), CONFORM_EXECUTABLE);
  std::string error, ignored;
  auto child = ChildProcess::Spawn(args, 0, &error);
  if (!child) {
    *output = error;
    return -1;
  }
  auto deadline = ChildProcess::Clock::now() + std::chrono::seconds(30);
  while (child->open()) {
    if (!child->Read(deadline, &ignored, output)) return -1;
  }
  int status = 0;
  if (!child->Wait(deadline, &status)) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ReadAll(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class CliTest : public ::testing::Test {
 protected:
  std::string Pass(const std::string& name) {
    return dir_.Write("suite/" + name + ".yaml",
                      ScenarioText(name, OpenSession() + "    expect: {result: MI_RESULT_OK}\n" + kClose, "[smoke]"));
  }
  std::string Fail(const std::string& name, const std::string& strength = "MUST") {
    return dir_.Write("suite/" + name + ".yaml",
                      ScenarioText(name, OpenSession() + "    expect: {result: MI_RESULT_FAILED}\n" + kClose, "[broken]",
                                   strength));
  }
  std::string Hang(const std::string& name) {
    return dir_.Write("suite/" + name + ".yaml",
                      ScenarioText(name, OpenSession() + "  - close_application: {}\n    expect: {returns_within_ms: 200}\n",
                                   "[shutdown]"));
  }
  std::string Suite() const { return dir_.path() + "/suite"; }
  std::string Out(const std::string& name) const { return dir_.path() + "/" + name; }

  TempDir dir_;
};

TEST_F(CliTest, PassingSuiteExitsZeroAndWritesJson) {
  Pass("p1");
  Pass("p2");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", "--jobs", "2", "--json", Out("run.json"), Suite()}, &output), 0) << output;
  EXPECT_THAT(output, HasSubstr("p1"));
  EXPECT_THAT(output, HasSubstr("p2"));
  std::string json = ReadAll(Out("run.json"));
  EXPECT_THAT(json, HasSubstr("\"p1\""));
  EXPECT_THAT(json, HasSubstr("PASS"));
}

TEST_F(CliTest, MustFailureExitsOne) {
  Pass("p1");
  Fail("f1");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", Suite()}, &output), 1) << output;
  EXPECT_THAT(output, HasSubstr("expected MI_RESULT_FAILED, actual MI_RESULT_OK"));
}

TEST_F(CliTest, ShouldFailureAloneDoesNotFailTheRun) {
  Pass("p1");
  Fail("f1", "SHOULD");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", Suite()}, &output), 0) << output;
}

TEST_F(CliTest, HangAndCrashStillWriteTheReports) {
  Hang("h1");
  Pass("p1");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", "--no-stacks", "--json", Out("hang.json"), Suite()}, &output), 1) << output;
  std::string json = ReadAll(Out("hang.json"));
  EXPECT_THAT(json, HasSubstr("HANG"));
  EXPECT_THAT(json, HasSubstr("close_application"));

  EXPECT_EQ(RunCli({"run", "--no-netns", "--impl", CONFORM_CRASH_IMPL, "--filter", "p1", "--json", Out("crash.json"),
                    Suite()},
                   &output),
            1)
      << output;
  EXPECT_THAT(ReadAll(Out("crash.json")), HasSubstr("SIGSEGV"));
}

TEST_F(CliTest, UsageAndScenarioErrorsExitTwo) {
  Pass("p1");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--impl", CONFORM_NO_ENTRY_IMPL, Suite()}, &output), 2);
  EXPECT_THAT(output, HasSubstr("does not export MI_Application_InitializeV1"));
  EXPECT_EQ(RunCli({"run", "--shard", "3/2", Suite()}, &output), 2);
  EXPECT_EQ(RunCli({"run", "--filter", "no-such-*", Suite()}, &output), 2);
  EXPECT_THAT(output, HasSubstr("matches the filter"));
  EXPECT_EQ(RunCli({"run", "--bogus", Suite()}, &output), 2);
  EXPECT_EQ(RunCli({"run", Out("missing-folder")}, &output), 2);
  EXPECT_EQ(RunCli({"frobnicate"}, &output), 2);
}

TEST_F(CliTest, EmptyShardIsNotAnError) {
  Pass("p1");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", "--shard", "2/2", Suite()}, &output), 0) << output;
}

TEST_F(CliTest, LintPointsAtFileLineColumn) {
  std::string good = Pass("p1");
  std::string bad = dir_.Write("bad.yaml", "name: bad\nsteps:\n  - initialize: {}\n  - frobnicate: {}\n");
  std::string output;
  EXPECT_EQ(RunCli({"lint", good}, &output), 0) << output;
  output.clear();
  EXPECT_EQ(RunCli({"lint", good, bad}, &output), 2);
  EXPECT_THAT(output, ::testing::ContainsRegex("bad.yaml:[0-9]+:[0-9]+: "));
}

TEST_F(CliTest, ListShowsStrengthClauseAndTags) {
  Pass("p1");
  Fail("f1", "SHOULD");
  std::string output;
  EXPECT_EQ(RunCli({"list", "--filter", "tag:broken", Suite()}, &output), 0);
  EXPECT_EQ(output, "f1\tSHOULD\ta clause under test\tbroken\n");
}

TEST_F(CliTest, ExplainSaysWhatEachStepDoesAndExpects) {
  Hang("h1");
  std::string output;
  EXPECT_EQ(RunCli({"explain", "h1", Suite()}, &output), 0);
  EXPECT_THAT(output, HasSubstr("MI_Application_NewSession with protocol 'WINRM' to the fake's winrm_http listener"));
  EXPECT_THAT(output, HasSubstr("MI_Application_Close"));
  EXPECT_THAT(output, HasSubstr("expects to return within 200 ms"));
  EXPECT_EQ(RunCli({"explain", "nope", Suite()}, &output), 2);
}

TEST_F(CliTest, RunWritesJunitAndHtml) {
  Pass("p1");
  Fail("f1");
  std::string output;
  EXPECT_EQ(RunCli({"run", "--no-netns", "--junit", Out("run.xml"), "--html", Out("run.html"), Suite()}, &output), 1);
  std::string junit = ReadAll(Out("run.xml"));
  EXPECT_THAT(junit, HasSubstr("<testsuites"));
  EXPECT_THAT(junit, HasSubstr("name=\"f1\""));
  EXPECT_THAT(junit, HasSubstr("<failure"));
  EXPECT_THAT(ReadAll(Out("run.html")), HasSubstr("f1"));
}

TEST_F(CliTest, BaselineExpectsFailuresAndFailsWhenStale) {
  Pass("p1");
  Fail("f1");
  std::string output;
  std::string listed_failure = dir_.Write("fails.yaml", "expected_failures:\n  - case: f1\n    reason: known\n");
  EXPECT_EQ(RunCli({"run", "--no-netns", "--baseline", listed_failure, "--json", Out("x.json"), Suite()}, &output), 0)
      << output;
  EXPECT_THAT(ReadAll(Out("x.json")), HasSubstr("XFAIL"));
  std::string listed_pass = dir_.Write("stale.yaml", "expected_failures:\n  - f1\n  - p1\n");
  EXPECT_EQ(RunCli({"run", "--no-netns", "--baseline", listed_pass, Suite()}, &output), 1) << output;
  EXPECT_THAT(output, HasSubstr("STALE"));
  std::string broken = dir_.Write("broken.yaml", "expected_failures: 7\n");
  EXPECT_EQ(RunCli({"run", "--no-netns", "--baseline", broken, Suite()}, &output), 2);
}

TEST_F(CliTest, ReportMergesShardsAndComparesImplementations) {
  Pass("p1");
  Pass("p2");
  Pass("p3");
  std::string output;
  ASSERT_EQ(RunCli({"run", "--no-netns", "--shard", "1/2", "--json", Out("s1.json"), Suite()}, &output), 0) << output;
  ASSERT_EQ(RunCli({"run", "--no-netns", "--shard", "2/2", "--json", Out("s2.json"), Suite()}, &output), 0) << output;
  EXPECT_EQ(RunCli({"report", "--json", Out("all.json"), "--junit", Out("all.xml"), "--html", Out("all.html"),
                    Out("s1.json"), Out("s2.json")},
                   &output),
            0)
      << output;
  std::string merged = ReadAll(Out("all.json"));
  for (const char* name : {"\"p1\"", "\"p2\"", "\"p3\""}) EXPECT_THAT(merged, HasSubstr(name));
  EXPECT_THAT(ReadAll(Out("all.xml")), HasSubstr("<testsuites"));

  // The same shard twice is refused, not counted double.
  EXPECT_EQ(RunCli({"report", "--json", Out("dup.json"), Out("s1.json"), Out("s1.json")}, &output), 2);

  ASSERT_EQ(RunCli({"run", "--no-netns", "--impl", CONFORM_CRASH_IMPL, "--json", Out("crash.json"), Suite()}, &output),
            1);
  EXPECT_EQ(RunCli({"report", "--html", Out("matrix.html"), Out("all.json"), Out("crash.json")}, &output), 1)
      << output;
  std::string matrix = ReadAll(Out("matrix.html"));
  EXPECT_THAT(matrix, HasSubstr("cimulate (built-in)"));
  EXPECT_THAT(matrix, HasSubstr("CRASH"));
  EXPECT_EQ(RunCli({"report", "--html", Out("m.html"), Out("missing.json")}, &output), 2);
}

}  // namespace
}  // namespace cimulate::conform
