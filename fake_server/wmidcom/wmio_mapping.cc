#include "wmidcom/wmio_mapping.h"

#include "engine/text.h"
#include "scenario/datetime.h"
#include "wmio/class.h"
#include "wmio/codec.h"
#include "wmio/instance.h"
#include "wsman/time.h"

namespace cimulate::fake::wmidcom {
namespace {

wmio::CimType ScalarCimType(MI_Type type) {
  using C = wmio::CimType;
  switch (type & ~MI_ARRAY) {
    case MI_BOOLEAN: return C::kBoolean;
    case MI_UINT8: return C::kUint8;
    case MI_SINT8: return C::kSint8;
    case MI_UINT16: return C::kUint16;
    case MI_SINT16: return C::kSint16;
    case MI_UINT32: return C::kUint32;
    case MI_SINT32: return C::kSint32;
    case MI_UINT64: return C::kUint64;
    case MI_SINT64: return C::kSint64;
    case MI_REAL32: return C::kReal32;
    case MI_REAL64: return C::kReal64;
    case MI_CHAR16: return C::kChar16;
    case MI_DATETIME: return C::kDatetime;
    case MI_REFERENCE: return C::kReference;
    case MI_INSTANCE: return C::kObject;
    default: return C::kString;
  }
}

wmio::CimType CimTypeOf(MI_Type type) {
  wmio::CimType scalar = ScalarCimType(type);
  return (type & MI_ARRAY) != 0 ? wmio::ArrayOf(scalar) : scalar;
}

// A reference travels as its object path text.
std::string ReferencePath(const MI_Instance* ref) {
  if (ref == nullptr) return {};
  std::string path = ref->classDecl != nullptr && ref->classDecl->name != nullptr ? ref->classDecl->name : "";
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(ref, &count);
  std::string keys;
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type t;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(ref, i, &name, &v, &t, &flags) != MI_RESULT_OK || (flags & MI_FLAG_NULL)) continue;
    if (t != MI_STRING) continue;
    keys += (keys.empty() ? "" : ",") + std::string(name) + "=\"" + v.string + "\"";
  }
  return keys.empty() ? path : path + "." + keys;
}

template <typename A, typename F>
auto Items(const A& array, F convert) {
  std::vector<decltype(convert(array.data[0]))> items;
  for (MI_Uint32 i = 0; i < array.size; ++i) items.push_back(convert(array.data[i]));
  return items;
}

wmio::Value MapArray(MI_Type type, const MI_Value& v) {
  using wmio::Value;
  wmio::CimType t = CimTypeOf(type);
  switch (type & ~MI_ARRAY) {
    case MI_BOOLEAN: return Value::BooleanArray(Items(v.booleana, [](MI_Boolean b) { return b != 0; }));
    case MI_UINT8: return Value::UnsignedArray(t, Items(v.uint8a, [](auto x) { return std::uint64_t{x}; }));
    case MI_UINT16: return Value::UnsignedArray(t, Items(v.uint16a, [](auto x) { return std::uint64_t{x}; }));
    case MI_UINT32: return Value::UnsignedArray(t, Items(v.uint32a, [](auto x) { return std::uint64_t{x}; }));
    case MI_UINT64: return Value::UnsignedArray(t, Items(v.uint64a, [](auto x) { return std::uint64_t{x}; }));
    case MI_CHAR16: return Value::UnsignedArray(t, Items(v.char16a, [](auto x) { return std::uint64_t{x}; }));
    case MI_SINT8: return Value::SignedArray(t, Items(v.sint8a, [](auto x) { return std::int64_t{x}; }));
    case MI_SINT16: return Value::SignedArray(t, Items(v.sint16a, [](auto x) { return std::int64_t{x}; }));
    case MI_SINT32: return Value::SignedArray(t, Items(v.sint32a, [](auto x) { return std::int64_t{x}; }));
    case MI_SINT64: return Value::SignedArray(t, Items(v.sint64a, [](auto x) { return std::int64_t{x}; }));
    case MI_REAL32: return Value::RealArray(t, Items(v.real32a, [](auto x) { return double{x}; }));
    case MI_REAL64: return Value::RealArray(t, Items(v.real64a, [](auto x) { return double{x}; }));
    case MI_DATETIME:
      return Value::StringArray(t, Items(v.datetimea, [](const MI_Datetime& d) { return wsman::FormatCimDatetime(d); }));
    case MI_STRING: return Value::StringArray(t, Items(v.stringa, [](const MI_Char* s) { return std::string(s ? s : ""); }));
    case MI_REFERENCE: return Value::StringArray(t, Items(v.referencea, [](MI_Instance* r) { return ReferencePath(r); }));
    default: return Value::Null(t);  // embedded instance arrays are not served over WMIDCOM yet
  }
}

