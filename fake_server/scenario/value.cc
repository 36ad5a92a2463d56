#include "scenario/value.h"

#include "core/value.h"

namespace cimulate::scenario {

const Value* InstanceValue::Find(std::string_view name) const {
  std::string key(name);
  for (const PropertyValue& p : properties) {
    if (core::NamesEqual(p.name.c_str(), key.c_str())) return &p.value;
  }
  return nullptr;
}

bool ParseTypeName(std::string_view name, MI_Type* type) {
  for (MI_Uint32 t = MI_BOOLEAN; t <= MI_INSTANCEA; ++t) {
    if (name == core::TypeName(static_cast<MI_Type>(t))) {
      *type = static_cast<MI_Type>(t);
      return true;
    }
  }
  return false;
}

}  // namespace cimulate::scenario
