// `cimulate-conform explain CASE`: what a case does, step by step, in words,
// and what it expects after each step.
#ifndef CIMULATE_CONFORMANCE_RUNNER_EXPLAIN_H_
#define CIMULATE_CONFORMANCE_RUNNER_EXPLAIN_H_

#include <string>

#include "scenario/scenario.h"

namespace cimulate::conform {

std::string ExplainCase(const scenario::Scenario& s);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_EXPLAIN_H_