wmio::Value MapValue(MI_Type type, const MI_Value& v) {
  using wmio::Value;
  if ((type & MI_ARRAY) != 0) return MapArray(type, v);
  wmio::CimType t = CimTypeOf(type);
  switch (type) {
    case MI_BOOLEAN: return Value::Boolean(v.boolean != 0);
    case MI_UINT8: return Value::Uint8(v.uint8);
    case MI_SINT8: return Value::Sint8(v.sint8);
    case MI_UINT16: return Value::Uint16(v.uint16);
    case MI_SINT16: return Value::Sint16(v.sint16);
    case MI_UINT32: return Value::Uint32(v.uint32);
    case MI_SINT32: return Value::Sint32(v.sint32);
    case MI_UINT64: return Value::Uint64(v.uint64);
    case MI_SINT64: return Value::Sint64(v.sint64);
    case MI_REAL32: return Value::Real32(v.real32);
    case MI_REAL64: return Value::Real64(v.real64);
    case MI_CHAR16: return Value::Char16(static_cast<char16_t>(v.char16));
    case MI_DATETIME: return Value::Datetime(wsman::FormatCimDatetime(v.datetime));
    case MI_STRING: return Value::String(v.string != nullptr ? v.string : "");
    case MI_REFERENCE: return Value::Reference(ReferencePath(v.reference));
    default: return Value::Null(t);
  }
}

bool Selected(const std::vector<std::string>& properties, const std::string& name) {
  if (properties.empty()) return true;
  for (const std::string& p : properties) {
    if (EqualsIgnoreCase(p, name)) return true;
  }
  return false;
}

}  // namespace

wmio::ClassPtr MapClass(const scenario::DataSet& data, const WmiObject& object) {
  auto cls = std::make_shared<wmio::Class>();
  const scenario::ClassDecl* decl = object.class_decl;
  cls->name = decl->name;
  for (std::string super = decl->superclass; !super.empty() && cls->derivation.size() < 64;) {
    cls->derivation.push_back(super);
    const scenario::ClassDecl* s = data.FindClass(object.name_space, super);
    super = s != nullptr ? s->superclass : "";
  }
  std::uint32_t depth = static_cast<std::uint32_t>(cls->derivation.size());
  for (const scenario::PropertyDecl* p : data.AllProperties(object.name_space, decl->name)) {
    if (!Selected(object.properties, p->name)) continue;
    wmio::Property& property = cls->AddProperty(p->name, CimTypeOf(p->type));
    // The declaring class's depth: 0 for the root of the chain.
    std::uint32_t origin = depth;
    for (size_t i = 0; i < cls->derivation.size(); ++i) {
      const scenario::ClassDecl* s = data.FindClass(object.name_space, cls->derivation[i]);
      for (const scenario::PropertyDecl& own : s != nullptr ? s->properties : std::vector<scenario::PropertyDecl>{}) {
        if (EqualsIgnoreCase(own.name, p->name)) origin = depth - 1 - static_cast<std::uint32_t>(i);
      }
    }
    property.class_of_origin = origin;
    property.inherited = origin != depth;
    if (p->key) {
      property.qualifiers.push_back(wmio::Qualifier{"key", wmio::kFlavorPropagateToInstance |
                                                              wmio::kFlavorPropagateToDerivedClass |
                                                              wmio::kFlavorNotOverridable,
                                                    wmio::Value::Boolean(true)});
    }
  }
  return cls;
}

