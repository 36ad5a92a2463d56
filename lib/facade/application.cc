#include "cimulate/application.h"

#include <utility>

namespace cimulate {

Application::~Application() { Close(); }

Application::Application(Application&& other) noexcept : handle_(std::exchange(other.handle_, MI_Application{})) {}

Application& Application::operator=(Application&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = std::exchange(other.handle_, MI_Application{});
  }
  return *this;
}

Result Application::Initialize(CStr application_id, Application* out) {
  MI_Application handle{};
  MI_Instance* error = nullptr;
  MI_Result code = MI_Application_InitializeV1(0, application_id.c_str(), &error, &handle);
  if (code != MI_RESULT_OK) {
    // MI wants a failed application closed too (it may hold a handle).
    MI_Application_Close(&handle);
    *out = Application();
    return Result::FromOwned(code, error);
  }
  if (error != nullptr) MI_Instance_Delete(error);
  *out = Application(handle);
  return Result::Ok();
}

Application Application::Adopt(MI_Application handle) { return Application(handle); }

MI_Result Application::Close() {
  if (!*this) return MI_RESULT_OK;
  MI_Result result = MI_Application_Close(&handle_);
  handle_ = MI_Application{};
  return result;
}

Result Application::NewSession(CStr protocol, CStr destination, Session* out) {
  return NewSession(protocol, destination, DestinationOptions(), out);
}

Result Application::NewSession(CStr protocol, CStr destination, const DestinationOptions& options, Session* out) {
  // MI takes a mutable options pointer but only reads it; NULL means defaults.
  MI_DestinationOptions* mi_options = options ? const_cast<MI_DestinationOptions*>(options.get()) : nullptr;
  MI_Session handle{};
  MI_Instance* error = nullptr;
  MI_Result code =
      MI_Application_NewSession(&handle_, protocol.c_str(), destination.c_str(), mi_options, nullptr, &error, &handle);
  if (code != MI_RESULT_OK) {
    *out = Session();
    return Result::FromOwned(code, error);
  }
  if (error != nullptr) MI_Instance_Delete(error);
  *out = Session(handle);
  return Result::Ok();
}

Instance Application::NewInstance(CStr class_name) {
  MI_Instance* instance = nullptr;
  if (MI_Application_NewInstance(&handle_, class_name.c_str(), nullptr, &instance) != MI_RESULT_OK) return Instance();
  return Instance::Adopt(instance);
}

DestinationOptions Application::NewDestinationOptions() {
  MI_DestinationOptions handle{};
  if (MI_Application_NewDestinationOptions(&handle_, &handle) != MI_RESULT_OK) return DestinationOptions();
  return DestinationOptions(handle);
}

OperationOptions Application::NewOperationOptions(bool must_understand) {
  MI_OperationOptions handle{};
  if (MI_Application_NewOperationOptions(&handle_, must_understand ? MI_TRUE : MI_FALSE, &handle) != MI_RESULT_OK)
    return OperationOptions();
  return OperationOptions(handle);
}

}  // namespace cimulate
