// Where an operation's request goes: the resource URI and selectors for a
// class in a namespace (reference/wsman.md §1.4).
//
// By default a CIM_ class uses the DMTF form (namespace in __cimnamespace)
// and every other class the WMI form (namespace in the path).  The operation
// options switch it: __MI_OPERATIONOPTIONS_RESOURCE_URI names the URI
// outright; __MI_OPERATIONOPTIONS_RESOURCE_URI_PREFIX set to the WMI prefix
// forces the WMI form, and any other prefix gives <prefix>/<Class> with
// __cimnamespace (the DMTF prefix thus forces the DMTF form), as OMI does.
#ifndef CIMULATE_WINRM_RESOURCE_TARGET_H_
#define CIMULATE_WINRM_RESOURCE_TARGET_H_

#include <string>
#include <vector>

#include "core/protocol.h"
#include "wsman/epr.h"
#include "wsman/status.h"

namespace cimulate::winrm {

inline constexpr char kDefaultNamespace[] = "root/cimv2";

struct ResourceTarget {
  std::string uri;
  std::vector<wsman::Selector> selectors;  // __cimnamespace in the DMTF form
  std::string name_space;                  // normalized, "root/cimv2"
};

// The request's namespace with '/' separators; root/cimv2 when none is given.
std::string NamespaceOf(const core::OperationRequest& request);

// The URI of `class_name` in the request's namespace.
ResourceTarget ClassTarget(const core::OperationRequest& request, const std::string& class_name);

// The all-classes URI that WQL/CQL queries and association filters go to.
ResourceTarget AllClassesTarget(const core::OperationRequest& request);

// Appends the key properties of `instance` as selectors (all of its non-NULL
// scalar properties when none is marked MI_FLAG_KEY, since callers often build
// key instances without key flags).  References become EPR-valued selectors.
wsman::Status AppendKeySelectors(const MI_Instance* instance, std::vector<wsman::Selector>* selectors);

// The EPR of an instance (association filters' b:Object).
wsman::Status InstanceEpr(const core::OperationRequest& request, const MI_Instance* instance,
                          wsman::EndpointReference* out);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_RESOURCE_TARGET_H_
