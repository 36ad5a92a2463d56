// JUnit XML, the format CI systems (GitHub Actions reporters, GitLab, Jenkins)
// show test results from.
//
// One <testsuite> per scenario file (a case's `source`), in the order the
// files first appear, inside one <testsuites> named after the
// implementation: a CI page then groups cases by file as the suite's authors
// grouped them.  Each case is <testcase classname=CLAUSE name=CASE time=S>
// (classname falls back to the source when a case names no clause), with:
//   FAIL   <failure type="FAIL" message=reason>: every failed check, expected
//          vs actual and where, step by step
//   STALE  <failure type="STALE">: the baseline must shrink
//   HANG, CRASH, ERROR  <error type=VERDICT message=reason>: the hung step
//          and the threads' stacks
//   SKIP   <skipped message=reason/>
//   XFAIL  passed, with a note in <system-out>
// <system-out> always carries strength, seed, source and tags (what one needs
// to rerun the case); <system-err> the case's process output.  SHOULD and MAY
// failures are failures here too, their message prefixed "[SHOULD]"/"[MAY]":
// the exit code, not the JUnit file, is where they do not fail the run.
// <testsuites time> is the run's wall time; a <testsuite>'s, the sum of its
// cases' times.  All text is sanitized to what XML 1.0 allows (see text.h).
#ifndef CIMULATE_CONFORMANCE_REPORT_JUNIT_H_
#define CIMULATE_CONFORMANCE_REPORT_JUNIT_H_

#include <string>

#include "result.h"

namespace cimulate::conform {

std::string ToJunitXml(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_JUNIT_H_
