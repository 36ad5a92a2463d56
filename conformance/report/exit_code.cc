#include "report/exit_code.h"

#include "report/summary.h"

namespace cimulate::conform {

int ExitCodeFor(const RunReport& report) {
  const RunSummary summary = Summarize(report);
  if (summary.Count(Verdict::kError) > 0) return kExitHarnessError;
  if (summary.MustFailures() > 0 || summary.Count(Verdict::kStaleBaseline) > 0) {
    return kExitConformanceFailure;
  }
  return kExitPass;
}

}  // namespace cimulate::conform
