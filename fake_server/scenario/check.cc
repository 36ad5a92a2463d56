#include "scenario/check.h"

#include "scenario/loader.h"

namespace cimulate::scenario {

int CheckScenarioFile(const std::string& path, std::ostream& out) {
  LoadResult result = LoadScenarioFile(path);
  if (!result.ok()) {
    for (const Diagnostic& d : result.errors) out << d.ToString() << "\n";
    if (result.error_count > result.errors.size()) {
      out << path << ": " << (result.error_count - result.errors.size()) << " more errors not shown\n";
    }
    return kCheckInvalid;
  }
  out << path << ": ok (" << result.scenarios.size() << (result.scenarios.size() == 1 ? " scenario" : " scenarios")
      << ")\n";
  return kCheckOk;
}

}  // namespace cimulate::scenario
