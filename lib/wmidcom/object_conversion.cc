#include "wmidcom/object_conversion.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/value.h"
#include "wmidcom/object_path.h"
#include "wmio/object.h"

namespace cimulate::wmidcom {
namespace {

using wmio::CimType;

MI_Type ScalarMiType(CimType t) {
  switch (t) {
    case CimType::kSint8: return MI_SINT8;
    case CimType::kUint8: return MI_UINT8;
    case CimType::kSint16: return MI_SINT16;
    case CimType::kUint16: return MI_UINT16;
    case CimType::kSint32: return MI_SINT32;
    case CimType::kUint32: return MI_UINT32;
    case CimType::kSint64: return MI_SINT64;
    case CimType::kUint64: return MI_UINT64;
    case CimType::kReal32: return MI_REAL32;
    case CimType::kReal64: return MI_REAL64;
    case CimType::kBoolean: return MI_BOOLEAN;
    case CimType::kString: return MI_STRING;
    case CimType::kDatetime: return MI_DATETIME;
    case CimType::kReference: return MI_REFERENCE;
    case CimType::kChar16: return MI_CHAR16;
    case CimType::kObject: return MI_INSTANCE;
  }
  return MI_STRING;
}

MI_Type MiTypeOf(CimType t) {
  MI_Type scalar = ScalarMiType(wmio::ElementType(t));
  return wmio::IsArray(t) ? static_cast<MI_Type>(scalar | MI_ARRAY) : scalar;
}

// Sets one number of `type` in `v` (a scalar slot).
void SetNumber(MI_Type type, const wmio::Value& w, MI_Value* v) {
  switch (type) {
    case MI_SINT8: v->sint8 = static_cast<MI_Sint8>(w.as_int64()); break;
    case MI_UINT8: v->uint8 = static_cast<MI_Uint8>(w.as_uint64()); break;
    case MI_SINT16: v->sint16 = static_cast<MI_Sint16>(w.as_int64()); break;
    case MI_UINT16: v->uint16 = static_cast<MI_Uint16>(w.as_uint64()); break;
    case MI_SINT32: v->sint32 = static_cast<MI_Sint32>(w.as_int64()); break;
    case MI_UINT32: v->uint32 = static_cast<MI_Uint32>(w.as_uint64()); break;
    case MI_SINT64: v->sint64 = w.as_int64(); break;
    case MI_UINT64: v->uint64 = w.as_uint64(); break;
    case MI_CHAR16: v->char16 = static_cast<MI_Char16>(w.as_uint64()); break;
    case MI_REAL32: v->real32 = static_cast<MI_Real32>(w.as_double()); break;
    case MI_REAL64: v->real64 = w.as_double(); break;
    case MI_BOOLEAN: v->boolean = w.as_bool() ? MI_TRUE : MI_FALSE; break;
    default: break;
  }
}

// Keeps what an MI_Value points into alive until MI_Instance_AddElement copied it.
struct Scratch {
  std::vector<std::vector<std::uint8_t>> buffers;
  std::vector<core::InstancePtr> instances;
  std::vector<const char*> strings;
};

bool TextToMi(MI_Type type, const std::string& text, MI_Value* v, Scratch* scratch, std::string* error) {
  if (type == MI_STRING) {
    v->string = const_cast<MI_Char*>(text.c_str());
  } else if (type == MI_DATETIME) {
    auto parsed = ParseDmtfDatetime(text);
    if (!parsed) {
      *error = "the datetime '" + text + "' is not in DMTF form";
      return false;
    }
    v->datetime = *parsed;
  } else {  // MI_REFERENCE
    core::InstancePtr target = ReferenceFromPath(text);
    if (!target) {
      *error = "the reference '" + text + "' is not an object path";
      return false;
    }
    v->reference = target.get();
    scratch->instances.push_back(std::move(target));
  }
  return true;
}

bool ObjectToMi(const wmio::ObjectPtr& object, MI_Instance** out, Scratch* scratch, std::string* error) {
  *out = nullptr;
  if (!object || !object->instance) return true;  // a class in a property: nothing MI can hold
  core::InstancePtr inner;
  if (!ToMiInstance(*object->instance, &inner, error)) return false;
  *out = inner.get();
  scratch->instances.push_back(std::move(inner));
  return true;
}

template <typename Item>
Item* ArrayBuffer(size_t count, Scratch* scratch) {
  scratch->buffers.emplace_back(sizeof(Item) * (count == 0 ? 1 : count));
  return reinterpret_cast<Item*>(scratch->buffers.back().data());
}

bool ArrayToMi(MI_Type type, const wmio::Value& w, MI_Value* v, Scratch* scratch, std::string* error) {
  MI_Type element = core::ScalarOf(type);
  size_t n = w.array_size();
  size_t width = core::ElementSize(element);
  scratch->buffers.emplace_back(width * (n == 0 ? 1 : n));
  std::uint8_t* data = scratch->buffers.back().data();
  for (size_t i = 0; i < n; ++i) {
    MI_Value item{};
    wmio::Value one;
    switch (wmio::KindOf(wmio::ElementType(w.type()))) {
      case wmio::CimKind::kSigned: one = wmio::Value::Sint64(w.as_int64_array()[i]); break;
      case wmio::CimKind::kUnsigned: one = wmio::Value::Uint64(w.as_uint64_array()[i]); break;
      case wmio::CimKind::kReal: one = wmio::Value::Real64(w.as_double_array()[i]); break;
      case wmio::CimKind::kBoolean: one = wmio::Value::Boolean(w.as_bool_array()[i]); break;
      case wmio::CimKind::kString:
        if (!TextToMi(element, w.as_string_array()[i], &item, scratch, error)) return false;
        break;
      case wmio::CimKind::kObject:
        if (!ObjectToMi(w.as_object_array()[i], &item.instance, scratch, error)) return false;
        break;
    }
    SetNumber(element, one, &item);
    std::memcpy(data + i * width, &item, width);
  }
  // Every MI array struct is {pointer, MI_Uint32 size}.
  v->uint8a.data = data;
  v->uint8a.size = static_cast<MI_Uint32>(n);
  return true;
}

bool ValueToMi(MI_Type type, const wmio::Value& w, MI_Value* v, Scratch* scratch, std::string* error) {
  if (core::IsArrayType(type)) return ArrayToMi(type, w, v, scratch, error);
  if (type == MI_STRING || type == MI_DATETIME || type == MI_REFERENCE) {
    return TextToMi(type, w.as_string(), v, scratch, error);
  }
  if (type == MI_INSTANCE) return ObjectToMi(w.as_object(), &v->instance, scratch, error);
  SetNumber(type, w, v);
  return true;
}

bool IsKey(const wmio::Property& property) {
  const wmio::Qualifier* key = wmio::FindQualifier(property.qualifiers, "key");
  return key != nullptr && key->value.as_bool();
}

}  // namespace

std::optional<MI_Datetime> ParseDmtfDatetime(const std::string& text) {
  if (text.size() != 25 || text[14] != '.') return std::nullopt;
  auto field = [&text](size_t at, size_t len, unsigned* out) {
    unsigned value = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    *out = value;
    return true;
  };
  MI_Datetime d{};
  unsigned a, b, c, e, f, g, us, offset;
  char sign = text[21];
  if (!field(15, 6, &us) || !field(22, 3, &offset)) return std::nullopt;
  if (sign == ':') {
    if (!field(0, 8, &a) || !field(8, 2, &b) || !field(10, 2, &c) || !field(12, 2, &e)) return std::nullopt;
    d.isTimestamp = MI_FALSE;
    d.u.interval = MI_Interval{a, b, c, e, us, 0, 0, 0};
    return d;
  }
  if (sign != '+' && sign != '-') return std::nullopt;
  if (!field(0, 4, &a) || !field(4, 2, &b) || !field(6, 2, &c) || !field(8, 2, &e) || !field(10, 2, &f) ||
      !field(12, 2, &g)) {
    return std::nullopt;
  }
  d.isTimestamp = MI_TRUE;
  MI_Timestamp& t = d.u.timestamp;
  t.year = a;
  t.month = b;
  t.day = c;
  t.hour = e;
  t.minute = f;
  t.second = g;
  t.microseconds = us;
  t.utc = sign == '-' ? -static_cast<MI_Sint32>(offset) : static_cast<MI_Sint32>(offset);
  return d;
}

std::string FormatDmtfDatetime(const MI_Datetime& d) {
  char text[64];
  if (d.isTimestamp) {
    const MI_Timestamp& t = d.u.timestamp;
    int utc = t.utc;
    std::snprintf(text, sizeof(text), "%04u%02u%02u%02u%02u%02u.%06u%c%03d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.microseconds, utc < 0 ? '-' : '+', utc < 0 ? -utc : utc);
  } else {
    const MI_Interval& i = d.u.interval;
    std::snprintf(text, sizeof(text), "%08u%02u%02u%02u.%06u:000", i.days, i.hours, i.minutes, i.seconds,
                  i.microseconds);
  }
  return text;
}

bool ToMiInstance(const wmio::Instance& instance, core::InstancePtr* out, std::string* error) {
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(instance.class_name().c_str(), 0, &raw) != MI_RESULT_OK) {
    *error = "the instance of '" + instance.class_name() + "' cannot be created";
    return false;
  }
  core::InstancePtr result(raw);
  const auto& properties = instance.cls->properties;
  for (size_t i = 0; i < properties.size() && i < instance.values.size(); ++i) {
    const wmio::Property& property = properties[i];
    const wmio::Value& w = instance.values[i];
    MI_Type type = MiTypeOf(property.type);
    MI_Uint32 flags = IsKey(property) ? MI_FLAG_KEY : 0;
    MI_Value v{};
    Scratch scratch;
    if (w.is_null()) {
      flags |= MI_FLAG_NULL;
    } else if (!ValueToMi(type, w, &v, &scratch, error)) {
      *error = "property " + property.name + ": " + *error;
      return false;
    }
    if (MI_Instance_AddElement(raw, property.name.c_str(), (flags & MI_FLAG_NULL) ? nullptr : &v, type, flags) !=
        MI_RESULT_OK) {
      *error = "property " + property.name + " cannot be added";
      return false;
    }
  }
  *out = std::move(result);
  return true;
}

core::InstancePtr ReferenceFromPath(const std::string& path) {
  // Skip "\\server\namespace:" when present.
  size_t start = 0;
  if (size_t colon = path.find(':'); colon != std::string::npos && path.find_first_of(".=\"") > colon) {
    start = colon + 1;
  }
  size_t dot = path.find_first_of(".=", start);
  std::string class_name = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
  if (!IsCimName(class_name)) return nullptr;
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(class_name.c_str(), 0, &raw) != MI_RESULT_OK) return nullptr;
  core::InstancePtr out(raw);
  if (dot == std::string::npos || path[dot] == '=') return out;  // no keys, or a singleton "=@"
  size_t at = dot + 1;
  while (at < path.size()) {
    size_t eq = path.find('=', at);
    if (eq == std::string::npos) return nullptr;
    std::string name = path.substr(at, eq - at);
    std::string text;
    bool quoted = eq + 1 < path.size() && path[eq + 1] == '"';
    at = eq + 1;
    if (quoted) {
      for (++at; at < path.size() && path[at] != '"'; ++at) {
        if (path[at] == '\\' && at + 1 < path.size()) ++at;
        text += path[at];
      }
      if (at >= path.size()) return nullptr;
      ++at;
    } else {
      size_t end = path.find(',', at);
      text = path.substr(at, end == std::string::npos ? std::string::npos : end - at);
      at = end == std::string::npos ? path.size() : end;
    }
    if (!IsCimName(name)) return nullptr;
    MI_Value v{};
    MI_Type type = MI_STRING;
    char* end = nullptr;
    if (quoted) {
      v.string = const_cast<MI_Char*>(text.c_str());
    } else if (text == "TRUE" || text == "FALSE") {
      type = MI_BOOLEAN;
      v.boolean = text == "TRUE";
    } else if (!text.empty() && text[0] == '-') {
      type = MI_SINT64;
      v.sint64 = std::strtoll(text.c_str(), &end, 10);
    } else {
      type = MI_UINT64;
      v.uint64 = std::strtoull(text.c_str(), &end, 10);
    }
    if (end != nullptr && (*end != '\0' || text.empty())) return nullptr;
    if (MI_Instance_AddElement(raw, name.c_str(), &v, type, MI_FLAG_KEY) != MI_RESULT_OK) return nullptr;
    if (at < path.size()) {
      if (path[at] != ',') return nullptr;
      ++at;
    }
  }
  return out;
}

}  // namespace cimulate::wmidcom
