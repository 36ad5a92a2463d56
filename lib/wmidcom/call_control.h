// CallControl: what every remote call of one operation obeys, its deadline
// and its cancellation.
//
// MI_Operation_Cancel (through ResultSink::OnCancel) calls Cancel().  The wire
// layer, about to block on a socket, arms an abort action (shutdown() of that
// socket) and disarms it when the I/O is over; Cancel() runs the armed action
// once, at once if it is armed already, or as soon as one is armed later.
#ifndef CIMULATE_WMIDCOM_CALL_CONTROL_H_
#define CIMULATE_WMIDCOM_CALL_CONTROL_H_

#include <chrono>
#include <functional>
#include <mutex>
#include <utility>

namespace cimulate::wmidcom {

class CallControl {
 public:
  using Clock = std::chrono::steady_clock;

  explicit CallControl(std::chrono::milliseconds timeout) : deadline_(Clock::now() + timeout) {}

  Clock::time_point deadline() const { return deadline_; }
  std::chrono::milliseconds remaining() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    return left.count() > 0 ? left : std::chrono::milliseconds(0);
  }

  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    if (cancelled_) return;
    cancelled_ = true;
    if (abort_) abort_();
    abort_ = nullptr;
  }

  bool cancelled() const {
    std::lock_guard<std::mutex> lock(mu_);
    return cancelled_;
  }

  // False (and nothing armed) when already cancelled: do not block then.  The
  // action runs under the lock on the cancelling thread, so after Disarm()
  // returns it is not running; it must only unblock (shutdown(), not close()).
  bool Arm(std::function<void()> abort) {
    std::lock_guard<std::mutex> lock(mu_);
    if (cancelled_) return false;
    abort_ = std::move(abort);
    return true;
  }

  void Disarm() {
    std::lock_guard<std::mutex> lock(mu_);
    abort_ = nullptr;
  }

 private:
  const Clock::time_point deadline_;
  mutable std::mutex mu_;
  bool cancelled_ = false;
  std::function<void()> abort_;
};

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_CALL_CONTROL_H_
