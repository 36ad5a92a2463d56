// Scenario files for the runner's tests, written to a temporary folder, and
// the paths of the binaries under test.
#ifndef CIMULATE_TESTS_UNIT_CONFORM_RUNNER_TEST_SCENARIOS_H_
#define CIMULATE_TESTS_UNIT_CONFORM_RUNNER_TEST_SCENARIOS_H_

#include <string>

#include "runner/case_catalog.h"
#include "runner/case_supervisor.h"

namespace cimulate::conform::testing {

// A folder under $TMPDIR removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  // Writes `text` to path()/name and returns the full path.
  std::string Write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

// A whole scenario: name, tags, an endpoint serving one Win32_Service
// instance "winrm" to user alice, then `steps` (YAML list items, indented
// by two spaces).
std::string ScenarioText(const std::string& name, const std::string& steps, const std::string& tags = "[test]",
                         const std::string& strength = "MUST");

// Steps that open an application and a WinRM session to the fake.
std::string OpenSession();

// Options for RunCase against cimulate's own library; loopback mode unless
// `private_network`; no gdb unless `stacks`.
SuperviseOptions TestOptions(bool private_network = false, bool stacks = false);

// Loads the single case of `file`.
CaseRef LoadOne(const std::string& file);

}  // namespace cimulate::conform::testing

#endif  // CIMULATE_TESTS_UNIT_CONFORM_RUNNER_TEST_SCENARIOS_H_
