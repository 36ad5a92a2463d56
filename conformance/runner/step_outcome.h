// What one step observed through the MI C ABI, kept as plain values so the
// expectations can be checked after the implementation's buffers are gone.
#ifndef CIMULATE_CONFORMANCE_RUNNER_STEP_OUTCOME_H_
#define CIMULATE_CONFORMANCE_RUNNER_STEP_OUTCOME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "MI.h"
#include "runner/mi_values.h"

namespace cimulate::conform {

struct StepOutcome {
  std::optional<MI_Result> result;      // the call's (or the operation's final) result
  bool error_present = false;           // an extended error / error details instance came back
  InstanceSnapshot error;
  std::string error_message;            // the operation's errorMessage, if any
  std::vector<InstanceSnapshot> instances;
  std::size_t classes = 0;              // class results (get_class, enumerate_classes)
  std::vector<std::string> callbacks;   // names, in the order they ran (see CallbackExpectation)
  std::vector<bool> callbacks_on_caller;  // per callback: ran on the calling thread
  std::string harness_error;            // the step could not be made (a handle missing, bad input)
  std::int64_t start_us = 0;            // since the case started
  std::int64_t end_us = 0;
};

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_STEP_OUTCOME_H_
