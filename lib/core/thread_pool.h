// The application's worker threads.
//
// Protocol handlers run each operation to completion on one worker, blocking on
// I/O, so the pool grows with the number of concurrent operations instead of
// queueing them behind each other; idle workers retire after a while.
#ifndef CIMULATE_CORE_THREAD_POOL_H_
#define CIMULATE_CORE_THREAD_POOL_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cimulate::core {

class ThreadPool {
 public:
  explicit ThreadPool(size_t max_threads = 512,
                      std::chrono::milliseconds idle_timeout = std::chrono::seconds(30));
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;
  ~ThreadPool();

  // Queues a task.  Returns false once Shutdown has begun.
  bool Submit(std::function<void()> task);

  // Runs every queued task, then joins all workers.  Must not be called from a worker.
  void Shutdown();

  // True on a thread owned by this pool.
  bool OnWorkerThread() const;

 private:
  void WorkerLoop();
  void ReapRetiredLocked();

  const size_t max_threads_;
  const std::chrono::milliseconds idle_timeout_;
  mutable std::mutex mutex_;
  std::condition_variable work_available_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::vector<std::thread::id> worker_ids_;
  std::vector<std::thread::id> retired_ids_;  // exited, not yet joined
  size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_THREAD_POOL_H_
