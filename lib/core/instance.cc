#include "core/instance.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/class.h"
#include "core/value.h"

namespace cimulate::core {
namespace {

// Private bits of a field's flags byte (shared with OMI's storage model).
constexpr MI_Uint8 kFieldBorrowed = 0x01;
constexpr MI_Uint8 kFieldModified = 0x02;

// Flags that describe a value rather than the property; never stored in a decl.
constexpr MI_Uint32 kValueFlags = MI_FLAG_NULL | MI_FLAG_BORROW | MI_FLAG_ADOPT | MI_FLAG_NOT_MODIFIED;

// Dynamic instances: sizeof(MI_Instance) header, then one 40-byte slot per property.
constexpr size_t kHeaderSize = sizeof(MI_Instance);
constexpr size_t kDynamicSlot = sizeof(MI_Value);
constexpr ptrdiff_t kExtrasMagic = 0x43494D494E5354;  // "CIMINST"

// One property of a dynamic class; owns the strings its decl points at.
struct DynamicProperty {
  MI_PropertyDecl decl{};
  std::string name;
  std::string reference_class;
};

// The class decl of a dynamic instance, which the instance owns.
struct DynamicClass {
  MI_ClassDecl decl{};
  std::string name;
  std::vector<std::unique_ptr<DynamicProperty>> properties;
  std::vector<const MI_PropertyDecl*> property_table;

