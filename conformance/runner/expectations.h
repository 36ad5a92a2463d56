// Checks a step's `expect:` against what the step observed and what the fake
// endpoint saw.  One Check per expectation key, each with expected and actual
// as text and the expectation's position in the scenario file.
#ifndef CIMULATE_CONFORMANCE_RUNNER_EXPECTATIONS_H_
#define CIMULATE_CONFORMANCE_RUNNER_EXPECTATIONS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "journal/journal.h"
#include "result.h"
#include "runner/step_outcome.h"
#include "scenario/scenario.h"

namespace cimulate::conform {

struct ExpectationInputs {
  const scenario::Scenario* scenario = nullptr;
  const fake::Journal* journal = nullptr;  // null: journal facts cannot be checked
  // When the step named by `as:` returned (us since the case started); nullopt
  // when it has not.
  std::function<std::optional<std::int64_t>(const std::string& step)> step_end_us;
};

std::vector<Check> CheckExpectation(const scenario::Expectation& expect, const StepOutcome& outcome,
                                    const ExpectationInputs& inputs);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_EXPECTATIONS_H_
