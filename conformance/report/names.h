// The reverse of VerdictName and StrengthName, for reading reports back, and
// the verdict classes every report agrees on.
#ifndef CIMULATE_CONFORMANCE_REPORT_NAMES_H_
#define CIMULATE_CONFORMANCE_REPORT_NAMES_H_

#include <array>
#include <string_view>

#include "result.h"

namespace cimulate::conform {

// Every verdict, in the order reports list them.
inline constexpr std::array<Verdict, 8> kAllVerdicts = {
    Verdict::kPass, Verdict::kFail, Verdict::kHang, Verdict::kCrash,
    Verdict::kSkip, Verdict::kExpectedFailure, Verdict::kStaleBaseline, Verdict::kError};
inline constexpr std::array<Strength, 3> kAllStrengths = {Strength::kMust, Strength::kShould,
                                                          Strength::kMay};

// Exact, upper-case names only: "PASS", "XFAIL", "MUST", ...
bool VerdictFromName(std::string_view name, Verdict* verdict);
bool StrengthFromName(std::string_view name, Strength* strength);

// FAIL, HANG or CRASH: the implementation did something wrong.  (XFAIL and
// STALE are the baseline's verdicts; ERROR is the harness's.)
bool IsImplementationFailure(Verdict verdict);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_NAMES_H_
