// Conversion from lib/wmio's CIM object model (what MS-WMIO carries) to the
// core's MI_Instance: every CIM type, arrays, embedded objects,
// references (object paths on the wire, instances with the path's keys in
// MI) and datetimes (DMTF text on the wire, MI_Datetime in MI).
#ifndef CIMULATE_WMIDCOM_OBJECT_CONVERSION_H_
#define CIMULATE_WMIDCOM_OBJECT_CONVERSION_H_

#include <optional>
#include <string>

#include "MI.h"
#include "core/instance.h"
#include "wmio/instance.h"
#include "wmio/value.h"

namespace cimulate::wmidcom {

// A dynamic MI instance with one element per class property, in class order;
// properties with the key qualifier carry MI_FLAG_KEY, NULLs MI_FLAG_NULL.
// False with `error` set for a value MI cannot hold (a malformed datetime).
bool ToMiInstance(const wmio::Instance& instance, core::InstancePtr* out, std::string* error);

// "20240102030405.123456+060" or "00000001020304.000005:000".
std::optional<MI_Datetime> ParseDmtfDatetime(const std::string& text);
std::string FormatDmtfDatetime(const MI_Datetime& datetime);

// An object path's class and keys as an MI instance (the MI form of a
// reference); quoted keys become strings, TRUE/FALSE booleans, numbers sint64
// or uint64.  Null for text that is not a path.
core::InstancePtr ReferenceFromPath(const std::string& path);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_OBJECT_CONVERSION_H_
