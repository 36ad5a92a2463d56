#include "core/thread_pool.h"

#include <algorithm>

namespace cimulate::core {

ThreadPool::ThreadPool(size_t max_threads, std::chrono::milliseconds idle_timeout)
    : max_threads_(max_threads), idle_timeout_(idle_timeout) {}

ThreadPool::~ThreadPool() { Shutdown(); }

bool ThreadPool::Submit(std::function<void()> task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shutting_down_) return false;
  queue_.push_back(std::move(task));
  ReapRetiredLocked();
  if (idle_ >= queue_.size() || worker_ids_.size() >= max_threads_) {
    work_available_.notify_one();
  } else {
    threads_.emplace_back([this] { WorkerLoop(); });
    worker_ids_.push_back(threads_.back().get_id());
  }
  return true;
}

void ThreadPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    while (queue_.empty() && !shutting_down_) {
      ++idle_;
      bool woke = work_available_.wait_for(lock, idle_timeout_, [this] { return !queue_.empty() || shutting_down_; });
      --idle_;
      if (!woke) {
        // Retire: leave the thread object for Shutdown (or a later retire) to join.
        auto self = std::find(worker_ids_.begin(), worker_ids_.end(), std::this_thread::get_id());
        if (self != worker_ids_.end()) worker_ids_.erase(self);
        retired_ids_.push_back(std::this_thread::get_id());
        return;
      }
    }
    if (queue_.empty()) return;  // shutting down with nothing left to do
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();
    task = nullptr;  // destroy captured state outside the lock
    lock.lock();
  }
}

// Joins workers that retired for idleness.  They have released the lock for good,
// so joining here only waits for their last instructions.
void ThreadPool::ReapRetiredLocked() {
  for (std::thread::id id : retired_ids_) {
    auto it = std::find_if(threads_.begin(), threads_.end(), [id](const std::thread& t) { return t.get_id() == id; });
    if (it != threads_.end()) {
      it->join();
      threads_.erase(it);
    }
  }
  retired_ids_.clear();
}

void ThreadPool::Shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
    threads.swap(threads_);
  }
  work_available_.notify_all();
  for (auto& thread : threads)
    if (thread.joinable()) thread.join();
}

bool ThreadPool::OnWorkerThread() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::find(worker_ids_.begin(), worker_ids_.end(), std::this_thread::get_id()) != worker_ids_.end();
}

}  // namespace cimulate::core
