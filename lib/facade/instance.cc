#include "cimulate/instance.h"

#include <utility>

namespace cimulate {

namespace {

// A present, non-NULL element of exactly `type`.
bool GetTyped(const InstanceView& view, CStr name, MI_Type type, MI_Value* value) {
  MI_Type actual;
  MI_Uint32 flags = 0;
  if (view.Get(name, value, &actual, &flags) != MI_RESULT_OK) return false;
  return actual == type && !(flags & MI_FLAG_NULL);
}

template <typename T, typename Member>
std::optional<T> GetScalar(const InstanceView& view, CStr name, MI_Type type, Member member) {
  MI_Value value;
  if (!GetTyped(view, name, type, &value)) return std::nullopt;
  return static_cast<T>(value.*member);
}

}  // namespace

std::string InstanceView::ClassName() const {
  const MI_Char* name = nullptr;
  if (MI_Instance_GetClassName(instance_, &name) != MI_RESULT_OK || name == nullptr) return std::string();
  return name;
}

std::string InstanceView::NameSpace() const {
  const MI_Char* name = nullptr;
  if (MI_Instance_GetNameSpace(instance_, &name) != MI_RESULT_OK || name == nullptr) return std::string();
  return name;
}

MI_Uint32 InstanceView::ElementCount() const {
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(instance_, &count) != MI_RESULT_OK) return 0;
  return count;
}

MI_Result InstanceView::Get(CStr name, MI_Value* value, MI_Type* type, MI_Uint32* flags) const {
  return MI_Instance_GetElement(instance_, name.c_str(), value, type, flags, nullptr);
}

bool InstanceView::Has(CStr name) const {
  MI_Value value;
  MI_Type type;
  return Get(name, &value, &type) == MI_RESULT_OK;
}

bool InstanceView::IsNull(CStr name) const {
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  return Get(name, &value, &type, &flags) == MI_RESULT_OK && (flags & MI_FLAG_NULL);
}

std::optional<MI_Type> InstanceView::TypeOf(CStr name) const {
  MI_Value value;
  MI_Type type;
  if (Get(name, &value, &type) != MI_RESULT_OK) return std::nullopt;
  return type;
}

std::optional<std::string> InstanceView::GetString(CStr name) const {
  MI_Value value;
  if (!GetTyped(*this, name, MI_STRING, &value) || value.string == nullptr) return std::nullopt;
  return std::string(value.string);
}

std::optional<bool> InstanceView::GetBool(CStr name) const {
  MI_Value value;
  if (!GetTyped(*this, name, MI_BOOLEAN, &value)) return std::nullopt;
  return value.boolean != 0;
}

std::optional<MI_Uint8> InstanceView::GetUint8(CStr name) const {
  return GetScalar<MI_Uint8>(*this, name, MI_UINT8, &MI_Value::uint8);
}
std::optional<MI_Sint8> InstanceView::GetSint8(CStr name) const {
  return GetScalar<MI_Sint8>(*this, name, MI_SINT8, &MI_Value::sint8);
}
std::optional<MI_Uint16> InstanceView::GetUint16(CStr name) const {
  return GetScalar<MI_Uint16>(*this, name, MI_UINT16, &MI_Value::uint16);
}
std::optional<MI_Sint16> InstanceView::GetSint16(CStr name) const {
  return GetScalar<MI_Sint16>(*this, name, MI_SINT16, &MI_Value::sint16);
}
std::optional<MI_Uint32> InstanceView::GetUint32(CStr name) const {
  return GetScalar<MI_Uint32>(*this, name, MI_UINT32, &MI_Value::uint32);
}
std::optional<MI_Sint32> InstanceView::GetSint32(CStr name) const {
  return GetScalar<MI_Sint32>(*this, name, MI_SINT32, &MI_Value::sint32);
}
std::optional<MI_Uint64> InstanceView::GetUint64(CStr name) const {
  return GetScalar<MI_Uint64>(*this, name, MI_UINT64, &MI_Value::uint64);
}
std::optional<MI_Sint64> InstanceView::GetSint64(CStr name) const {
  return GetScalar<MI_Sint64>(*this, name, MI_SINT64, &MI_Value::sint64);
}
std::optional<MI_Real32> InstanceView::GetReal32(CStr name) const {
  return GetScalar<MI_Real32>(*this, name, MI_REAL32, &MI_Value::real32);
}
std::optional<MI_Real64> InstanceView::GetReal64(CStr name) const {
  return GetScalar<MI_Real64>(*this, name, MI_REAL64, &MI_Value::real64);
}
std::optional<MI_Datetime> InstanceView::GetDatetime(CStr name) const {
  return GetScalar<MI_Datetime>(*this, name, MI_DATETIME, &MI_Value::datetime);
}

std::optional<std::vector<std::string>> InstanceView::GetStringArray(CStr name) const {
  MI_Value value;
  if (!GetTyped(*this, name, MI_STRINGA, &value)) return std::nullopt;
  std::vector<std::string> strings;
  strings.reserve(value.stringa.size);
  for (MI_Uint32 i = 0; i < value.stringa.size; ++i) {
    const MI_Char* s = value.stringa.data[i];
    strings.emplace_back(s != nullptr ? s : "");
  }
  return strings;
}

