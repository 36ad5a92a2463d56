// The texts a WMIDCOM operation sends for MI arguments: the namespace path
// NTLMLogin expects, WMI object paths built from an instance's keys, and the
// WQL an enumeration or association runs.
#ifndef CIMULATE_WMIDCOM_OBJECT_PATH_H_
#define CIMULATE_WMIDCOM_OBJECT_PATH_H_

#include <optional>
#include <string>

#include "MI.h"

namespace cimulate::wmidcom {

// "root\cimv2" or "root/cimv2" -> "//./root/cimv2"; none -> the default namespace.
std::string NamespacePath(const std::optional<std::string>& name_space);

// A CIM name: letters, digits and '_', not starting with a digit.  Anything
// else cannot be pasted into WQL or a path safely.
bool IsCimName(const std::string& name);

// `Class.Key1="text",Key2=5` from the key properties (MI_FLAG_KEY) of
// `instance`; when none is marked, from every non-NULL property.  A class
// with no properties at all gives the singleton path `Class=@`.  False with
// `error` set when the class name is not a CIM name or a key cannot be written.
bool InstancePath(const MI_Instance& instance, std::string* path, std::string* error);

// A quoted path string: `"` and `\` escaped with a backslash.
std::string QuotePathString(const std::string& text);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_OBJECT_PATH_H_
