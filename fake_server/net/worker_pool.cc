#include "net/worker_pool.h"

namespace cimulate::fake {

bool WorkerPool::Submit(std::function<void()> job) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_ || busy_ + queue_.size() >= max_) return false;
  queue_.push_back(std::move(job));
  if (idle_ >= queue_.size()) {
    cv_.notify_one();
  } else {
    threads_.emplace_back([this] { Run(); });
  }
  return true;
}

void WorkerPool::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    ++idle_;
    cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping
    std::function<void()> job = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    job();
    job = nullptr;
    lock.lock();
    --busy_;
  }
}

void WorkerPool::Shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    threads.swap(threads_);
  }
  cv_.notify_all();
  for (auto& t : threads) t.join();
}

std::size_t WorkerPool::busy() const {
  std::lock_guard<std::mutex> lock(mu_);
  return busy_;
}

}  // namespace cimulate::fake