  void Refresh() {
    property_table.clear();
    for (auto& p : properties) property_table.push_back(&p->decl);
    decl.properties = property_table.data();
    decl.numProperties = static_cast<MI_Uint32>(property_table.size());
    decl.size = static_cast<MI_Uint32>(kHeaderSize + kDynamicSlot * property_table.size());
    decl.name = name.c_str();
    decl.code = FeatureCode(decl.name);
    decl.owningClass = reinterpret_cast<MI_Class*>(-1);
  }
};

enum class Layout { kDynamic, kDeclaredHeap, kDeclaredInPlace };

// What this library keeps beside an instance; reserved[0] points here and
// reserved[3] carries a marker, so foreign code can still read the header.
struct Extras {
  Layout layout;
  MI_Instance* handle;   // what the caller holds
  MI_Instance* storage;  // header + fields (== handle unless dynamic)
  std::unique_ptr<DynamicClass> dynamic_class;
  std::string name_space;
  std::string server_name;
  bool has_name_space = false;
  bool has_server_name = false;
};

Extras* ExtrasOf(const MI_Instance* instance) {
  if (instance == nullptr || instance->ft != &kInstanceFT || instance->reserved[3] != kExtrasMagic) return nullptr;
  return reinterpret_cast<Extras*>(instance->reserved[0]);
}

const MI_ClassDecl* DeclOf(const Extras* extras) { return extras->storage->classDecl; }

unsigned char* FieldAt(MI_Instance* storage, const MI_PropertyDecl* property) {
  return reinterpret_cast<unsigned char*>(storage) + property->offset;
}

MI_Value* FieldValue(MI_Instance* storage, const MI_PropertyDecl* property) {
  return reinterpret_cast<MI_Value*>(FieldAt(storage, property));
}

unsigned char& FieldExists(MI_Instance* storage, const MI_PropertyDecl* property) {
  return FieldAt(storage, property)[FieldValueSize(static_cast<MI_Type>(property->type))];
}

unsigned char& FieldFlags(MI_Instance* storage, const MI_PropertyDecl* property) {
  return FieldAt(storage, property)[FieldValueSize(static_cast<MI_Type>(property->type)) + 1];
}

// Releases the field's value unless it is borrowed, leaving it NULL.
void ReleaseField(MI_Instance* storage, const MI_PropertyDecl* property) {
  MI_Type type = static_cast<MI_Type>(property->type);
  if (FieldExists(storage, property) && !(FieldFlags(storage, property) & kFieldBorrowed)) {
    MI_Value value;
    std::memcpy(&value, FieldValue(storage, property), FieldValueSize(type));
    ReleaseValue(type, &value);
  }
  std::memset(FieldValue(storage, property), 0, FieldValueSize(type));
  FieldExists(storage, property) = 0;
  FieldFlags(storage, property) &= static_cast<MI_Uint8>(~kFieldBorrowed);
}

// Stores a value (copied, or borrowed with MI_FLAG_BORROW) into a NULL field.
MI_Result StoreField(MI_Instance* storage, const MI_PropertyDecl* property, const MI_Value* value, MI_Uint32 flags) {
  MI_Type type = static_cast<MI_Type>(property->type);
  FieldFlags(storage, property) |= kFieldModified;
  if (value == nullptr || (flags & MI_FLAG_NULL)) return MI_RESULT_OK;
  if (flags & MI_FLAG_BORROW) {
    std::memcpy(FieldValue(storage, property), value, FieldValueSize(type));
    FieldFlags(storage, property) |= kFieldBorrowed;
  } else {
    // MI_FLAG_ADOPT is honoured as a copy, as OMI does: the library cannot know how
    // the caller allocated the value, so it never frees caller memory.
    MI_Value copy;
    MI_Result result = CopyValue(type, *value, &copy);
    if (result != MI_RESULT_OK) return result;
    std::memcpy(FieldValue(storage, property), &copy, FieldValueSize(type));
  }
  FieldExists(storage, property) = 1;
  return MI_RESULT_OK;
}

// The first half of a set: an owned copy of the value when the instance will own
// it (not for NULL or borrowed values), made before anything changes so that a
// failure leaves the instance as it was and a value may alias the old one.
MI_Result CopyIfOwned(MI_Type type, const MI_Value* value, MI_Uint32 flags, MI_Value* copy, bool* copied) {
  *copied = false;
  if (value == nullptr || (flags & (MI_FLAG_NULL | MI_FLAG_BORROW))) return MI_RESULT_OK;
  MI_Result result = CopyValue(type, *value, copy);
  *copied = result == MI_RESULT_OK;
  return result;
}

// The second half: moves an owned copy into an empty field.
void PlaceCopy(MI_Instance* storage, const MI_PropertyDecl* property, const MI_Value& copy) {
  std::memcpy(FieldValue(storage, property), &copy, FieldValueSize(static_cast<MI_Type>(property->type)));
  FieldExists(storage, property) = 1;
  FieldFlags(storage, property) |= kFieldModified;
}

void SyncHeaders(Extras* extras) {
  for (MI_Instance* header : {extras->handle, extras->storage}) {
    header->nameSpace = extras->has_name_space ? extras->name_space.c_str() : nullptr;
    header->serverName = extras->has_server_name ? extras->server_name.c_str() : nullptr;
    if (extras->dynamic_class) header->classDecl = &extras->dynamic_class->decl;
  }
}

void InitHeader(MI_Instance* header, const MI_ClassDecl* decl, Extras* extras, MI_Instance* self) {
  header->ft = &kInstanceFT;
  header->classDecl = decl;
  header->reserved[0] = reinterpret_cast<ptrdiff_t>(extras);
  header->reserved[1] = reinterpret_cast<ptrdiff_t>(self);
  header->reserved[2] = 0;
  header->reserved[3] = kExtrasMagic;
}

size_t DeclaredStorageSize(const MI_ClassDecl* decl) {
  size_t size = decl->size > kHeaderSize ? decl->size : kHeaderSize;
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) {
    const MI_PropertyDecl* p = decl->properties[i];
    size_t end = p->offset + FieldValueSize(static_cast<MI_Type>(p->type)) + 2;
    if (end > size) size = end;
  }
  return size;
}

// Copies the default values a decl carries into a fresh instance (not modified).
MI_Result ApplyDefaults(MI_Instance* storage, const MI_ClassDecl* decl) {
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) {
    const MI_PropertyDecl* p = decl->properties[i];
    if (p->value == nullptr) continue;
    MI_Value value;
    std::memset(&value, 0, sizeof(value));
    std::memcpy(&value, p->value, FieldValueSize(static_cast<MI_Type>(p->type)));
    MI_Result result = StoreField(storage, p, &value, 0);
    if (result != MI_RESULT_OK) return result;
    FieldFlags(storage, p) &= static_cast<MI_Uint8>(~kFieldModified);
  }
  return MI_RESULT_OK;
}

bool ValidDecl(const MI_ClassDecl* decl) {
  if (decl == nullptr || decl->name == nullptr) return false;
  if (decl->numProperties > 0 && decl->properties == nullptr) return false;
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) {
    const MI_PropertyDecl* p = decl->properties[i];
    if (p == nullptr || p->name == nullptr || !IsValidType(p->type) || p->offset < kHeaderSize) return false;
  }
  return true;
}