std::vector<std::uint8_t> EncodeWmiObject(const scenario::DataSet& data, const WmiObject& object,
                                          const DecorationInfo& decoration, std::string* error) {
  wmio::ClassPtr cls = MapClass(data, object);
  std::string ns;
  for (char c : object.name_space) ns.push_back(c == '/' ? '\\' : c);
  wmio::Decoration dec{decoration.server, ns};
  wmio::Object encoded;
  if (object.instance == nullptr) {
    // The ParentClass part, as Windows sends it: the superclass with its own properties.
    wmio::ClassPtr parent;
    if (const scenario::ClassDecl* super = data.FindClass(object.name_space, object.class_decl->superclass)) {
      parent = MapClass(data, WmiObject{object.name_space, super, nullptr, {}});
    }
    encoded = wmio::Object::ForClass(cls, dec, parent);
  } else {
    wmio::Instance instance = wmio::Instance::OfClass(cls);
    for (size_t i = 0; i < cls->properties.size(); ++i) {
      MI_Value v;
      MI_Type t;
      MI_Uint32 flags = 0;
      if (MI_Instance_GetElement(object.instance.get(), cls->properties[i].name.c_str(), &v, &t, &flags, nullptr) !=
              MI_RESULT_OK ||
          (flags & MI_FLAG_NULL) != 0) {
        continue;
      }
      instance.values[i] = MapValue(t, v);
    }
    encoded = wmio::Object::ForInstance(std::move(instance), dec);
  }
  std::vector<std::uint8_t> out;
  wmio::Status status = wmio::EncodeEncodingUnit(encoded, &out);
  if (!status.ok()) {
    *error = status.ToString();
    out.clear();
  }
  return out;
}

namespace {

// `in` as a scenario value of the declared `type`; false when it does not fit.
bool ScalarFromWmio(MI_Type type, const wmio::Value& in, scenario::Value* out, std::string* error) {
  out->type = type;
  out->null = false;
  switch (type) {
    case MI_BOOLEAN: out->boolean = in.as_bool(); return true;
    case MI_SINT8: case MI_SINT16: case MI_SINT32: case MI_SINT64: out->sint = in.as_int64(); return true;
    case MI_UINT8: case MI_UINT16: case MI_UINT32: case MI_UINT64: case MI_CHAR16: out->uint = in.as_uint64(); return true;
    case MI_REAL32: case MI_REAL64: out->real = in.as_double(); return true;
    case MI_STRING: out->string = in.as_string(); return true;
    case MI_DATETIME: return scenario::ParseDatetime(in.as_string(), &out->datetime, error);
    default: *error = "arrays, references and embedded objects are not taken by PutInstance"; return false;
  }
}

}  // namespace

bool InstanceFromWmio(const scenario::DataSet& data, const std::string& name_space, const wmio::Instance& instance,
                      scenario::InstanceValue* out, std::string* error) {
  const scenario::ClassDecl* decl = data.FindClass(name_space, instance.class_name());
  if (decl == nullptr) {
    *error = "no class " + instance.class_name();
    return false;
  }
  out->class_name = decl->name;
  out->name_space = name_space;
  for (size_t i = 0; i < instance.cls->properties.size() && i < instance.values.size(); ++i) {
    const wmio::Property& p = instance.cls->properties[i];
    if (p.name.rfind("__", 0) == 0 || instance.values[i].is_null()) continue;  // system properties, NULLs
    const scenario::PropertyDecl* declared = data.FindProperty(name_space, decl->name, p.name);
    if (declared == nullptr) {
      *error = "class " + decl->name + " has no property " + p.name;
      return false;
    }
    scenario::PropertyValue value;
    value.name = declared->name;
    if (!ScalarFromWmio(declared->type, instance.values[i], &value.value, error)) {
      *error = p.name + ": " + *error;
      return false;
    }
    out->properties.push_back(std::move(value));
  }
  return true;
}

}  // namespace cimulate::fake::wmidcom
