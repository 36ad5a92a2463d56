#include "runner/mi_values.h"

#include <strings.h>

#include <cstdio>

namespace cimulate::conform {
namespace {

bool SameName(const std::string& a, const std::string& b) { return ::strcasecmp(a.c_str(), b.c_str()) == 0; }

std::string RealText(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

std::string DatetimeText(const MI_Datetime& dt) {
  char buffer[64];
  if (dt.isTimestamp) {
    const MI_Timestamp& t = dt.u.timestamp;
    std::snprintf(buffer, sizeof(buffer), "%04u%02u%02u%02u%02u%02u.%06u%c%03d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.microseconds, t.utc < 0 ? '-' : '+', t.utc < 0 ? -t.utc : t.utc);
  } else {
    const MI_Interval& i = dt.u.interval;
    std::snprintf(buffer, sizeof(buffer), "%08u%02u%02u%02u.%06u:000", i.days, i.hours, i.minutes, i.seconds,
                  i.microseconds);
  }
  return buffer;
}

std::string ScalarText(const MI_Value& v, MI_Type type) {
  switch (type) {
    case MI_BOOLEAN: return v.boolean ? "true" : "false";
    case MI_UINT8: return std::to_string(v.uint8);
    case MI_SINT8: return std::to_string(v.sint8);
    case MI_UINT16: return std::to_string(v.uint16);
    case MI_SINT16: return std::to_string(v.sint16);
    case MI_UINT32: return std::to_string(v.uint32);
    case MI_SINT32: return std::to_string(v.sint32);
    case MI_UINT64: return std::to_string(v.uint64);
    case MI_SINT64: return std::to_string(v.sint64);
    case MI_REAL32: return RealText(v.real32);
    case MI_REAL64: return RealText(v.real64);
    case MI_CHAR16: return std::to_string(v.char16);
    case MI_DATETIME: return DatetimeText(v.datetime);
    case MI_STRING: return v.string ? v.string : "null";
    case MI_REFERENCE:
    case MI_INSTANCE: {
      InstanceSnapshot s = Snapshot(type == MI_REFERENCE ? v.reference : v.instance);
      return "<" + s.class_name + ">";
    }
    default: return "<type " + std::to_string(static_cast<int>(type)) + ">";
  }
}

// The element at `i` of an array value, as a scalar MI_Value.
MI_Value ElementAt(const MI_Value& v, MI_Type type, MI_Uint32 i) {
  MI_Value e{};
  switch (type) {
    case MI_BOOLEANA: e.boolean = v.booleana.data[i]; break;
    case MI_UINT8A: e.uint8 = v.uint8a.data[i]; break;
    case MI_SINT8A: e.sint8 = v.sint8a.data[i]; break;
    case MI_UINT16A: e.uint16 = v.uint16a.data[i]; break;
    case MI_SINT16A: e.sint16 = v.sint16a.data[i]; break;
    case MI_UINT32A: e.uint32 = v.uint32a.data[i]; break;
    case MI_SINT32A: e.sint32 = v.sint32a.data[i]; break;
    case MI_UINT64A: e.uint64 = v.uint64a.data[i]; break;
    case MI_SINT64A: e.sint64 = v.sint64a.data[i]; break;
    case MI_REAL32A: e.real32 = v.real32a.data[i]; break;
    case MI_REAL64A: e.real64 = v.real64a.data[i]; break;
    case MI_CHAR16A: e.char16 = v.char16a.data[i]; break;
    case MI_DATETIMEA: e.datetime = v.datetimea.data[i]; break;
    case MI_STRINGA: e.string = v.stringa.data[i]; break;
    case MI_REFERENCEA: e.reference = v.referencea.data[i]; break;
    case MI_INSTANCEA: e.instance = v.instancea.data[i]; break;
    default: break;
  }
  return e;
}

std::string ScenarioScalarText(const scenario::Value& v, MI_Type type) {
  switch (type) {
    case MI_BOOLEAN: return v.boolean ? "true" : "false";
    case MI_UINT8: case MI_UINT16: case MI_UINT32: case MI_UINT64: case MI_CHAR16: return std::to_string(v.uint);
    case MI_SINT8: case MI_SINT16: case MI_SINT32: case MI_SINT64: return std::to_string(v.sint);
    case MI_REAL32: return RealText(static_cast<float>(v.real));
    case MI_REAL64: return RealText(v.real);
    case MI_DATETIME: return DatetimeText(v.datetime);
    case MI_STRING: return v.string;
    case MI_REFERENCE: return "<reference " + v.string + ">";
    case MI_INSTANCE: return "<" + (v.instance ? v.instance->class_name : std::string()) + ">";
    default: return "<type " + std::to_string(static_cast<int>(type)) + ">";
  }
}

// Fills `out` for a scalar scenario value; false for types a step input
// cannot carry (references, embedded instances, arrays).
bool ToMiValue(const scenario::Value& v, MI_Value* out) {
  *out = MI_Value{};
  switch (v.type) {
    case MI_BOOLEAN: out->boolean = v.boolean ? MI_TRUE : MI_FALSE; return true;
    case MI_UINT8: out->uint8 = static_cast<MI_Uint8>(v.uint); return true;
    case MI_SINT8: out->sint8 = static_cast<MI_Sint8>(v.sint); return true;
    case MI_UINT16: out->uint16 = static_cast<MI_Uint16>(v.uint); return true;
    case MI_SINT16: out->sint16 = static_cast<MI_Sint16>(v.sint); return true;
    case MI_UINT32: out->uint32 = static_cast<MI_Uint32>(v.uint); return true;
    case MI_SINT32: out->sint32 = static_cast<MI_Sint32>(v.sint); return true;
    case MI_UINT64: out->uint64 = v.uint; return true;
    case MI_SINT64: out->sint64 = v.sint; return true;
    case MI_REAL32: out->real32 = static_cast<MI_Real32>(v.real); return true;
    case MI_REAL64: out->real64 = v.real; return true;
    case MI_CHAR16: out->char16 = static_cast<MI_Char16>(v.uint); return true;
    case MI_DATETIME: out->datetime = v.datetime; return true;
    case MI_STRING: out->string = const_cast<MI_Char*>(v.string.c_str()); return true;
    default: return false;
  }
}

bool AddProperty(MI_Instance* instance, const scenario::PropertyValue& p, MI_Uint32 flags, std::string* error) {
  MI_Value value;
  if (p.value.null) {
    MI_Result r = MI_Instance_AddElement(instance, p.name.c_str(), nullptr, p.value.type, flags | MI_FLAG_NULL);
    if (r == MI_RESULT_OK) return true;
    *error = "MI_Instance_AddElement(" + p.name + ", null) returned " + std::to_string(r);
    return false;
  }
  if (!ToMiValue(p.value, &value)) {
    *error = "property " + p.name + ": only scalar values can be passed in a step";
    return false;
  }
  MI_Result r = MI_Instance_AddElement(instance, p.name.c_str(), &value, p.value.type, flags);
  if (r != MI_RESULT_OK) {
    *error = "MI_Instance_AddElement(" + p.name + ") returned " + std::to_string(r);
    return false;
  }
  return true;
}

}  // namespace

const std::string* InstanceSnapshot::Find(const std::string& name) const {
  for (const auto& [n, text] : properties) {
    if (SameName(n, name)) return &text;
  }
  return nullptr;
}

InstanceSnapshot Snapshot(const MI_Instance* instance) {
  InstanceSnapshot s;
  if (!instance) return s;
  const MI_Char* class_name = nullptr;
  if (MI_Instance_GetClassName(instance, &class_name) == MI_RESULT_OK && class_name) s.class_name = class_name;
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(instance, &count) != MI_RESULT_OK) return s;
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type = MI_STRING;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, &name, &value, &type, &flags) != MI_RESULT_OK || !name) continue;
    s.properties.emplace_back(name, ValueText(value, type, flags));
  }
  return s;
}

