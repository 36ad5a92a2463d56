#include "report/baseline.h"

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::MakeCase;

Baseline Parse(const std::string& text) {
  Baseline baseline;
  std::string error;
  EXPECT_TRUE(ParseBaseline(text, "b.yaml", &baseline, &error)) << error;
  return baseline;
}

std::string ParseError(const std::string& text) {
  Baseline baseline;
  std::string error;
  EXPECT_FALSE(ParseBaseline(text, "b.yaml", &baseline, &error)) << text;
  return error;
}

TEST(ConformBaseline, ReadsMapsAndPlainNames) {
  const Baseline baseline = Parse(
      "implementation: libvendor 2.1\n"
      "expected_failures:\n"
      "  - case: shutdown/close-app\n"
      "    reason: \"vendor bug 1234\"\n"
      "  - extended-errors/null-pointer\n");
  EXPECT_EQ(baseline.implementation, "libvendor 2.1");
  ASSERT_EQ(baseline.expected_failures.size(), 2u);
  EXPECT_EQ(baseline.expected_failures[0].name, "shutdown/close-app");
  EXPECT_EQ(baseline.expected_failures[0].reason, "vendor bug 1234");
  EXPECT_EQ(baseline.expected_failures[0].where, "b.yaml:3:5");
  EXPECT_EQ(baseline.expected_failures[1].name, "extended-errors/null-pointer");
  EXPECT_EQ(baseline.expected_failures[1].reason, "");
  EXPECT_EQ(baseline.expected_failures[1].where, "b.yaml:5:5");
}

TEST(ConformBaseline, EmptyFileAndEmptyListAreEmptyBaselines) {
  EXPECT_TRUE(Parse("").expected_failures.empty());
  EXPECT_TRUE(Parse("# nothing yet\n").expected_failures.empty());
  EXPECT_TRUE(Parse("expected_failures: []\n").expected_failures.empty());
  EXPECT_TRUE(Parse("expected_failures:\n").expected_failures.empty());
}

TEST(ConformBaseline, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(ParseError("implementation: x\nexpected_failure: []\n"),
            "b.yaml:2:1: unknown key \"expected_failure\" (expected implementation, "
            "expected_failures)");
  EXPECT_EQ(ParseError("expected_failures:\n  - case: a\n    reasn: b\n"),
            "b.yaml:3:5: unknown key \"reasn\" (expected case, reason)");
  EXPECT_EQ(ParseError("expected_failures:\n  - a\n  - b\n  - a\n"),
            "b.yaml:4:5: case \"a\" is listed twice (first at b.yaml:2:5)");
  EXPECT_EQ(ParseError("expected_failures:\n  - reason: why\n"),
            "b.yaml:2:5: expected_failures entry: missing case");
  EXPECT_EQ(ParseError("expected_failures:\n  - case: [a]\n"),
            "b.yaml:2:11: case: expected a case name, found a sequence");
  EXPECT_EQ(ParseError("expected_failures: a\n"),
            "b.yaml:1:20: expected_failures: expected a sequence, found \"a\"");
  EXPECT_EQ(ParseError("- a\n"),
            "b.yaml:1:1: a baseline is a map with implementation and expected_failures, found a "
            "sequence");
  EXPECT_EQ(ParseError("expected_failures:\n  - case: a\n     reason: [\n").rfind("b.yaml:3:", 0),
            0u);
  EXPECT_NE(ParseError("expected_failures: []\nexpected_failures: []\n").find("b.yaml:2:1:"),
            std::string::npos);
  EXPECT_NE(ParseError("a: &x 1\nb: *x\n").find("b.yaml:1:"), std::string::npos);
  // Several problems: each on its own line.
  const std::string several = ParseError("x: 1\ny: 2\n");
  EXPECT_NE(several.find("b.yaml:1:1: unknown key \"x\""), std::string::npos);
  EXPECT_NE(several.find("\nb.yaml:2:1: unknown key \"y\""), std::string::npos);
}

TEST(ConformBaseline, LoadReadsAFileAndNamesAMissingOne) {
  const std::string path = ::testing::TempDir() + "/conform_baseline_test.yaml";
  {
    std::ofstream out(path);
    out << "expected_failures:\n  - a\n  - [b]\n";
  }
  Baseline baseline;
  std::string error;
  EXPECT_FALSE(LoadBaseline(path, &baseline, &error));
  EXPECT_EQ(error.rfind(path + ":3:5: expected_failures entry: expected a case name", 0), 0u)
      << error;
  std::remove(path.c_str());
  EXPECT_FALSE(LoadBaseline(path, &baseline, &error));
  EXPECT_EQ(error, path + ": cannot open the baseline file");
  EXPECT_FALSE(LoadBaseline(::testing::TempDir(), &baseline, &error));
  EXPECT_NE(error.find("not a regular file"), std::string::npos);
}

