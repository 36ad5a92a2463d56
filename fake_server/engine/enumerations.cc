#include "engine/enumerations.h"

#include <algorithm>

#include "core/instance.h"

namespace cimulate::fake {

size_t Enumeration::NextBatch(std::optional<std::uint32_t> client_max) const {
  if (!batches.empty()) return batches[std::min(responses, batches.size() - 1)];
  return std::max<std::uint32_t>(client_max.value_or(1), 1);
}

void Enumerations::Add(const std::string& id, Enumeration enumeration) {
  while (open_.size() >= limit_ && !order_.empty()) {
    open_.erase(order_.front());
    order_.pop_front();
  }
  open_[id] = std::move(enumeration);
  order_.push_back(id);
}

Enumeration* Enumerations::Find(const std::string& id) {
  auto it = open_.find(id);
  return it == open_.end() ? nullptr : &it->second;
}

bool Enumerations::Erase(const std::string& id) {
  if (open_.erase(id) == 0) return false;
  std::erase(order_, id);
  return true;
}

std::vector<wsman::Item> ItemsOf(const Enumeration& e, size_t count) {
  std::vector<wsman::Item> items;
  size_t end = std::min(e.items.size(), e.next + count);
  for (size_t i = e.next; i < end; ++i) {
    wsman::Item item;
    if (e.items[i].instance) item.instance = core::CloneInstance(e.items[i].instance.get());
    item.resource_uri = e.items[i].resource_uri;
    item.epr = e.items[i].epr;
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace cimulate::fake
