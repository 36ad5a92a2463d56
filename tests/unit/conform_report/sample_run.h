// Run reports for the report tests: one case of every verdict, with steps,
// checks, stacks and output, and awkward text where it hurts.
#ifndef CIMULATE_TESTS_UNIT_CONFORM_REPORT_SAMPLE_RUN_H_
#define CIMULATE_TESTS_UNIT_CONFORM_REPORT_SAMPLE_RUN_H_

#include <string>

#include "result.h"

namespace cimulate::conform::testing {

// Quotes, backslashes, control characters, ANSI escapes, NUL, markup,
// "</script>", "]]>", multi-byte UTF-8 (2, 3 and 4 bytes).
std::string AwkwardText();

CaseResult MakeCase(std::string name, Verdict verdict, Strength strength = Strength::kMust,
                    std::string source = "scenarios/conformance/sample.yaml");

// Eight cases, one per verdict, in kAllVerdicts order; the FAIL case has two
// steps with a failed check, the HANG case a step that never returned and
// stacks; text fields carry AwkwardText().
RunReport SampleRun();

// Field-by-field equality, so a round trip's loss shows as a test failure.
bool SameCheck(const Check& a, const Check& b);
bool SameStep(const StepReport& a, const StepReport& b);
bool SameCase(const CaseResult& a, const CaseResult& b);
bool SameRun(const RunReport& a, const RunReport& b);

}  // namespace cimulate::conform::testing

#endif  // CIMULATE_TESTS_UNIT_CONFORM_REPORT_SAMPLE_RUN_H_
