// CallControl: what every remote call of one operation obeys, its deadline
// and its cancellation.
//
// MI_Operation_Cancel (through ResultSink::OnCancel) calls Cancel(); the wire
// layer arms and disarms its abort action as core::CancelSignal describes.
#ifndef CIMULATE_WMIDCOM_CALL_CONTROL_H_
#define CIMULATE_WMIDCOM_CALL_CONTROL_H_

#include <chrono>
#include <functional>
#include <utility>

#include "core/cancel_signal.h"

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

  void Cancel() { signal_.Cancel(); }
  bool cancelled() const { return signal_.cancelled(); }

  // See core::CancelSignal: false (and nothing armed) when already cancelled.
  bool Arm(std::function<void()> abort) { return signal_.Arm(std::move(abort)); }
  void Disarm() { signal_.Disarm(); }

 private:
  const Clock::time_point deadline_;
  core::CancelSignal signal_;
};

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_CALL_CONTROL_H_
