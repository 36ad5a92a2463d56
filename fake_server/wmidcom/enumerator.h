// IEnumWbemClassObject's state: a snapshot of the objects a query or an
// instance enumeration produced and a cursor over them.  Next hands out up
// to `count` objects and WBEM_S_FALSE once fewer than asked were left;
// Reset rewinds; Skip moves on; Clone copies the snapshot and the cursor.
//
// Thread-safe: a client may call Next on two connections at once.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_ENUMERATOR_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_ENUMERATOR_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "wmidcom/wmi_store.h"

namespace cimulate::fake::wmidcom {

class Enumerator {
 public:
  explicit Enumerator(std::vector<WmiObject> objects);

  // wmi::kWbemSNoError when `count` objects were returned, wmi::kWbemSFalse when fewer.
  std::uint32_t Next(std::uint32_t count, std::vector<WmiObject>* out);
  std::uint32_t Skip(std::uint32_t count);
  void Reset();
  std::unique_ptr<Enumerator> Clone() const;

  std::size_t remaining() const;

 private:
  Enumerator(std::shared_ptr<const std::vector<WmiObject>> objects, std::size_t position);

  std::shared_ptr<const std::vector<WmiObject>> objects_;  // shared with clones, never changed
  mutable std::mutex mu_;
  std::size_t position_ = 0;  // guarded by mu_
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_ENUMERATOR_H_
