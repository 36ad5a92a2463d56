// MI_OperationOptions: per-call settings (timeout, resource URI, custom options),
// passed as the optional last argument of the Session calls.
//
//   cimulate::OperationOptions options = app.NewOperationOptions();
//   options.SetTimeout(std::chrono::seconds(30));
//   session.EnumerateInstances("root/cimv2", "Win32_Service", false, &services, &options);
#ifndef CIMULATE_OPERATION_OPTIONS_H_
#define CIMULATE_OPERATION_OPTIONS_H_

#include <chrono>
#include <optional>
#include <string>

#include "MI.h"
#include "cimulate/c_str.h"

namespace cimulate {

// Move-only; a moved-from object is empty and its calls fail with
// MI_RESULT_INVALID_PARAMETER.
class OperationOptions {
 public:
  OperationOptions() = default;
  // Takes ownership of an options handle (MI_OperationOptions_Delete on destruction).
  explicit OperationOptions(MI_OperationOptions handle) : handle_(handle) {}
  ~OperationOptions();
  OperationOptions(OperationOptions&& other) noexcept;
  OperationOptions& operator=(OperationOptions&& other) noexcept;
  OperationOptions(const OperationOptions&) = delete;
  OperationOptions& operator=(const OperationOptions&) = delete;

  explicit operator bool() const { return handle_.ft != nullptr; }
  MI_OperationOptions* get() { return &handle_; }
  const MI_OperationOptions* get() const { return &handle_; }
  OperationOptions Clone() const;

  MI_Result SetTimeout(std::chrono::microseconds timeout);
  MI_Result SetResourceUri(CStr uri);
  MI_Result SetResourceUriPrefix(CStr prefix);
  MI_Result SetUseMachineId(bool on);
  MI_Result SetWriteErrorMode(MI_CallbackMode mode);
  MI_Result SetPromptUserMode(MI_CallbackMode mode);
  MI_Result SetProviderArchitecture(MI_ProviderArchitecture architecture, bool must_comply);
  MI_Result EnableChannel(MI_Uint32 channel);
  MI_Result DisableChannel(MI_Uint32 channel);

  // Custom options travel to the server (WS-Management OptionSet); with
  // `must_comply` the server must fail rather than ignore them.
  MI_Result SetCustomOption(CStr name, MI_Type type, const MI_Value& value, bool must_comply = false);
  MI_Result SetCustomString(CStr name, CStr value, bool must_comply = false);
  MI_Result SetCustomUint32(CStr name, MI_Uint32 value, bool must_comply = false);
  MI_Result SetCustomBool(CStr name, bool value, bool must_comply = false);

  // Any option by name, for the ones without a setter above.
  MI_Result SetString(CStr name, CStr value);
  MI_Result SetNumber(CStr name, MI_Uint32 value);
  std::optional<std::string> GetString(CStr name) const;
  std::optional<MI_Uint32> GetNumber(CStr name) const;

 private:
  MI_OperationOptions handle_{};
};

}  // namespace cimulate

#endif  // CIMULATE_OPERATION_OPTIONS_H_
