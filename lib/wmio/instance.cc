#include "wmio/instance.h"

namespace cimulate::wmio {

Instance Instance::OfClass(ClassPtr cls) {
  Instance instance;
  for (const Property& p : cls->properties) {
    instance.values.push_back(p.default_value.is_null() ? Value::Null(p.type) : p.default_value);
  }
  instance.cls = std::move(cls);
  return instance;
}

Status Instance::Make(ClassPtr cls, const std::map<std::string, Value>& named_values, Instance* out) {
  if (!cls) return Status(ErrorCode::kInvalidArgument, "instance without a class");
  Instance instance = OfClass(std::move(cls));
  for (const auto& [name, value] : named_values) {
    Status status = instance.Set(name, value);
    if (!status.ok()) return status;
  }
  *out = std::move(instance);
  return Status::Ok();
}

Status Instance::Set(std::string_view property_name, const Value& value) {
  int index = cls ? cls->PropertyIndex(property_name) : -1;
  if (index < 0) {
    return Status(ErrorCode::kInvalidArgument,
                  "class " + class_name() + " has no property " + std::string(property_name));
  }
  const Property& p = cls->properties[static_cast<size_t>(index)];
  std::optional<Value> coerced = value.CoerceTo(p.type);
  if (!coerced) {
    return Status(ErrorCode::kInvalidArgument, "property " + p.name + " is " +
                                                   std::string(CimTypeName(p.type)) + ", not " +
                                                   std::string(CimTypeName(value.type())) + " " +
                                                   value.ToString());
  }
  values.resize(cls->properties.size());
  values[static_cast<size_t>(index)] = std::move(*coerced);
  return Status::Ok();
}

const Value* Instance::Get(std::string_view property_name) const {
  int index = cls ? cls->PropertyIndex(property_name) : -1;
  if (index < 0 || static_cast<size_t>(index) >= values.size()) return nullptr;
  return &values[static_cast<size_t>(index)];
}

const std::string& Instance::class_name() const {
  static const std::string kNone;
  return cls ? cls->name : kNone;
}

bool Instance::operator==(const Instance& other) const {
  return SameClass(cls, other.cls) && values == other.values && qualifiers == other.qualifiers;
}

}  // namespace cimulate::wmio