MI_Result FindProperty(const MI_ClassDecl* decl, const MI_Char* name, MI_Uint32* index) {
  if (name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) {
    if (NamesEqual(decl->properties[i]->name, name)) {
      *index = i;
      return MI_RESULT_OK;
    }
  }
  return MI_RESULT_NO_SUCH_PROPERTY;
}

void ReleaseAllFields(Extras* extras) {
  const MI_ClassDecl* decl = DeclOf(extras);
  for (MI_Uint32 i = 0; i < decl->numProperties; ++i) ReleaseField(extras->storage, decl->properties[i]);
}

// Adds a property slot to a dynamic instance, moving its storage if needed.
MI_Result GrowDynamic(Extras* extras, const MI_Char* name, MI_Type type, MI_Uint32 flags,
                      const MI_Char* reference_class, const MI_PropertyDecl** added) {
  DynamicClass* cls = extras->dynamic_class.get();
  size_t count = cls->properties.size();
  // Everything that can throw happens before the storage moves, so a failure
  // leaves the instance as it was.
  std::unique_ptr<DynamicProperty> property;
  try {
    property = std::make_unique<DynamicProperty>();
    property->name = name;
    if (reference_class) property->reference_class = reference_class;
    cls->properties.reserve(count + 1);
    cls->property_table.reserve(count + 1);
  } catch (const std::bad_alloc&) {
    return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  }
  auto* grown = static_cast<MI_Instance*>(std::realloc(extras->storage, kHeaderSize + kDynamicSlot * (count + 1)));
  if (grown == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  std::memset(reinterpret_cast<unsigned char*>(grown) + kHeaderSize + kDynamicSlot * count, 0, kDynamicSlot);
  extras->storage = grown;
  extras->handle->reserved[1] = reinterpret_cast<ptrdiff_t>(grown);

  property->decl.flags = (flags & ~kValueFlags) | ((flags & MI_FLAG_ANY) ? 0 : MI_FLAG_PROPERTY);
  property->decl.name = property->name.c_str();
  property->decl.code = FeatureCode(property->decl.name);
  property->decl.type = type;
  property->decl.className = reference_class ? property->reference_class.c_str() : nullptr;
  property->decl.offset = static_cast<MI_Uint32>(kHeaderSize + kDynamicSlot * count);
  *added = &property->decl;
  cls->properties.push_back(std::move(property));
  cls->Refresh();
  SyncHeaders(extras);
  return MI_RESULT_OK;
}

// ---------------------------------------------------------------------------
// The function table
// ---------------------------------------------------------------------------

MI_Result MI_CALL InstanceClone(const MI_Instance* self, MI_Instance** out);

MI_Result MI_CALL InstanceDestruct(MI_Instance* self) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  ReleaseAllFields(extras);
  Layout layout = extras->layout;
  MI_Instance* storage = extras->storage;
  delete extras;
  if (layout == Layout::kDynamic) std::free(storage);
  self->ft = nullptr;
  self->reserved[0] = 0;
  self->reserved[3] = 0;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceDelete(MI_Instance* self) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (extras->layout == Layout::kDeclaredInPlace) return InstanceDestruct(self);
  InstanceDestruct(self);
  std::free(self);
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceIsA(const MI_Instance* self, const MI_ClassDecl* decl, MI_Boolean* flag) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || decl == nullptr || flag == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *flag = MI_FALSE;
  for (const MI_ClassDecl* d = DeclOf(extras); d != nullptr; d = d->superClassDecl) {
    if (d == decl || NamesEqual(d->name, decl->name)) {
      *flag = MI_TRUE;
      break;
    }
  }
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceGetClassName(const MI_Instance* self, const MI_Char** name) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name = DeclOf(extras)->name;
  return MI_RESULT_OK;
}

// Sets the namespace or the server name (NULL clears it) and mirrors it in the headers.
MI_Result SetOptionalName(MI_Instance* self, std::string Extras::*text, bool Extras::*present, const MI_Char* value) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  try {
    extras->*text = value ? value : "";
  } catch (const std::bad_alloc&) {
    return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  }
  extras->*present = value != nullptr;
  SyncHeaders(extras);
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceSetNameSpace(MI_Instance* self, const MI_Char* name_space) {
  return SetOptionalName(self, &Extras::name_space, &Extras::has_name_space, name_space);
}

