// Loading the one scenario cimulate-server serves out of a scenario file.
#ifndef CIMULATE_FAKE_SERVER_SERVER_SCENARIO_FILE_H_
#define CIMULATE_FAKE_SERVER_SERVER_SCENARIO_FILE_H_

#include <optional>
#include <string>

#include "scenario/scenario.h"

namespace cimulate::fake {

// Loads `path` and picks the scenario called `name`, or the only one when
// no name is given.  False with the errors ("file:line:column: message", one
// per line) or the reason (several scenarios and no name, no such name) in
// `error`.
bool LoadServedScenario(const std::string& path, const std::optional<std::string>& name, scenario::Scenario* out,
                        std::string* error);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_SCENARIO_FILE_H_
