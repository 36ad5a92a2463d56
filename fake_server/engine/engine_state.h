// Everything an engine changes while it serves: the data, rule counters,
// state machines, enumerations, shells and the seeded random source.  The
// engine holds its lock while any of it is used; Reset replaces it whole.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_ENGINE_STATE_H_
#define CIMULATE_FAKE_SERVER_ENGINE_ENGINE_STATE_H_

#include <cstdint>
#include <random>
#include <string>

#include "engine/enumerations.h"
#include "engine/options.h"
#include "engine/repository.h"
#include "engine/rule_book.h"
#include "engine/shells.h"
#include "engine/state_machines.h"
#include "scenario/scenario.h"

namespace cimulate::fake {

struct EngineState {
  EngineState(const scenario::Scenario& scenario, const EngineOptions& options, std::uint64_t seed);

  // "8F2D...": an upper-case GUID drawn from the seeded source, so ShellIds,
  // contexts and MessageIDs replay with the seed.
  std::string NewGuid();

  const scenario::Scenario& scenario;
  const EngineOptions& options;
  Repository repository;
  RuleBook rules;
  StateMachines machines;
  Enumerations enumerations;
  Shells shells;
  std::mt19937 rng;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_ENGINE_STATE_H_
