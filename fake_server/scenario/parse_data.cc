// data: namespaces, classes, instances and typed values.
#include <cfloat>
#include <cmath>
#include <limits>
#include <memory>
#include <set>

#include "core/value.h"
#include "scenario/datetime.h"
#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

// Counts UTF-8 code points and returns the only one, if there is exactly one in the BMP.
bool SingleChar16(const std::string& text, std::uint64_t* out) {
  if (text.empty()) return false;
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  std::uint64_t cp;
  size_t len;
  if (b(0) < 0x80) cp = b(0), len = 1;
  else if ((b(0) & 0xE0) == 0xC0) cp = b(0) & 0x1F, len = 2;
  else if ((b(0) & 0xF0) == 0xE0) cp = b(0) & 0x0F, len = 3;
  else return false;
  if (text.size() != len) return false;
  for (size_t i = 1; i < len; ++i) {
    if ((b(i) & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b(i) & 0x3F);
  }
  *out = cp;
  return true;
}

struct IntRange {
  std::int64_t min;
  std::uint64_t max;
};

IntRange RangeOf(MI_Type type) {
  switch (type) {
    case MI_UINT8: return {0, 0xFF};
    case MI_SINT8: return {-128, 127};
    case MI_UINT16: return {0, 0xFFFF};
    case MI_SINT16: return {-32768, 32767};
    case MI_UINT32: return {0, 0xFFFFFFFFu};
    case MI_SINT32: return {INT32_MIN, INT32_MAX};
    case MI_UINT64: return {0, UINT64_MAX};
    default: return {INT64_MIN, INT64_MAX};
  }
}

bool ParseEmbedded(const YamlNode& node, const std::string& path, const PropertyDecl& decl,
                   const std::string& name_space, ParseContext* ctx, Value* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"class", "properties"})) return false;
  const YamlNode* class_node = r.Required(node, path, "class");
  std::string class_name;
  if (class_node == nullptr || !r.Name(*class_node, JoinPath(path, "class"), &class_name)) return false;
  const ClassDecl* cls = ctx->data->FindClass(name_space, class_name);
  if (cls == nullptr) {
    r.Error(*class_node, JoinPath(path, "class"), "undefined class " + Quote(class_name) + " in namespace " +
                                                      Quote(name_space));
    return false;
  }
  if (!decl.class_name.empty() && !ctx->data->IsA(name_space, class_name, decl.class_name)) {
    r.Error(*class_node, JoinPath(path, "class"),
            "expected an instance of " + Quote(decl.class_name) + " but found class " + Quote(class_name));
    return false;
  }
  auto instance = std::make_shared<InstanceValue>();
  instance->class_name = cls->name;
  instance->name_space = name_space;
  instance->mark = node.mark;
  if (const YamlNode* props = node.Find("properties")) {
    ParseProperties(*props, JoinPath(path, "properties"), ctx->data->AllProperties(name_space, cls->name),
                    name_space, ctx, &instance->properties);
  }
  out->instance = std::move(instance);
  return true;
}

bool ParseReference(const YamlNode& node, const std::string& path, const PropertyDecl& decl,
                    const std::string& name_space, ParseContext* ctx, Value* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"ref"})) return false;
  const YamlNode* ref = r.Required(node, path, "ref");
  if (ref == nullptr || !r.Name(*ref, JoinPath(path, "ref"), &out->string)) return false;
  ctx->references.push_back(
      PendingReference{out->string, name_space, decl.class_name, JoinPath(path, "ref"), ref->mark});
  return true;
}

