// Counts of a run by verdict and by the strength of the clause each case
// checks: what the console summary, the HTML page and the exit code are
// computed from, so they never disagree.
#ifndef CIMULATE_CONFORMANCE_REPORT_SUMMARY_H_
#define CIMULATE_CONFORMANCE_REPORT_SUMMARY_H_

#include <array>
#include <cstddef>

#include "result.h"

namespace cimulate::conform {

struct RunSummary {
  std::size_t total = 0;
  // Indexed by static_cast<size_t>(Verdict) and static_cast<size_t>(Strength).
  std::array<std::size_t, 8> by_verdict{};
  std::array<std::array<std::size_t, 8>, 3> by_strength{};

  std::size_t Count(Verdict verdict) const;
  std::size_t Count(Strength strength, Verdict verdict) const;
  // FAIL, HANG or CRASH of a MUST case: these fail the run.
  std::size_t MustFailures() const;
  // FAIL, HANG or CRASH of a SHOULD or MAY case: reported apart, they do not
  // fail the run.
  std::size_t ShouldOrMayFailures() const;
};

RunSummary Summarize(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_SUMMARY_H_