std::string ValueText(const MI_Value& value, MI_Type type, MI_Uint32 flags) {
  if (flags & MI_FLAG_NULL) return "null";
  if (!(type & MI_ARRAY)) return ScalarText(value, type);
  std::string out = "[";
  for (MI_Uint32 i = 0; i < value.array.size; ++i) {
    if (i) out += ", ";
    out += ScalarText(ElementAt(value, type, i), static_cast<MI_Type>(type & ~MI_ARRAY));
  }
  return out + "]";
}

std::string ValueText(const scenario::Value& value) {
  if (value.null) return "null";
  if (!(value.type & MI_ARRAY)) return ScenarioScalarText(value, value.type);
  std::string out = "[";
  for (std::size_t i = 0; i < value.elements.size(); ++i) {
    if (i) out += ", ";
    out += ScenarioScalarText(value.elements[i], static_cast<MI_Type>(value.type & ~MI_ARRAY));
  }
  return out + "]";
}

std::string IdentifyInstance(const InstanceSnapshot& snapshot, const scenario::DataSet& data) {
  for (const scenario::NamespaceData& ns : data.namespaces) {
    for (const scenario::InstanceValue& candidate : ns.instances) {
      if (!SameName(candidate.class_name, snapshot.class_name)) continue;
      bool has_keys = false;
      for (const scenario::PropertyValue& p : candidate.properties) {
        const scenario::PropertyDecl* decl = data.FindProperty(ns.name, candidate.class_name, p.name);
        has_keys = has_keys || (decl && decl->key);
      }
      bool same = true;
      for (const scenario::PropertyValue& p : candidate.properties) {
        const scenario::PropertyDecl* decl = data.FindProperty(ns.name, candidate.class_name, p.name);
        if (has_keys && !(decl && decl->key)) continue;
        const std::string* actual = snapshot.Find(p.name);
        if (!actual || *actual != ValueText(p.value)) {
          same = false;
          break;
        }
      }
      if (same) return candidate.id;
    }
  }
  return "";
}

