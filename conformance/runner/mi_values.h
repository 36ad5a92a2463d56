// Values crossing the MI C ABI, as the runner sees them: instances the
// implementation returns are copied into plain text right away (their
// storage ends with the next result), and scenario instances become
// MI_Instances built through the implementation's own function tables.
#ifndef CIMULATE_CONFORMANCE_RUNNER_MI_VALUES_H_
#define CIMULATE_CONFORMANCE_RUNNER_MI_VALUES_H_

#include <string>
#include <utility>
#include <vector>

#include "MI.h"
#include "scenario/data.h"
#include "scenario/value.h"

namespace cimulate::conform {

// An instance as text: class name and (name, value text) per property.
struct InstanceSnapshot {
  std::string class_name;
  std::vector<std::pair<std::string, std::string>> properties;

  // The property's text, or nullptr; CIM names compare case-insensitively.
  const std::string* Find(const std::string& name) const;
};

// Reads every element through MI_Instance_GetElementAt; a null instance
// gives an empty snapshot.
InstanceSnapshot Snapshot(const MI_Instance* instance);

// One text form for both sides, so expected and actual compare as strings:
// decimal numbers, true/false, strings as they are, CIM datetimes
// (yyyymmddhhmmss.mmmmmmsutc / ddddddddhhmmss.mmmmmm:000), "[a, b]" for
// arrays, "null" for a null value.
std::string ValueText(const MI_Value& value, MI_Type type, MI_Uint32 flags);
std::string ValueText(const scenario::Value& value);

// The data instance `snapshot` is: the one of the same class whose key
// properties (all properties when the class declares no key) have the same
// values.  Empty when none is.
std::string IdentifyInstance(const InstanceSnapshot& snapshot, const scenario::DataSet& data);

// A new MI_Instance of `value`'s class made by MI_Application_NewInstance,
// with its scalar properties (only the keys when `keys_only`).  On failure:
// false, `*out` null, and why in `error`.  Delete with MI_Instance_Delete.
bool BuildInstance(MI_Application* app, const scenario::InstanceValue& value, const scenario::DataSet& data,
                   bool keys_only, MI_Instance** out, std::string* error);

// Method parameters as an instance of class "__parameters".
bool BuildParameters(MI_Application* app, const std::vector<scenario::PropertyValue>& parameters,
                     MI_Instance** out, std::string* error);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_MI_VALUES_H_
