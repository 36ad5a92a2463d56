// Selectors and endpoint references (WS-Addressing EPRs with WS-Man reference
// parameters), used by headers, Create responses, enumeration items, filters
// and CIM REF values.

#ifndef CIMULATE_WSMAN_EPR_H_
#define CIMULATE_WSMAN_EPR_H_

#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "wsman/status.h"

namespace cimulate::wsman {

struct EndpointReference;

// One w:Selector: a text value, or an EPR for a REF key.
struct Selector {
  std::string name;
  std::string value;
  std::shared_ptr<EndpointReference> epr;  // set for an EPR-valued selector

  bool operator==(const Selector& other) const;
};

struct EndpointReference {
  std::string address;  // a:Address; anonymous role when written empty
  std::string resource_uri;
  std::vector<Selector> selectors;

  bool operator==(const EndpointReference& other) const;
};

// Value of the selector named `name` (case-insensitive, as WinRM compares), or nullptr.
const Selector* FindSelector(const std::vector<Selector>& selectors, std::string_view name);

// Reads the w:Selector children of a w:SelectorSet.
Status ReadSelectorSet(pugi::xml_node selector_set, std::vector<Selector>* out);

// Reads an EPR from an element whose children are a:Address and
// a:ReferenceParameters (a:EndpointReference, x:ResourceCreated, b:Object, or a
// REF property element).
Status ReadEpr(pugi::xml_node element, EndpointReference* out);

// True if `element` has a:Address or a:ReferenceParameters children.
bool HasEprContent(pugi::xml_node element);

struct EprWriteOptions {
  // Declares xmlns:w on each w:SelectorSet so the text stays valid when a client
  // pastes it into an envelope of its own (Dell wsl does; reference §5).
  bool self_declaring_selector_set = true;
};

// Writes w:SelectorSet under `parent` (nothing when `selectors` is empty).
void WriteSelectorSet(pugi::xml_node parent, const std::vector<Selector>& selectors, const EprWriteOptions& options);

// Writes a:Address + a:ReferenceParameters as children of `element`.  Prefixes a
// and w must be in scope (the envelope declares them).
void WriteEprContent(pugi::xml_node element, const EndpointReference& epr, const EprWriteOptions& options);

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_EPR_H_
