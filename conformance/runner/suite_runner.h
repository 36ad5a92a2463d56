// Runs a list of cases, `jobs` case processes at a time, and collects their
// results in the cases' order whatever order they finish in.
#ifndef CIMULATE_CONFORMANCE_RUNNER_SUITE_RUNNER_H_
#define CIMULATE_CONFORMANCE_RUNNER_SUITE_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "result.h"
#include "runner/case_catalog.h"
#include "runner/case_supervisor.h"

namespace cimulate::conform {

struct SuiteOptions {
  SuperviseOptions supervise;
  std::size_t jobs = 1;
  std::string implementation_name;  // RunReport::implementation
  std::string shard;                // RunReport::shard ("K/N" or empty)
  // Called as each case finishes (from the runner's worker threads, one at a
  // time), with how many have finished so far.
  std::function<void(const CaseResult&, std::size_t finished, std::size_t total)> on_case;
};

RunReport RunSuite(const std::vector<CaseRef>& cases, const SuiteOptions& options);

// "2026-11-21T11:02:03Z"
std::string UtcNowIso8601();

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_SUITE_RUNNER_H_
