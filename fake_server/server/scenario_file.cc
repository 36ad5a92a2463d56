#include "server/scenario_file.h"

#include "scenario/loader.h"

namespace cimulate::fake {

bool LoadServedScenario(const std::string& path, const std::optional<std::string>& name, scenario::Scenario* out,
                        std::string* error) {
  scenario::LoadResult loaded = scenario::LoadScenarioFile(path);
  if (!loaded.ok()) {
    error->clear();
    for (const scenario::Diagnostic& d : loaded.errors) *error += d.ToString() + "\n";
    if (loaded.error_count > loaded.errors.size()) {
      *error += path + ": " + std::to_string(loaded.error_count - loaded.errors.size()) + " more errors not shown\n";
    }
    return false;
  }
  if (!name) {
    if (loaded.scenarios.size() != 1) {
      *error = path + ": holds " + std::to_string(loaded.scenarios.size()) + " scenarios; pick one with --name (";
      for (std::size_t i = 0; i < loaded.scenarios.size(); ++i) *error += (i ? ", " : "") + loaded.scenarios[i].name;
      *error += ")\n";
      return false;
    }
    *out = std::move(loaded.scenarios[0]);
    return true;
  }
  for (scenario::Scenario& s : loaded.scenarios) {
    if (s.name == *name) {
      *out = std::move(s);
      return true;
    }
  }
  *error = path + ": no scenario named \"" + *name + "\"\n";
  return false;
}

}  // namespace cimulate::fake
