// WorkerPool: runs connection jobs on up to `max` threads, made on demand
// and kept for reuse.  Unlike httplib's ThreadPool it refuses work beyond its
// bound instead of queueing it without limit, so the listener can answer a
// connection it has no room for at once (503) rather than leave it waiting
// behind connections that a hang fault holds open.
#ifndef CIMULATE_FAKE_SERVER_NET_WORKER_POOL_H_
#define CIMULATE_FAKE_SERVER_NET_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cimulate::fake {

class WorkerPool {
 public:
  explicit WorkerPool(std::size_t max) : max_(max ? max : 1) {}
  ~WorkerPool() { Shutdown(); }

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when `max` jobs are running or waiting already.
  bool Submit(std::function<void()> job);
  // Runs what was submitted to the end, then joins every thread.
  void Shutdown();
  std::size_t busy() const;

 private:
  void Run();

  const std::size_t max_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  std::size_t busy_ = 0;
  bool stopping_ = false;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_WORKER_POOL_H_
