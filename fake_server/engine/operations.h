// The operations the fake answers from its data when no rule scripts the
// reply.  Each runs under the engine's lock and returns the reply to send.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_OPERATIONS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_OPERATIONS_H_

#include <string>
#include <vector>

#include "engine/engine_state.h"
#include "engine/outcome.h"
#include "engine/request_info.h"

namespace cimulate::fake {

// Identify hides the OS version from unauthenticated callers, as Windows does.
Outcome Identify(const EngineState& state, bool authenticated);

Outcome Get(EngineState& state, RequestInfo& info);
Outcome Put(EngineState& state, RequestInfo& info);
Outcome Create(EngineState& state, RequestInfo& info);
Outcome Delete(EngineState& state, RequestInfo& info);
Outcome Invoke(EngineState& state, RequestInfo& info);
// <Method>_OUTPUT carrying `output` (ReturnValue and out parameters).
Outcome InvokeReply(const RequestInfo& info, const std::vector<scenario::PropertyValue>& output,
                    const scenario::DataSet& data);
// MS End of an OperationID: nothing to end in the fake; acknowledged.
Outcome End();

// Enumerate over `scripted` (a rule's instances, in order) when given, else
// over the data; `batches` are a rule's scripted batch sizes.
Outcome Enumerate(EngineState& state, RequestInfo& info, const std::vector<SharedInstance>* scripted,
                  const std::vector<std::uint32_t>& batches);
Outcome Pull(EngineState& state, RequestInfo& info);
Outcome Release(EngineState& state, RequestInfo& info);

// WinRS (reference §4).
Outcome ShellCreate(EngineState& state, RequestInfo& info);
Outcome ShellDelete(EngineState& state, RequestInfo& info);
Outcome ShellCommand(EngineState& state, RequestInfo& info);
Outcome ShellReceive(EngineState& state, RequestInfo& info);
Outcome ShellSignal(EngineState& state, RequestInfo& info);
Outcome ShellSend(EngineState& state, RequestInfo& info);

// The WinRS shell resource URI.
bool IsShellUri(const std::string& resource_uri);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_OPERATIONS_H_
