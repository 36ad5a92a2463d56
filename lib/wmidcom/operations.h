// One MI operation of a WMIDCOM session, carried out as IWbemServices calls.
#ifndef CIMULATE_WMIDCOM_OPERATIONS_H_
#define CIMULATE_WMIDCOM_OPERATIONS_H_

#include <cstdint>
#include <memory>

#include "core/protocol.h"
#include "wmidcom/call_control.h"
#include "wmidcom/connection.h"
#include "wmidcom/session_settings.h"

namespace cimulate::wmidcom {

// Instances asked for per IEnumWbemClassObject::Next: enough to amortise a
// round trip, few enough that a slow client bounds what is held in memory.
inline constexpr std::uint32_t kNextBatch = 32;

struct OperationContext {
  const core::OperationRequest& request;
  core::ResultSink& sink;
  const SessionSettings& settings;
  WbemConnection& connection;
  CallControl& control;
};

// Runs the request and posts exactly one final result (none when cancelled:
// the core reports the cancellation).
void RunOperation(OperationContext& op);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_OPERATIONS_H_