bool BuildInstance(MI_Application* app, const scenario::InstanceValue& value, const scenario::DataSet& data,
                   bool keys_only, MI_Instance** out, std::string* error) {
  *out = nullptr;
  MI_Instance* instance = nullptr;
  MI_Result r = MI_Application_NewInstance(app, value.class_name.c_str(), nullptr, &instance);
  if (r != MI_RESULT_OK || !instance) {
    *error = "MI_Application_NewInstance(" + value.class_name + ") returned " + std::to_string(r);
    return false;
  }
  for (const scenario::PropertyValue& p : value.properties) {
    const scenario::PropertyDecl* decl = data.FindProperty(value.name_space, value.class_name, p.name);
    bool key = decl && decl->key;
    if (keys_only && !key) continue;
    if (!AddProperty(instance, p, key ? MI_FLAG_KEY : 0, error)) {
      MI_Instance_Delete(instance);
      return false;
    }
  }
  *out = instance;
  return true;
}

bool BuildParameters(MI_Application* app, const std::vector<scenario::PropertyValue>& parameters,
                     MI_Instance** out, std::string* error) {
  *out = nullptr;
  MI_Instance* instance = nullptr;
  MI_Result r = MI_Application_NewInstance(app, "__parameters", nullptr, &instance);
  if (r != MI_RESULT_OK || !instance) {
    *error = "MI_Application_NewInstance(__parameters) returned " + std::to_string(r);
    return false;
  }
  for (const scenario::PropertyValue& p : parameters) {
    if (!AddProperty(instance, p, 0, error)) {
      MI_Instance_Delete(instance);
      return false;
    }
  }
  *out = instance;
  return true;
}

}  // namespace cimulate::conform