TEST(ConformBaseline, ApplyTurnsFailuresIntoXfailAndPassesIntoStale) {
  RunReport run;
  run.cases = {MakeCase("fails", Verdict::kFail),  MakeCase("hangs", Verdict::kHang),
               MakeCase("passes", Verdict::kPass), MakeCase("skips", Verdict::kSkip),
               MakeCase("errs", Verdict::kError),  MakeCase("unlisted", Verdict::kFail)};
  const Baseline baseline = Parse(
      "expected_failures:\n"
      "  - case: fails\n    reason: bug 7\n"
      "  - hangs\n  - passes\n  - skips\n  - errs\n  - gone\n");
  const std::vector<std::string> warnings = ApplyBaseline(baseline, &run);

  EXPECT_EQ(run.cases[0].verdict, Verdict::kExpectedFailure);
  EXPECT_EQ(run.cases[0].reason, "expected failure (FAIL): reason for FAIL [baseline: bug 7]");
  EXPECT_EQ(run.cases[1].verdict, Verdict::kExpectedFailure);
  EXPECT_EQ(run.cases[1].reason, "expected failure (HANG): reason for HANG");
  EXPECT_EQ(run.cases[2].verdict, Verdict::kStaleBaseline);
  EXPECT_NE(run.cases[2].reason.find("b.yaml:5:5"), std::string::npos);
  EXPECT_EQ(run.cases[3].verdict, Verdict::kSkip);
  EXPECT_EQ(run.cases[4].verdict, Verdict::kError);
  EXPECT_EQ(run.cases[5].verdict, Verdict::kFail);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "b.yaml:8:5: case \"gone\" is in the baseline but not in this run");

  // Applying again changes nothing.
  const std::string reason = run.cases[0].reason;
  ApplyBaseline(baseline, &run);
  EXPECT_EQ(run.cases[0].reason, reason);
  EXPECT_EQ(run.cases[2].verdict, Verdict::kStaleBaseline);
}

TEST(ConformBaseline, FromRunListsFailuresAndParsesBack) {
  RunReport run;
  run.implementation = "libvendor: \"2.1\"";
  run.started_at = "2026-11-21T10:00:00Z";
  CaseResult odd = MakeCase("odd: name # with [yaml] chars", Verdict::kCrash);
  odd.reason = "killed by SIGSEGV\nat 0x0 \"quoted\"";
  run.cases = {MakeCase("passes", Verdict::kPass),
               MakeCase("fails", Verdict::kFail),
               odd,
               MakeCase("skips", Verdict::kSkip),
               MakeCase("stale", Verdict::kStaleBaseline),
               MakeCase("errs", Verdict::kError),
               MakeCase("hangs", Verdict::kHang, Strength::kMay)};
  const std::string text = BaselineFromRun(run);
  const Baseline baseline = Parse(text);
  EXPECT_EQ(baseline.implementation, run.implementation);
  ASSERT_EQ(baseline.expected_failures.size(), 3u) << text;
  EXPECT_EQ(baseline.expected_failures[0].name, "fails");
  EXPECT_EQ(baseline.expected_failures[0].reason, "FAIL: reason for FAIL");
  EXPECT_EQ(baseline.expected_failures[1].name, odd.name);
  EXPECT_EQ(baseline.expected_failures[1].reason, "CRASH: killed by SIGSEGV at 0x0 \"quoted\"");
  EXPECT_EQ(baseline.expected_failures[2].name, "hangs");

  // The generated baseline turns the same run's failures into XFAIL and
  // gives no warnings; regenerating from that run gives the same file.
  RunReport again = run;
  EXPECT_TRUE(ApplyBaseline(baseline, &again).empty());
  EXPECT_EQ(again.cases[1].verdict, Verdict::kExpectedFailure);
  EXPECT_EQ(again.cases[2].verdict, Verdict::kExpectedFailure);
  EXPECT_EQ(BaselineFromRun(again), text);
}

TEST(ConformBaseline, FromRunKeepsTheBaselinesOwnReason) {
  RunReport run;
  run.cases = {MakeCase("fails", Verdict::kFail)};
  ApplyBaseline(Parse("expected_failures:\n  - case: fails\n    reason: vendor bug 7\n"), &run);
  const Baseline regenerated = Parse(BaselineFromRun(run));
  ASSERT_EQ(regenerated.expected_failures.size(), 1u);
  EXPECT_EQ(regenerated.expected_failures[0].reason, "vendor bug 7");
}

TEST(ConformBaseline, FromEmptyRunIsAnEmptyBaseline) {
  EXPECT_TRUE(Parse(BaselineFromRun(RunReport())).expected_failures.empty());
}

}  // namespace
}  // namespace cimulate::conform
