#include "winrm/http/connection_pool.h"

#include <utility>

namespace cimulate::winrm::http {

using Code = TransportErrorCode;

ConnectionPool::ConnectionPool(std::size_t max, std::string where, Factory factory)
    : max_(max == 0 ? 1 : max), where_(std::move(where)), factory_(std::move(factory)) {}

ConnectionPool::~ConnectionPool() { Shutdown(); }

bool ConnectionPool::SlotFree() const { return !idle_.empty() || count_ < max_; }

TransportStatus ConnectionPool::Acquire(Clock::time_point deadline, CancelSignal* cancel,
                                        std::unique_ptr<PooledClient>* client) {
  // Set by the cancel action under mu_, so a waiter cannot miss it.  The
  // action runs under the signal's lock and takes mu_; this side therefore
  // never calls into the signal while holding mu_.
  bool cancelled = false;
  if (cancel != nullptr && !cancel->Arm([this, &cancelled] {
        std::lock_guard<std::mutex> lock(mu_);
        cancelled = true;
        returned_.notify_all();
      })) {
    return {Code::kCancelled, where_ + ": cancelled"};
  }
  TransportStatus status;
  bool make_new = false;
  {
    std::unique_lock<std::mutex> lock(mu_);
    const bool ready = returned_.wait_until(lock, deadline, [&] { return shut_down_ || cancelled || SlotFree(); });
    if (shut_down_ || cancelled) {
      status = {Code::kCancelled, where_ + (shut_down_ ? ": the transport is shut down" : ": cancelled")};
    } else if (!ready) {
      status = {Code::kTimedOut, where_ + ": no connection came free before the deadline (" + std::to_string(max_) +
                                     " in use)"};
    } else if (!idle_.empty()) {
      *client = std::move(idle_.back());
      idle_.pop_back();
      busy_.insert(client->get());
    } else {
      ++count_;  // the place is taken now; the client is made outside the lock
      make_new = true;
    }
  }
  if (cancel != nullptr) cancel->Disarm();
  if (make_new) {
    std::unique_ptr<PooledClient> made = factory_();
    std::lock_guard<std::mutex> lock(mu_);
    busy_.insert(made.get());
    // A Shutdown that came meanwhile did not see this client to wake it.
    if (shut_down_) made->waker().Signal();
    *client = std::move(made);
  }
  return status;
}

void ConnectionPool::Release(std::unique_ptr<PooledClient> client, bool reusable) {
  if (!client) return;
  std::unique_ptr<PooledClient> discard;
  {
    std::lock_guard<std::mutex> lock(mu_);
    busy_.erase(client.get());
    if (reusable && !shut_down_ && !client->waker().signalled()) {
      idle_.push_back(std::move(client));
    } else {
      discard = std::move(client);
      --count_;
    }
    returned_.notify_one();
  }
  // `discard` closes its connection here, outside the lock.
}

void ConnectionPool::Shutdown() {
  std::vector<std::unique_ptr<PooledClient>> closing;
  {
    std::lock_guard<std::mutex> lock(mu_);
    shut_down_ = true;
    closing.swap(idle_);
    count_ -= closing.size();
    for (const PooledClient* c : busy_) c->waker().Signal();
    returned_.notify_all();
  }
}

std::size_t ConnectionPool::idle() const {
  std::lock_guard<std::mutex> lock(mu_);
  return idle_.size();
}

}  // namespace cimulate::winrm::http
