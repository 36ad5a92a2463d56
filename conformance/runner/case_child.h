// The child side of one case: the hidden `cimulate-conform __case` mode.  It
// runs in its own process so a hang or crash of the implementation ends only
// that case; it reports everything it does on the progress channel
// (progress.h) as it goes, so the parent knows the state even when it dies.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CASE_CHILD_H_
#define CIMULATE_CONFORMANCE_RUNNER_CASE_CHILD_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "runner/step_plan.h"

namespace cimulate::conform {

struct ChildOptions {
  std::string file;
  std::size_t position = 0;
  std::string implementation;  // the shared library to dlopen
  std::int64_t default_step_deadline_ms = kDefaultStepDeadlineMs;
  bool try_private_network = true;  // unshare a network namespace when permitted
  int progress_fd = 3;
};

// Runs the case and ends the process with _exit: 0 when every step ran and
// was checked, or the case was skipped; 3 when the harness could not run it.
[[noreturn]] void RunCaseChild(const ChildOptions& options);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CASE_CHILD_H_
