#include "wmidcom/fault_book.h"

#include "engine/text.h"

namespace cimulate::fake::wmidcom {
namespace {

bool SameOrAny(const std::string& wanted, const std::string& actual) {
  return wanted.empty() || EqualsIgnoreCase(wanted, actual);
}

bool Holds(const scenario::WmidcomMatch& m, const CallFacts& call) {
  if (!SameOrAny(m.interface_name, call.interface_name) || !SameOrAny(m.method, call.method)) return false;
  if (!SameOrAny(m.name_space, call.name_space) || !SameOrAny(m.user, call.user)) return false;
  return m.contains.empty() || ToLower(call.text).find(ToLower(m.contains)) != std::string::npos;
}

}  // namespace

FaultBook::FaultBook(std::vector<scenario::WmidcomFault> faults) {
  for (scenario::WmidcomFault& f : faults) entries_.push_back(Entry{std::move(f)});
}

std::optional<scenario::WmidcomFault> FaultBook::Match(const CallFacts& call) {
  std::lock_guard<std::mutex> lock(mu_);
  for (Entry& e : entries_) {
    if (!Holds(e.fault.match, call)) continue;
    ++e.seen;
    if (e.fault.match.nth != 0 && e.seen != e.fault.match.nth) continue;
    if (e.fault.times != 0 && e.fired >= e.fault.times) continue;
    ++e.fired;
    return e.fault;
  }
  return std::nullopt;
}

}  // namespace cimulate::fake::wmidcom