bool ParseScalar(const YamlNode& node, const std::string& path, const PropertyDecl& decl, MI_Type type,
                 const std::string& name_space, ParseContext* ctx, Value* out) {
  Reader& r = ctx->reader;
  switch (type) {
    case MI_BOOLEAN:
      return r.Bool(node, path, &out->boolean);
    case MI_UINT8: case MI_UINT16: case MI_UINT32: case MI_UINT64:
      return r.Uint(node, path, RangeOf(type).max, &out->uint);
    case MI_SINT8: case MI_SINT16: case MI_SINT32: case MI_SINT64:
      return r.Int(node, path, RangeOf(type).min, static_cast<std::int64_t>(RangeOf(type).max), &out->sint);
    case MI_REAL32: case MI_REAL64:
      if (!r.Real(node, path, &out->real)) return false;
      if (type == MI_REAL32 && std::isfinite(out->real) && std::fabs(out->real) > FLT_MAX) {
        r.Error(node, path, "value is out of range for real32");
        return false;
      }
      return true;
    case MI_CHAR16: {
      if (node.IsScalar() && SingleChar16(node.text, &out->uint)) return true;
      r.Error(node, path, "expected a single character but found " + Describe(node));
      return false;
    }
    case MI_DATETIME: {
      std::string text, why;
      if (!r.String(node, path, &text)) return false;
      if (ParseDatetime(text, &out->datetime, &why)) return true;
      r.Error(node, path, "invalid datetime " + Quote(text) + ": " + why);
      return false;
    }
    case MI_STRING:
      return r.String(node, path, &out->string);
    case MI_REFERENCE:
      return ParseReference(node, path, decl, name_space, ctx, out);
    case MI_INSTANCE:
      return ParseEmbedded(node, path, decl, name_space, ctx, out);
    default:
      r.Error(node, path, "unsupported type");
      return false;
  }
}

void ParseQualifiers(const YamlNode& node, const std::string& path, ParseContext* ctx, std::vector<Qualifier>* out) {
  if (!ctx->reader.AnyMap(node, path)) return;
  for (const auto& [key, value] : node.entries) {
    Qualifier q;
    q.name = key.text;
    q.value.null = value.IsNull();
    bool negative;
    std::uint64_t magnitude;
    if (value.IsScalar() && !value.quoted && (value.text == "true" || value.text == "false")) {
      q.value.type = MI_BOOLEAN;
      q.value.boolean = value.text == "true";
    } else if (value.IsScalar() && !value.quoted &&
               ParseInteger(value.text, INT64_MIN, INT64_MAX, &negative, &magnitude)) {
      q.value.type = MI_SINT64;
      q.value.sint = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    } else if (value.IsSequence()) {
      q.value.type = MI_STRINGA;
      std::vector<std::string> items;
      if (!ctx->reader.StringList(value, JoinPath(path, key.text), &items)) continue;
      for (std::string& s : items) {
        Value e;
        e.null = false;
        e.string = std::move(s);
        q.value.elements.push_back(std::move(e));
      }
    } else if (!value.IsNull() && !ctx->reader.String(value, JoinPath(path, key.text), &q.value.string)) {
      continue;
    }
    out->push_back(std::move(q));
  }
}

// A property or parameter declaration: `Name: uint32` or `Name: {type: uint32, key: true, ...}`.
bool ParsePropertyDecl(const YamlNode& key, const YamlNode& node, const std::string& path, bool allow_key,
                       ParseContext* ctx, PropertyDecl* out) {
  Reader& r = ctx->reader;
  out->name = key.text;
  out->mark = key.mark;
  const YamlNode* type_node = &node;
  if (node.IsMap()) {
    if (allow_key) r.Map(node, path, {"type", "key", "class", "qualifiers", "default"});
    else r.Map(node, path, {"type", "class", "qualifiers", "default"});
    type_node = r.Required(node, path, "type");
    if (type_node == nullptr) return false;
  }
  std::string type_name;
  std::string type_path = node.IsMap() ? JoinPath(path, "type") : path;
  if (!r.String(*type_node, type_path, &type_name)) return false;
  if (!ParseTypeName(type_name, &out->type)) {
    std::vector<std::string_view> names;
    for (MI_Uint32 t = MI_BOOLEAN; t <= MI_INSTANCEA; ++t) names.push_back(core::TypeName(static_cast<MI_Type>(t)));
    size_t unused;
    r.Enum(*type_node, type_path, names, &unused);
    return false;
  }
  if (!node.IsMap()) return true;
  if (const YamlNode* k = node.Find("key")) r.Bool(*k, JoinPath(path, "key"), &out->key);
  if (const YamlNode* c = node.Find("class")) {
    MI_Type scalar = core::ScalarOf(out->type);
    if (scalar != MI_REFERENCE && scalar != MI_INSTANCE) {
      r.Error(*c, JoinPath(path, "class"), "only reference and instance properties name a class");
    } else {
      r.Name(*c, JoinPath(path, "class"), &out->class_name);
    }
  }
  if (const YamlNode* q = node.Find("qualifiers")) ParseQualifiers(*q, JoinPath(path, "qualifiers"), ctx, &out->qualifiers);
  if (const YamlNode* d = node.Find("default")) {
    MI_Type scalar = core::ScalarOf(out->type);
    if (scalar == MI_REFERENCE || scalar == MI_INSTANCE) {
      r.Error(*d, JoinPath(path, "default"), "reference and instance properties take no default");
    } else {
      ParseTypedValue(*d, JoinPath(path, "default"), *out, "", ctx, &out->default_value);
    }
  }
  return true;
}

