// Presentation context negotiation for bind and alter_context (C706 12.6.3.1,
// MS-RPCE 3.3.1.5.3). Only NDR 2.0 is spoken here: NDR64 and the bind time
// feature negotiation pseudo syntax get a clean provider rejection, which is
// what a server without those features answers and what clients expect.

#ifndef CIMULATE_DCERPC_PRESENTATION_H_
#define CIMULATE_DCERPC_PRESENTATION_H_

#include <functional>
#include <vector>

#include "dcerpc/pdu.h"

namespace cimulate::dcerpc {

// 8a885d04-1ceb-11c9-9fe8-08002b104860 v2.0
const SyntaxId& Ndr20Syntax();
// 71710533-beba-4937-8319-b5dbef9ccc36 v1.0
const SyntaxId& Ndr64Syntax();

// True for 6cb71c2c-9812-4540-xxxx-xxxxxxxxxxxx: the last eight bytes carry
// the client's BindTimeFeatureNegotiationBitmask, not a real syntax.
bool IsBindTimeFeatureNegotiation(const SyntaxId& syntax);

using AbstractSyntaxFilter = std::function<bool(const SyntaxId& abstract_syntax)>;

// One result per element, in order. Unsupported interface:
// provider_rejection/abstract_syntax_not_supported; no NDR 2.0 among the
// transfer syntaxes: provider_rejection/proposed_transfer_syntaxes_not_supported.
// Rejected results carry a nil transfer syntax.
ContextResult NegotiateContext(const ContextElement& element, const AbstractSyntaxFilter& supported);
std::vector<ContextResult> NegotiateContexts(const std::vector<ContextElement>& elements,
                                             const AbstractSyntaxFilter& supported);

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_PRESENTATION_H_
