// ConnectionPool: a transport's keep-alive connections.
//
// A Post checks out an idle client (the most recently used, the likeliest
// to still be open), or makes a new one while fewer than `max` exist, or
// waits for one to come back, until its deadline or its cancellation.
// Clients are made unconnected; the first exchange on one connects it.
#ifndef CIMULATE_WINRM_HTTP_CONNECTION_POOL_H_
#define CIMULATE_WINRM_HTTP_CONNECTION_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "winrm/cancel_signal.h"
#include "winrm/http/pooled_client.h"
#include "winrm/transport.h"

namespace cimulate::winrm::http {

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<PooledClient>()>;

  ConnectionPool(std::size_t max, std::string where, Factory factory);
  ~ConnectionPool();  // Shutdown()s; every client must have been released

  // Errors: kTimedOut (none came free), kCancelled (cancel, or Shutdown).
  TransportStatus Acquire(Clock::time_point deadline, CancelSignal* cancel, std::unique_ptr<PooledClient>* client);
  // Returns a client; one that is not `reusable` (it failed, or was
  // cancelled) is destroyed and its place freed.
  void Release(std::unique_ptr<PooledClient> client, bool reusable);
  // Closes the idle connections, wakes every checked-out client and every
  // waiter, and makes later Acquires fail.
  void Shutdown();

  std::size_t idle() const;

 private:
  bool SlotFree() const;  // mu_ held

  const std::size_t max_;
  const std::string where_;
  const Factory factory_;

  mutable std::mutex mu_;
  std::condition_variable returned_;
  bool shut_down_ = false;
  std::size_t count_ = 0;  // idle + checked out
  std::vector<std::unique_ptr<PooledClient>> idle_;
  std::set<const PooledClient*> busy_;
};

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_CONNECTION_POOL_H_
