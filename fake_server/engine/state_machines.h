// Per-key instances of the scenario's state machines: one per shell, command,
// enumeration context, resource, connection or selector value, or one global
// (anchors.md §5 item 6).  Not thread-safe; the engine serialises access.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_STATE_MACHINES_H_
#define CIMULATE_FAKE_SERVER_ENGINE_STATE_MACHINES_H_

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "engine/request_info.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

class StateMachines {
 public:
  // The instance of `machine` this request addresses, or nullopt when the
  // request carries no such key (a Get has no shell).
  static std::optional<std::string> KeyOf(const scenario::StateMachine& machine, const RequestInfo& info);
  // A display name of the key kind ("shell", "selector:Name").
  static std::string KeyKindName(const scenario::StateMachine& machine);

  // The instance's state: its initial state until a transition moves it.
  std::string StateOf(const scenario::StateMachine& machine, const std::string& key) const;
  void Set(const scenario::StateMachine& machine, const std::string& key, std::string state);

 private:
  std::map<std::pair<std::string, std::string>, std::string> states_;  // (machine, key) -> state
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_STATE_MACHINES_H_
