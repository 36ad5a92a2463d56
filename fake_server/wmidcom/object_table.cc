#include "wmidcom/object_table.h"

#include <algorithm>

namespace cimulate::fake::wmidcom {

ObjectTable::ObjectTable(std::uint64_t seed) : random_(seed) {
  std::lock_guard<std::mutex> lock(mu_);
  oxid_ = random_() | 1;  // never 0: a zero OXID reads as "none" to clients
  next_oid_ = (random_() & 0x0000FFFFFFFFFFFFull) + 1;
  ipid_rem_unknown_ = NewGuidLocked();
}

Guid ObjectTable::NewGuidLocked() {
  Guid g;
  std::uint64_t a = random_();
  std::uint64_t b = random_();
  g.data1 = static_cast<std::uint32_t>(a);
  g.data2 = static_cast<std::uint16_t>(a >> 32);
  g.data3 = static_cast<std::uint16_t>(((a >> 48) & 0x0FFF) | 0x4000);  // version 4, as a random UUID
  for (int i = 0; i < 8; ++i) g.data4[i] = static_cast<std::uint8_t>(b >> (8 * i));
  g.data4[0] = static_cast<std::uint8_t>((g.data4[0] & 0x3F) | 0x80);
  return g;
}

ExportedRef ObjectTable::Export(const Guid& iid, std::shared_ptr<ServedObject> object, std::uint32_t public_refs) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry e;
  e.ref.ipid = NewGuidLocked();
  e.ref.iid = iid;
  e.ref.oid = next_oid_++;
  e.ref.object = std::move(object);
  e.refs = public_refs;
  entries_[e.ref.ipid] = e;
  return e.ref;
}

std::optional<ExportedRef> ObjectTable::QueryInterface(const Guid& ipid, const Guid& iid, std::uint32_t public_refs) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(ipid);
  if (it == entries_.end() || !it->second.ref.object->Supports(iid)) return std::nullopt;
  Entry e;
  e.ref = it->second.ref;
  e.ref.iid = iid;
  e.ref.ipid = NewGuidLocked();
  e.refs = public_refs;
  entries_[e.ref.ipid] = e;
  return e.ref;
}

std::optional<ExportedRef> ObjectTable::Find(const Guid& ipid) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(ipid);
  if (it == entries_.end()) return std::nullopt;
  return it->second.ref;
}

bool ObjectTable::AddRef(const Guid& ipid, std::uint32_t count) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(ipid);
  if (it == entries_.end()) return false;
  it->second.refs += std::min(count, UINT32_MAX - it->second.refs);
  return true;
}

bool ObjectTable::Release(const Guid& ipid, std::uint32_t count) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(ipid);
  if (it == entries_.end()) return false;
  it->second.refs -= std::min(count, it->second.refs);
  if (it->second.refs == 0) entries_.erase(it);
  return true;
}

bool ObjectTable::HasOid(std::uint64_t oid) const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::any_of(entries_.begin(), entries_.end(), [&](const auto& e) { return e.second.ref.oid == oid; });
}

std::size_t ObjectTable::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace cimulate::fake::wmidcom
