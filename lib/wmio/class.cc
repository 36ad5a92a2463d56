#include "wmio/class.h"

#include "wmio/names.h"

namespace cimulate::wmio {

bool SameClass(const ClassPtr& a, const ClassPtr& b) {
  if (!a || !b) return a == b;
  return *a == *b;
}

bool Method::operator==(const Method& other) const {
  return name == other.name && flags == other.flags && origin == other.origin &&
         qualifiers == other.qualifiers && SameClass(in_params, other.in_params) &&
         SameClass(out_params, other.out_params);
}

const std::string& Class::superclass() const {
  static const std::string kNone;
  return derivation.empty() ? kNone : derivation.front();
}

int Class::PropertyIndex(std::string_view property_name) const {
  for (size_t i = 0; i < properties.size(); ++i) {
    if (NamesEqual(properties[i].name, property_name)) return static_cast<int>(i);
  }
  return -1;
}

const Property* Class::FindProperty(std::string_view property_name) const {
  int index = PropertyIndex(property_name);
  return index < 0 ? nullptr : &properties[static_cast<size_t>(index)];
}

const Method* Class::FindMethod(std::string_view method_name) const {
  for (const Method& m : methods) {
    if (NamesEqual(m.name, method_name)) return &m;
  }
  return nullptr;
}

Property& Class::AddProperty(std::string property_name, CimType type) {
  Property p;
  p.name = std::move(property_name);
  p.type = type;
  p.default_value = Value::Null(type);
  p.qualifiers.push_back(
      Qualifier{"CIMTYPE", 0, Value::String(std::string(CimTypeName(type)))});
  properties.push_back(std::move(p));
  return properties.back();
}

}  // namespace cimulate::wmio