MI_Result MI_CALL InstanceGetNameSpace(const MI_Instance* self, const MI_Char** name_space) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || name_space == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name_space = extras->has_name_space ? extras->name_space.c_str() : nullptr;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceGetElementCount(const MI_Instance* self, MI_Uint32* count) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || count == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *count = DeclOf(extras)->numProperties;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceSetElementAt(MI_Instance* self, MI_Uint32 index, const MI_Value* value, MI_Type type,
                                       MI_Uint32 flags) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  const MI_ClassDecl* decl = DeclOf(extras);
  if (index >= decl->numProperties) return MI_RESULT_NO_SUCH_PROPERTY;
  const MI_PropertyDecl* property = decl->properties[index];
  if (static_cast<MI_Uint32>(type) != property->type) return MI_RESULT_TYPE_MISMATCH;
  MI_Value copy;
  bool copied = false;
  MI_Result result = CopyIfOwned(type, value, flags, &copy, &copied);
  if (result != MI_RESULT_OK) return result;
  ReleaseField(extras->storage, property);
  if (!copied) return StoreField(extras->storage, property, value, flags);
  PlaceCopy(extras->storage, property, copy);
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceSetElement(MI_Instance* self, const MI_Char* name, const MI_Value* value, MI_Type type,
                                     MI_Uint32 flags) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Uint32 index = 0;
  MI_Result result = FindProperty(DeclOf(extras), name, &index);
  if (result != MI_RESULT_OK) return result;
  return InstanceSetElementAt(self, index, value, type, flags);
}

MI_Result MI_CALL InstanceAddElement(MI_Instance* self, const MI_Char* name, const MI_Value* value, MI_Type type,
                                     MI_Uint32 flags) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || name == nullptr || name[0] == '\0' || !IsValidType(type))
    return MI_RESULT_INVALID_PARAMETER;
  if (extras->layout != Layout::kDynamic) return MI_RESULT_FAILED;  // declared layouts are fixed
  MI_Uint32 existing = 0;
  if (FindProperty(DeclOf(extras), name, &existing) == MI_RESULT_OK) return MI_RESULT_ALREADY_EXISTS;
  // Copy first: a value that cannot be copied must not leave a property behind.
  MI_Value copy;
  bool copied = false;
  MI_Result result = CopyIfOwned(type, value, flags, &copy, &copied);
  if (result != MI_RESULT_OK) return result;
  const MI_PropertyDecl* property = nullptr;
  result = GrowDynamic(extras, name, type, flags, nullptr, &property);
  if (result != MI_RESULT_OK) {
    if (copied) ReleaseValue(type, &copy);
    return result;
  }
  if (!copied) return StoreField(extras->storage, property, value, flags);
  PlaceCopy(extras->storage, property, copy);
  return MI_RESULT_OK;
}

MI_Result ReadElement(Extras* extras, MI_Uint32 index, const MI_Char** name, MI_Value* value, MI_Type* type,
                      MI_Uint32* flags) {
  const MI_ClassDecl* decl = DeclOf(extras);
  if (index >= decl->numProperties) return MI_RESULT_NO_SUCH_PROPERTY;
  const MI_PropertyDecl* property = decl->properties[index];
  MI_Type property_type = static_cast<MI_Type>(property->type);
  bool exists = FieldExists(extras->storage, property) != 0;
  if (name) *name = property->name;
  if (type) *type = property_type;
  if (value) {
    std::memset(value, 0, sizeof(*value));
    std::memcpy(value, FieldValue(extras->storage, property), FieldValueSize(property_type));
  }
  if (flags) {
    *flags = property->flags & ~(MI_FLAG_NULL | MI_FLAG_NOT_MODIFIED);
    if (!exists) *flags |= MI_FLAG_NULL;
    if (!(FieldFlags(extras->storage, property) & kFieldModified)) *flags |= MI_FLAG_NOT_MODIFIED;
  }
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceGetElement(const MI_Instance* self, const MI_Char* name, MI_Value* value, MI_Type* type,
                                     MI_Uint32* flags, MI_Uint32* index) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Uint32 position = 0;
  MI_Result result = FindProperty(DeclOf(extras), name, &position);
  if (result != MI_RESULT_OK) return result;
  if (index) *index = position;
  return ReadElement(extras, position, nullptr, value, type, flags);
}

