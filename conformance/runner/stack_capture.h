// The threads' stacks of a hung or dying process, from gdb when it is
// installed.  Bounded in time (gdb may itself hang on a wedged process) and
// in size.
#ifndef CIMULATE_CONFORMANCE_RUNNER_STACK_CAPTURE_H_
#define CIMULATE_CONFORMANCE_RUNNER_STACK_CAPTURE_H_

#include <sys/types.h>

#include <chrono>
#include <string>

namespace cimulate::conform {

// `thread apply all bt` of `pid`; empty when gdb is not on PATH.  If gdb has
// not finished within `limit` it is killed and what it printed is returned.
std::string CaptureStacks(pid_t pid, std::chrono::milliseconds limit);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_STACK_CAPTURE_H_
