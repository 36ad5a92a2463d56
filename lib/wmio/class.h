// A CIM class as MS-WMIO carries it: the ClassPart (name, derivation,
// qualifiers, properties with defaults) and the MethodsPart (methods with
// their __PARAMETERS signature classes).

#ifndef CIMULATE_WMIO_CLASS_H_
#define CIMULATE_WMIO_CLASS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wmio/cim_type.h"
#include "wmio/qualifier.h"
#include "wmio/value.h"

namespace cimulate::wmio {

struct Class;
using ClassPtr = std::shared_ptr<const Class>;

struct Property {
  std::string name;
  CimType type = CimType::kString;
  // The class's default; Null(type) when it has none.  In an instance the
  // values live in Instance::values instead.
  Value default_value;
  QualifierList qualifiers;
  // Declared by a superclass (PropertyInfo type | 0x4000).
  bool inherited = false;
  // PropertyInfo.ClassOfOrigin as on the wire (depth of the declaring class
  // in the derivation chain, the root being 0), written as given.
  uint32_t class_of_origin = 0;

  bool operator==(const Property&) const = default;
};

struct Method {
  std::string name;
  uint8_t flags = 0;
  uint32_t origin = 0;
  QualifierList qualifiers;
  // The "__PARAMETERS" classes of the in and out signatures; null when the
  // method has none.  Parameter properties carry an "ID" qualifier; the out
  // class holds "ReturnValue".
  ClassPtr in_params;
  ClassPtr out_params;

  bool operator==(const Method& other) const;
};

struct Class {
  std::string name;
  // Superclasses, nearest first (MS-WMIO DerivationList order); empty for a
  // root class.
  std::vector<std::string> derivation;
  QualifierList qualifiers;
  // In declaration order, inherited properties included.
  std::vector<Property> properties;
  std::vector<Method> methods;

  // "" for a root class.
  const std::string& superclass() const;

  // Case-insensitive; -1 / nullptr when absent.
  int PropertyIndex(std::string_view property_name) const;
  const Property* FindProperty(std::string_view property_name) const;
  const Method* FindMethod(std::string_view method_name) const;

  // Builder helper: appends a property with no default and, as Windows
  // does, a CIMTYPE qualifier naming its type.  Returns it for more edits.
  Property& AddProperty(std::string property_name, CimType type);

  bool operator==(const Class&) const = default;
};

// Deep equality for the shared pointers the model uses.
bool SameClass(const ClassPtr& a, const ClassPtr& b);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_CLASS_H_