void ParseMethod(const YamlNode& key, const YamlNode& node, const std::string& path, ParseContext* ctx,
                 MethodDecl* out) {
  Reader& r = ctx->reader;
  out->name = key.text;
  out->mark = key.mark;
  if (!r.Map(node, path, {"static", "returns", "in", "out", "qualifiers"})) return;
  if (const YamlNode* s = node.Find("static")) r.Bool(*s, JoinPath(path, "static"), &out->is_static);
  if (const YamlNode* ret = node.Find("returns")) {
    PropertyDecl decl;
    if (ParsePropertyDecl(key, *ret, JoinPath(path, "returns"), false, ctx, &decl)) out->return_type = decl.type;
  }
  for (const char* direction : {"in", "out"}) {
    const YamlNode* params = node.Find(direction);
    std::string ppath = JoinPath(path, direction);
    if (params == nullptr || !r.AnyMap(*params, ppath)) continue;
    for (const auto& [pkey, pvalue] : params->entries) {
      PropertyDecl decl;
      if (!ParsePropertyDecl(pkey, pvalue, JoinPath(ppath, pkey.text), false, ctx, &decl)) continue;
      (direction[0] == 'i' ? out->in : out->out).push_back(std::move(decl));
    }
  }
  if (const YamlNode* q = node.Find("qualifiers")) ParseQualifiers(*q, JoinPath(path, "qualifiers"), ctx, &out->qualifiers);
}

void ParseClass(const YamlNode& key, const YamlNode& node, const std::string& path, ParseContext* ctx,
                ClassDecl* out) {
  Reader& r = ctx->reader;
  out->name = key.text;
  out->mark = key.mark;
  if (!r.Map(node, path, {"superclass", "association", "indication", "qualifiers", "properties", "methods"})) return;
  if (const YamlNode* s = node.Find("superclass")) r.Name(*s, JoinPath(path, "superclass"), &out->superclass);
  if (const YamlNode* a = node.Find("association")) r.Bool(*a, JoinPath(path, "association"), &out->association);
  if (const YamlNode* i = node.Find("indication")) r.Bool(*i, JoinPath(path, "indication"), &out->indication);
  if (const YamlNode* q = node.Find("qualifiers")) ParseQualifiers(*q, JoinPath(path, "qualifiers"), ctx, &out->qualifiers);
  if (const YamlNode* props = node.Find("properties"); props && r.AnyMap(*props, JoinPath(path, "properties"))) {
    for (const auto& [pkey, pvalue] : props->entries) {
      PropertyDecl decl;
      if (ParsePropertyDecl(pkey, pvalue, JoinPath(JoinPath(path, "properties"), pkey.text), true, ctx, &decl)) {
        out->properties.push_back(std::move(decl));
      }
    }
  }
  if (const YamlNode* methods = node.Find("methods"); methods && r.AnyMap(*methods, JoinPath(path, "methods"))) {
    for (const auto& [mkey, mvalue] : methods->entries) {
      MethodDecl method;
      ParseMethod(mkey, mvalue, JoinPath(JoinPath(path, "methods"), mkey.text), ctx, &method);
      out->methods.push_back(std::move(method));
    }
  }
}

