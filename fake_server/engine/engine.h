// The transport-independent WS-Management engine of the fake WinRM endpoint.
//
// Handle() takes one HTTP request (already read off the wire by the HTTP
// layer) and returns the HTTP reply to send, plus any transport fault a rule
// asks the HTTP layer to carry out and a note for the journal.  It answers:
// authentication (Basic against the scenario's accounts), routing, Identify,
// WS-Transfer, WS-Enumeration, Invoke and the WinRS shell, from the
// scenario's data unless a rule scripts the reply.
//
// Thread-safe: many connections may call Handle() at once.  Requests are
// decoded and replies encoded outside the engine's lock; rule matching and
// every state change (data, counters, state machines, enumerations, shells,
// the seeded random source) happen under it, so each request sees a
// consistent state and a seeded run replays exactly when requests arrive in
// the same order.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_ENGINE_H_
#define CIMULATE_FAKE_SERVER_ENGINE_ENGINE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/options.h"
#include "engine/request.h"
#include "scenario/scenario.h"

namespace cimulate::fake {

struct EngineState;

class Engine {
 public:
  // Copies `scenario`.  Without a seed in the scenario one is drawn; seed()
  // reports it so a run can be replayed.
  explicit Engine(const scenario::Scenario& scenario, EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  EngineReply Handle(const EngineRequest& request);

  // The random parts (fault_wait_ms, garbage) of a fault decided outside a
  // request, such as a connection fault at accept, drawn from the same
  // seeded source as Handle()'s, so a seeded run replays these too.
  EngineReply DrawFault(const scenario::TransportFault& fault);

  // Back to the scenario's initial state: data, rule counters, state
  // machines, enumerations, shells and the random source.
  void Reset();

  std::uint64_t seed() const { return seed_; }
  const scenario::Scenario& scenario() const { return scenario_; }
  // Data instances that could not be built (each is left out of the data).
  std::vector<std::string> errors() const;

 private:
  const scenario::Scenario scenario_;
  const EngineOptions options_;
  const std::uint64_t seed_;
  mutable std::mutex mu_;
  std::unique_ptr<EngineState> state_;  // guarded by mu_
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_ENGINE_H_
