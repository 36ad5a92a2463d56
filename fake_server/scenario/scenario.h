// A scenario: metadata, the endpoint the fake serves, and the steps and
// expectations the conformance runner executes against it.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_SCENARIO_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_SCENARIO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/endpoint.h"
#include "scenario/steps.h"

namespace cimulate::scenario {

enum class Strength { kMust, kShould, kMay };
const char* StrengthName(Strength strength);

struct SpecClause {
  std::string clause;
  Strength strength = Strength::kMust;
};

struct Scenario {
  std::string name;
  std::string summary;
  std::optional<SpecClause> spec;
  std::vector<std::string> tags;
  std::optional<std::uint64_t> seed;  // absent: the fake draws one and reports it
  Endpoint endpoint;
  std::vector<StepEntry> steps;
  std::string source;  // display name of the file it came from
  Mark mark;
};

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_SCENARIO_H_
