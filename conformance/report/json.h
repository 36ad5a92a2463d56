// The JSON form of a run report: what shards and runs exchange, what
// `cimulate-conform report` merges, what CI tools can parse.
//
// Schema "cimulate-conform/1" (every key always written):
//   {"schema": "cimulate-conform/1", "implementation": s, "started_at": s,
//    "shard": s, "duration_us": i,
//    "cases": [{"name": s, "summary": s, "source": s, "clause": s,
//               "strength": "MUST"|"SHOULD"|"MAY", "tags": [s...],
//               "verdict": "PASS"|"FAIL"|"HANG"|"CRASH"|"SKIP"|"XFAIL"|"STALE"|"ERROR",
//               "reason": s, "stacks": s, "output": s, "seed": u64, "duration_us": i,
//               "network": "netns"|"loopback"|"",
//               "steps": [{"index": u, "kind": s, "as": s, "thread": s, "where": s,
//                          "start_us": i, "duration_us": i,
//                          "checks": [{"what": s, "expected": s, "actual": s,
//                                      "where": s, "passed": b}]}]}]}
// A step's duration_us of -1 means it never returned.
#ifndef CIMULATE_CONFORMANCE_REPORT_JSON_H_
#define CIMULATE_CONFORMANCE_REPORT_JSON_H_

#include <string>
#include <string_view>

#include "result.h"

namespace cimulate::conform {

inline constexpr std::string_view kJsonSchema = "cimulate-conform/1";

// The round trip through FromJson is lossless for text that is valid UTF-8;
// an invalid byte is written as U+FFFD (a JSON reader must never choke on
// what an implementation printed).
std::string ToJson(const RunReport& report);

// Reads what ToJson wrote.  Strict: the schema marker must be
// "cimulate-conform/1"; "cases" is required; every other member defaults
// when absent, but a member of the wrong type, an unknown verdict or
// strength, a non-integer or out-of-range number is an error.  Unknown
// members are ignored, so later versions can add some.  Bounded (see
// JsonLimits).  On failure sets `error` to where and what ("line 3, column 9:
// ..." or "cases[2].verdict: ...") and returns false.
bool FromJson(std::string_view text, RunReport* report, std::string* error);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_JSON_H_