// Superclasses must exist and form no cycle; reference/instance classes must exist.
void CheckClasses(const YamlNode& data_node, const std::string& path, ParseContext* ctx, const DataSet& data) {
  for (const NamespaceData& ns : data.namespaces) {
    std::string ns_path = JoinPath(path, ns.name);
    for (const ClassDecl& c : ns.classes) {
      std::string cpath = JoinPath(JoinPath(ns_path, "classes"), c.name);
      if (!c.superclass.empty() && data.FindClass(ns.name, c.superclass) == nullptr) {
        ctx->reader.ErrorAt(c.mark, JoinPath(cpath, "superclass"), "undefined class " + Quote(c.superclass));
      }
      std::set<std::string> seen{c.name};
      for (const ClassDecl* s = data.FindClass(ns.name, c.superclass); s != nullptr;
           s = data.FindClass(ns.name, s->superclass)) {
        if (!seen.insert(s->name).second) {
          ctx->reader.ErrorAt(c.mark, JoinPath(cpath, "superclass"), "superclass chain forms a cycle");
          break;
        }
      }
      for (const PropertyDecl& p : c.properties) {
        if (!p.class_name.empty() && data.FindClass(ns.name, p.class_name) == nullptr) {
          ctx->reader.ErrorAt(p.mark, JoinPath(JoinPath(JoinPath(cpath, "properties"), p.name), "class"),
                              "undefined class " + Quote(p.class_name));
        }
      }
    }
  }
}

void ParseInstance(const YamlNode& node, const std::string& path, const std::string& name_space, ParseContext* ctx,
                   std::set<std::string>* ids, InstanceValue* out) {
  Reader& r = ctx->reader;
  out->name_space = name_space;
  out->mark = node.mark;
  if (!r.Map(node, path, {"id", "class", "properties"})) return;
  if (const YamlNode* id = node.Find("id"); id && r.Name(*id, JoinPath(path, "id"), &out->id)) {
    if (!ids->insert(out->id).second) r.Error(*id, JoinPath(path, "id"), "duplicate instance id " + Quote(out->id));
  }
  const YamlNode* class_node = r.Required(node, path, "class");
  if (class_node == nullptr || !r.Name(*class_node, JoinPath(path, "class"), &out->class_name)) return;
  const ClassDecl* cls = ctx->data->FindClass(name_space, out->class_name);
  if (cls == nullptr) {
    r.Error(*class_node, JoinPath(path, "class"),
            "undefined class " + Quote(out->class_name) + " in namespace " + Quote(name_space));
    return;
  }
  out->class_name = cls->name;
  std::vector<const PropertyDecl*> decls = ctx->data->AllProperties(name_space, cls->name);
  if (const YamlNode* props = node.Find("properties")) {
    ParseProperties(*props, JoinPath(path, "properties"), decls, name_space, ctx, &out->properties);
  }
  for (const PropertyDecl* d : decls) {
    const Value* v = out->Find(d->name);
    if (d->key && (v == nullptr || v->null)) {
      r.Error(node, JoinPath(path, "properties"), "key property " + Quote(d->name) + " has no value");
    }
  }
}

}  // namespace

bool ParseTypedValue(const YamlNode& node, const std::string& path, const PropertyDecl& decl,
                     const std::string& name_space, ParseContext* ctx, Value* out) {
  Value value;
  value.type = decl.type;
  if (node.IsNull()) {
    *out = std::move(value);
    return true;
  }
  value.null = false;
  if (!core::IsArrayType(decl.type)) {
    if (!ParseScalar(node, path, decl, decl.type, name_space, ctx, &value)) return false;
    *out = std::move(value);
    return true;
  }
  if (!ctx->reader.Sequence(node, path)) return false;
  bool ok = true;
  MI_Type scalar = core::ScalarOf(decl.type);
  for (size_t i = 0; i < node.items.size(); ++i) {
    Value element;
    element.type = scalar;
    element.null = false;
    if (node.items[i].IsNull()) {
      ctx->reader.Error(node.items[i], IndexPath(path, i), "array elements cannot be null");
      ok = false;
    } else if (ParseScalar(node.items[i], IndexPath(path, i), decl, scalar, name_space, ctx, &element)) {
      value.elements.push_back(std::move(element));
    } else {
      ok = false;
    }
  }
  if (ok) *out = std::move(value);
  return ok;
}

