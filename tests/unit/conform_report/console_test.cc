#include "report/console.h"

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::MakeCase;
using testing::SampleRun;

TEST(ConformConsole, LineOfAPassingCase) {
  CaseResult result = MakeCase("deferred-connection/no-connect-at-new-session", Verdict::kPass);
  EXPECT_EQ(ConsoleLine(result, 3, 42),
            "[ 3/42] PASS  deferred-connection/no-connect-at-new-session  (12 ms)");
  EXPECT_EQ(ConsoleLine(result, 100, 100).rfind("[100/100] PASS  ", 0), 0u);
  result.duration_us = 400;
  EXPECT_EQ(ConsoleLine(result, 1, 9),
            "[1/9] PASS  deferred-connection/no-connect-at-new-session  (0.4 ms)");
}

TEST(ConformConsole, FailingCaseShowsStrengthAndReason) {
  CaseResult result = MakeCase("extended-errors/bad-protocol", Verdict::kFail, Strength::kShould);
  result.reason = "error.class: expected MSFT_WmiError, actual none\x1b[0m";
  EXPECT_EQ(ConsoleLine(result, 4, 42),
            "[ 4/42] FAIL  extended-errors/bad-protocol  (12 ms)  [SHOULD]\n"
            "        error.class: expected MSFT_WmiError, actual none\\x1b[0m");
  result.strength = Strength::kMust;
  result.verdict = Verdict::kExpectedFailure;
  EXPECT_EQ(
      ConsoleLine(result, 4, 42).rfind("[ 4/42] XFAIL extended-errors/bad-protocol  (12 ms)\n", 0),
      0u);
}

TEST(ConformConsole, SummaryCountsAndSeparatesFailures) {
  const std::string summary = ConsoleSummary(SampleRun());
  EXPECT_EQ(summary.rfind("8 cases: 1 PASS, 1 FAIL, 1 HANG, 1 CRASH, 1 SKIP, 1 XFAIL, 1 STALE, "
                          "1 ERROR  (in 2500 ms)\n",
                          0),
            0u)
      << summary;
  EXPECT_NE(summary.find("MUST failures: 2\n  FAIL   group/fail: "), std::string::npos) << summary;
  EXPECT_NE(summary.find("  HANG   shutdown/hang: reason for HANG\n"), std::string::npos);
  EXPECT_NE(summary.find("SHOULD/MAY failures (reported, not failing the run): 1\n"
                         "  CRASH  group/crash  [SHOULD]: killed by SIGSEGV\n"),
            std::string::npos);
  EXPECT_NE(summary.find("stale baseline entries (now passing; remove them from the baseline): 1\n"
                         "  STALE  group/stale"),
            std::string::npos);
  EXPECT_NE(summary.find("harness errors: 1\n  ERROR  group/error"), std::string::npos);
  EXPECT_NE(summary.find("conformance: HARNESS ERROR (exit 3)\n"), std::string::npos);
  EXPECT_EQ(summary.find('\x1b'), std::string::npos);
}

TEST(ConformConsole, SummaryOfACleanRun) {
  RunReport run;
  run.duration_us = 1'500'000;
  run.cases = {MakeCase("a", Verdict::kPass), MakeCase("b", Verdict::kSkip)};
  EXPECT_EQ(ConsoleSummary(run),
            "2 cases: 1 PASS, 1 SKIP  (in 1500 ms)\nconformance: PASS (exit 0)\n");
}

}  // namespace
}  // namespace cimulate::conform
