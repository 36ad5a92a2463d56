// A case's failure written out as plain text: the failed checks (expected vs
// actual, where) step by step, and the step that never returned: the body
// of a JUnit <failure> or <error>.
#ifndef CIMULATE_CONFORMANCE_REPORT_DETAILS_H_
#define CIMULATE_CONFORMANCE_REPORT_DETAILS_H_

#include <string>

#include "result.h"

namespace cimulate::conform {

// "step 2 get_instance (as: op, thread: t1) at x.yaml:12:7\n"
std::string DescribeStep(const StepReport& step);

// Every failed check and every step that never returned, one block each;
// empty when there are none.  Not sanitized.
std::string FailureDetails(const CaseResult& result);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_DETAILS_H_