void ParseProperties(const YamlNode& node, const std::string& path, const std::vector<const PropertyDecl*>& decls,
                     const std::string& name_space, ParseContext* ctx, std::vector<PropertyValue>* out) {
  if (!ctx->reader.AnyMap(node, path)) return;
  std::vector<std::string_view> names;
  for (const PropertyDecl* d : decls) names.push_back(d->name);
  for (const auto& [key, value] : node.entries) {
    std::string ppath = JoinPath(path, key.text);
    const PropertyDecl* decl = nullptr;
    for (const PropertyDecl* d : decls) {
      if (core::NamesEqual(d->name.c_str(), key.text.c_str())) decl = d;
    }
    if (decl == nullptr) {
      std::string near = NearestName(key.text, names);
      ctx->reader.Error(key, ppath, "no such property in the class" +
                                        (near.empty() ? std::string() : " (did you mean " + Quote(near) + "?)"));
      continue;
    }
    PropertyValue pv;
    pv.name = decl->name;
    pv.mark = value.mark;
    if (ParseTypedValue(value, ppath, *decl, name_space, ctx, &pv.value)) out->push_back(std::move(pv));
  }
}

void ResolveReferences(ParseContext* ctx) {
  for (const PendingReference& ref : ctx->references) {
    const InstanceValue* target = ctx->data->FindInstance(ref.id);
    if (target == nullptr) {
      ctx->reader.ErrorAt(ref.mark, ref.path, "undefined instance " + Quote(ref.id));
    } else if (!ref.required_class.empty() &&
               !ctx->data->IsA(target->name_space, target->class_name, ref.required_class)) {
      ctx->reader.ErrorAt(ref.mark, ref.path,
                          "expected a reference to " + Quote(ref.required_class) + " but instance " + Quote(ref.id) +
                              " is a " + Quote(target->class_name));
    }
  }
  ctx->references.clear();
}

void ParseData(const YamlNode& node, const std::string& path, ParseContext* ctx, DataSet* out) {
  Reader& r = ctx->reader;
  if (!r.AnyMap(node, path)) return;
  // Classes first, in every namespace, so instances can use any of them.
  for (const auto& [key, value] : node.entries) {
    NamespaceData ns;
    ns.name = key.text;
    ns.mark = key.mark;
    std::string ns_path = JoinPath(path, key.text);
    if (r.Map(value, ns_path, {"classes", "instances"})) {
      if (const YamlNode* classes = value.Find("classes"); classes && r.AnyMap(*classes, JoinPath(ns_path, "classes"))) {
        for (const auto& [ckey, cvalue] : classes->entries) {
          ClassDecl cls;
          ParseClass(ckey, cvalue, JoinPath(JoinPath(ns_path, "classes"), ckey.text), ctx, &cls);
          ns.classes.push_back(std::move(cls));
        }
      }
    }
    out->namespaces.push_back(std::move(ns));
  }
  ctx->data = out;
  CheckClasses(node, path, ctx, *out);
  std::set<std::string> ids;
  for (size_t n = 0; n < node.entries.size(); ++n) {
    const auto& [key, value] = node.entries[n];
    const YamlNode* instances = value.Find("instances");
    std::string ipath = JoinPath(JoinPath(path, key.text), "instances");
    if (instances == nullptr || !r.Sequence(*instances, ipath)) continue;
    for (size_t i = 0; i < instances->items.size(); ++i) {
      InstanceValue instance;
      ParseInstance(instances->items[i], IndexPath(ipath, i), key.text, ctx, &ids, &instance);
      out->namespaces[n].instances.push_back(std::move(instance));
    }
  }
}

}  // namespace cimulate::scenario