MI_Result MI_CALL InstanceGetElementAt(const MI_Instance* self, MI_Uint32 index, const MI_Char** name,
                                       MI_Value* value, MI_Type* type, MI_Uint32* flags) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return ReadElement(extras, index, name, value, type, flags);
}

MI_Result MI_CALL InstanceClearElementAt(MI_Instance* self, MI_Uint32 index) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  const MI_ClassDecl* decl = DeclOf(extras);
  if (index >= decl->numProperties) return MI_RESULT_NO_SUCH_PROPERTY;
  ReleaseField(extras->storage, decl->properties[index]);
  FieldFlags(extras->storage, decl->properties[index]) |= kFieldModified;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceClearElement(MI_Instance* self, const MI_Char* name) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr) return MI_RESULT_INVALID_PARAMETER;
  MI_Uint32 index = 0;
  MI_Result result = FindProperty(DeclOf(extras), name, &index);
  if (result != MI_RESULT_OK) return result;
  return InstanceClearElementAt(self, index);
}

MI_Result MI_CALL InstanceGetServerName(const MI_Instance* self, const MI_Char** name) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *name = extras->has_server_name ? extras->server_name.c_str() : nullptr;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceSetServerName(MI_Instance* self, const MI_Char* name) {
  return SetOptionalName(self, &Extras::server_name, &Extras::has_server_name, name);
}

MI_Result MI_CALL InstanceGetClass(const MI_Instance* self, MI_Class** out) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewClass(DeclOf(extras), extras->has_name_space ? extras->name_space.c_str() : nullptr,
                  extras->has_server_name ? extras->server_name.c_str() : nullptr, out);
}

// Allocates the extras and headers of a new instance.
MI_Result CreateDynamic(const MI_Char* class_name, MI_Uint32 meta_flags, Extras** out_extras) try {
  auto extras = std::make_unique<Extras>();
  extras->layout = Layout::kDynamic;
  extras->dynamic_class = std::make_unique<DynamicClass>();
  extras->dynamic_class->name = class_name;
  extras->dynamic_class->decl.flags = (meta_flags & (MI_FLAG_CLASS | MI_FLAG_ASSOCIATION | MI_FLAG_INDICATION))
                                          ? (meta_flags & (MI_FLAG_CLASS | MI_FLAG_ASSOCIATION | MI_FLAG_INDICATION))
                                          : MI_FLAG_CLASS;
  extras->dynamic_class->Refresh();
  auto* handle = static_cast<MI_Instance*>(std::calloc(1, kHeaderSize));
  auto* storage = static_cast<MI_Instance*>(std::calloc(1, kHeaderSize));
  if (handle == nullptr || storage == nullptr) {
    std::free(handle);
    std::free(storage);
    return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  }
  extras->handle = handle;
  extras->storage = storage;
  InitHeader(handle, &extras->dynamic_class->decl, extras.get(), storage);
  InitHeader(storage, &extras->dynamic_class->decl, extras.get(), nullptr);
  *out_extras = extras.release();
  return MI_RESULT_OK;
} catch (const std::bad_alloc&) {
  return MI_RESULT_SERVER_LIMITS_EXCEEDED;
}

MI_Result CloneOwn(Extras* source, MI_Instance** out) {
  const MI_ClassDecl* decl = DeclOf(source);
  MI_Instance* copy = nullptr;
  MI_Result result = source->layout == Layout::kDynamic ? NewDynamicInstance(decl->name, decl->flags, &copy)
                                                          : NewDeclaredInstance(decl, &copy);
  if (result != MI_RESULT_OK) return result;
  Extras* target = ExtrasOf(copy);
  for (MI_Uint32 i = 0; i < decl->numProperties && result == MI_RESULT_OK; ++i) {
    const MI_PropertyDecl* p = decl->properties[i];
    const MI_PropertyDecl* q = p;
    if (source->layout == Layout::kDynamic) {
      result = GrowDynamic(target, p->name, static_cast<MI_Type>(p->type), p->flags, p->className, &q);
      if (result != MI_RESULT_OK) break;
    } else {
      ReleaseField(target->storage, q);  // drop the default; the source's value wins
    }
    if (FieldExists(source->storage, p)) {
      MI_Value value;
      std::memset(&value, 0, sizeof(value));
      std::memcpy(&value, FieldValue(source->storage, p), FieldValueSize(static_cast<MI_Type>(p->type)));
      result = StoreField(target->storage, q, &value, 0);
    }
    FieldFlags(target->storage, q) = (FieldFlags(target->storage, q) & ~kFieldModified) |
                                     (FieldFlags(source->storage, p) & kFieldModified);
  }
  if (result == MI_RESULT_OK && source->has_name_space) result = InstanceSetNameSpace(copy, source->name_space.c_str());
  if (result == MI_RESULT_OK && source->has_server_name)
    result = InstanceSetServerName(copy, source->server_name.c_str());
  if (result != MI_RESULT_OK) {
    InstanceDelete(copy);
    return result;
  }
  *out = copy;
  return MI_RESULT_OK;
}

