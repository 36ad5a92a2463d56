// Replies a rule's `respond` scripts: instances (Get/Put, Enumerate with
// batches, Pull), method output, a fault from fields, raw XML, raw HTTP.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_SCRIPTED_H_
#define CIMULATE_FAKE_SERVER_ENGINE_SCRIPTED_H_

#include <optional>

#include "engine/engine_state.h"
#include "engine/outcome.h"
#include "engine/request_info.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

// nullopt when the response does not apply to this action (instances for a
// Delete, output for a Get): the data answers instead.
std::optional<Outcome> Scripted(EngineState& state, RequestInfo& info, const scenario::Response& response);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_SCRIPTED_H_
