// Open enumeration contexts: the items an Enumerate selected (a snapshot),
// how far Pulls have got, and the scripted batch sizes.  Bounded: the oldest
// context goes when a new one would exceed the limit.  Not thread-safe.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_ENUMERATIONS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_ENUMERATIONS_H_

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/repository.h"
#include "wsman/epr.h"
#include "wsman/message.h"

namespace cimulate::fake {

struct EnumItem {
  SharedInstance instance;  // null in EnumerateEPR mode
  std::string resource_uri;
  std::optional<wsman::EndpointReference> epr;
};

struct Enumeration {
  std::vector<EnumItem> items;
  size_t next = 0;
  std::vector<std::uint32_t> batches;  // scripted sizes per response; the last repeats
  size_t responses = 0;                // responses that carried items so far

  bool done() const { return next >= items.size(); }
  // How many items the next response carries: the scripted size, else the
  // client's MaxElements (1 when absent or 0).
  size_t NextBatch(std::optional<std::uint32_t> client_max) const;
};

class Enumerations {
 public:
  explicit Enumerations(size_t limit) : limit_(limit) {}

  void Add(const std::string& id, Enumeration enumeration);
  Enumeration* Find(const std::string& id);
  // False when there was no such context.
  bool Erase(const std::string& id);
  size_t size() const { return open_.size(); }

 private:
  size_t limit_;
  std::map<std::string, Enumeration> open_;
  std::deque<std::string> order_;  // creation order, for eviction
};

// The items [e.next, e.next + count) as wire items (instances cloned).
std::vector<wsman::Item> ItemsOf(const Enumeration& e, size_t count);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_ENUMERATIONS_H_
