#include "wsman/cim_xml.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

#include "core/value.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"
#include "wsman/time.h"
#include "wsman/xml.h"

namespace cimulate::wsman {
namespace {

struct TypeName {
  MI_Type type;
  const char* cim;  // cim:cimXxx
  const char* xs;   // xs:xxx
};

constexpr TypeName kTypeNames[] = {
    {MI_BOOLEAN, "cimBoolean", "boolean"},     {MI_UINT8, "cimUnsignedByte", "unsignedByte"},
    {MI_SINT8, "cimByte", "byte"},             {MI_UINT16, "cimUnsignedShort", "unsignedShort"},
    {MI_SINT16, "cimShort", "short"},          {MI_UINT32, "cimUnsignedInt", "unsignedInt"},
    {MI_SINT32, "cimInt", "int"},              {MI_UINT64, "cimUnsignedLong", "unsignedLong"},
    {MI_SINT64, "cimLong", "long"},            {MI_REAL32, "cimFloat", "float"},
    {MI_REAL64, "cimDouble", "double"},        {MI_CHAR16, "cimChar16", nullptr},
    {MI_DATETIME, "cimDateTime", "dateTime"},  {MI_STRING, "cimString", "string"},
    {MI_REFERENCE, "cimReference", nullptr},
};

const char* CimTypeName(MI_Type scalar) {
  for (const TypeName& t : kTypeNames) {
    if (t.type == scalar) return t.cim;
  }
  return nullptr;
}

std::string Where(pugi::xml_node node) { return " at " + PathOf(node); }

// The concatenated character data of an element, untrimmed: string values keep
// their spaces ("WMI Message. ").
std::string RawText(pugi::xml_node element) {
  std::string all;
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) all += c.value();
  }
  return all;
}

bool IsTrue(pugi::xml_attribute a) {
  std::string_view v = a.value();
  return v == "true" || v == "1";
}

// ---------------------------------------------------------------- writing

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

