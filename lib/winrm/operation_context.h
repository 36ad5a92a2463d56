// Everything one WINRM operation works with: the MI request, where results
// go, the exchange with the destination, and the header values its requests
// carry.  Built by the session for each Execute.
#ifndef CIMULATE_WINRM_OPERATION_CONTEXT_H_
#define CIMULATE_WINRM_OPERATION_CONTEXT_H_

#include <string>

#include "core/protocol.h"
#include "winrm/exchange.h"
#include "winrm/outcome.h"
#include "winrm/request_headers.h"
#include "winrm/resource_target.h"

namespace cimulate::winrm {

struct OperationContext {
  const core::OperationRequest& request;
  core::ResultSink& sink;
  Exchange& exchange;
  RequestHeaderValues headers;

  const std::string& destination() const { return exchange.settings().destination; }
  wsman::Message NewMessage(wsman::MessageKind kind, const ResourceTarget& target) const {
    return NewRequest(headers, kind, target);
  }
};

// A failure the request itself causes (bad arguments), reported without I/O.
Outcome InvalidRequest(MI_Result result, const std::string& message);

// The class an operation names: its class name, else its instance's.
std::string ClassOf(const core::OperationRequest& request);

// Gives an instance from the server the request's namespace when the answer
// did not carry one (DMTF-form URIs have none in the class URI).
void DefaultNamespace(MI_Instance* instance, const std::string& name_space);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_OPERATION_CONTEXT_H_
