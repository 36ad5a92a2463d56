// A CIM instance: its class and one value per class property, plus the
// instance's own qualifiers.

#ifndef CIMULATE_WMIO_INSTANCE_H_
#define CIMULATE_WMIO_INSTANCE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "wmio/class.h"
#include "wmio/qualifier.h"
#include "wmio/status.h"
#include "wmio/value.h"

namespace cimulate::wmio {

struct Instance {
  ClassPtr cls;
  // values[i] belongs to cls->properties[i].
  std::vector<Value> values;
  QualifierList qualifiers;

  // An instance with every property at its class default.
  static Instance OfClass(ClassPtr cls);

  // An instance from (name -> value); names are matched case-insensitively,
  // values coerced to the property type (Value::CoerceTo).  Properties not
  // named keep the class default.  Unknown names or impossible conversions
  // are kInvalidArgument.
  static Status Make(ClassPtr cls, const std::map<std::string, Value>& named_values, Instance* out);

  // Sets one property, coercing as Make does.
  Status Set(std::string_view property_name, const Value& value);

  // nullptr when the class has no such property.
  const Value* Get(std::string_view property_name) const;

  const std::string& class_name() const;

  bool operator==(const Instance& other) const;
};

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_INSTANCE_H_
