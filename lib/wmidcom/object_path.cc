#include "wmidcom/object_path.h"

#include <cinttypes>
#include <cstdio>
#include <vector>

#include "wmidcom/session_settings.h"

namespace cimulate::wmidcom {
namespace {

struct Key {
  std::string name;
  std::string text;
};

std::string DatetimeText(const MI_Datetime& d) {
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

// The path text of one scalar key value; false for types a key cannot have.
bool KeyText(MI_Type type, const MI_Value& v, std::string* out, std::string* error) {
  switch (type) {
    case MI_BOOLEAN: *out = v.boolean ? "TRUE" : "FALSE"; return true;
    case MI_UINT8: *out = std::to_string(v.uint8); return true;
    case MI_SINT8: *out = std::to_string(v.sint8); return true;
    case MI_UINT16: *out = std::to_string(v.uint16); return true;
    case MI_SINT16: *out = std::to_string(v.sint16); return true;
    case MI_UINT32: *out = std::to_string(v.uint32); return true;
    case MI_SINT32: *out = std::to_string(v.sint32); return true;
    case MI_UINT64: *out = std::to_string(v.uint64); return true;
    case MI_SINT64: *out = std::to_string(v.sint64); return true;
    case MI_CHAR16: *out = std::to_string(v.char16); return true;
    case MI_STRING: *out = QuotePathString(v.string ? v.string : ""); return true;
    case MI_DATETIME: *out = QuotePathString(DatetimeText(v.datetime)); return true;
    case MI_REFERENCE: {
      std::string inner;
      if (v.reference == nullptr || !InstancePath(*v.reference, &inner, error)) {
        if (error->empty()) *error = "a reference key has no target";
        return false;
      }
      *out = QuotePathString(inner);
      return true;
    }
    default:
      *error = "a key of this type cannot be part of an object path";
      return false;
  }
}

bool CollectKeys(const MI_Instance& instance, bool keys_only, std::vector<Key>* keys, std::string* error) {
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(&instance, &count) != MI_RESULT_OK) {
    *error = "the instance cannot be read";
    return false;
  }
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(&instance, i, &name, &value, &type, &flags) != MI_RESULT_OK) continue;
    if (keys_only && (flags & MI_FLAG_KEY) == 0) continue;
    if (flags & MI_FLAG_NULL) {
      if (!keys_only) continue;
      *error = std::string("the key property ") + name + " is NULL";
      return false;
    }
    Key key{name, ""};
    if (!KeyText(type, value, &key.text, error)) {
      *error = std::string("key property ") + name + ": " + *error;
      return false;
    }
    keys->push_back(std::move(key));
  }
  return true;
}

bool HasKeyFlag(const MI_Instance& instance) {
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(&instance, &count) != MI_RESULT_OK) return false;
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(&instance, i, &name, &value, &type, &flags) == MI_RESULT_OK &&
        (flags & MI_FLAG_KEY)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string NamespacePath(const std::optional<std::string>& name_space) {
  std::string ns = name_space && !name_space->empty() ? *name_space : kDefaultNamespace;
  for (char& c : ns) {
    if (c == '\\') c = '/';
  }
  // Already a full path ("//server/root/cimv2"): as given.
  if (ns.rfind("//", 0) == 0) return ns;
  while (!ns.empty() && ns.front() == '/') ns.erase(0, 1);
  return "//./" + ns;
}

bool IsCimName(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string QuotePathString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool InstancePath(const MI_Instance& instance, std::string* path, std::string* error) {
  error->clear();
  const MI_Char* class_name = nullptr;
  if (MI_Instance_GetClassName(&instance, &class_name) != MI_RESULT_OK || class_name == nullptr ||
      !IsCimName(class_name)) {
    *error = std::string("the class name '") + (class_name ? class_name : "") + "' is not a CIM name";
    return false;
  }
  std::vector<Key> keys;
  if (!CollectKeys(instance, HasKeyFlag(instance), &keys, error)) return false;
  *path = class_name;
  if (keys.empty()) {
    *path += "=@";
    return true;
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    *path += (i == 0 ? "." : ",") + keys[i].name + "=" + keys[i].text;
  }
  return true;
}

}  // namespace cimulate::wmidcom
