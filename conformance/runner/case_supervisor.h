// The parent side of one case: spawns the runner's hidden `__case` mode,
// follows its progress, enforces every step's deadline and a whole-case
// backstop, and turns what happened into a CaseResult.  Never hangs: a step
// past its deadline makes the case HANG (stacks first, when gdb is there,
// then SIGKILL), and a dead child makes it CRASH.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CASE_SUPERVISOR_H_
#define CIMULATE_CONFORMANCE_RUNNER_CASE_SUPERVISOR_H_

#include <cstdint>
#include <string>

#include "result.h"
#include "runner/case_catalog.h"
#include "runner/step_plan.h"

namespace cimulate::conform {

struct SuperviseOptions {
  std::string runner_executable;  // the cimulate-conform binary (it has the __case mode)
  std::string implementation;     // the MI library under test
  std::int64_t default_step_deadline_ms = kDefaultStepDeadlineMs;
  bool private_network = true;    // use a network namespace when permitted
  bool capture_stacks = true;     // gdb on HANG
  // How long gdb may take; reading the debug info of a large binary on a
  // busy machine takes seconds.
  std::int64_t stack_capture_ms = 10000;
  // Time for the child to start (load the scenario and the library, start
  // the fake), on top of the steps' deadlines.
  std::int64_t startup_ms = 5000;
};

CaseResult RunCase(const CaseRef& ref, const SuperviseOptions& options);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CASE_SUPERVISOR_H_
