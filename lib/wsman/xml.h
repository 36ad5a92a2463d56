// Safe XML parsing and namespace resolution on top of pugixml.
//
// pugixml does not resolve namespaces, so every lookup here goes through the
// in-scope xmlns declarations: the codec matches elements by namespace URI and
// local name, never by prefix (clients use s/env/SOAP-ENV, a/wsa, w/wsman ...).
//
// ParseXml is the only way input enters the codec.  It refuses what a hostile
// peer could use against the parser: documents above a size limit, a DOCTYPE
// (and with it every entity declaration; pugixml never expands entities itself),
// nesting deeper than a limit, and prefixes that no xmlns declares (which Dell
// wsl produces when it splices an EPR into its own envelope).

#ifndef CIMULATE_WSMAN_XML_H_
#define CIMULATE_WSMAN_XML_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "wsman/status.h"

namespace cimulate::wsman {

struct ParseLimits {
  size_t max_bytes = 512 * 1024;
  // Elements nested deeper than this are refused; an envelope with an embedded
  // instance inside an enumeration item needs about 10.
  int max_depth = 64;
};

// Parses `bytes` into `doc`.  UTF-8, or UTF-16/32 with a byte-order mark.
Status ParseXml(std::string_view bytes, const ParseLimits& limits, pugi::xml_document* doc);

// The part of a qualified name after the colon (all of it without one).
std::string_view LocalName(std::string_view qname);
std::string_view PrefixOf(std::string_view qname);

// The namespace URI bound to `prefix` at `node` ("" prefix: the default
// namespace).  nullptr if the prefix is not declared; "" for no namespace.
const char* LookupNamespace(pugi::xml_node node, std::string_view prefix);

// The namespace URI of an element ("" when it has none).
const char* NamespaceOf(pugi::xml_node element);

// True if `element` is {ns}local.
bool Is(pugi::xml_node element, const char* ns, std::string_view local);

// The first element child {ns}local, or an empty node.
pugi::xml_node Child(pugi::xml_node parent, const char* ns, std::string_view local);

// The first element child, skipping text; an empty node if there is none.
pugi::xml_node FirstElement(pugi::xml_node parent);
pugi::xml_node NextElement(pugi::xml_node element);

// The attribute {ns}local; ns == nullptr means an unqualified attribute.
pugi::xml_attribute Attribute(pugi::xml_node element, const char* ns, std::string_view local);

// Resolves a QName held in text or an attribute value (s:Subcode/s:Value,
// xsi:type) against the declarations in scope at `context`.
bool ResolveQName(pugi::xml_node context, std::string_view qname, std::string* ns, std::string* local);

// "Envelope/Body/Pull" style location for error messages.
std::string PathOf(pugi::xml_node node);

// Element text with surrounding XML whitespace removed (for numbers, URIs, ids).
std::string TrimmedText(pugi::xml_node element);

// Serializes a node without declaration or indentation.
std::string NodeToString(pugi::xml_node node);

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_XML_H_
