#include "report/exit_code.h"

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::MakeCase;

RunReport RunOf(std::vector<CaseResult> cases) {
  RunReport run;
  run.cases = std::move(cases);
  return run;
}

TEST(ConformExitCode, PassSkipAndXfailAreFine) {
  EXPECT_EQ(ExitCodeFor(RunReport()), 0);
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kPass), MakeCase("b", Verdict::kSkip),
                               MakeCase("c", Verdict::kExpectedFailure)})),
            0);
}

TEST(ConformExitCode, EachMustFailureFailsTheRun) {
  for (Verdict verdict : {Verdict::kFail, Verdict::kHang, Verdict::kCrash}) {
    EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kPass), MakeCase("b", verdict)})), 1)
        << VerdictName(verdict);
  }
}

TEST(ConformExitCode, ShouldAndMayFailuresAloneDoNot) {
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kFail, Strength::kShould),
                               MakeCase("b", Verdict::kHang, Strength::kMay),
                               MakeCase("c", Verdict::kCrash, Strength::kShould)})),
            0);
}

TEST(ConformExitCode, StaleBaselineFailsWhateverTheStrength) {
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kStaleBaseline, Strength::kMay)})), 1);
}

TEST(ConformExitCode, HarnessErrorWins) {
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kError, Strength::kMay)})), 3);
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", Verdict::kFail), MakeCase("b", Verdict::kError),
                               MakeCase("c", Verdict::kStaleBaseline)})),
            3);
}

TEST(ConformExitCode, OutOfRangeVerdictCountsAsHarnessError) {
  EXPECT_EQ(ExitCodeFor(RunOf({MakeCase("a", static_cast<Verdict>(99))})), 3);
  EXPECT_STREQ(VerdictName(static_cast<Verdict>(99)), "ERROR");
}

}  // namespace
}  // namespace cimulate::conform