template <typename F>
std::string FormatReal(F v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v < 0 ? "-INF" : "INF";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string PrefixForDepth(int depth) { return depth == 0 ? std::string("p") : "p" + std::to_string(depth); }

Status WriteProperties(pugi::xml_node element, const MI_Instance* instance, const std::string& prefix, int depth,
                       const CimWriteOptions& options);

Status WriteValue(pugi::xml_node element, MI_Type type, const MI_Value& value, int depth,
                  const CimWriteOptions& options) {
  if (options.type_attributes && type != MI_INSTANCE) {
    element.append_attribute("xsi:type") = (std::string("cim:") + CimTypeName(type)).c_str();
  }
  switch (type) {
    case MI_DATETIME:
      if (value.datetime.isTimestamp) {
        element.append_child("cim:Datetime").text() = TimestampToXml(value.datetime.u.timestamp).c_str();
      } else {
        element.append_child("cim:Interval").text() = IntervalToDuration(value.datetime.u.interval).c_str();
      }
      return Status::Ok();
    case MI_REFERENCE: {
      if (value.reference == nullptr) return Status(ErrorCode::kInvalidArgument, "NULL reference without MI_FLAG_NULL");
      EndpointReference epr;
      Status s = ReferenceToEpr(value.reference, &epr);
      if (!s.ok()) return s;
      // Self-declaring, so the EPR is valid wherever the instance is pasted.
      element.append_attribute("xmlns:a") = ns::kAddressing;
      element.append_attribute("xmlns:w") = ns::kWsman;
      WriteEprContent(element, epr, options.epr);
      return Status::Ok();
    }
    case MI_INSTANCE: {
      const MI_Instance* inner = value.instance;
      if (inner == nullptr) return Status(ErrorCode::kInvalidArgument, "NULL instance without MI_FLAG_NULL");
      const MI_Char* class_name = nullptr;
      if (MI_Instance_GetClassName(inner, &class_name) != MI_RESULT_OK || class_name == nullptr) {
        return Status(ErrorCode::kInternal, "embedded instance has no class name");
      }
      std::string prefix = PrefixForDepth(depth + 1);
      element.append_attribute(("xmlns:" + prefix).c_str()) = ResourceUriOf(inner).c_str();
      element.append_attribute("xsi:type") = (prefix + ":" + class_name + "_Type").c_str();
      return WriteProperties(element, inner, prefix, depth + 1, options);
    }
    default: {
      std::string text;
      Status s = FormatScalar(type, value, &text);
      if (!s.ok()) return s;
      element.text() = text.c_str();
      return Status::Ok();
    }
  }
}

Status WriteProperties(pugi::xml_node element, const MI_Instance* instance, const std::string& prefix, int depth,
                       const CimWriteOptions& options) {
  if (depth > 32) return Status(ErrorCode::kLimitExceeded, "embedded instances nested deeper than 32");
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(instance, &count) != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "MI_Instance_GetElementCount failed");
  }
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, &name, &value, &type, &flags) != MI_RESULT_OK || name == nullptr) {
      return Status(ErrorCode::kInternal, "MI_Instance_GetElementAt failed at " + std::to_string(i));
    }
    std::string element_name = prefix + ":" + name;
    MI_Type scalar = core::ScalarOf(type);
    if (flags & MI_FLAG_NULL) {
      pugi::xml_node e = element.append_child(element_name.c_str());
      e.append_attribute("xsi:nil") = "true";
      if (options.type_attributes && scalar != MI_INSTANCE) {
        e.append_attribute("xsi:type") = (std::string("cim:") + CimTypeName(scalar)).c_str();
      }
      continue;
    }
    if (!core::IsArrayType(type)) {
      Status s = WriteValue(element.append_child(element_name.c_str()), type, value, depth, options);
      if (!s.ok()) return s;
      continue;
    }
    size_t size = core::ElementSize(scalar);
    const unsigned char* data = static_cast<const unsigned char*>(value.array.data);
    for (MI_Uint32 j = 0; j < value.array.size; ++j) {
      MI_Value one;
      std::memset(&one, 0, sizeof one);
      std::memcpy(&one, data + j * size, size);  // scalars sit at offset 0 of the union
      Status s = WriteValue(element.append_child(element_name.c_str()), scalar, one, depth, options);
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

// ---------------------------------------------------------------- reading

struct Parsed {
  MI_Type type = MI_STRING;
  bool is_null = false;
  MI_Value value{};
  std::string text;           // string values (value.string is set when the MI_Value is built)
  core::InstancePtr instance;  // reference and instance values
};

Status ReadPropertiesInto(pugi::xml_node element, MI_Instance* instance, int depth);

bool ParseBool(std::string_view t, MI_Boolean* out) {
  if (t == "true" || t == "1" || t == "TRUE" || t == "True") {
    *out = MI_TRUE;
  } else if (t == "false" || t == "0" || t == "FALSE" || t == "False") {
    *out = MI_FALSE;
  } else {
    return false;
  }
  return true;
}

template <typename T>
bool ParseInt(std::string_view t, T* out) {
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  if (t.empty()) return false;
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

template <typename F>
bool ParseReal(std::string_view t, F* out) {
  if (t == "INF" || t == "+INF") {
    *out = std::numeric_limits<F>::infinity();
    return true;
  }
  if (t == "-INF") {
    *out = -std::numeric_limits<F>::infinity();
    return true;
  }
  if (t == "NaN") {
    *out = std::numeric_limits<F>::quiet_NaN();
    return true;
  }
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  if (t.empty()) return false;
  auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

// One UTF-16 code unit from one UTF-8 character (BMP only), or a decimal code.
bool ParseChar16(std::string_view t, MI_Char16* out) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(t.data());
  uint32_t cp = 0;
  if (t.size() == 1 && p[0] < 0x80) {
    cp = p[0];
  } else if (t.size() == 2 && (p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
    cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
  } else if (t.size() == 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  } else {
    MI_Uint16 code = 0;
    if (!ParseInt(t, &code)) return false;
    cp = code;
  }
  *out = static_cast<MI_Char16>(cp);
  return true;
}

Status ParseScalarText(MI_Type type, std::string_view raw, pugi::xml_node where, MI_Value* v, std::string* text) {
  std::string_view t = raw;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n')) {
    t.remove_suffix(1);
  }
  bool ok = true;
  switch (type) {
    case MI_BOOLEAN: ok = ParseBool(t, &v->boolean); break;
    case MI_UINT8: ok = ParseInt(t, &v->uint8); break;
    case MI_SINT8: ok = ParseInt(t, &v->sint8); break;
    case MI_UINT16: ok = ParseInt(t, &v->uint16); break;
    case MI_SINT16: ok = ParseInt(t, &v->sint16); break;
    case MI_UINT32: ok = ParseInt(t, &v->uint32); break;
    case MI_SINT32: ok = ParseInt(t, &v->sint32); break;
    case MI_UINT64: ok = ParseInt(t, &v->uint64); break;
    case MI_SINT64: ok = ParseInt(t, &v->sint64); break;
    case MI_REAL32: ok = ParseReal(t, &v->real32); break;
    case MI_REAL64: ok = ParseReal(t, &v->real64); break;
    case MI_CHAR16: ok = ParseChar16(t, &v->char16); break;
    case MI_STRING: *text = std::string(raw); break;
    case MI_DATETIME: {
      // Text directly in a cimDateTime-typed element: the CIM string or xs:dateTime.
      if (ParseCimDatetime(t, &v->datetime).ok()) break;
      v->datetime.isTimestamp = 1;
      Status s = XmlToTimestamp(t, &v->datetime.u.timestamp);
      if (!s.ok()) return Status(s.code(), s.message() + Where(where));
      break;
    }
    default: ok = false; break;
  }
  if (!ok) {
    return Status(ErrorCode::kMalformed, std::string("'") + std::string(t.substr(0, 64)) + "' is not a valid " +
                                             core::TypeName(type) + Where(where));
  }
  return Status::Ok();
}

// The MI_Type an xsi:type names; MI_INSTANCE (with *class_name/*uri) for
// Class_Type; false if the attribute is unusable.
bool TypeFromXsiType(pugi::xml_node element, pugi::xml_attribute attr, MI_Type* type, std::string* class_name,
                     std::string* uri) {
  std::string ns_uri, local;
  if (!ResolveQName(element, attr.value(), &ns_uri, &local)) return false;
  if (ns_uri == ns::kCimCommon) {
    if (local == "cimAnySimpleType" || local == "cimBase64Binary" || local == "cimHexBinary") {
      *type = MI_STRING;
      return true;
    }
    for (const TypeName& t : kTypeNames) {
      if (local == t.cim) {
        *type = t.type;
        return true;
      }
    }
    return false;
  }
  if (ns_uri == ns::kXs) {
    if (local == "duration" || local == "date" || local == "time") {
      *type = MI_DATETIME;
      return true;
    }
    for (const TypeName& t : kTypeNames) {
      if (t.xs != nullptr && local == t.xs) {
        *type = t.type;
        return true;
      }
    }
    return false;
  }
  if (local.size() > 5 && local.ends_with("_Type")) {
    *type = MI_INSTANCE;
    *class_name = local.substr(0, local.size() - 5);
    *uri = ns_uri;
    return true;
  }
  return false;
}

pugi::xml_node DatetimeChild(pugi::xml_node element) {
  for (pugi::xml_node c = FirstElement(element); c; c = NextElement(c)) {
    if (std::strcmp(NamespaceOf(c), ns::kCimCommon) != 0) continue;
    std::string_view local = LocalName(c.name());
    if (local == "Datetime" || local == "Interval" || local == "Date" || local == "Time" || local == "CIM_DateTime") {
      return c;
    }
  }
  return pugi::xml_node();
}

Status ParseDatetimeChild(pugi::xml_node child, MI_Datetime* out) {
  std::string text = TrimmedText(child);
  std::string_view local = LocalName(child.name());
  Status s;
  if (local == "Interval") {
    out->isTimestamp = 0;
    s = DurationToInterval(text, &out->u.interval);
  } else if (local == "CIM_DateTime") {
    s = ParseCimDatetime(text, out);
  } else {
    out->isTimestamp = 1;
    s = XmlToTimestamp(text, &out->u.timestamp);
  }
  if (!s.ok()) return Status(s.code(), s.message() + Where(child));
  return Status::Ok();
}

std::string GuessClassFromChildren(pugi::xml_node element) {
  pugi::xml_node first = FirstElement(element);
  if (!first) return std::string();
  return SplitResourceUri(NamespaceOf(first)).class_name;
}

Status ParseProperty(pugi::xml_node e, int depth, Parsed* out) {
  MI_Type type = MI_STRING;
  bool typed = false;
  std::string class_name, class_uri;
  pugi::xml_attribute xsi_type = Attribute(e, ns::kXsi, "type");
  if (xsi_type) typed = TypeFromXsiType(e, xsi_type, &type, &class_name, &class_uri);
  pugi::xml_attribute nil = Attribute(e, ns::kXsi, "nil");
  if (nil && IsTrue(nil)) {
    out->type = typed ? type : MI_STRING;
    out->is_null = true;
    return Status::Ok();
  }
  pugi::xml_node dt = DatetimeChild(e);
  if (dt) {
    type = MI_DATETIME;
  } else if (!typed || type == MI_REFERENCE || type == MI_INSTANCE) {
    if (HasEprContent(e)) {
      type = MI_REFERENCE;
    } else if (pugi::xml_node epr = Child(e, ns::kAddressing, "EndpointReference")) {
      type = MI_REFERENCE;
      e = epr;
    } else if (FirstElement(e)) {
      type = MI_INSTANCE;
    } else if (!typed) {
      type = MI_STRING;
    }
  }
  out->type = type;
  switch (type) {
    case MI_DATETIME:
      if (dt) return ParseDatetimeChild(dt, &out->value.datetime);
      return ParseScalarText(type, RawText(e), e, &out->value, &out->text);
    case MI_REFERENCE: {
      EndpointReference epr;
      Status s = ReadEpr(e, &epr);
      if (!s.ok()) return s;
      return EprToReference(epr, &out->instance);
    }
    case MI_INSTANCE: {
      if (depth > 32) return Status(ErrorCode::kLimitExceeded, "embedded instances nested too deep" + Where(e));
      if (class_name.empty()) class_name = GuessClassFromChildren(e);
      MI_Instance* raw = nullptr;
      if (core::NewDynamicInstance(class_name.c_str(), 0, &raw) != MI_RESULT_OK) {
        return Status(ErrorCode::kInternal, "cannot create an instance" + Where(e));
      }
      out->instance.reset(raw);
      ResourceUriParts parts = SplitResourceUri(class_uri);
      if (parts.form == ResourceUriForm::kWmi && !parts.name_space.empty()) {
        MI_Instance_SetNameSpace(raw, parts.name_space.c_str());
      }
      return ReadPropertiesInto(e, raw, depth + 1);
    }
    default:
      return ParseScalarText(type, RawText(e), e, &out->value, &out->text);
  }
}

// Points the MI_Value of a parsed scalar at the storage Parsed owns.
MI_Value ScalarValue(Parsed& p) {
  MI_Value v = p.value;
  if (p.type == MI_STRING) v.string = p.text.data();
  if (p.type == MI_REFERENCE) v.reference = p.instance.get();
  if (p.type == MI_INSTANCE) v.instance = p.instance.get();
  return v;
}

Status AddProperty(MI_Instance* instance, const std::string& name, std::vector<Parsed>& values,
                   pugi::xml_node where) {
  MI_Result r;
  if (values.size() == 1) {
    Parsed& p = values[0];
    if (p.is_null) {
      r = MI_Instance_AddElement(instance, name.c_str(), nullptr, p.type, MI_FLAG_NULL);
    } else {
      MI_Value v = ScalarValue(p);
      r = MI_Instance_AddElement(instance, name.c_str(), &v, p.type, 0);
    }
  } else {
    // An array: the first non-NULL element fixes the type; NULL elements cannot
    // be represented in an MI array and are dropped.
    MI_Type scalar = MI_STRING;
    bool found = false;
    for (Parsed& p : values) {
      if (!p.is_null) {
        scalar = p.type;
        found = true;
        break;
      }
    }
    if (!found) scalar = values[0].type;
    size_t size = core::ElementSize(scalar);
    std::vector<unsigned char> buffer;
    MI_Uint32 n = 0;
    for (Parsed& p : values) {
      if (p.is_null) continue;
      if (p.type != scalar) {
        return Status(ErrorCode::kMalformed, "array " + name + " mixes " + core::TypeName(scalar) + " and " +
                                                 core::TypeName(p.type) + Where(where));
      }
      MI_Value v = ScalarValue(p);
      buffer.resize(buffer.size() + size);
      std::memcpy(buffer.data() + n * size, &v, size);
      ++n;
    }
    MI_Value array;
    std::memset(&array, 0, sizeof array);
    array.array.data = buffer.data();
    array.array.size = n;
    MI_Type array_type = static_cast<MI_Type>(scalar | MI_ARRAY);
    r = MI_Instance_AddElement(instance, name.c_str(), found ? &array : nullptr, array_type,
                               found ? 0 : MI_FLAG_NULL);
  }
  if (r == MI_RESULT_ALREADY_EXISTS) {
    return Status(ErrorCode::kMalformed, "property " + name + " appears twice" + Where(where));
  }
  if (r != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "MI_Instance_AddElement(" + name + ") failed with " + std::to_string(r));
  }
  return Status::Ok();
}

Status ReadPropertiesInto(pugi::xml_node element, MI_Instance* instance, int depth) {
  // Group repeated elements (arrays) while keeping first-appearance order.
  std::vector<std::pair<std::string, std::vector<pugi::xml_node>>> groups;
  std::unordered_map<std::string, size_t> index;
  for (pugi::xml_node c = FirstElement(element); c; c = NextElement(c)) {
    std::string name(LocalName(c.name()));
    auto [it, inserted] = index.emplace(name, groups.size());
    if (inserted) groups.emplace_back(name, std::vector<pugi::xml_node>());
    groups[it->second].second.push_back(c);
  }
  for (auto& [name, nodes] : groups) {
    std::vector<Parsed> values(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
      Status s = ParseProperty(nodes[i], depth, &values[i]);
      if (!s.ok()) return s;
    }
    Status s = AddProperty(instance, name, values, nodes[0]);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Status FormatScalar(MI_Type type, const MI_Value& v, std::string* out) {
  switch (type) {
    case MI_BOOLEAN: *out = v.boolean ? "true" : "false"; break;
    case MI_UINT8: *out = std::to_string(v.uint8); break;
    case MI_SINT8: *out = std::to_string(v.sint8); break;
    case MI_UINT16: *out = std::to_string(v.uint16); break;
    case MI_SINT16: *out = std::to_string(v.sint16); break;
    case MI_UINT32: *out = std::to_string(v.uint32); break;
    case MI_SINT32: *out = std::to_string(v.sint32); break;
    case MI_UINT64: *out = std::to_string(v.uint64); break;
    case MI_SINT64: *out = std::to_string(v.sint64); break;
    case MI_REAL32: *out = FormatReal(v.real32); break;
    case MI_REAL64: *out = FormatReal(v.real64); break;
    case MI_CHAR16:
      // XML cannot carry NUL, surrogate halves or most C0 controls as characters.
      if (v.char16 == 0 || (v.char16 >= 0xD800 && v.char16 <= 0xDFFF) ||
          (v.char16 < 0x20 && v.char16 != 0x9 && v.char16 != 0xA && v.char16 != 0xD)) {
        return Status(ErrorCode::kInvalidArgument, "char16 " + std::to_string(v.char16) + " cannot be written as XML");
      }
      out->clear();
      AppendUtf8(out, v.char16);
      break;
    case MI_STRING: *out = v.string ? v.string : ""; break;
    case MI_DATETIME: *out = FormatCimDatetime(v.datetime); break;
    default:
      return Status(ErrorCode::kInvalidArgument, std::string("no text form for ") + core::TypeName(type));
  }
  return Status::Ok();
}

std::string ResourceUriOf(const MI_Instance* instance) {
  const MI_Char* class_name = nullptr;
  const MI_Char* name_space = nullptr;
  MI_Instance_GetClassName(instance, &class_name);
  if (MI_Instance_GetNameSpace(instance, &name_space) != MI_RESULT_OK) name_space = nullptr;
  std::string cls = class_name ? class_name : "";
  if (name_space != nullptr && name_space[0] != '\0') return WmiResourceUri(name_space, cls);
  return DmtfResourceUri(cls);
}

Status WriteInstance(pugi::xml_node parent, const MI_Instance* instance, std::string_view resource_uri,
                     const CimWriteOptions& options, std::string_view element_name, bool instance_type) {
  if (instance == nullptr) return Status(ErrorCode::kInvalidArgument, "NULL instance");
  const MI_Char* class_name = nullptr;
  if (MI_Instance_GetClassName(instance, &class_name) != MI_RESULT_OK || class_name == nullptr) {
    return Status(ErrorCode::kInvalidArgument, "instance without a class name");
  }
  std::string local = element_name.empty() ? std::string(class_name) : std::string(element_name);
  if (local.empty()) return Status(ErrorCode::kInvalidArgument, "instance element needs a name");
  std::string uri = resource_uri.empty() ? ResourceUriOf(instance) : std::string(resource_uri);
  pugi::xml_node e = parent.append_child(("p:" + local).c_str());
  e.append_attribute("xmlns:p") = uri.c_str();
  e.append_attribute("xmlns:cim") = ns::kCimCommon;
  e.append_attribute("xmlns:xsi") = ns::kXsi;
  if (instance_type) e.append_attribute("xsi:type") = (std::string("p:") + class_name + "_Type").c_str();
  return WriteProperties(e, instance, "p", 0, options);
}

Status ReadInstance(pugi::xml_node element, core::InstancePtr* out, std::string* resource_uri) {
  std::string uri = NamespaceOf(element);
  std::string class_name(LocalName(element.name()));
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(class_name.c_str(), 0, &raw) != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "cannot create an instance of " + class_name);
  }
  core::InstancePtr instance(raw);
  ResourceUriParts parts = SplitResourceUri(uri);
  if (parts.form == ResourceUriForm::kWmi && !parts.name_space.empty()) {
    MI_Instance_SetNameSpace(raw, parts.name_space.c_str());
  }
  Status s = ReadPropertiesInto(element, raw, 0);
  if (!s.ok()) return s;
  if (resource_uri != nullptr) *resource_uri = uri;
  *out = std::move(instance);
  return Status::Ok();
}

Status ReadInstanceAs(pugi::xml_node element, std::string_view class_name, core::InstancePtr* out) {
  std::string name(class_name);
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(name.c_str(), 0, &raw) != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "cannot create an instance of " + name);
  }
  core::InstancePtr instance(raw);
  Status s = ReadPropertiesInto(element, raw, 0);
  if (!s.ok()) return s;
  *out = std::move(instance);
  return Status::Ok();
}

