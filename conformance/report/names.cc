#include "report/names.h"

namespace cimulate::conform {

bool VerdictFromName(std::string_view name, Verdict* verdict) {
  for (Verdict candidate : kAllVerdicts) {
    if (name == VerdictName(candidate)) {
      *verdict = candidate;
      return true;
    }
  }
  return false;
}

bool StrengthFromName(std::string_view name, Strength* strength) {
  for (Strength candidate : kAllStrengths) {
    if (name == StrengthName(candidate)) {
      *strength = candidate;
      return true;
    }
  }
  return false;
}

bool IsImplementationFailure(Verdict verdict) {
  return verdict == Verdict::kFail || verdict == Verdict::kHang || verdict == Verdict::kCrash;
}

}  // namespace cimulate::conform
