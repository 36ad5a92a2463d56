// CIM instances and values <-> WS-CIM XML (DMTF DSP0230), as WinRM writes them.
//
//   <p:Win32_Service xmlns:p="<class resource URI>" xsi:type="p:Win32_Service_Type">
//     <p:Name xsi:type="cim:cimString">WinRM</p:Name>        scalar: element text
//     <p:InstallDate xsi:nil="true"/>                          NULL
//     <p:Tags>a</p:Tags><p:Tags>b</p:Tags>                     array: repeated element
//     <p:Start><cim:Datetime>2020-01-01T10:00:00Z</cim:Datetime></p:Start>
//     <p:Up><cim:Interval>P1DT2H0M0S</cim:Interval></p:Up>
//     <p:Emb xmlns:p1="<uri>" xsi:type="p1:Class_Type"><p1:X>..</p1:X></p:Emb>
//     <p:Ref><a:Address>..</a:Address><a:ReferenceParameters>..</a:ReferenceParameters></p:Ref>
//   </p:Win32_Service>
//
// Decoding needs no schema.  The type of a property comes from, in order: an
// xsi:type naming a cim:cimXxx or xs:xxx type (or Class_Type: embedded
// instance); a cim:Datetime/Interval/Date/Time/CIM_DateTime child (datetime);
// EPR children (reference); other element children (embedded instance);
// otherwise it is a string.  Repeated elements become an array, so a one-element
// array reads back as a scalar and an empty array is not written at all.
// Properties keep the order of their first element.

#ifndef CIMULATE_WSMAN_CIM_XML_H_
#define CIMULATE_WSMAN_CIM_XML_H_

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "MI.h"
#include "core/instance.h"
#include "wsman/epr.h"
#include "wsman/status.h"

namespace cimulate::wsman {

struct CimWriteOptions {
  // Writes xsi:type="cim:cimXxx" on every property so that the reader gets the
  // exact MI_Type back (Windows does this in error instances; plain Get
  // responses from Windows omit it).
  bool type_attributes = true;
  EprWriteOptions epr;
};

// The resource URI of an instance's class: WMI form when it has a namespace,
// DMTF form otherwise.
std::string ResourceUriOf(const MI_Instance* instance);

// Writes `instance` as a new child of `parent`.  The element is named after the
// class unless `element_name` is given (Method_INPUT / Method_OUTPUT); it
// declares xmlns:p=`resource_uri` (ResourceUriOf(instance) when empty), xsi and
// cim.  `instance_type` adds xsi:type="p:Class_Type".
Status WriteInstance(pugi::xml_node parent, const MI_Instance* instance, std::string_view resource_uri,
                     const CimWriteOptions& options, std::string_view element_name = {}, bool instance_type = true);

// Reads an instance element: class = the element's local name, resource URI =
// its namespace (a WMI-form URI also sets the instance's namespace).
Status ReadInstance(pugi::xml_node element, core::InstancePtr* out, std::string* resource_uri = nullptr);

// Reads the children of `element` as the properties of a new instance of
// `class_name` (method parameters).
Status ReadInstanceAs(pugi::xml_node element, std::string_view class_name, core::InstancePtr* out);

// A REF value as an EPR (class + namespace -> resource URI, keys -> selectors)
// and back (selectors -> key properties, string-typed unless EPR-valued; a
// __cimnamespace selector becomes the namespace).
Status ReferenceToEpr(const MI_Instance* reference, EndpointReference* out);

// Appends `instance`'s properties as selectors: scalars as text, references
// as nested EPRs; null, array and embedded-instance properties are skipped.
// With `keys_only`, only the properties flagged MI_FLAG_KEY.
Status AppendSelectors(const MI_Instance* instance, bool keys_only, std::vector<Selector>* out);
Status EprToReference(const EndpointReference& epr, core::InstancePtr* out);

// Text form of a scalar value as a selector or element would carry it.
Status FormatScalar(MI_Type type, const MI_Value& value, std::string* out);

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_CIM_XML_H_
