// A baseline: the cases an implementation is known to fail, so CI can gate on
// regressions without first fixing everything.  A listed case that fails is
// XFAIL; a listed case that passes is STALE and fails the run, so baselines
// only shrink.
//
//   implementation: libvendor-mi 2.1     # informational
//   expected_failures:
//     - case: shutdown/close-app-with-open-session
//       reason: "returns instead of blocking; vendor bug 1234"
//     - extended-errors/null-pointer-accepted   # a plain name works too
#ifndef CIMULATE_CONFORMANCE_REPORT_BASELINE_H_
#define CIMULATE_CONFORMANCE_REPORT_BASELINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace cimulate::conform {

struct ExpectedFailure {
  std::string name;    // the case
  std::string reason;  // why it is expected to fail; may be empty
  std::string where;   // "baseline.yaml:4:5", for messages
};

struct Baseline {
  std::string implementation;
  std::vector<ExpectedFailure> expected_failures;
};

// Reads a baseline from `text`; `file` names it in errors.  Strict: unknown
// keys, a case listed twice, an empty name, or anything but the shapes above
// is an error; an empty document is an empty baseline.  On failure sets
// `error` to one "file:line:column: message" line per problem.
bool ParseBaseline(std::string_view text, const std::string& file, Baseline* baseline,
                   std::string* error);
bool LoadBaseline(const std::string& path, Baseline* baseline, std::string* error);

// Marks the run's cases against the baseline:
//   FAIL, HANG, CRASH -> XFAIL, reason "expected failure (FAIL): <reason>",
//                        with " [baseline: <why>]" when the baseline says why
//   PASS              -> STALE, the reason says to delete the entry
//   SKIP, ERROR, XFAIL, STALE stay as they are (nothing was learned).
// Returns a warning ("file:line:column: ...") per listed case the run does
// not have: renamed, deleted, or filtered or sharded out of this run.
std::vector<std::string> ApplyBaseline(const Baseline& baseline, RunReport* report);

// A baseline listing the run's failing cases (FAIL, HANG, CRASH and XFAIL),
// in run order, each with its verdict and reason: how a vendor starts one.
// Parses back with ParseBaseline.
std::string BaselineFromRun(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_BASELINE_H_
