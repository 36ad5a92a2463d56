// Resource URIs for CIM classes (reference/wsman.md §1.4).
//
//   WMI form:  http://schemas.microsoft.com/wbem/wsman/1/wmi/<namespace>/<Class>
//   DMTF form: http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/<Class>
//              with the namespace in the __cimnamespace selector
//   WQL/CQL:   .../wmi/<namespace>/* (or http://schemas.dmtf.org/wbem/wscim/1/*)
//
// Namespaces are written with '/', whatever the caller used ("root\cimv2").

#ifndef CIMULATE_WSMAN_RESOURCE_URI_H_
#define CIMULATE_WSMAN_RESOURCE_URI_H_

#include <string>
#include <string_view>

namespace cimulate::wsman {

enum class ResourceUriForm {
  kWmi,    // namespace in the path
  kDmtf,   // namespace in __cimnamespace
  kOther,  // any other URI (shell, config, vendor schemas); class = last segment
};

struct ResourceUriParts {
  ResourceUriForm form = ResourceUriForm::kOther;
  std::string name_space;  // "root/cimv2"; empty when unknown
  std::string class_name;  // "*" for the all-classes form used with WQL/CQL
};

// "root\\cimv2" and "/root/cimv2/" become "root/cimv2".
std::string NormalizeNamespace(std::string_view name_space);

std::string WmiResourceUri(std::string_view name_space, std::string_view class_name);
std::string DmtfResourceUri(std::string_view class_name);
// The ResourceURI a WQL or CQL enumeration is sent to (OMI and Windows: .../wmi/<ns>/*).
std::string QueryResourceUri(std::string_view name_space);

// Splits a resource URI.  `cim_namespace` is the __cimnamespace selector value
// (if any); it supplies the namespace of a DMTF-form URI and overrides none of
// the WMI form's.
ResourceUriParts SplitResourceUri(std::string_view uri, std::string_view cim_namespace = {});

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_RESOURCE_URI_H_
