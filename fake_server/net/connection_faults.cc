#include "net/connection_faults.h"

#include <utility>

namespace cimulate::fake {

AcceptHook ConnectionFaultHook(std::vector<scenario::ConnectionFault> faults, scenario::ListenerKind listener) {
  std::vector<scenario::ConnectionFault> mine;
  for (auto& f : faults) {
    if (f.listener == listener) mine.push_back(std::move(f));
  }
  if (mine.empty()) return nullptr;
  return [mine = std::move(mine)](const AcceptInfo& info) -> std::optional<scenario::TransportFault> {
    for (const auto& f : mine) {
      if (f.nth == 0 || f.nth == info.nth) return f.fault;
    }
    return std::nullopt;
  };
}

}  // namespace cimulate::fake
