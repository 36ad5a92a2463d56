#include "scenario/instance_builder.h"

#include <cstring>
#include <vector>

#include "core/value.h"

namespace cimulate::scenario {
namespace {

constexpr int kMaxDepth = 16;

MI_Result Build(const InstanceValue& value, const DataSet& data, bool keys_only, int depth, core::InstancePtr* out);

// Keeps instances alive while an MI_Value points at them (AddElement copies).
using Holder = std::vector<core::InstancePtr>;

MI_Result ScalarToMi(const Value& v, MI_Type scalar, const DataSet& data, int depth, Holder* holder, MI_Value* out) {
  std::memset(out, 0, sizeof(*out));
  switch (scalar) {
    case MI_BOOLEAN: out->boolean = v.boolean ? MI_TRUE : MI_FALSE; break;
    case MI_UINT8: out->uint8 = static_cast<MI_Uint8>(v.uint); break;
    case MI_SINT8: out->sint8 = static_cast<MI_Sint8>(v.sint); break;
    case MI_UINT16: out->uint16 = static_cast<MI_Uint16>(v.uint); break;
    case MI_SINT16: out->sint16 = static_cast<MI_Sint16>(v.sint); break;
    case MI_UINT32: out->uint32 = static_cast<MI_Uint32>(v.uint); break;
    case MI_SINT32: out->sint32 = static_cast<MI_Sint32>(v.sint); break;
    case MI_UINT64: out->uint64 = v.uint; break;
    case MI_SINT64: out->sint64 = v.sint; break;
    case MI_REAL32: out->real32 = static_cast<MI_Real32>(v.real); break;
    case MI_REAL64: out->real64 = v.real; break;
    case MI_CHAR16: out->char16 = static_cast<MI_Char16>(v.uint); break;
    case MI_DATETIME: out->datetime = v.datetime; break;
    case MI_STRING: out->string = const_cast<MI_Char*>(v.string.c_str()); break;
    case MI_REFERENCE:
    case MI_INSTANCE: {
      const InstanceValue* target = scalar == MI_REFERENCE ? data.FindInstance(v.string) : v.instance.get();
      if (target == nullptr) return MI_RESULT_NOT_FOUND;
      core::InstancePtr built;
      MI_Result r = Build(*target, data, scalar == MI_REFERENCE, depth + 1, &built);
      if (r != MI_RESULT_OK) return r;
      out->instance = built.get();
      holder->push_back(std::move(built));
      break;
    }
    default: return MI_RESULT_INVALID_PARAMETER;
  }
  return MI_RESULT_OK;
}

MI_Result ArrayToMi(const Value& v, const DataSet& data, int depth, Holder* holder, std::vector<char>* storage,
                    MI_Value* out) {
  MI_Type scalar = core::ScalarOf(v.type);
  size_t size = core::ElementSize(scalar);
  storage->assign(size * v.elements.size(), 0);
  for (size_t i = 0; i < v.elements.size(); ++i) {
    MI_Value element;
    MI_Result r = ScalarToMi(v.elements[i], scalar, data, depth, holder, &element);
    if (r != MI_RESULT_OK) return r;
    // Every MI_Value member starts at offset 0, so the element's bytes are its first `size` bytes.
    std::memcpy(storage->data() + i * size, &element, size);
  }
  std::memset(out, 0, sizeof(*out));
  out->array.data = storage->empty() ? nullptr : storage->data();
  out->array.size = static_cast<MI_Uint32>(v.elements.size());
  return MI_RESULT_OK;
}

MI_Result AddProperty(MI_Instance* instance, const PropertyValue& p, bool key, const DataSet& data, int depth) {
  Holder holder;
  std::vector<char> storage;
  MI_Value mi;
  std::memset(&mi, 0, sizeof(mi));
  MI_Uint32 flags = key ? MI_FLAG_KEY : 0;
  if (p.value.null) {
    flags |= MI_FLAG_NULL;
  } else {
    MI_Result r = core::IsArrayType(p.value.type) ? ArrayToMi(p.value, data, depth, &holder, &storage, &mi)
                                                  : ScalarToMi(p.value, p.value.type, data, depth, &holder, &mi);
    if (r != MI_RESULT_OK) return r;
  }
  return MI_Instance_AddElement(instance, p.name.c_str(), p.value.null ? nullptr : &mi, p.value.type, flags);
}

MI_Result Build(const InstanceValue& value, const DataSet& data, bool keys_only, int depth, core::InstancePtr* out) {
  if (depth > kMaxDepth) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  MI_Instance* raw = nullptr;
  MI_Result r = core::NewDynamicInstance(value.class_name.c_str(), 0, &raw);
  if (r != MI_RESULT_OK) return r;
  core::InstancePtr instance(raw);
  if (!value.name_space.empty()) {
    r = MI_Instance_SetNameSpace(raw, value.name_space.c_str());
    if (r != MI_RESULT_OK) return r;
  }
  for (const PropertyValue& p : value.properties) {
    const PropertyDecl* decl = data.FindProperty(value.name_space, value.class_name, p.name);
    bool key = decl != nullptr && decl->key;
    if (keys_only && !key) continue;
    r = AddProperty(raw, p, key, data, depth);
    if (r != MI_RESULT_OK) return r;
  }
  *out = std::move(instance);
  return MI_RESULT_OK;
}

}  // namespace

MI_Result ToInstance(const InstanceValue& value, const DataSet& data, core::InstancePtr* out) {
  return Build(value, data, /*keys_only=*/false, 0, out);
}

}  // namespace cimulate::scenario
