#include "engine/state_machines.h"

#include <algorithm>

#include "engine/text.h"

namespace cimulate::fake {
namespace {

using scenario::StateKey;

std::optional<std::string> NonEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// The resource URI and its selectors in a stable order, so the same instance
// addressed with selectors in another order is the same key.
std::string ResourceKey(const RequestInfo& info) {
  std::vector<std::string> parts;
  for (const wsman::Selector& s : info.message.headers.selectors) parts.push_back(ToLower(s.name) + "=" + s.value);
  std::sort(parts.begin(), parts.end());
  std::string key = info.message.headers.resource_uri;
  for (const std::string& p : parts) key += "|" + p;
  return key;
}

}  // namespace

std::optional<std::string> StateMachines::KeyOf(const scenario::StateMachine& machine, const RequestInfo& info) {
  switch (machine.key) {
    case StateKey::kGlobal: return std::string();
    case StateKey::kShell: return NonEmpty(info.keys.shell);
    case StateKey::kCommand: return NonEmpty(info.keys.command);
    case StateKey::kEnumeration: return NonEmpty(info.keys.enumeration);
    case StateKey::kResource: return NonEmpty(ResourceKey(info));
    case StateKey::kConnection: return std::to_string(info.http->connection_id);
    case StateKey::kSelector: {
      const wsman::Selector* s = wsman::FindSelector(info.message.headers.selectors, machine.selector);
      if (s == nullptr) return std::nullopt;
      return Trim(s->value);
    }
  }
  return std::nullopt;
}

std::string StateMachines::KeyKindName(const scenario::StateMachine& machine) {
  switch (machine.key) {
    case StateKey::kGlobal: return "global";
    case StateKey::kShell: return "shell";
    case StateKey::kCommand: return "command";
    case StateKey::kEnumeration: return "enumeration";
    case StateKey::kResource: return "resource";
    case StateKey::kConnection: return "connection";
    case StateKey::kSelector: return "selector:" + machine.selector;
  }
  return "?";
}

std::string StateMachines::StateOf(const scenario::StateMachine& machine, const std::string& key) const {
  auto it = states_.find({machine.name, key});
  if (it != states_.end()) return it->second;
  if (!machine.initial.empty()) return machine.initial;
  return machine.states.empty() ? std::string() : machine.states.front();
}

void StateMachines::Set(const scenario::StateMachine& machine, const std::string& key, std::string state) {
  states_[{machine.name, key}] = std::move(state);
}

}  // namespace cimulate::fake
