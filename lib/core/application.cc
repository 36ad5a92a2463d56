#include "core/application.h"

#include <cstring>

#include "core/class.h"
#include "core/handle.h"
#include "core/instance.h"
#include "core/session.h"
#include "core/value.h"

namespace cimulate::core {
namespace {

using Registry = HandleRegistry<Application>;

// The session ends up with the table that lets a failed handle be closed.
void MarkFailed(MI_Session* out) {
  if (out == nullptr) return;
  std::memset(out, 0, sizeof(*out));
  out->ft = &kFailedSessionFT;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

Application::Application(std::shared_ptr<ProtocolRegistry> registry, std::string application_id)
    : registry_(std::move(registry)), application_id_(std::move(application_id)) {}

Application::~Application() { pool_.Shutdown(); }

void Application::Attach(MI_Application* out) {
  Registry::Instance().Attach(shared_from_this(), &kApplicationFT, &handle_);
  *out = handle_;
}

MI_Result Application::FillHandle(MI_Application* out) const {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = handle_;
  return MI_RESULT_OK;
}

bool Application::AddSession(const std::shared_ptr<Session>& session) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (closing_) return false;
  sessions_[session.get()] = session;
  return true;
}

void Application::RemoveSession(Session* session) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.erase(session);
  }
  sessions_changed_.notify_all();
}

MI_Result Application::NewSession(const MI_Char* protocol, const MI_Char* destination,
                                  MI_DestinationOptions* options, MI_SessionCallbacks* callbacks,
                                  MI_Instance** error, MI_Session* out) {
  MarkFailed(out);
  if (out == nullptr)
    return ReportError(MI_RESULT_INVALID_PARAMETER, BuildError(MI_RESULT_INVALID_PARAMETER, "The session is NULL."),
                       error);
  std::string name = SelectProtocol(protocol, destination);
  std::shared_ptr<ProtocolHandler> handler = registry_->Find(name);
  if (handler == nullptr) {
    return ReportError(MI_RESULT_NOT_SUPPORTED,
                       BuildError(MI_RESULT_NOT_SUPPORTED, "The protocol '" + name +
                                                               "' is not supported. Supported protocols: " +
                                                               JoinNames(registry_->Names()) + "."),
                       error);
  }
  SessionConfig config;
  config.protocol = handler->name();
  if (destination != nullptr) config.destination = destination;
  config.options = SnapshotOf(options);
  if (config.options == nullptr)
    return ReportError(MI_RESULT_INVALID_PARAMETER,
                       BuildError(MI_RESULT_INVALID_PARAMETER, "The destination options handle is not valid."),
                       error);
  MI_SessionCallbacks session_callbacks;
  std::memset(&session_callbacks, 0, sizeof(session_callbacks));
  if (callbacks != nullptr) session_callbacks = *callbacks;
  MI_Application* application = &handle_;
  config.write_message = [session_callbacks, application](MI_Uint32 channel, const std::string& message) {
    if (session_callbacks.writeMessage)
      session_callbacks.writeMessage(application, session_callbacks.callbackContext, channel, message.c_str());
  };
  config.write_error = [session_callbacks, application](const MI_Instance* instance) {
    if (session_callbacks.writeError)
      session_callbacks.writeError(application, session_callbacks.callbackContext, const_cast<MI_Instance*>(instance));
  };

  auto session = std::make_shared<Session>(shared_from_this(), config.protocol);
  if (!AddSession(session))
    return ReportError(MI_RESULT_INVALID_PARAMETER,
                       BuildError(MI_RESULT_INVALID_PARAMETER, "The application is closing."), error);
  std::unique_ptr<ProtocolSession> protocol_session;
  ErrorInfo failure;
  MI_Result result = handler->OpenSession(config, &protocol_session, &failure);
  if (result == MI_RESULT_OK && protocol_session == nullptr) {
    result = MI_RESULT_FAILED;
    failure.message = "The " + config.protocol + " protocol handler created no session.";
  }
  if (result != MI_RESULT_OK) {
    RemoveSession(session.get());
    failure.result = result;
    return ReportError(failure, error);
  }
  session->SetProtocolSession(std::move(protocol_session));
  session->Attach(out);
  return MI_RESULT_OK;
}

MI_Result Application::Close(MI_Application* handle) {
  // Waiting here from a worker would wait for this very thread.
  if (pool_.OnWorkerThread()) return MI_RESULT_FAILED;
  auto self = Registry::Instance().Remove(handle);
  if (self == nullptr) return MI_RESULT_INVALID_PARAMETER;
  std::memset(handle, 0, sizeof(*handle));
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    for (auto& [raw, weak] : sessions_)
      if (auto session = weak.lock()) open.push_back(session);
  }
  for (auto& session : open) session->CancelOperations();
  open.clear();
  {
    std::unique_lock<std::mutex> lock(mutex_);
    sessions_changed_.wait(lock, [this] { return sessions_.empty(); });
  }
  pool_.Shutdown();
  return MI_RESULT_OK;
}

MI_Result InitializeApplication(MI_Uint32 flags, const MI_Char* application_id, MI_Instance** error,
                                MI_Application* out, std::shared_ptr<ProtocolRegistry> registry) {
  if (error != nullptr) *error = nullptr;
  if (out == nullptr)
    return ReportError(MI_RESULT_INVALID_PARAMETER,
                       BuildError(MI_RESULT_INVALID_PARAMETER, "The application is NULL."), error);
  std::memset(out, 0, sizeof(*out));
  if (flags != 0) {
    out->ft = &kFailedApplicationFT;
    return ReportError(MI_RESULT_INVALID_PARAMETER,
                       BuildError(MI_RESULT_INVALID_PARAMETER, "The flags of MI_Application_Initialize must be 0."),
                       error);
  }
  try {
    auto application = std::make_shared<Application>(std::move(registry), application_id ? application_id : "");
    application->Attach(out);
  } catch (const std::bad_alloc&) {
    out->ft = &kFailedApplicationFT;
    return ReportError(MI_RESULT_SERVER_LIMITS_EXCEEDED, nullptr, error);
  }
  return MI_RESULT_OK;
}

