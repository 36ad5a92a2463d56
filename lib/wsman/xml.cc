#include "wsman/xml.h"

#include <cstring>
#include <sstream>

#include "wsman/namespaces.h"

namespace cimulate::wsman {
namespace {

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Checks every element and attribute prefix is declared and enforces the depth
// limit.  Iterative, so hostile nesting cannot exhaust the stack.
Status Validate(const pugi::xml_document& doc, const ParseLimits& limits) {
  pugi::xml_node node = doc.first_child();
  int depth = 1;
  while (node) {
    if (node.type() == pugi::node_doctype || node.type() == pugi::node_declaration) {
      if (node.type() == pugi::node_doctype) {
        return Status(ErrorCode::kForbidden, "DOCTYPE is not allowed in a SOAP message");
      }
    }
    if (node.type() == pugi::node_element) {
      if (depth > limits.max_depth) {
        return Status(ErrorCode::kLimitExceeded, "elements nested deeper than " +
                                                     std::to_string(limits.max_depth) + " at " + PathOf(node));
      }
      std::string_view prefix = PrefixOf(node.name());
      if (!prefix.empty() && LookupNamespace(node, prefix) == nullptr) {
        return Status(ErrorCode::kNotXml,
                      "namespace prefix '" + std::string(prefix) + "' is not declared at " + PathOf(node));
      }
      for (pugi::xml_attribute a : node.attributes()) {
        std::string_view name = a.name();
        if (name == "xmlns" || name.starts_with("xmlns:")) continue;
        std::string_view attr_prefix = PrefixOf(name);
        if (!attr_prefix.empty() && LookupNamespace(node, attr_prefix) == nullptr) {
          return Status(ErrorCode::kNotXml, "namespace prefix '" + std::string(attr_prefix) +
                                                "' of attribute " + std::string(name) + " is not declared at " +
                                                PathOf(node));
        }
      }
      if (node.first_child()) {
        node = node.first_child();
        ++depth;
        continue;
      }
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == doc) return Status::Ok();
    }
    if (node) node = node.next_sibling();
  }
  return Status::Ok();
}

}  // namespace

Status ParseXml(std::string_view bytes, const ParseLimits& limits, pugi::xml_document* doc) {
  if (bytes.size() > limits.max_bytes) {
    return Status(ErrorCode::kLimitExceeded, "message of " + std::to_string(bytes.size()) +
                                                 " bytes exceeds the limit of " + std::to_string(limits.max_bytes));
  }
  // parse_doctype keeps the DOCTYPE as a node so Validate can refuse it instead
  // of pugixml silently skipping a declaration the sender meant to be honoured.
  unsigned options = (pugi::parse_default | pugi::parse_doctype) & ~pugi::parse_wconv_attribute;
  pugi::xml_parse_result result = doc->load_buffer(bytes.data(), bytes.size(), options, pugi::encoding_auto);
  if (!result) {
    return Status(ErrorCode::kNotXml, std::string("not well-formed XML: ") + result.description() +
                                          " at offset " + std::to_string(result.offset));
  }
  if (!doc->document_element()) return Status(ErrorCode::kNotXml, "no root element");
  return Validate(*doc, limits);
}

std::string_view LocalName(std::string_view qname) {
  size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view PrefixOf(std::string_view qname) {
  size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

const char* LookupNamespace(pugi::xml_node node, std::string_view prefix) {
  if (prefix == "xml") return ns::kXml;
  std::string attr_name = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    pugi::xml_attribute a = n.attribute(attr_name.c_str());
    if (a) return a.value();
  }
  return prefix.empty() ? "" : nullptr;
}

const char* NamespaceOf(pugi::xml_node element) {
  const char* uri = LookupNamespace(element, PrefixOf(element.name()));
  return uri ? uri : "";
}

bool Is(pugi::xml_node element, const char* ns, std::string_view local) {
  return element.type() == pugi::node_element && LocalName(element.name()) == local &&
         std::strcmp(NamespaceOf(element), ns) == 0;
}

pugi::xml_node Child(pugi::xml_node parent, const char* ns, std::string_view local) {
  for (pugi::xml_node c = FirstElement(parent); c; c = NextElement(c)) {
    if (Is(c, ns, local)) return c;
  }
  return pugi::xml_node();
}

pugi::xml_node FirstElement(pugi::xml_node parent) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return pugi::xml_node();
}

pugi::xml_node NextElement(pugi::xml_node element) {
  for (pugi::xml_node c = element.next_sibling(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return c;
  }
  return pugi::xml_node();
}

pugi::xml_attribute Attribute(pugi::xml_node element, const char* ns, std::string_view local) {
  for (pugi::xml_attribute a : element.attributes()) {
    std::string_view name = a.name();
    if (LocalName(name) != local) continue;
    std::string_view prefix = PrefixOf(name);
    if (ns == nullptr) {
      if (prefix.empty()) return a;
      continue;
    }
    if (prefix.empty() || prefix == "xmlns") continue;  // unqualified attributes have no namespace
    const char* uri = LookupNamespace(element, prefix);
    if (uri != nullptr && std::strcmp(uri, ns) == 0) return a;
  }
  return pugi::xml_attribute();
}

bool ResolveQName(pugi::xml_node context, std::string_view qname, std::string* ns, std::string* local) {
  while (!qname.empty() && IsXmlSpace(qname.front())) qname.remove_prefix(1);
  while (!qname.empty() && IsXmlSpace(qname.back())) qname.remove_suffix(1);
  if (qname.empty()) return false;
  const char* uri = LookupNamespace(context, PrefixOf(qname));
  if (uri == nullptr) return false;
  *ns = uri;
  *local = std::string(LocalName(qname));
  return !local->empty();
}

std::string PathOf(pugi::xml_node node) {
  std::string path;
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    std::string part(LocalName(n.name()));
    path = path.empty() ? part : part + "/" + path;
  }
  return path.empty() ? std::string("(document)") : path;
}

std::string TrimmedText(pugi::xml_node element) {
  std::string_view text = element.child_value();
  // child_value() is only the first PCDATA child; collect all for mixed content.
  std::string all;
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) all += c.value();
  }
  text = all;
  while (!text.empty() && IsXmlSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsXmlSpace(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string NodeToString(pugi::xml_node node) {
  std::ostringstream out;
  node.print(out, "", pugi::format_raw | pugi::format_no_declaration);
  return out.str();
}

}  // namespace cimulate::wsman
