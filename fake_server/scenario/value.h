// Typed values as scenarios declare them.
//
// A Value keeps the exact MI type of the property or parameter it belongs to
// (uint16 stays uint16, a datetime keeps timestamp vs interval), so the fake
// serialises what the scenario says and the runner compares against the same
// types an MI client would see.  ToInstance (instance_builder.h) turns these
// into MI_Instances.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_VALUE_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_VALUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "MI.h"
#include "scenario/diagnostics.h"

namespace cimulate::scenario {

struct InstanceValue;

struct Value {
  MI_Type type = MI_STRING;
  bool null = true;
  bool boolean = false;          // MI_BOOLEAN
  std::int64_t sint = 0;         // MI_SINT8 .. MI_SINT64
  std::uint64_t uint = 0;        // MI_UINT8 .. MI_UINT64, MI_CHAR16
  double real = 0;               // MI_REAL32, MI_REAL64
  std::string string;            // MI_STRING; MI_REFERENCE: the target instance's id
  MI_Datetime datetime{};        // MI_DATETIME
  std::shared_ptr<const InstanceValue> instance;  // MI_INSTANCE (embedded)
  std::vector<Value> elements;   // arrays: one non-null Value of ScalarOf(type) each
};

struct PropertyValue {
  std::string name;
  Value value;
  Mark mark;
};

// An instance: in the data set (with an id rules and references use), embedded
// in another value, or a CIM error instance of a fault.
struct InstanceValue {
  std::string id;          // empty for embedded instances
  std::string class_name;
  std::string name_space;
  std::vector<PropertyValue> properties;
  Mark mark;

  // The property called `name` (CIM names compare case-insensitively), or nullptr.
  const Value* Find(std::string_view name) const;
};

// "uint16[]" -> MI_UINT16A, as MOF spells types; false if unknown.
bool ParseTypeName(std::string_view name, MI_Type* type);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_VALUE_H_
