#include "core/class.h"

#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "core/value.h"

namespace cimulate::core {
namespace {

// Markers that tell our objects from foreign or uninitialized ones.  The class
// marker lives in reserved[1]; the set markers in the high half of reserved1 (a
// qualifier set keeps its count in the low half).
constexpr ptrdiff_t kClassMagic = 0x434C415353;  // "CLASS"
constexpr MI_Uint64 kQualifierSetMagic = 0x51534554;  // "QSET"
constexpr MI_Uint64 kParameterSetMagic = 0x50534554;  // "PSET"

// Superclass chains are copied recursively; a decl whose chain loops (or is absurdly
// deep) is rejected instead of exhausting the stack.
constexpr MI_Uint32 kMaxClassDepth = 256;

// Owns every object a copied decl graph points at.  Deques never move their
// elements, so addresses handed out stay valid while more is added.
class DeclStore {
 public:
  DeclStore() = default;
  DeclStore(const DeclStore&) = delete;
  DeclStore& operator=(const DeclStore&) = delete;
  ~DeclStore() {
    for (auto& [type, value] : values_) ReleaseValue(type, &value);
  }

  const MI_Char* String(const MI_Char* text) {
    if (text == nullptr) return nullptr;
    return strings_.emplace_back(text).c_str();
  }

  MI_Result Class(const MI_ClassDecl* source, MI_Uint32 depth, MI_ClassDecl** out);

 private:
  MI_Result Value(MI_Uint32 type, const void* source, const void** out);
  MI_Result Qualifier(const MI_Qualifier* source, const MI_Qualifier** out);
  MI_Result Property(const MI_PropertyDecl* source, const MI_PropertyDecl** out);
  MI_Result Parameter(const MI_ParameterDecl* source, const MI_ParameterDecl** out);
  MI_Result Method(const MI_MethodDecl* source, const MI_MethodDecl** out);

  // Copies an array of `count` decl pointers, each element through `copy`.
  template <typename T, typename Copy>
  MI_Result Table(const T* const* source, MI_Uint32 count, std::deque<std::vector<const T*>>* tables, Copy copy,
                  const T* const** out) {
    *out = nullptr;
    if (count == 0) return MI_RESULT_OK;
    if (source == nullptr) return MI_RESULT_INVALID_PARAMETER;
    std::vector<const T*> items(count);
    for (MI_Uint32 i = 0; i < count; ++i) {
      if (source[i] == nullptr) return MI_RESULT_INVALID_PARAMETER;
      MI_Result result = (this->*copy)(source[i], &items[i]);
      if (result != MI_RESULT_OK) return result;
    }
    *out = tables->emplace_back(std::move(items)).data();
    return MI_RESULT_OK;
  }

  MI_Result Qualifiers(const MI_Qualifier* const* source, MI_Uint32 count, const MI_Qualifier* const** out) {
    return Table(source, count, &qualifier_tables_, &DeclStore::Qualifier, out);
  }

