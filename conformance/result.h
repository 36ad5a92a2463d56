// What a conformance run found: one CaseResult per scenario case, with the
// checks each step made.  The runner fills it in; the reports (console,
// JUnit, JSON, HTML, the cross-implementation matrix) and the baseline only
// read it.  JSON is the exchange format between runs (report merges, shards).
#ifndef CIMULATE_CONFORMANCE_RESULT_H_
#define CIMULATE_CONFORMANCE_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace cimulate::conform {

enum class Verdict {
  kPass,
  kFail,              // an expectation did not hold
  kHang,              // a step did not return by its deadline
  kCrash,             // the case's process died of a signal (or exited unexpectedly)
  kSkip,              // not applicable here (e.g. a protocol not built yet); reason says why
  kExpectedFailure,   // failed, hung or crashed, and the baseline lists it
  kStaleBaseline,     // the baseline lists it, but it passed: the baseline must shrink
  kError,             // the harness or the scenario could not run the case
};
const char* VerdictName(Verdict verdict);  // "PASS", "FAIL", "HANG", "CRASH", "SKIP", "XFAIL", "STALE", "ERROR"

enum class Strength { kMust, kShould, kMay };  // of the clause a case checks
const char* StrengthName(Strength strength);   // "MUST", "SHOULD", "MAY"

// One expectation that was checked.
struct Check {
  std::string what;      // "result", "error.class", "error.CIMStatusCode", "journal.connections.winrm_http", ...
  std::string expected;  // as text
  std::string actual;
  std::string where;     // "scenarios/conformance/x.yaml:12:7"
  bool passed = false;
};

struct StepReport {
  std::size_t index = 0;  // 0-based position in the scenario's steps
  std::string kind;       // "new_session", "get_instance", ...
  std::string as;         // the step's `as:` name, if any
  std::string thread;     // the named thread it ran on
  std::string where;      // file:line:column of the step
  std::int64_t start_us = 0;     // since the case started
  std::int64_t duration_us = 0;  // -1: never returned
  std::vector<Check> checks;
};

struct CaseResult {
  std::string name;
  std::string summary;
  std::string source;  // the scenario file
  std::string clause;  // the spec clause the case checks
  Strength strength = Strength::kMust;
  std::vector<std::string> tags;

  Verdict verdict = Verdict::kError;
  // One line: the first failing check (expected vs actual, where), the hung
  // step, the signal, or why the case was skipped.
  std::string reason;
  std::vector<StepReport> steps;
  std::string stacks;  // HANG or CRASH: the threads' stacks, when gdb was available
  std::string output;  // what the case's process wrote to stderr (bounded)
  std::uint64_t seed = 0;
  std::int64_t duration_us = 0;
  // How the case reached the fake: "netns" (a private network namespace, the
  // fake on the standard ports) or "loopback" (ephemeral ports passed as
  // destination options); empty when the case never started.
  std::string network;
};

struct RunReport {
  std::string implementation;  // "cimulate (built-in)" or the --impl path
  std::string started_at;      // ISO 8601 UTC
  std::string shard;           // "K/N" or empty
  std::int64_t duration_us = 0;
  std::vector<CaseResult> cases;
};

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RESULT_H_
