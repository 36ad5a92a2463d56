// `cimulate-server --check FILE`: validate a scenario file without serving it.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_CHECK_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_CHECK_H_

#include <ostream>
#include <string>

namespace cimulate::scenario {

// Exit codes, shared with cimulate-conform (2 = usage or scenario error).
constexpr int kCheckOk = 0;
constexpr int kCheckInvalid = 2;

// Loads `path`; prints "file:line:column: message" per error (and a count of
// any not shown) to `out` and returns kCheckInvalid, or prints a one-line
// summary of the valid file and returns kCheckOk.
int CheckScenarioFile(const std::string& path, std::ostream& out);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_CHECK_H_
