// Chooses the rule that answers a request: the first whose match holds, with
// `nth` counted per rule (and per state-machine key when the match has a
// state condition) and `times` limits.  When none holds, it names the rule
// that came closest and every condition that rule failed, for the journal.
// Not thread-safe; the engine serialises access.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_RULE_BOOK_H_
#define CIMULATE_FAKE_SERVER_ENGINE_RULE_BOOK_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/request_info.h"
#include "engine/state_machines.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

struct RuleChoice {
  const scenario::Rule* rule = nullptr;  // nullptr: no rule matched
  std::string nearest;                   // when rule == nullptr and rules exist
  std::string why;                       // what `nearest` lacked
};

class RuleBook {
 public:
  explicit RuleBook(const scenario::Endpoint& endpoint);

  // Counts the request against every rule's `nth`, then picks the first rule
  // that holds and has uses left.
  RuleChoice Choose(const RequestInfo& info, const StateMachines& machines);

 private:
  // The conditions of `match` the request fails, `nth` and `times` aside.
  std::vector<std::string> Failures(const scenario::Match& match, const RequestInfo& info,
                                    const StateMachines& machines) const;
  // Where `nth` is counted: per key of the state condition's machine.
  std::string CounterKey(const scenario::Match& match, const RequestInfo& info) const;

  const scenario::Endpoint& endpoint_;
  std::vector<std::uint32_t> fired_;
  std::vector<std::map<std::string, std::uint32_t>> seen_;
};

// A rule's display name: its `name`, or "endpoint.rules[i]".
std::string RuleName(const scenario::Endpoint& endpoint, const scenario::Rule& rule);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_RULE_BOOK_H_
