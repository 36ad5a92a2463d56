#include "report/summary.h"

#include "report/names.h"

namespace cimulate::conform {
namespace {

std::size_t Index(Verdict verdict) {
  const auto i = static_cast<std::size_t>(verdict);
  // An out-of-range value (a corrupted report) counts as a harness error.
  return i < kAllVerdicts.size() ? i : static_cast<std::size_t>(Verdict::kError);
}

std::size_t Index(Strength strength) {
  const auto i = static_cast<std::size_t>(strength);
  return i < kAllStrengths.size() ? i : static_cast<std::size_t>(Strength::kMust);
}

std::size_t Failures(const std::array<std::size_t, 8>& counts) {
  return counts[Index(Verdict::kFail)] + counts[Index(Verdict::kHang)] +
         counts[Index(Verdict::kCrash)];
}

}  // namespace

std::size_t RunSummary::Count(Verdict verdict) const { return by_verdict[Index(verdict)]; }

std::size_t RunSummary::Count(Strength strength, Verdict verdict) const {
  return by_strength[Index(strength)][Index(verdict)];
}

std::size_t RunSummary::MustFailures() const {
  return Failures(by_strength[Index(Strength::kMust)]);
}

std::size_t RunSummary::ShouldOrMayFailures() const {
  return Failures(by_strength[Index(Strength::kShould)]) +
         Failures(by_strength[Index(Strength::kMay)]);
}

RunSummary Summarize(const RunReport& report) {
  RunSummary summary;
  for (const CaseResult& result : report.cases) {
    ++summary.total;
    ++summary.by_verdict[Index(result.verdict)];
    ++summary.by_strength[Index(result.strength)][Index(result.verdict)];
  }
  return summary;
}

}  // namespace cimulate::conform
