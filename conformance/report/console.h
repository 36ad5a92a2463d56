// What the runner prints while it runs and when it is done.
#ifndef CIMULATE_CONFORMANCE_REPORT_CONSOLE_H_
#define CIMULATE_CONFORMANCE_REPORT_CONSOLE_H_

#include <cstddef>
#include <string>

#include "result.h"

namespace cimulate::conform {

// One case as it finishes, `index` counting from 1:
//   "[ 3/42] PASS  deferred-connection/no-connect-at-new-session  (12 ms)"
// A case that did not pass or skip gets its strength when it is not MUST and
// its reason on a second, indented line:
//   "[ 4/42] FAIL  extended-errors/bad-protocol  (3 ms)  [SHOULD]\n"
//   "        expected ... got ... at x.yaml:12:7"
// No trailing newline; text is sanitized (no terminal escapes get through).
std::string ConsoleLine(const CaseResult& result, std::size_t index, std::size_t total);

// The end-of-run block: counts by verdict, then MUST failures, SHOULD/MAY
// failures (which do not fail the run), stale baseline entries and harness
// errors, each with the cases' names, then the outcome and its exit code.
// Ends with a newline.
std::string ConsoleSummary(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_CONSOLE_H_
