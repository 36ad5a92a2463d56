// The WINRM handler's MI operations, one function per WS-Management exchange
// pattern.  Each posts exactly one final result unless it was cancelled.
#ifndef CIMULATE_WINRM_OPERATIONS_H_
#define CIMULATE_WINRM_OPERATIONS_H_

#include "winrm/operation_context.h"

namespace cimulate::winrm {

void RunTestConnection(OperationContext& op);  // Identify
void RunGetInstance(OperationContext& op);     // transfer Get
void RunModifyInstance(OperationContext& op);  // transfer Put
void RunCreateInstance(OperationContext& op);  // transfer Create
void RunDeleteInstance(OperationContext& op);  // transfer Delete
void RunInvoke(OperationContext& op);          // custom action <ResourceURI>/<Method>
// Enumerate + Pull: EnumerateInstances, QueryInstances, AssociatorInstances,
// ReferenceInstances.
void RunEnumeration(OperationContext& op);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_OPERATIONS_H_