MI_Result MI_CALL InstanceClone(const MI_Instance* self, MI_Instance** out) {
  Extras* extras = ExtrasOf(self);
  if (extras == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  return CloneOwn(extras, out);
}

// Reads element `index` of an instance that has no ft (a provider struct) from its decl.
MI_Result ReadRawElement(const MI_Instance* source, MI_Uint32 index, const MI_Char** name, MI_Value* value,
                         MI_Type* type, MI_Uint32* flags) {
  const MI_PropertyDecl* p = source->classDecl->properties[index];
  MI_Type t = static_cast<MI_Type>(p->type);
  auto* field = reinterpret_cast<const unsigned char*>(source) + p->offset;
  *name = p->name;
  *type = t;
  std::memset(value, 0, sizeof(*value));
  std::memcpy(value, field, FieldValueSize(t));
  *flags = p->flags | (field[FieldValueSize(t)] ? 0 : MI_FLAG_NULL);
  return MI_RESULT_OK;
}

}  // namespace

const MI_InstanceFT kInstanceFT = {
    InstanceClone,         InstanceDestruct,       InstanceDelete,       InstanceIsA,
    InstanceGetClassName,  InstanceSetNameSpace,   InstanceGetNameSpace, InstanceGetElementCount,
    InstanceAddElement,    InstanceSetElement,     InstanceSetElementAt, InstanceGetElement,
    InstanceGetElementAt,  InstanceClearElement,   InstanceClearElementAt, InstanceGetServerName,
    InstanceSetServerName, InstanceGetClass,
};

MI_Result NewDynamicInstance(const MI_Char* class_name, MI_Uint32 meta_flags, MI_Instance** out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  if (class_name == nullptr) return MI_RESULT_INVALID_PARAMETER;
  Extras* extras = nullptr;
  MI_Result result = CreateDynamic(class_name, meta_flags, &extras);
  if (result != MI_RESULT_OK) return result;
  *out = extras->handle;
  return MI_RESULT_OK;
}

MI_Result NewDynamicInstanceOf(const MI_ClassDecl* decl, MI_Instance** out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  if (!ValidDecl(decl)) return MI_RESULT_INVALID_PARAMETER;
  MI_Instance* copy = nullptr;
  MI_Result result = NewDynamicInstance(decl->name, decl->flags, &copy);
  if (result != MI_RESULT_OK) return result;
  Extras* target = ExtrasOf(copy);
  for (MI_Uint32 i = 0; i < decl->numProperties && result == MI_RESULT_OK; ++i) {
    const MI_PropertyDecl* p = decl->properties[i];
    const MI_PropertyDecl* added = nullptr;
    result = GrowDynamic(target, p->name, static_cast<MI_Type>(p->type), p->flags, p->className, &added);
    if (result != MI_RESULT_OK || p->value == nullptr) continue;
    MI_Value value;
    std::memset(&value, 0, sizeof(value));
    std::memcpy(&value, p->value, FieldValueSize(static_cast<MI_Type>(p->type)));
    result = StoreField(target->storage, added, &value, 0);
    FieldFlags(target->storage, added) &= static_cast<MI_Uint8>(~kFieldModified);
  }
  if (result != MI_RESULT_OK) {
    InstanceDelete(copy);
    return result;
  }
  *out = copy;
  return MI_RESULT_OK;
}

