// How one step of a protocol handler's operation ended: OK, a failure (an
// MI_Result with its extended error), or cancelled (the core then reports its
// own cancellation result, so the handler posts nothing).  Shared by the
// WINRM and WMIDCOM handlers.
#ifndef CIMULATE_CORE_OUTCOME_H_
#define CIMULATE_CORE_OUTCOME_H_

#include <utility>

#include "MI.h"
#include "core/error.h"
#include "core/instance.h"
#include "core/protocol.h"

namespace cimulate::core {

struct Outcome {
  MI_Result result = MI_RESULT_OK;
  InstancePtr error;  // set when result != OK
  bool cancelled = false;

  bool ok() const { return !cancelled && result == MI_RESULT_OK; }

  static Outcome Ok() { return Outcome(); }
  static Outcome Cancelled() {
    Outcome o;
    o.cancelled = true;
    return o;
  }
  static Outcome Failure(MI_Result result, InstancePtr error) {
    Outcome o;
    o.result = result;
    o.error = std::move(error);
    return o;
  }
  static Outcome Failure(const ErrorInfo& info) { return Failure(info.result, BuildError(info)); }
};

// Posts the operation's final result, unless it was cancelled.
inline void Finish(ResultSink& sink, Outcome outcome, InstancePtr instance = nullptr) {
  if (outcome.cancelled) return;
  sink.PostFinal(outcome.result, std::move(outcome.error), outcome.ok() ? std::move(instance) : nullptr);
}

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_OUTCOME_H_
