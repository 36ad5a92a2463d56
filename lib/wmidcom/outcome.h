// How a WMIDCOM operation ended: OK, a failure (an MI_Result with its extended
// error), or cancelled (the core then reports its own cancellation result, so
// the handler posts nothing).
#ifndef CIMULATE_WMIDCOM_OUTCOME_H_
#define CIMULATE_WMIDCOM_OUTCOME_H_

#include <utility>

#include "MI.h"
#include "core/error.h"
#include "core/instance.h"
#include "core/protocol.h"

namespace cimulate::wmidcom {

struct Outcome {
  MI_Result result = MI_RESULT_OK;
  core::InstancePtr error;  // set when result != OK
  bool cancelled = false;

  bool ok() const { return !cancelled && result == MI_RESULT_OK; }

  static Outcome Ok() { return Outcome(); }
  static Outcome Cancelled() {
    Outcome o;
    o.cancelled = true;
    return o;
  }
  static Outcome Failure(const core::ErrorInfo& info) {
    Outcome o;
    o.result = info.result;
    o.error = core::BuildError(info);
    return o;
  }
};

// Posts the operation's final result, unless it was cancelled.
inline void Finish(core::ResultSink& sink, Outcome outcome, core::InstancePtr instance = nullptr) {
  if (outcome.cancelled) return;
  sink.PostFinal(outcome.result, std::move(outcome.error), outcome.ok() ? std::move(instance) : nullptr);
}

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_OUTCOME_H_