// ---------------------------------------------------------------------------
// MI_ApplicationFT
// ---------------------------------------------------------------------------
namespace {

MI_Result MI_CALL AppClose(MI_Application* handle) {
  auto application = Registry::Instance().Find(handle);
  return application ? application->Close(handle) : MI_RESULT_INVALID_PARAMETER;
}

MI_Result MI_CALL AppNewSession(MI_Application* handle, const MI_Char* protocol, const MI_Char* destination,
                                MI_DestinationOptions* options, MI_SessionCallbacks* callbacks, MI_Instance** error,
                                MI_Session* out) {
  if (error != nullptr) *error = nullptr;
  auto application = Registry::Instance().Find(handle);
  if (application == nullptr) {
    MarkFailed(out);
    return ReportError(MI_RESULT_INVALID_PARAMETER,
                       BuildError(MI_RESULT_INVALID_PARAMETER, "The application handle is not valid or is closed."),
                       error);
  }
  return application->NewSession(protocol, destination, options, callbacks, error, out);
}

MI_Result MI_CALL AppNewHostedProvider(MI_Application* handle, const MI_Char*, const MI_Char*, MI_MainFunction,
                                       MI_Instance** error, MI_HostedProvider* out) {
  if (error != nullptr) *error = nullptr;
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  if (Registry::Instance().Find(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return ReportError(MI_RESULT_NOT_SUPPORTED,
                     BuildError(MI_RESULT_NOT_SUPPORTED, "Hosted providers are not supported by this library."),
                     error);
}

MI_Result MI_CALL AppNewInstance(MI_Application* handle, const MI_Char* class_name, const MI_ClassDecl* rtti,
                                 MI_Instance** out) {
  if (out != nullptr) *out = nullptr;
  if (Registry::Instance().Find(handle) == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (rtti != nullptr) return NewDeclaredInstance(rtti, out);
  return NewDynamicInstance(class_name, MI_FLAG_CLASS, out);
}

MI_Result MI_CALL AppNewDestinationOptions(MI_Application* handle, MI_DestinationOptions* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  if (Registry::Instance().Find(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewDestinationOptions(out);
}

MI_Result MI_CALL AppNewOperationOptions(MI_Application* handle, MI_Boolean must_understand, MI_OperationOptions* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  if (Registry::Instance().Find(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewOperationOptions(must_understand, out);
}

MI_Result MI_CALL AppNewSubscriptionDeliveryOptions(MI_Application* handle, MI_SubscriptionDeliveryType type,
                                                    MI_SubscriptionDeliveryOptions* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  if (Registry::Instance().Find(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewSubscriptionDeliveryOptions(type, out);
}

MI_Result MI_CALL AppNewSerializer(MI_Application* handle, MI_Uint32, MI_Char*, MI_Serializer* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  return Registry::Instance().Find(handle) ? MI_RESULT_NOT_SUPPORTED : MI_RESULT_INVALID_PARAMETER;
}

MI_Result MI_CALL AppNewDeserializer(MI_Application* handle, MI_Uint32, MI_Char*, MI_Deserializer* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  return Registry::Instance().Find(handle) ? MI_RESULT_NOT_SUPPORTED : MI_RESULT_INVALID_PARAMETER;
}

MI_Result MI_CALL AppNewInstanceFromClass(MI_Application* handle, const MI_Char* class_name, const MI_Class* cls,
                                          MI_Instance** out) {
  if (out != nullptr) *out = nullptr;
  if (Registry::Instance().Find(handle) == nullptr || out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (cls == nullptr) return NewDynamicInstance(class_name, MI_FLAG_CLASS, out);
  if (cls->classDecl == nullptr) return MI_RESULT_INVALID_PARAMETER;
  // A dynamic instance shaped by the class, so it does not depend on the class's lifetime.
  return NewDynamicInstanceOf(cls->classDecl, out);
}

MI_Result MI_CALL AppNewClass(MI_Application* handle, const MI_ClassDecl* decl, const MI_Char* name_space,
                              const MI_Char* server, MI_Class** out) {
  if (out != nullptr) *out = nullptr;
  if (Registry::Instance().Find(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return NewClass(decl, name_space, server, out);
}

MI_Result MI_CALL FailedAppClose(MI_Application* handle) {
  std::memset(handle, 0, sizeof(*handle));
  return MI_RESULT_OK;
}

}  // namespace

const MI_ApplicationFT kApplicationFT = {
    AppClose,         AppNewSession,           AppNewHostedProvider,
    AppNewInstance,   AppNewDestinationOptions, AppNewOperationOptions,
    AppNewSubscriptionDeliveryOptions, AppNewSerializer, AppNewDeserializer,
    AppNewInstanceFromClass, AppNewClass,
};

// After a failed initialisation: Close succeeds (and clears the handle), the rest fails.
const MI_ApplicationFT kFailedApplicationFT = {
    FailedAppClose,   AppNewSession,           AppNewHostedProvider,
    AppNewInstance,   AppNewDestinationOptions, AppNewOperationOptions,
    AppNewSubscriptionDeliveryOptions, AppNewSerializer, AppNewDeserializer,
    AppNewInstanceFromClass, AppNewClass,
};

}  // namespace cimulate::core
