// The exit code of `cimulate-conform run`, from its report.
#ifndef CIMULATE_CONFORMANCE_REPORT_EXIT_CODE_H_
#define CIMULATE_CONFORMANCE_REPORT_EXIT_CODE_H_

#include "result.h"

namespace cimulate::conform {

inline constexpr int kExitPass = 0;
inline constexpr int kExitConformanceFailure = 1;
inline constexpr int kExitUsageError = 2;  // decided by the CLI, never here
inline constexpr int kExitHarnessError = 3;

// 3 when any case is ERROR: the run is incomplete, so no verdict on the
// implementation can be trusted (this wins over 1).  Otherwise 1 when a MUST
// case is FAIL, HANG or CRASH, or any case is STALE (a baselined case now
// passes: the baseline must shrink, whatever the clause's strength).
// Otherwise 0: PASS, SKIP and XFAIL are fine, and SHOULD/MAY failures are
// reported but do not fail the run.  A run with no cases is 0 here; whether
// an empty selection is a usage error is the CLI's call.
int ExitCodeFor(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_EXIT_CODE_H_
