#include "result.h"

namespace cimulate::conform {

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass: return "PASS";
    case Verdict::kFail: return "FAIL";
    case Verdict::kHang: return "HANG";
    case Verdict::kCrash: return "CRASH";
    case Verdict::kSkip: return "SKIP";
    case Verdict::kExpectedFailure: return "XFAIL";
    case Verdict::kStaleBaseline: return "STALE";
    case Verdict::kError: return "ERROR";
  }
  return "ERROR";  // an out-of-range value is a harness error, not a crash
}

const char* StrengthName(Strength strength) {
  switch (strength) {
    case Strength::kMust: return "MUST";
    case Strength::kShould: return "SHOULD";
    case Strength::kMay: return "MAY";
  }
  return "MUST";
}

}  // namespace cimulate::conform
