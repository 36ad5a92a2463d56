// The scenario the WS-Man benchmark serves: one class with `instances`
// instances in root/cimv2 and one Basic account.
//
// Built in C++ rather than loaded from YAML because 100,000 instances are far
// beyond what the YAML reader accepts by default (4 MiB, 500,000 nodes), and
// the benchmark measures serving, not loading.
#ifndef CIMULATE_BENCH_BENCH_SCENARIO_H_
#define CIMULATE_BENCH_BENCH_SCENARIO_H_

#include <cstddef>
#include <string>

#include "scenario/scenario.h"

namespace cimulate::bench {

// What the load driver and the scenario must agree on.
inline constexpr const char* kBenchUser = "bench";
inline constexpr const char* kBenchPassword = "bench-password";
inline constexpr const char* kBenchNamespace = "root/cimv2";
inline constexpr const char* kBenchClass = "Bench_Item";

// The key (property `Id`) of the instance at `index`: "item-000042".
std::string BenchItemId(std::size_t index);

scenario::Scenario MakeBenchScenario(std::size_t instances);

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_BENCH_SCENARIO_H_
