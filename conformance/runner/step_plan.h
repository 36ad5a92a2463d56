// What the runner works out about a scenario's steps before running them:
// which earlier step created each handle a step uses, and how long each step
// may take before it counts as hung.  The child runs by it; the parent uses
// the same deadlines for its whole-case backstop.
#ifndef CIMULATE_CONFORMANCE_RUNNER_STEP_PLAN_H_
#define CIMULATE_CONFORMANCE_RUNNER_STEP_PLAN_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.h"

namespace cimulate::conform {

// The default time a step may take, when its expectations give no bound.
inline constexpr std::int64_t kDefaultStepDeadlineMs = 5000;
// What a `returns_within_ms` step gets beyond its bound, so a late return is
// a FAIL that says how late, not a HANG.
inline constexpr std::int64_t kLateReturnGraceMs = 500;

struct PlannedStep {
  // Index of the step that created the handle used; nullopt when the
  // scenario has none of that kind before this step.
  std::optional<std::size_t> application;
  std::optional<std::size_t> session;
  std::optional<std::size_t> operation;
  std::int64_t deadline_ms = kDefaultStepDeadlineMs;
};

struct StepPlan {
  std::vector<PlannedStep> steps;
  std::map<std::string, std::size_t> by_name;  // `as:` name -> step index

  // The sum of every step's deadline: no case can legitimately take longer.
  std::int64_t TotalDeadlineMs() const;
};

StepPlan PlanSteps(const scenario::Scenario& s, std::int64_t default_deadline_ms = kDefaultStepDeadlineMs);

// True when the scenario named the step with `as:`; the loader gives unnamed
// handle-creating steps a "#N" name so "the last one" can be resolved.
bool HasExplicitName(const scenario::Step& step);

// "step 3 (close_application 'app') at file:12:5"
std::string DescribeStep(const scenario::Scenario& s, std::size_t index);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_STEP_PLAN_H_
