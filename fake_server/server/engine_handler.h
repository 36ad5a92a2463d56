// The bridge between a listener and the engine: a net Request becomes an
// EngineRequest, the EngineReply becomes the net Reply (status, headers,
// body, transport fault with its seeded draws, and the journal note).
#ifndef CIMULATE_FAKE_SERVER_SERVER_ENGINE_HANDLER_H_
#define CIMULATE_FAKE_SERVER_SERVER_ENGINE_HANDLER_H_

#include "engine/request.h"
#include "net/http_types.h"

namespace cimulate::fake {

EngineRequest ToEngineRequest(const Request& request);
Reply ToReply(EngineReply reply);
// The engine's draws for a fault, as the listener takes them.
FaultDraws ToFaultDraws(const EngineReply& reply);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_ENGINE_HANDLER_H_
