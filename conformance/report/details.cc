#include "report/details.h"

namespace cimulate::conform {

std::string DescribeStep(const StepReport& step) {
  std::string out = "step " + std::to_string(step.index) + " " + step.kind;
  std::string qualifiers;
  if (!step.as.empty()) qualifiers = "as: " + step.as;
  if (!step.thread.empty()) {
    qualifiers += (qualifiers.empty() ? "" : ", ") + std::string("thread: ") + step.thread;
  }
  if (!qualifiers.empty()) out += " (" + qualifiers + ")";
  if (!step.where.empty()) out += " at " + step.where;
  return out;
}

std::string FailureDetails(const CaseResult& result) {
  std::string out;
  for (const StepReport& step : result.steps) {
    const bool hung = step.duration_us < 0;
    bool described = false;
    const auto describe_once = [&] {
      if (described) return;
      out += DescribeStep(step) + "\n";
      described = true;
    };
    if (hung) {
      describe_once();
      out += "  never returned\n";
    }
    for (const Check& check : step.checks) {
      if (check.passed) continue;
      describe_once();
      out += "  " + check.what + ": expected " + check.expected + ", actual " + check.actual;
      if (!check.where.empty()) out += " (" + check.where + ")";
      out += "\n";
    }
  }
  return out;
}

}  // namespace cimulate::conform