Status ReferenceToEpr(const MI_Instance* reference, EndpointReference* out) {
  *out = EndpointReference();
  out->resource_uri = ResourceUriOf(reference);
  return AppendSelectors(reference, false, &out->selectors);
}

Status AppendSelectors(const MI_Instance* instance, bool keys_only, std::vector<Selector>* out) {
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(instance, &count) != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "MI_Instance_GetElementCount failed on an instance to address");
  }
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, &name, &value, &type, &flags) != MI_RESULT_OK) {
      return Status(ErrorCode::kInternal, "MI_Instance_GetElementAt failed on an instance to address");
    }
    if (keys_only && !(flags & MI_FLAG_KEY)) continue;
    if ((flags & MI_FLAG_NULL) || core::IsArrayType(type) || type == MI_INSTANCE) continue;
    Selector selector;
    selector.name = name;
    Status s;
    if (type == MI_REFERENCE) {
      selector.epr = std::make_shared<EndpointReference>();
      s = ReferenceToEpr(value.reference, selector.epr.get());
    } else {
      s = FormatScalar(type, value, &selector.value);
    }
    if (!s.ok()) return s;
    out->push_back(std::move(selector));
  }
  return Status::Ok();
}

Status EprToReference(const EndpointReference& epr, core::InstancePtr* out) {
  const Selector* ns_selector = FindSelector(epr.selectors, uri::kCimNamespaceSelector);
  ResourceUriParts parts = SplitResourceUri(epr.resource_uri, ns_selector ? ns_selector->value : std::string());
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(parts.class_name.c_str(), 0, &raw) != MI_RESULT_OK) {
    return Status(ErrorCode::kInternal, "cannot create a reference instance");
  }
  core::InstancePtr instance(raw);
  if (!parts.name_space.empty()) MI_Instance_SetNameSpace(raw, parts.name_space.c_str());
  for (const Selector& s : epr.selectors) {
    if (&s == ns_selector) continue;
    MI_Value v;
    std::memset(&v, 0, sizeof v);
    MI_Result r;
    if (s.epr) {
      core::InstancePtr inner;
      Status status = EprToReference(*s.epr, &inner);
      if (!status.ok()) return status;
      v.reference = inner.get();
      r = MI_Instance_AddElement(raw, s.name.c_str(), &v, MI_REFERENCE, MI_FLAG_KEY);
    } else {
      v.string = const_cast<MI_Char*>(s.value.c_str());
      r = MI_Instance_AddElement(raw, s.name.c_str(), &v, MI_STRING, MI_FLAG_KEY);
    }
    if (r != MI_RESULT_OK) {
      return Status(ErrorCode::kMalformed, "selector " + s.name + " cannot become a key (MI result " +
                                               std::to_string(r) + ")");
    }
  }
  *out = std::move(instance);
  return Status::Ok();
}

}  // namespace cimulate::wsman
