// CIM instances: InstanceView reads an MI_Instance owned elsewhere; Instance owns
// one (MI_Instance_Delete on destruction) and adds the setters.
//
//   cimulate::Instance disk = app.NewInstance("Win32_LogicalDisk");
//   disk.SetString("DeviceID", "C:", MI_FLAG_KEY);
//   std::optional<MI_Uint64> size = result.GetUint64("Size");
//
// Typed getters return std::nullopt when the property is missing, NULL, or of
// another CIM type: they never convert (a uint16 is not read as a uint32), so a
// schema mismatch shows up instead of silently truncating.  Setters return the
// MI_Result of the underlying call; they replace an existing property of the
// same name and add it otherwise.  Every value passed in is copied.
#ifndef CIMULATE_INSTANCE_H_
#define CIMULATE_INSTANCE_H_

#include <optional>
#include <string>
#include <vector>

#include "MI.h"
#include "cimulate/c_str.h"

namespace cimulate {

class Instance;

// A non-owning, read-only look at an instance.  Valid only as long as whatever
// owns the MI_Instance keeps it (an Instance, or an operation until its next
// result).  Cheap to copy.
class InstanceView {
 public:
  InstanceView() = default;
  explicit InstanceView(const MI_Instance* instance) : instance_(instance) {}

  explicit operator bool() const { return instance_ != nullptr; }
  const MI_Instance* get() const { return instance_; }

  // Empty strings when unknown.
  std::string ClassName() const;
  std::string NameSpace() const;
  // Properties, including NULL ones.  0 for an empty view.
  MI_Uint32 ElementCount() const;

  bool Has(CStr name) const;     // present, NULL or not
  bool IsNull(CStr name) const;  // present and NULL
  std::optional<MI_Type> TypeOf(CStr name) const;

  // The raw element, for types without a typed getter.  `value` borrows from the
  // instance.
  MI_Result Get(CStr name, MI_Value* value, MI_Type* type, MI_Uint32* flags = nullptr) const;

  std::optional<std::string> GetString(CStr name) const;
  std::optional<bool> GetBool(CStr name) const;
  std::optional<MI_Uint8> GetUint8(CStr name) const;
  std::optional<MI_Sint8> GetSint8(CStr name) const;
  std::optional<MI_Uint16> GetUint16(CStr name) const;
  std::optional<MI_Sint16> GetSint16(CStr name) const;
  std::optional<MI_Uint32> GetUint32(CStr name) const;
  std::optional<MI_Sint32> GetSint32(CStr name) const;
  std::optional<MI_Uint64> GetUint64(CStr name) const;
  std::optional<MI_Sint64> GetSint64(CStr name) const;
  std::optional<MI_Real32> GetReal32(CStr name) const;
  std::optional<MI_Real64> GetReal64(CStr name) const;
  std::optional<MI_Datetime> GetDatetime(CStr name) const;
  std::optional<std::vector<std::string>> GetStringArray(CStr name) const;
  // An embedded instance (MI_INSTANCE or MI_REFERENCE), borrowed from this one;
  // an empty view when absent.  Clone() it to keep it.
  InstanceView GetInstance(CStr name) const;

  // An owning copy; empty if this view is empty or the copy fails.
  Instance Clone() const;

 protected:
  const MI_Instance* instance_ = nullptr;
};

// An owned instance.  Move-only: copying may be expensive, so it is spelled
// Clone().  A moved-from Instance is empty; every call on an empty one fails
// with MI_RESULT_INVALID_PARAMETER (getters: std::nullopt).
class Instance : public InstanceView {
 public:
  Instance() = default;
  ~Instance();
  Instance(Instance&& other) noexcept;
  Instance& operator=(Instance&& other) noexcept;
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  // Takes ownership of `instance` (which may be null).
  static Instance Adopt(MI_Instance* instance);
  // An owning copy of `instance`; empty if it is null.
  static Instance CloneOf(const MI_Instance* instance);

  MI_Instance* mutable_get() { return const_cast<MI_Instance*>(instance_); }
  // Gives up ownership; the caller deletes the result with MI_Instance_Delete.
  MI_Instance* Release();
  void Reset();

  // `flags` carries qualifiers such as MI_FLAG_KEY.
  MI_Result Set(CStr name, const MI_Value& value, MI_Type type, MI_Uint32 flags = 0);
  MI_Result SetNull(CStr name, MI_Type type, MI_Uint32 flags = 0);
  MI_Result SetString(CStr name, CStr value, MI_Uint32 flags = 0);
  MI_Result SetBool(CStr name, bool value, MI_Uint32 flags = 0);
  MI_Result SetUint8(CStr name, MI_Uint8 value, MI_Uint32 flags = 0);
  MI_Result SetSint8(CStr name, MI_Sint8 value, MI_Uint32 flags = 0);
  MI_Result SetUint16(CStr name, MI_Uint16 value, MI_Uint32 flags = 0);
  MI_Result SetSint16(CStr name, MI_Sint16 value, MI_Uint32 flags = 0);
  MI_Result SetUint32(CStr name, MI_Uint32 value, MI_Uint32 flags = 0);
  MI_Result SetSint32(CStr name, MI_Sint32 value, MI_Uint32 flags = 0);
  MI_Result SetUint64(CStr name, MI_Uint64 value, MI_Uint32 flags = 0);
  MI_Result SetSint64(CStr name, MI_Sint64 value, MI_Uint32 flags = 0);
  MI_Result SetReal32(CStr name, MI_Real32 value, MI_Uint32 flags = 0);
  MI_Result SetReal64(CStr name, MI_Real64 value, MI_Uint32 flags = 0);
  MI_Result SetDatetime(CStr name, const MI_Datetime& value, MI_Uint32 flags = 0);
  MI_Result SetStringArray(CStr name, const std::vector<std::string>& value, MI_Uint32 flags = 0);
  MI_Result SetInstance(CStr name, const InstanceView& value, MI_Uint32 flags = 0);
  // Makes the property NULL (MI_Instance_ClearElement).
  MI_Result Clear(CStr name);
};

}  // namespace cimulate

#endif  // CIMULATE_INSTANCE_H_