  std::deque<std::string> strings_;
  std::deque<std::pair<MI_Type, MI_Value>> values_;
  std::deque<MI_Qualifier> qualifiers_;
  std::deque<MI_PropertyDecl> properties_;
  std::deque<MI_ParameterDecl> parameters_;
  std::deque<MI_MethodDecl> methods_;
  std::deque<MI_ClassDecl> classes_;
  std::deque<std::vector<const MI_Qualifier*>> qualifier_tables_;
  std::deque<std::vector<const MI_PropertyDecl*>> property_tables_;
  std::deque<std::vector<const MI_ParameterDecl*>> parameter_tables_;
  std::deque<std::vector<const MI_MethodDecl*>> method_tables_;
};

// Hand-built decls often leave `code` zero; consumers that match features by code
// first (as OMI does) would then never find them.
MI_Uint32 CodeOf(MI_Uint32 code, const MI_Char* name) { return code != 0 ? code : FeatureCode(name); }

// `source` points at the C representation of a `type` value (FieldValueSize bytes);
// the copy is an MI_Value whose leading bytes are that representation.
MI_Result DeclStore::Value(MI_Uint32 type, const void* source, const void** out) {
  *out = nullptr;
  if (source == nullptr) return MI_RESULT_OK;
  if (!IsValidType(type)) return MI_RESULT_INVALID_PARAMETER;
  MI_Type value_type = static_cast<MI_Type>(type);
  MI_Value raw;
  std::memset(&raw, 0, sizeof(raw));
  std::memcpy(&raw, source, FieldValueSize(value_type));
  auto& slot = values_.emplace_back(value_type, MI_Value{});
  MI_Result result = CopyValue(value_type, raw, &slot.second);
  if (result != MI_RESULT_OK) {
    // A failing foreign clone may leave anything behind; never release that.
    std::memset(&slot.second, 0, sizeof(slot.second));
    return result;
  }
  *out = &slot.second;
  return MI_RESULT_OK;
}

MI_Result DeclStore::Qualifier(const MI_Qualifier* source, const MI_Qualifier** out) {
  if (source->name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Qualifier& copy = qualifiers_.emplace_back(*source);
  copy.name = String(source->name);
  MI_Result result = Value(source->type, source->value, &copy.value);
  *out = &copy;
  return result;
}

// Each decl copy starts as a bitwise copy for its scalar fields; every pointer field
// is then replaced.  A copy abandoned half way only holds store-owned memory or
// source pointers that nothing releases.
MI_Result DeclStore::Property(const MI_PropertyDecl* source, const MI_PropertyDecl** out) {
  if (source->name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_PropertyDecl& copy = properties_.emplace_back(*source);
  *out = &copy;
  copy.code = CodeOf(source->code, source->name);
  copy.name = String(source->name);
  copy.className = String(source->className);
  copy.origin = String(source->origin);
  copy.propagator = String(source->propagator);
  MI_Result result = Qualifiers(source->qualifiers, source->numQualifiers, &copy.qualifiers);
  if (result != MI_RESULT_OK) return result;
  return Value(source->type, source->value, &copy.value);
}

MI_Result DeclStore::Parameter(const MI_ParameterDecl* source, const MI_ParameterDecl** out) {
  if (source->name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_ParameterDecl& copy = parameters_.emplace_back(*source);
  *out = &copy;
  copy.code = CodeOf(source->code, source->name);
  copy.name = String(source->name);
  copy.className = String(source->className);
  return Qualifiers(source->qualifiers, source->numQualifiers, &copy.qualifiers);
}

MI_Result DeclStore::Method(const MI_MethodDecl* source, const MI_MethodDecl** out) {
  if (source->name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_MethodDecl& copy = methods_.emplace_back(*source);
  *out = &copy;
  copy.code = CodeOf(source->code, source->name);
  copy.name = String(source->name);
  copy.origin = String(source->origin);
  copy.propagator = String(source->propagator);
  // The schema belongs to the source's module and may go away with it.
  copy.schema = nullptr;
  MI_Result result = Qualifiers(source->qualifiers, source->numQualifiers, &copy.qualifiers);
  if (result != MI_RESULT_OK) return result;
  return Table(source->parameters, source->numParameters, &parameter_tables_, &DeclStore::Parameter,
               &copy.parameters);
}

MI_Result DeclStore::Class(const MI_ClassDecl* source, MI_Uint32 depth, MI_ClassDecl** out) {
  if (source->name == nullptr || depth > kMaxClassDepth) return MI_RESULT_INVALID_PARAMETER;
  MI_ClassDecl& copy = classes_.emplace_back(*source);
  *out = &copy;
  copy.code = CodeOf(source->code, source->name);
  copy.name = String(source->name);
  copy.superClass = String(source->superClass);
  copy.superClassDecl = nullptr;
  copy.schema = nullptr;
  // Only the top decl is the classDecl of an MI_Class; the caller sets it.  A
  // superclass copy has no MI_Class of its own, and naming the subclass there would
  // make code that clones owningClass (OMI does) get the wrong class.
  copy.owningClass = nullptr;
  MI_Result result = Qualifiers(source->qualifiers, source->numQualifiers, &copy.qualifiers);
  if (result != MI_RESULT_OK) return result;
  result = Table(source->properties, source->numProperties, &property_tables_, &DeclStore::Property,
                 &copy.properties);
  if (result != MI_RESULT_OK) return result;
  result = Table(source->methods, source->numMethods, &method_tables_, &DeclStore::Method, &copy.methods);
  if (result != MI_RESULT_OK || source->superClassDecl == nullptr) return result;
  MI_ClassDecl* super = nullptr;
  result = Class(source->superClassDecl, depth + 1, &super);
  copy.superClassDecl = super;
  return result;
}

// What reserved[0] of one of our MI_Class objects points at.  The handle is inside,
// so one allocation holds the class and everything it owns.
struct ClassState {
  MI_Class handle{};
  DeclStore store;
};

const ClassState* StateOf(const MI_Class* self) {
  if (self == nullptr || self->ft != &kClassFT || self->reserved[1] != kClassMagic || self->reserved[0] == 0)
    return nullptr;
  return reinterpret_cast<const ClassState*>(self->reserved[0]);
}

const MI_ClassDecl* DeclOf(const MI_Class* self) { return StateOf(self) ? self->classDecl : nullptr; }

// ---------------------------------------------------------------------------
// Qualifier sets: reserved1 = marker << 32 | count, reserved2 = the qualifier array.
// ---------------------------------------------------------------------------

struct QualifierList {
  const MI_Qualifier* const* items = nullptr;
  MI_Uint32 count = 0;
};

bool ListOf(const MI_QualifierSet* self, QualifierList* list);

MI_Result ReadQualifier(const MI_Qualifier* qualifier, const MI_Char** name, MI_Type* type, MI_Uint32* flags,
                        MI_Value* value) {
  if (name) *name = qualifier->name;
  if (type) *type = static_cast<MI_Type>(qualifier->type);
  if (flags) *flags = qualifier->flavor;
  if (value) {
    std::memset(value, 0, sizeof(*value));
    if (qualifier->value) std::memcpy(value, qualifier->value, FieldValueSize(static_cast<MI_Type>(qualifier->type)));
  }
  return MI_RESULT_OK;
}

MI_Result MI_CALL QualifierSetGetQualifierCount(const MI_QualifierSet* self, MI_Uint32* count) {
  QualifierList list;
  if (!ListOf(self, &list) || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = list.count;
  return MI_RESULT_OK;
}

MI_Result MI_CALL QualifierSetGetQualifierAt(const MI_QualifierSet* self, MI_Uint32 index, const MI_Char** name,
                                             MI_Type* type, MI_Uint32* flags, MI_Value* value) {
  QualifierList list;
  if (!ListOf(self, &list)) return MI_RESULT_INVALID_PARAMETER;
  if (index >= list.count) return MI_RESULT_NOT_FOUND;
  return ReadQualifier(list.items[index], name, type, flags, value);
}

MI_Result MI_CALL QualifierSetGetQualifier(const MI_QualifierSet* self, const MI_Char* name, MI_Type* type,
                                           MI_Uint32* flags, MI_Value* value, MI_Uint32* index) {
  QualifierList list;
  if (!ListOf(self, &list) || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  for (MI_Uint32 i = 0; i < list.count; ++i) {
    if (!NamesEqual(list.items[i]->name, name)) continue;
    if (index) *index = i;
    return ReadQualifier(list.items[i], nullptr, type, flags, value);
  }
  return MI_RESULT_NOT_FOUND;
}

const MI_QualifierSetFT kQualifierSetFT = {
    QualifierSetGetQualifierCount,
    QualifierSetGetQualifierAt,
    QualifierSetGetQualifier,
};

bool ListOf(const MI_QualifierSet* self, QualifierList* list) {
  if (self == nullptr || self->ft != &kQualifierSetFT || (self->reserved1 >> 32) != kQualifierSetMagic) return false;
  list->count = static_cast<MI_Uint32>(self->reserved1);
  list->items = reinterpret_cast<const MI_Qualifier* const*>(self->reserved2);
  return list->count == 0 || list->items != nullptr;
}

void FillQualifierSet(const MI_Qualifier* const* items, MI_Uint32 count, MI_QualifierSet* set) {
  if (set == nullptr) return;
  set->reserved1 = (kQualifierSetMagic << 32) | count;
  set->reserved2 = reinterpret_cast<ptrdiff_t>(items);
  set->ft = &kQualifierSetFT;
}

// ---------------------------------------------------------------------------
// Parameter sets: reserved1 = marker, reserved2 = the MI_MethodDecl.
// ---------------------------------------------------------------------------

const MI_MethodDecl* MethodOf(const MI_ParameterSet* self);

MI_Result ReadParameter(const MI_ParameterDecl* parameter, const MI_Char** name, MI_Type* type,
                        MI_Char** reference_class, MI_QualifierSet* qualifiers) {
  if (name) *name = parameter->name;
  if (type) *type = static_cast<MI_Type>(parameter->type);
  // The ABI hands out a non-const pointer; it still points into class memory.
  if (reference_class) *reference_class = const_cast<MI_Char*>(parameter->className);
  FillQualifierSet(parameter->qualifiers, parameter->numQualifiers, qualifiers);
  return MI_RESULT_OK;
}

MI_Result MI_CALL ParameterSetGetMethodReturnType(const MI_ParameterSet* self, MI_Type* type,
                                                  MI_QualifierSet* qualifiers) {
  const MI_MethodDecl* method = MethodOf(self);
  if (method == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (type) *type = static_cast<MI_Type>(method->returnType);
  FillQualifierSet(method->qualifiers, method->numQualifiers, qualifiers);
  return MI_RESULT_OK;
}

MI_Result MI_CALL ParameterSetGetParameterCount(const MI_ParameterSet* self, MI_Uint32* count) {
  const MI_MethodDecl* method = MethodOf(self);
  if (method == nullptr || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = method->numParameters;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ParameterSetGetParameterAt(const MI_ParameterSet* self, MI_Uint32 index, const MI_Char** name,
                                             MI_Type* type, MI_Char** reference_class, MI_QualifierSet* qualifiers) {
  const MI_MethodDecl* method = MethodOf(self);
  if (method == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= method->numParameters) return MI_RESULT_NOT_FOUND;
  return ReadParameter(method->parameters[index], name, type, reference_class, qualifiers);
}

MI_Result MI_CALL ParameterSetGetParameter(const MI_ParameterSet* self, const MI_Char* name, MI_Type* type,
                                           MI_Char** reference_class, MI_QualifierSet* qualifiers, MI_Uint32* index) {
  const MI_MethodDecl* method = MethodOf(self);
  if (method == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  for (MI_Uint32 i = 0; i < method->numParameters; ++i) {
    if (!NamesEqual(method->parameters[i]->name, name)) continue;
    if (index) *index = i;
    return ReadParameter(method->parameters[i], nullptr, type, reference_class, qualifiers);
  }
  return MI_RESULT_NOT_FOUND;
}

const MI_ParameterSetFT kParameterSetFT = {
    ParameterSetGetMethodReturnType,
    ParameterSetGetParameterCount,
    ParameterSetGetParameterAt,
    ParameterSetGetParameter,
};

const MI_MethodDecl* MethodOf(const MI_ParameterSet* self) {
  if (self == nullptr || self->ft != &kParameterSetFT || self->reserved1 != kParameterSetMagic) return nullptr;
  return reinterpret_cast<const MI_MethodDecl*>(self->reserved2);
}

void FillParameterSet(const MI_MethodDecl* method, MI_ParameterSet* set) {
  if (set == nullptr) return;
  set->reserved1 = kParameterSetMagic;
  set->reserved2 = reinterpret_cast<ptrdiff_t>(method);
  set->ft = &kParameterSetFT;
}

// ---------------------------------------------------------------------------
// The class function table
// ---------------------------------------------------------------------------

MI_Result MI_CALL ClassGetClassName(const MI_Class* self, const MI_Char** name) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name = decl->name;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetNameSpace(const MI_Class* self, const MI_Char** name_space) {
  if (StateOf(self) == nullptr || name_space == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name_space = self->namespaceName;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetServerName(const MI_Class* self, const MI_Char** server_name) {
  if (StateOf(self) == nullptr || server_name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *server_name = self->serverName;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetElementCount(const MI_Class* self, MI_Uint32* count) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = decl->numProperties;
  return MI_RESULT_OK;
}

// Reports a property of the class.  The value is the property's default, borrowed
// from the class (strings and arrays point into class memory).
MI_Result ReadProperty(const MI_PropertyDecl* property, const MI_Char** name, MI_Value* value,
                       MI_Boolean* value_exists, MI_Type* type, MI_Char** reference_class,
                       MI_QualifierSet* qualifiers, MI_Uint32* flags) {
  MI_Type property_type = static_cast<MI_Type>(property->type);
  if (name) *name = property->name;
  if (value) {
    std::memset(value, 0, sizeof(*value));
    if (property->value) std::memcpy(value, property->value, FieldValueSize(property_type));
  }
  if (value_exists) *value_exists = property->value != nullptr ? MI_TRUE : MI_FALSE;
  if (type) *type = property_type;
  if (reference_class) *reference_class = const_cast<MI_Char*>(property->className);
  FillQualifierSet(property->qualifiers, property->numQualifiers, qualifiers);
  if (flags) *flags = property->flags;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetElementAt(const MI_Class* self, MI_Uint32 index, const MI_Char** name, MI_Value* value,
                                    MI_Boolean* value_exists, MI_Type* type, MI_Char** reference_class,
                                    MI_QualifierSet* qualifiers, MI_Uint32* flags) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= decl->numProperties) return MI_RESULT_NO_SUCH_PROPERTY;
  return ReadProperty(decl->properties[index], name, value, value_exists, type, reference_class, qualifiers, flags);
}

MI_Result MI_CALL ClassGetElement(const MI_Class* self, const MI_Char* name, MI_Value* value,
                                  MI_Boolean* value_exists, MI_Type* type, MI_Char** reference_class,
                                  MI_QualifierSet* qualifiers, MI_Uint32* flags, MI_Uint32* index) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) {
    if (!NamesEqual(decl->properties[i]->name, name)) continue;
    if (index) *index = i;
    return ReadProperty(decl->properties[i], nullptr, value, value_exists, type, reference_class, qualifiers, flags);
  }
  return MI_RESULT_NO_SUCH_PROPERTY;
}

MI_Result MI_CALL ClassGetClassQualifierSet(const MI_Class* self, MI_QualifierSet* qualifiers) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || qualifiers == nullptr) return MI_RESULT_INVALID_PARAMETER;
  FillQualifierSet(decl->qualifiers, decl->numQualifiers, qualifiers);
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetMethodCount(const MI_Class* self, MI_Uint32* count) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = decl->numMethods;
  return MI_RESULT_OK;
}

MI_Result ReadMethod(const MI_MethodDecl* method, const MI_Char** name, MI_QualifierSet* qualifiers,
                     MI_ParameterSet* parameters) {
  if (name) *name = method->name;
  FillQualifierSet(method->qualifiers, method->numQualifiers, qualifiers);
  FillParameterSet(method, parameters);
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetMethodAt(const MI_Class* self, MI_Uint32 index, const MI_Char** name,
                                   MI_QualifierSet* qualifiers, MI_ParameterSet* parameters) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (index >= decl->numMethods) return MI_RESULT_METHOD_NOT_FOUND;
  return ReadMethod(decl->methods[index], name, qualifiers, parameters);
}

MI_Result MI_CALL ClassGetMethod(const MI_Class* self, const MI_Char* name, MI_QualifierSet* qualifiers,
                                 MI_ParameterSet* parameters, MI_Uint32* index) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  for (MI_Uint32 i = 0; i < decl->numMethods; ++i) {
    if (!NamesEqual(decl->methods[i]->name, name)) continue;
    if (index) *index = i;
    return ReadMethod(decl->methods[i], nullptr, qualifiers, parameters);
  }
  return MI_RESULT_METHOD_NOT_FOUND;
}

// A class without a parent is not an error here: the name is NULL and the result OK
// (OMI answers MI_RESULT_INVALID_SUPERCLASS instead).
MI_Result MI_CALL ClassGetParentClassName(const MI_Class* self, const MI_Char** name) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name = decl->superClass;
  if (*name == nullptr && decl->superClassDecl != nullptr) *name = decl->superClassDecl->name;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassGetParentClass(const MI_Class* self, MI_Class** parent) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || parent == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *parent = nullptr;
  // A superclass known only by name cannot be described without a schema lookup.
  if (decl->superClassDecl == nullptr) return MI_RESULT_INVALID_SUPERCLASS;
  return NewClass(decl->superClassDecl, self->namespaceName, self->serverName, parent);
}

MI_Result MI_CALL ClassDelete(MI_Class* self) {
  const ClassState* state = StateOf(self);
  if (state == nullptr) return MI_RESULT_INVALID_PARAMETER;
  delete state;
  return MI_RESULT_OK;
}

MI_Result MI_CALL ClassClone(const MI_Class* self, MI_Class** out) {
  const MI_ClassDecl* decl = DeclOf(self);
  if (decl == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewClass(decl, self->namespaceName, self->serverName, out);
}

MI_Result BuildClass(const MI_ClassDecl* decl, const MI_Char* name_space, const MI_Char* server_name,
                     MI_Class** out) {
  auto state = std::make_unique<ClassState>();
  MI_ClassDecl* copy = nullptr;
  MI_Result result = state->store.Class(decl, 0, &copy);
  if (result != MI_RESULT_OK) return result;
  MI_Class& handle = state->handle;
  copy->owningClass = &handle;
  handle.ft = &kClassFT;
  handle.classDecl = copy;
  handle.namespaceName = state->store.String(name_space);
  handle.serverName = state->store.String(server_name);
  handle.reserved[0] = reinterpret_cast<ptrdiff_t>(state.get());
  handle.reserved[1] = kClassMagic;
  *out = &state.release()->handle;
  return MI_RESULT_OK;
}

}  // namespace

const MI_ClassFT kClassFT = {
    ClassGetClassName,   ClassGetNameSpace,         ClassGetServerName, ClassGetElementCount,
    ClassGetElement,     ClassGetElementAt,         ClassGetClassQualifierSet, ClassGetMethodCount,
    ClassGetMethodAt,    ClassGetMethod,            ClassGetParentClassName,   ClassGetParentClass,
    ClassDelete,         ClassClone,
};

MI_Result NewClass(const MI_ClassDecl* decl, const MI_Char* name_space, const MI_Char* server_name, MI_Class** out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  if (decl == nullptr || decl->name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  // Callers are C code (through Clone and GetParentClass too); nothing may escape.
  try {
    return BuildClass(decl, name_space, server_name, out);
  } catch (const std::bad_alloc&) {
    return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  } catch (...) {
    return MI_RESULT_FAILED;
  }
}

}  // namespace cimulate::core
