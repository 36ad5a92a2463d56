#include "wsman/epr.h"

#include "core/value.h"
#include "wsman/namespaces.h"
#include "wsman/xml.h"

namespace cimulate::wsman {

bool Selector::operator==(const Selector& other) const {
  if (name != other.name || value != other.value) return false;
  if (static_cast<bool>(epr) != static_cast<bool>(other.epr)) return false;
  return !epr || *epr == *other.epr;
}

bool EndpointReference::operator==(const EndpointReference& other) const {
  return address == other.address && resource_uri == other.resource_uri && selectors == other.selectors;
}

const Selector* FindSelector(const std::vector<Selector>& selectors, std::string_view name) {
  std::string key(name);
  for (const Selector& s : selectors) {
    if (core::NamesEqual(s.name.c_str(), key.c_str())) return &s;
  }
  return nullptr;
}

Status ReadSelectorSet(pugi::xml_node selector_set, std::vector<Selector>* out) {
  out->clear();
  for (pugi::xml_node s = FirstElement(selector_set); s; s = NextElement(s)) {
    if (!Is(s, ns::kWsman, "Selector")) continue;
    Selector selector;
    pugi::xml_attribute name = Attribute(s, nullptr, "Name");
    if (!name) return Status(ErrorCode::kMalformed, "w:Selector without Name at " + PathOf(s));
    selector.name = name.value();
    pugi::xml_node epr = Child(s, ns::kAddressing, "EndpointReference");
    if (epr) {
      selector.epr = std::make_shared<EndpointReference>();
      Status status = ReadEpr(epr, selector.epr.get());
      if (!status.ok()) return status;
    } else {
      selector.value = TrimmedText(s);
    }
    out->push_back(std::move(selector));
  }
  return Status::Ok();
}

bool HasEprContent(pugi::xml_node element) {
  return Child(element, ns::kAddressing, "Address") || Child(element, ns::kAddressing, "ReferenceParameters");
}

Status ReadEpr(pugi::xml_node element, EndpointReference* out) {
  *out = EndpointReference();
  pugi::xml_node address = Child(element, ns::kAddressing, "Address");
  if (address) out->address = TrimmedText(address);
  pugi::xml_node params = Child(element, ns::kAddressing, "ReferenceParameters");
  if (!params) {
    if (!address) return Status(ErrorCode::kMalformed, "endpoint reference without a:Address at " + PathOf(element));
    return Status::Ok();
  }
  pugi::xml_node resource = Child(params, ns::kWsman, "ResourceURI");
  if (resource) out->resource_uri = TrimmedText(resource);
  pugi::xml_node selectors = Child(params, ns::kWsman, "SelectorSet");
  if (selectors) return ReadSelectorSet(selectors, &out->selectors);
  return Status::Ok();
}

void WriteSelectorSet(pugi::xml_node parent, const std::vector<Selector>& selectors,
                      const EprWriteOptions& options) {
  if (selectors.empty()) return;
  pugi::xml_node set = parent.append_child("w:SelectorSet");
  if (options.self_declaring_selector_set) set.append_attribute("xmlns:w") = ns::kWsman;
  for (const Selector& s : selectors) {
    pugi::xml_node node = set.append_child("w:Selector");
    node.append_attribute("Name") = s.name.c_str();
    if (s.epr) {
      pugi::xml_node epr = node.append_child("a:EndpointReference");
      epr.append_attribute("xmlns:a") = ns::kAddressing;
      WriteEprContent(epr, *s.epr, options);
    } else {
      node.text() = s.value.c_str();
    }
  }
}

void WriteEprContent(pugi::xml_node element, const EndpointReference& epr, const EprWriteOptions& options) {
  element.append_child("a:Address").text() = epr.address.empty() ? uri::kAnonymous : epr.address.c_str();
  pugi::xml_node params = element.append_child("a:ReferenceParameters");
  params.append_child("w:ResourceURI").text() = epr.resource_uri.c_str();
  WriteSelectorSet(params, epr.selectors, options);
}

}  // namespace cimulate::wsman
