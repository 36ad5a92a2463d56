#include "engine/engine_state.h"

#include <cstdio>

namespace cimulate::fake {
namespace {

std::mt19937 Seeded(std::uint64_t seed) {
  std::seed_seq seq{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)};
  return std::mt19937(seq);
}

}  // namespace

EngineState::EngineState(const scenario::Scenario& s, const EngineOptions& o, std::uint64_t seed)
    : scenario(s),
      options(o),
      repository(s.endpoint.data),
      rules(s.endpoint),
      enumerations(o.max_enumerations),
      shells(s.endpoint.shell, o),
      rng(Seeded(seed)) {}

std::string EngineState::NewGuid() {
  std::uint32_t w[4];
  for (std::uint32_t& word : w) word = static_cast<std::uint32_t>(rng());
  w[1] = (w[1] & 0xFFFF0FFF) | 0x00004000;  // version 4
  w[2] = (w[2] & 0x3FFFFFFF) | 0x80000000;  // RFC 4122 variant
  char text[40];
  std::snprintf(text, sizeof(text), "%08X-%04X-%04X-%04X-%04X%08X", w[0], w[1] >> 16, w[1] & 0xFFFF, w[2] >> 16,
                w[2] & 0xFFFF, w[3]);
  return text;
}

}  // namespace cimulate::fake
