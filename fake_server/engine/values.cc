#include "engine/values.h"

#include <charconv>
#include <cstring>

#include "core/value.h"
#include "engine/text.h"
#include "wsman/cim_xml.h"

namespace cimulate::fake {
namespace {

template <typename T>
bool ParseInt(std::string_view text, T* out) {
  std::string t = Trim(text);
  const char* begin = t.data();
  if (!t.empty() && t[0] == '+') ++begin;
  auto r = std::from_chars(begin, t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

template <typename T>
bool ParseReal(std::string_view text, T* out) {
  std::string t = Trim(text);
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

}  // namespace

bool PropertyText(const MI_Instance* instance, const char* name, std::string* out) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) return false;
  if ((flags & MI_FLAG_NULL) || core::IsArrayType(type)) return false;
  if (type == MI_REFERENCE || type == MI_INSTANCE) return false;
  return wsman::FormatScalar(type, v, out).ok();
}

bool SelectorValueMatches(const MI_Instance* instance, const char* name, std::string_view value) {
  std::string text;
  return PropertyText(instance, name, &text) && EqualsIgnoreCase(text, Trim(value));
}

bool ParseScalar(MI_Type type, std::string_view text, MI_Value* out, std::string* storage) {
  std::memset(out, 0, sizeof(*out));
  switch (type) {
    case MI_BOOLEAN: {
      std::string t = Trim(text);
      if (EqualsIgnoreCase(t, "true") || t == "1") out->boolean = MI_TRUE;
      else if (EqualsIgnoreCase(t, "false") || t == "0") out->boolean = MI_FALSE;
      else return false;
      return true;
    }
    case MI_UINT8: return ParseInt(text, &out->uint8);
    case MI_SINT8: return ParseInt(text, &out->sint8);
    case MI_UINT16: return ParseInt(text, &out->uint16);
    case MI_SINT16: return ParseInt(text, &out->sint16);
    case MI_UINT32: return ParseInt(text, &out->uint32);
    case MI_SINT32: return ParseInt(text, &out->sint32);
    case MI_UINT64: return ParseInt(text, &out->uint64);
    case MI_SINT64: return ParseInt(text, &out->sint64);
    case MI_REAL32: return ParseReal(text, &out->real32);
    case MI_REAL64: return ParseReal(text, &out->real64);
    case MI_CHAR16:
      if (text.size() != 1) return false;
      out->char16 = static_cast<MI_Char16>(static_cast<unsigned char>(text[0]));
      return true;
    case MI_STRING:
      *storage = std::string(text);
      out->string = storage->data();
      return true;
    default: return false;
  }
}

std::optional<double> NumericValue(MI_Type type, const MI_Value& v) {
  switch (type) {
    case MI_BOOLEAN: return v.boolean ? 1.0 : 0.0;
    case MI_UINT8: return v.uint8;
    case MI_SINT8: return v.sint8;
    case MI_UINT16: return v.uint16;
    case MI_SINT16: return v.sint16;
    case MI_UINT32: return v.uint32;
    case MI_SINT32: return v.sint32;
    case MI_UINT64: return static_cast<double>(v.uint64);
    case MI_SINT64: return static_cast<double>(v.sint64);
    case MI_REAL32: return v.real32;
    case MI_REAL64: return v.real64;
    default: return std::nullopt;
  }
}

}  // namespace cimulate::fake
