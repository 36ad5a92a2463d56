// Maps the small MI handle structs ({reserved1, reserved2, ft}) to C++ objects.
//
// reserved1 holds a process-unique id (never reused) and reserved2 a tag per object
// kind; the object itself lives in a registry.  A stale, copied, zeroed or forged
// handle therefore resolves to nothing and the call returns INVALID_PARAMETER
// instead of touching freed memory.
#ifndef CIMULATE_CORE_HANDLE_H_
#define CIMULATE_CORE_HANDLE_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "MI.h"

namespace cimulate::core {

inline MI_Uint64 NextHandleId() {
  static std::atomic<MI_Uint64> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

template <typename T>
class HandleRegistry {
 public:
  static HandleRegistry& Instance() {
    static HandleRegistry* registry = new HandleRegistry();  // never destroyed: used at exit
    return *registry;
  }

  template <typename Handle>
  void Attach(std::shared_ptr<T> object, const decltype(Handle::ft) ft, Handle* handle) {
    MI_Uint64 id = NextHandleId();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      objects_[id] = std::move(object);
    }
    handle->reserved1 = id;
    handle->reserved2 = Tag();
    handle->ft = ft;
  }

  template <typename Handle>
  std::shared_ptr<T> Find(const Handle* handle) const {
    if (handle == nullptr || handle->reserved2 != Tag()) return nullptr;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = objects_.find(handle->reserved1);
    return it == objects_.end() ? nullptr : it->second;
  }

  // Detaches the object: later lookups through any copy of the handle fail.
  template <typename Handle>
  std::shared_ptr<T> Remove(const Handle* handle) {
    if (handle == nullptr || handle->reserved2 != Tag()) return nullptr;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = objects_.find(handle->reserved1);
    if (it == objects_.end()) return nullptr;
    std::shared_ptr<T> object = std::move(it->second);
    objects_.erase(it);
    return object;
  }

 private:
  // The registry's own address distinguishes kinds without an enum.
  ptrdiff_t Tag() const { return reinterpret_cast<ptrdiff_t>(this); }

  mutable std::mutex mutex_;
  std::unordered_map<MI_Uint64, std::shared_ptr<T>> objects_;
};

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_HANDLE_H_
