// Loading and validating scenario files.
//
//   cimulate::scenario::LoadResult r = cimulate::scenario::LoadScenarioFile("scenarios/x.yaml");
//   if (!r.ok()) for (const auto& e : r.errors) std::cerr << e.ToString() << "\n";
//
// A file holds one scenario per YAML document.  A result is either valid as a
// whole (every scenario loaded, no errors) or carries the errors; a partly
// valid model is never handed out.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_LOADER_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_LOADER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/scenario.h"
#include "scenario/yaml_tree.h"

namespace cimulate::scenario {

struct LoadOptions {
  YamlLimits limits;
  size_t max_errors = Diagnostics::kDefaultLimit;
};

struct LoadResult {
  std::vector<Scenario> scenarios;  // empty unless ok()
  std::vector<Diagnostic> errors;   // at most max_errors of them
  size_t error_count = 0;           // all errors, including those not kept
  bool ok() const { return error_count == 0; }
};

// Parses `text`; `display_name` is the file name errors are reported against.
LoadResult LoadScenarios(std::string_view text, const std::string& display_name, const LoadOptions& options = {});

// Reads and parses the file at `path` (reading at most limits.max_bytes + 1 bytes).
LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options = {});

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_LOADER_H_
