#include "core/value.h"

#include <strings.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

namespace cimulate::core {
namespace {

// Copies a plain-old-data array buffer.
bool CopyBuffer(const void* data, MI_Uint32 size, size_t element, void** out) {
  *out = nullptr;
  if (size == 0 || data == nullptr) return true;
  void* copy = std::malloc(size_t{size} * element);
  if (copy == nullptr) return false;
  std::memcpy(copy, data, size_t{size} * element);
  *out = copy;
  return true;
}

MI_Result CopyStringArray(const MI_StringA& source, MI_StringA* target) {
  target->data = nullptr;
  target->size = 0;
  if (source.size == 0) return MI_RESULT_OK;
  if (source.data == nullptr) return MI_RESULT_INVALID_PARAMETER;
  auto** items = static_cast<MI_Char**>(std::calloc(source.size, sizeof(MI_Char*)));
  if (items == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  for (MI_Uint32 i = 0; i < source.size; ++i) {
    if (source.data[i] == nullptr) continue;
    items[i] = DuplicateString(source.data[i]);
    if (items[i] == nullptr) {
      for (MI_Uint32 j = 0; j < i; ++j) std::free(items[j]);
      std::free(items);
      return MI_RESULT_SERVER_LIMITS_EXCEEDED;
    }
  }
  target->data = items;
  target->size = source.size;
  return MI_RESULT_OK;
}

MI_Result CopyInstanceArray(const MI_InstanceA& source, MI_InstanceA* target) {
  target->data = nullptr;
  target->size = 0;
  if (source.size == 0) return MI_RESULT_OK;
  if (source.data == nullptr) return MI_RESULT_INVALID_PARAMETER;
  auto** items = static_cast<MI_Instance**>(std::calloc(source.size, sizeof(MI_Instance*)));
  if (items == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  for (MI_Uint32 i = 0; i < source.size; ++i) {
    if (source.data[i] == nullptr) continue;
    MI_Result r = MI_Instance_Clone(source.data[i], &items[i]);
    if (r != MI_RESULT_OK) {
      for (MI_Uint32 j = 0; j < i; ++j) MI_Instance_Delete(items[j]);
      std::free(items);
      return r;
    }
  }
  target->data = items;
  target->size = source.size;
  return MI_RESULT_OK;
}

bool InstancesEqual(const MI_Instance* a, const MI_Instance* b) {
  if (a == b) return true;
  if (a == nullptr || b == nullptr) return false;
  MI_Uint32 count_a = 0, count_b = 0;
  if (MI_Instance_GetElementCount(a, &count_a) != MI_RESULT_OK ||
      MI_Instance_GetElementCount(b, &count_b) != MI_RESULT_OK || count_a != count_b)
    return false;
  const MI_Char* class_a = nullptr;
  const MI_Char* class_b = nullptr;
  MI_Instance_GetClassName(a, &class_a);
  MI_Instance_GetClassName(b, &class_b);
  if (!NamesEqual(class_a ? class_a : "", class_b ? class_b : "")) return false;
  for (MI_Uint32 i = 0; i < count_a; ++i) {
    const MI_Char* name = nullptr;
    MI_Value va, vb;
    MI_Type ta, tb;
    MI_Uint32 fa = 0, fb = 0;
    if (MI_Instance_GetElementAt(a, i, &name, &va, &ta, &fa) != MI_RESULT_OK) return false;
    if (MI_Instance_GetElement(b, name, &vb, &tb, &fb, nullptr) != MI_RESULT_OK) return false;
    if (ta != tb || (fa & MI_FLAG_NULL) != (fb & MI_FLAG_NULL)) return false;
    if (!(fa & MI_FLAG_NULL) && !ValuesEqual(ta, va, vb)) return false;
  }
  return true;
}

}  // namespace

size_t ElementSize(MI_Type type) {
  switch (ScalarOf(type)) {
    case MI_BOOLEAN: return sizeof(MI_Boolean);
    case MI_UINT8: return sizeof(MI_Uint8);
    case MI_SINT8: return sizeof(MI_Sint8);
    case MI_UINT16: return sizeof(MI_Uint16);
    case MI_SINT16: return sizeof(MI_Sint16);
    case MI_UINT32: return sizeof(MI_Uint32);
    case MI_SINT32: return sizeof(MI_Sint32);
    case MI_UINT64: return sizeof(MI_Uint64);
    case MI_SINT64: return sizeof(MI_Sint64);
    case MI_REAL32: return sizeof(MI_Real32);
    case MI_REAL64: return sizeof(MI_Real64);
    case MI_CHAR16: return sizeof(MI_Char16);
    case MI_DATETIME: return sizeof(MI_Datetime);
    case MI_STRING: return sizeof(MI_Char*);
    case MI_REFERENCE:
    case MI_INSTANCE: return sizeof(MI_Instance*);
    default: return 0;
  }
}

size_t FieldValueSize(MI_Type type) {
  return IsArrayType(type) ? sizeof(MI_Array) : ElementSize(type);
}

const char* TypeName(MI_Type type) {
  static const char* const kNames[] = {
      "boolean",   "uint8",     "sint8",      "uint16",     "sint16",     "uint32",    "sint32",
      "uint64",    "sint64",    "real32",     "real64",     "char16",     "datetime",  "string",
      "reference", "instance",  "boolean[]",  "uint8[]",    "sint8[]",    "uint16[]",  "sint16[]",
      "uint32[]",  "sint32[]",  "uint64[]",   "sint64[]",   "real32[]",   "real64[]",  "char16[]",
      "datetime[]", "string[]", "reference[]", "instance[]"};
  return IsValidType(type) ? kNames[type] : "invalid";
}

MI_Result CopyValue(MI_Type type, const MI_Value& source, MI_Value* target) {
  std::memset(target, 0, sizeof(*target));
  switch (type) {
    case MI_STRING:
      if (source.string == nullptr) return MI_RESULT_OK;
      target->string = DuplicateString(source.string);
      return target->string ? MI_RESULT_OK : MI_RESULT_SERVER_LIMITS_EXCEEDED;
    case MI_REFERENCE:
    case MI_INSTANCE:
      if (source.instance == nullptr) return MI_RESULT_OK;
      return MI_Instance_Clone(source.instance, &target->instance);
    case MI_STRINGA:
      return CopyStringArray(source.stringa, &target->stringa);
    case MI_REFERENCEA:
    case MI_INSTANCEA:
      return CopyInstanceArray(source.instancea, &target->instancea);
    default:
      break;
  }
  if (IsArrayType(type)) {
    if (source.array.size > 0 && source.array.data == nullptr) return MI_RESULT_INVALID_PARAMETER;
    void* data = nullptr;
    if (!CopyBuffer(source.array.data, source.array.size, ElementSize(type), &data))
      return MI_RESULT_SERVER_LIMITS_EXCEEDED;
    target->array.data = data;
    target->array.size = data ? source.array.size : 0;
    return MI_RESULT_OK;
  }
  std::memcpy(target, &source, FieldValueSize(type));
  return MI_RESULT_OK;
}

void ReleaseValue(MI_Type type, MI_Value* value) {
  switch (type) {
    case MI_STRING:
      std::free(value->string);
      break;
    case MI_REFERENCE:
    case MI_INSTANCE:
      if (value->instance) MI_Instance_Delete(value->instance);
      break;
    case MI_STRINGA:
      for (MI_Uint32 i = 0; i < value->stringa.size; ++i) std::free(value->stringa.data[i]);
      std::free(value->stringa.data);
      break;
    case MI_REFERENCEA:
    case MI_INSTANCEA:
      for (MI_Uint32 i = 0; i < value->instancea.size; ++i)
        if (value->instancea.data[i]) MI_Instance_Delete(value->instancea.data[i]);
      std::free(value->instancea.data);
      break;
    default:
      if (IsArrayType(type)) std::free(value->array.data);
      break;
  }
  std::memset(value, 0, sizeof(*value));
}

bool ValuesEqual(MI_Type type, const MI_Value& a, const MI_Value& b) {
  switch (type) {
    case MI_STRING:
      if (a.string == nullptr || b.string == nullptr) return a.string == b.string;
      return std::strcmp(a.string, b.string) == 0;
    case MI_REFERENCE:
    case MI_INSTANCE:
      return InstancesEqual(a.instance, b.instance);
    case MI_DATETIME:
      return std::memcmp(&a.datetime, &b.datetime, sizeof(MI_Datetime)) == 0;
    case MI_STRINGA:
      if (a.stringa.size != b.stringa.size) return false;
      for (MI_Uint32 i = 0; i < a.stringa.size; ++i) {
        MI_Value x, y;
        x.string = a.stringa.data[i];
        y.string = b.stringa.data[i];
        if (!ValuesEqual(MI_STRING, x, y)) return false;
      }
      return true;
    case MI_REFERENCEA:
    case MI_INSTANCEA:
      if (a.instancea.size != b.instancea.size) return false;
      for (MI_Uint32 i = 0; i < a.instancea.size; ++i)
        if (!InstancesEqual(a.instancea.data[i], b.instancea.data[i])) return false;
      return true;
    default:
      break;
  }
  if (IsArrayType(type)) {
    if (a.array.size != b.array.size) return false;
    if (a.array.size == 0) return true;
    return std::memcmp(a.array.data, b.array.data, size_t{a.array.size} * ElementSize(type)) == 0;
  }
  return std::memcmp(&a, &b, FieldValueSize(type)) == 0;
}

char* DuplicateString(const char* text) {
  if (text == nullptr) return nullptr;
  size_t length = std::strlen(text) + 1;
  auto* copy = static_cast<char*>(std::malloc(length));
  if (copy != nullptr) std::memcpy(copy, text, length);
  return copy;
}

bool NamesEqual(const char* a, const char* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return strcasecmp(a, b) == 0;
}

MI_Uint32 FeatureCode(const char* name) {
  size_t length = name ? std::strlen(name) : 0;
  if (length == 0) return 0;
  auto lower = [](char c) { return static_cast<MI_Uint32>(std::tolower(static_cast<unsigned char>(c))); };
  return (lower(name[0]) << 16) | (lower(name[length - 1]) << 8) | static_cast<MI_Uint32>(length);
}

}  // namespace cimulate::core
