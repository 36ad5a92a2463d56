// The data a fake endpoint serves: namespaces of classes and instances.
//
// Declared once and reused by rules, so a scenario author writes an instance
// once and both Get and Enumerate answer from it.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_DATA_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_DATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "MI.h"
#include "scenario/diagnostics.h"
#include "scenario/value.h"

namespace cimulate::scenario {

struct Qualifier {
  std::string name;
  Value value;  // boolean, sint64, real64 or string, as written
};

// A property, or a method parameter.
struct PropertyDecl {
  std::string name;
  MI_Type type = MI_STRING;
  bool key = false;
  std::string class_name;  // reference / instance types: the class it names (optional)
  std::vector<Qualifier> qualifiers;
  Value default_value;     // null when the declaration gives none
  Mark mark;
};

struct MethodDecl {
  std::string name;
  bool is_static = false;
  MI_Type return_type = MI_UINT32;
  std::vector<PropertyDecl> in;
  std::vector<PropertyDecl> out;
  std::vector<Qualifier> qualifiers;
  Mark mark;
};

struct ClassDecl {
  std::string name;
  std::string superclass;  // empty: none; else a class of the same namespace
  bool association = false;
  bool indication = false;
  std::vector<Qualifier> qualifiers;
  std::vector<PropertyDecl> properties;  // own properties, not inherited ones
  std::vector<MethodDecl> methods;
  Mark mark;
};

struct NamespaceData {
  std::string name;  // "root/cimv2"
  std::vector<ClassDecl> classes;
  std::vector<InstanceValue> instances;
  Mark mark;
};

class DataSet {
 public:
  std::vector<NamespaceData> namespaces;

  const NamespaceData* FindNamespace(std::string_view name) const;
  const ClassDecl* FindClass(std::string_view name_space, std::string_view class_name) const;
  // Instance ids are unique across the whole data set.
  const InstanceValue* FindInstance(std::string_view id) const;
  // Looks through the superclass chain.
  const PropertyDecl* FindProperty(std::string_view name_space, std::string_view class_name,
                                   std::string_view property) const;
  const MethodDecl* FindMethod(std::string_view name_space, std::string_view class_name,
                               std::string_view method) const;
  // True if `class_name` is `base` or derives from it.
  bool IsA(std::string_view name_space, std::string_view class_name, std::string_view base) const;
  // Own and inherited properties, base class first.
  std::vector<const PropertyDecl*> AllProperties(std::string_view name_space, std::string_view class_name) const;
};

// The CIM error classes a fault may carry, with their property types:
// CIM_Error, MSFT_WmiError (CIM_Error + error_*), OMI_Error (CIM_Error + OMI_*).
const ClassDecl* FindErrorClass(std::string_view name);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_DATA_H_
