// Runs one scenario step through the MI C ABI of the implementation under
// test and records what came back.  Blocking calls block here: the watchdog
// is the parent process, not this code.
#ifndef CIMULATE_CONFORMANCE_RUNNER_STEP_EXECUTOR_H_
#define CIMULATE_CONFORMANCE_RUNNER_STEP_EXECUTOR_H_

#include <cstddef>

#include "runner/case_context.h"
#include "runner/step_outcome.h"

namespace cimulate::conform {

StepOutcome ExecuteStep(CaseContext& ctx, std::size_t index);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_STEP_EXECUTOR_H_