InstanceView InstanceView::GetInstance(CStr name) const {
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (Get(name, &value, &type, &flags) != MI_RESULT_OK || (flags & MI_FLAG_NULL)) return InstanceView();
  if (type == MI_INSTANCE) return InstanceView(value.instance);
  if (type == MI_REFERENCE) return InstanceView(value.reference);
  return InstanceView();
}

Instance InstanceView::Clone() const { return Instance::CloneOf(instance_); }

Instance::~Instance() { Reset(); }

Instance::Instance(Instance&& other) noexcept { instance_ = std::exchange(other.instance_, nullptr); }

Instance& Instance::operator=(Instance&& other) noexcept {
  if (this != &other) {
    Reset();
    instance_ = std::exchange(other.instance_, nullptr);
  }
  return *this;
}

Instance Instance::Adopt(MI_Instance* instance) {
  Instance owned;
  owned.instance_ = instance;
  return owned;
}

Instance Instance::CloneOf(const MI_Instance* instance) {
  MI_Instance* copy = nullptr;
  if (instance == nullptr || MI_Instance_Clone(instance, &copy) != MI_RESULT_OK) return Instance();
  return Adopt(copy);
}

MI_Instance* Instance::Release() { return const_cast<MI_Instance*>(std::exchange(instance_, nullptr)); }

void Instance::Reset() {
  if (instance_ != nullptr) MI_Instance_Delete(Release());
}

MI_Result Instance::Set(CStr name, const MI_Value& value, MI_Type type, MI_Uint32 flags) {
  // SetElement first: instances with a schema (results, NewInstanceFromClass)
  // only accept their declared properties, and dynamic ones take AddElement.
  MI_Result result = MI_Instance_SetElement(mutable_get(), name.c_str(), &value, type, flags);
  if (result == MI_RESULT_NO_SUCH_PROPERTY)
    result = MI_Instance_AddElement(mutable_get(), name.c_str(), &value, type, flags);
  return result;
}

MI_Result Instance::SetNull(CStr name, MI_Type type, MI_Uint32 flags) {
  MI_Value value{};
  return Set(name, value, type, flags | MI_FLAG_NULL);
}

MI_Result Instance::SetString(CStr name, CStr value, MI_Uint32 flags) {
  if (value.null()) return SetNull(name, MI_STRING, flags);
  MI_Value v;
  v.string = const_cast<MI_Char*>(value.c_str());  // copied by the instance
  return Set(name, v, MI_STRING, flags);
}

MI_Result Instance::SetBool(CStr name, bool value, MI_Uint32 flags) {
  MI_Value v;
  v.boolean = value ? MI_TRUE : MI_FALSE;
  return Set(name, v, MI_BOOLEAN, flags);
}

#define CIMULATE_SCALAR_SETTER_(Name, CType, member, tag)                  \
  MI_Result Instance::Set##Name(CStr name, CType value, MI_Uint32 flags) { \
    MI_Value v;                                                            \
    v.member = value;                                                      \
    return Set(name, v, tag, flags);                                       \
  }
CIMULATE_SCALAR_SETTER_(Uint8, MI_Uint8, uint8, MI_UINT8)
CIMULATE_SCALAR_SETTER_(Sint8, MI_Sint8, sint8, MI_SINT8)
CIMULATE_SCALAR_SETTER_(Uint16, MI_Uint16, uint16, MI_UINT16)
CIMULATE_SCALAR_SETTER_(Sint16, MI_Sint16, sint16, MI_SINT16)
CIMULATE_SCALAR_SETTER_(Uint32, MI_Uint32, uint32, MI_UINT32)
CIMULATE_SCALAR_SETTER_(Sint32, MI_Sint32, sint32, MI_SINT32)
CIMULATE_SCALAR_SETTER_(Uint64, MI_Uint64, uint64, MI_UINT64)
CIMULATE_SCALAR_SETTER_(Sint64, MI_Sint64, sint64, MI_SINT64)
CIMULATE_SCALAR_SETTER_(Real32, MI_Real32, real32, MI_REAL32)
CIMULATE_SCALAR_SETTER_(Real64, MI_Real64, real64, MI_REAL64)
#undef CIMULATE_SCALAR_SETTER_

MI_Result Instance::SetDatetime(CStr name, const MI_Datetime& value, MI_Uint32 flags) {
  MI_Value v;
  v.datetime = value;
  return Set(name, v, MI_DATETIME, flags);
}

MI_Result Instance::SetStringArray(CStr name, const std::vector<std::string>& value, MI_Uint32 flags) {
  std::vector<MI_Char*> pointers;
  pointers.reserve(value.size());
  for (const std::string& s : value) pointers.push_back(const_cast<MI_Char*>(s.c_str()));
  MI_Value v;
  v.stringa.data = pointers.data();
  v.stringa.size = static_cast<MI_Uint32>(pointers.size());
  return Set(name, v, MI_STRINGA, flags);
}

MI_Result Instance::SetInstance(CStr name, const InstanceView& value, MI_Uint32 flags) {
  if (!value) return SetNull(name, MI_INSTANCE, flags);
  MI_Value v;
  v.instance = const_cast<MI_Instance*>(value.get());  // copied by the instance
  return Set(name, v, MI_INSTANCE, flags);
}

MI_Result Instance::Clear(CStr name) { return MI_Instance_ClearElement(mutable_get(), name.c_str()); }

}  // namespace cimulate
