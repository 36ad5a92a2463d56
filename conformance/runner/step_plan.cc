#include "runner/step_plan.h"

namespace cimulate::conform {
namespace {

using scenario::StepKind;

bool CreatesApplication(StepKind k) { return k == StepKind::kInitialize; }
bool CreatesSession(StepKind k) { return k == StepKind::kNewSession; }

std::optional<std::size_t> Resolve(const std::string& name, std::optional<std::size_t> latest,
                                   const std::map<std::string, std::size_t>& by_name) {
  if (name.empty()) return latest;
  auto it = by_name.find(name);
  if (it == by_name.end()) return std::nullopt;
  return it->second;
}

std::int64_t DeadlineOf(const scenario::StepEntry& entry, std::int64_t default_ms) {
  if (!entry.expect) return default_ms;
  const scenario::TimeExpectation& t = entry.expect->time;
  // A blocked step waits for another thread to release it, which gets the
  // default time to do so.
  if (t.blocks_for_ms) return *t.blocks_for_ms + default_ms;
  if (t.returns_within_ms) return *t.returns_within_ms + kLateReturnGraceMs;
  return default_ms;
}

}  // namespace

std::int64_t StepPlan::TotalDeadlineMs() const {
  std::int64_t total = 0;
  for (const PlannedStep& p : steps) total += p.deadline_ms;
  return total;
}

StepPlan PlanSteps(const scenario::Scenario& s, std::int64_t default_deadline_ms) {
  StepPlan plan;
  std::optional<std::size_t> last_app, last_session, last_operation;
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const scenario::Step& step = s.steps[i].step;
    PlannedStep p;
    p.application = Resolve(step.application, last_app, plan.by_name);
    p.session = Resolve(step.session, last_session, plan.by_name);
    p.operation = Resolve(step.operation, last_operation, plan.by_name);
    p.deadline_ms = DeadlineOf(s.steps[i], default_deadline_ms);
    plan.steps.push_back(p);
    if (!step.as.empty()) plan.by_name[step.as] = i;
    if (CreatesApplication(step.kind)) last_app = i;
    if (CreatesSession(step.kind)) last_session = i;
    if (scenario::IsOperation(step.kind)) last_operation = i;
  }
  return plan;
}

bool HasExplicitName(const scenario::Step& step) { return !step.as.empty() && step.as[0] != '#'; }

std::string DescribeStep(const scenario::Scenario& s, std::size_t index) {
  if (index >= s.steps.size()) return "step " + std::to_string(index);
  const scenario::Step& step = s.steps[index].step;
  std::string out = "step " + std::to_string(index + 1) + " (" + scenario::StepName(step.kind);
  if (HasExplicitName(step)) out += " '" + step.as + "'";
  if (step.thread != "main") out += " on thread " + step.thread;
  out += ") at " + s.source + ":" + std::to_string(step.mark.line) + ":" + std::to_string(step.mark.column);
  return out;
}

}  // namespace cimulate::conform