MI_Result ConstructDeclaredInstance(const MI_ClassDecl* decl, MI_Instance* memory) {
  if (memory == nullptr || !ValidDecl(decl)) return MI_RESULT_INVALID_PARAMETER;
  std::memset(memory, 0, DeclaredStorageSize(decl));
  auto* extras = new (std::nothrow) Extras();
  if (extras == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  extras->layout = Layout::kDeclaredInPlace;
  extras->handle = memory;
  extras->storage = memory;
  InitHeader(memory, decl, extras, nullptr);
  MI_Result result = ApplyDefaults(memory, decl);
  if (result != MI_RESULT_OK) InstanceDestruct(memory);
  return result;
}

MI_Result NewDeclaredInstance(const MI_ClassDecl* decl, MI_Instance** out) {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  if (!ValidDecl(decl)) return MI_RESULT_INVALID_PARAMETER;
  auto* memory = static_cast<MI_Instance*>(std::calloc(1, DeclaredStorageSize(decl)));
  if (memory == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  MI_Result result = ConstructDeclaredInstance(decl, memory);
  if (result != MI_RESULT_OK) {
    std::free(memory);
    return result;
  }
  ExtrasOf(memory)->layout = Layout::kDeclaredHeap;
  *out = memory;
  return MI_RESULT_OK;
}

MI_Result CloneAsDynamic(const MI_Instance* source, MI_Instance** out) {
  if (source == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = nullptr;
  bool raw = source->ft == nullptr;
  if (raw && !ValidDecl(source->classDecl)) return MI_RESULT_INVALID_PARAMETER;
  const MI_Char* class_name = nullptr;
  MI_Uint32 count = 0;
  if (raw) {
    class_name = source->classDecl->name;
    count = source->classDecl->numProperties;
  } else if (MI_Instance_GetClassName(source, &class_name) != MI_RESULT_OK ||
             MI_Instance_GetElementCount(source, &count) != MI_RESULT_OK) {
    return MI_RESULT_INVALID_PARAMETER;
  }
  MI_Uint32 meta = source->classDecl ? source->classDecl->flags : MI_FLAG_CLASS;
  MI_Instance* copy = nullptr;
  MI_Result result = NewDynamicInstance(class_name ? class_name : "", meta, &copy);
  if (result != MI_RESULT_OK) return result;
  Extras* target = ExtrasOf(copy);
  for (MI_Uint32 i = 0; i < count && result == MI_RESULT_OK; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    result = raw ? ReadRawElement(source, i, &name, &value, &type, &flags)
                 : MI_Instance_GetElementAt(source, i, &name, &value, &type, &flags);
    if (result != MI_RESULT_OK) break;
    const MI_Char* reference_class = nullptr;
    if (source->classDecl && i < source->classDecl->numProperties)
      reference_class = source->classDecl->properties[i]->className;
    const MI_PropertyDecl* property = nullptr;
    result = GrowDynamic(target, name, type, flags & ~kValueFlags, reference_class, &property);
    if (result == MI_RESULT_OK && !(flags & MI_FLAG_NULL)) result = StoreField(target->storage, property, &value, 0);
  }
  const MI_Char* text = nullptr;
  if (result == MI_RESULT_OK) {
    text = raw ? source->nameSpace : nullptr;
    if (!raw) MI_Instance_GetNameSpace(source, &text);
    if (text) result = InstanceSetNameSpace(copy, text);
  }
  if (result == MI_RESULT_OK) {
    text = raw ? source->serverName : nullptr;
    if (!raw) MI_Instance_GetServerName(source, &text);
    if (text) result = InstanceSetServerName(copy, text);
  }
  if (result != MI_RESULT_OK) {
    InstanceDelete(copy);
    return result;
  }
  *out = copy;
  return MI_RESULT_OK;
}

bool IsOwnInstance(const MI_Instance* instance) { return ExtrasOf(instance) != nullptr; }

InstancePtr CloneInstance(const MI_Instance* source) {
  if (source == nullptr) return nullptr;
  MI_Instance* copy = nullptr;
  if (source->ft == nullptr) {
    if (CloneAsDynamic(source, &copy) != MI_RESULT_OK) return nullptr;
  } else if (MI_Instance_Clone(source, &copy) != MI_RESULT_OK) {
    return nullptr;
  }
  return InstancePtr(copy);
}

}  // namespace cimulate::core
