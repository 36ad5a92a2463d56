// CancelSignal: lets one thread abandon I/O that another thread is blocked in.
//
// An operation owns one; MI_Operation_Cancel (through ResultSink::OnCancel)
// calls Cancel().  Whoever is about to block (a transport holding a socket) arms an abort action, typically shutdown() of that socket, and
// disarms it when the I/O is over.  Cancel() runs the armed action once, at
// once if it is already armed, or as soon as one is armed later.
#ifndef CIMULATE_CORE_CANCEL_SIGNAL_H_
#define CIMULATE_CORE_CANCEL_SIGNAL_H_

#include <functional>
#include <mutex>
#include <utility>

namespace cimulate::core {

class CancelSignal {
 public:
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

  // Returns false (and runs nothing) when the signal was already cancelled:
  // the caller must not start blocking I/O then.  The action runs on the
  // cancelling thread under the signal's lock, so Disarm() waits for a
  // running action and the socket may be closed right after Disarm(); the
  // action must only unblock (shutdown(), not close()) and must not call
  // back into the signal.
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
  mutable std::mutex mu_;
  bool cancelled_ = false;
  std::function<void()> abort_;
};

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_CANCEL_SIGNAL_H_
