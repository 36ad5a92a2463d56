#include "core/session.h"

#include <cstring>

#include "core/application.h"
#include "core/handle.h"
#include "core/operation.h"

namespace cimulate::core {
namespace {

using Registry = HandleRegistry<Session>;
using Build = std::function<MI_Result(OperationRequest&, std::string&)>;

std::optional<std::string> Optional(const MI_Char* text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}

// Copies an inbound instance; `what` names it in the error when it is missing.
MI_Result TakeInstance(const MI_Instance* source, bool required, const char* what, InstancePtr* target,
                       std::string& message) {
  if (source == nullptr) {
    if (!required) return MI_RESULT_OK;
    message = std::string("The ") + what + " is required and was NULL.";
    return MI_RESULT_INVALID_PARAMETER;
  }
  *target = CloneInstance(source);
  if (*target == nullptr) {
    message = std::string("The ") + what + " could not be read.";
    return MI_RESULT_INVALID_PARAMETER;
  }
  return MI_RESULT_OK;
}

MI_Result Require(const MI_Char* text, const char* what, std::string& message) {
  if (text != nullptr && text[0] != '\0') return MI_RESULT_OK;
  message = std::string("The ") + what + " is required and was NULL or empty.";
  return MI_RESULT_INVALID_PARAMETER;
}

// What an operation on a dead session handle does, as the MI.h wrappers do for a
// NULL one: a cleared operation, and the final result through the callback.
void RejectOperation(OperationKind kind, MI_OperationCallbacks* callbacks, MI_Operation* out) {
  if (out != nullptr) std::memset(out, 0, sizeof(*out));
  if (callbacks == nullptr) return;
  void* context = callbacks->callbackContext;
  switch (ResultKindOf(kind)) {
    case ResultKind::kInstance:
      if (callbacks->instanceResult)
        callbacks->instanceResult(nullptr, context, nullptr, MI_FALSE, MI_RESULT_INVALID_PARAMETER, nullptr, nullptr,
                                  nullptr);
      break;
    case ResultKind::kClass:
      if (callbacks->classResult)
        callbacks->classResult(nullptr, context, nullptr, MI_FALSE, MI_RESULT_INVALID_PARAMETER, nullptr, nullptr,
                               nullptr);
      break;
    case ResultKind::kIndication:
      if (callbacks->indicationResult)
        callbacks->indicationResult(nullptr, context, nullptr, nullptr, nullptr, MI_FALSE,
                                    MI_RESULT_INVALID_PARAMETER, nullptr, nullptr, nullptr);
      break;
  }
}

void Begin(MI_Session* handle, OperationKind kind, MI_Uint32 flags, MI_OperationOptions* options,
           MI_OperationCallbacks* callbacks, MI_Operation* out, const Build& build) {
  auto session = Registry::Instance().Find(handle);
  if (session == nullptr) {
    RejectOperation(kind, callbacks, out);
    return;
  }
  session->Start(kind, flags, options, callbacks, out, build);
}

}  // namespace

Session::Session(std::shared_ptr<Application> application, std::string protocol)
    : application_(std::move(application)), protocol_name_(std::move(protocol)) {}

Session::~Session() = default;

void Session::Attach(MI_Session* out) {
  Registry::Instance().Attach(shared_from_this(), &kSessionFT, &handle_);
  *out = handle_;
}

MI_Result Session::FillHandle(MI_Session* out) const {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *out = handle_;
  return MI_RESULT_OK;
}

void Session::Start(OperationKind kind, MI_Uint32 flags, MI_OperationOptions* options,
                    MI_OperationCallbacks* callbacks, MI_Operation* out, const Build& build) {
  auto operation = std::make_shared<Operation>(shared_from_this(), kind, flags, callbacks);
  operation->Attach(out);
  auto request = std::make_shared<OperationRequest>();
  request->kind = kind;
  request->flags = flags;
  std::string message;
  MI_Result status = build(*request, message);
  if (status == MI_RESULT_OK) {
    request->options = SnapshotOf(options);
    if (request->options == nullptr) {
      status = MI_RESULT_INVALID_PARAMETER;
      message = "The operation options handle is not valid.";
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closing_ && status == MI_RESULT_OK) {
      status = MI_RESULT_INVALID_PARAMETER;
      message = "The session is closing.";
    }
    operations_.insert(operation);
  }
  ThreadPool& pool = application_->pool();
  bool queued;
  if (status == MI_RESULT_OK) {
    ProtocolSession* protocol = protocol_.get();
    queued = pool.Submit([operation, protocol, request] { operation->Run(*protocol, *request); });
  } else {
    queued = pool.Submit([operation, status, message] { operation->Fail(status, BuildError(status, message)); });
  }
  // The application keeps its pool until every session is closed, so this only
  // guards against misuse during shutdown.
  if (!queued) operation->Fail(MI_RESULT_FAILED, BuildError(MI_RESULT_FAILED, "The application is shutting down."));
}

MI_Result Session::Close(MI_Session* handle, void* completion_context, void(MI_CALL* completion)(void*)) {
  if (Registry::Instance().Remove(handle) == nullptr) {
    if (completion) completion(completion_context);
    return MI_RESULT_INVALID_PARAMETER;
  }
  std::vector<std::shared_ptr<Operation>> running;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    if (completion) completions_.emplace_back(completion_context, completion);
    running.assign(operations_.begin(), operations_.end());
  }
  for (auto& operation : running) operation->Cancel(MI_REASON_NONE);
  bool finish_now;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finish_now = operations_.empty() && !close_started_;
    if (finish_now) close_started_ = true;
  }
  if (finish_now) FinishClose();
  if (completion == nullptr) {
    std::unique_lock<std::mutex> lock(mutex_);
    closed_.wait(lock, [this] { return close_done_; });
  }
  return MI_RESULT_OK;
}

void Session::CancelOperations() {
  std::vector<std::shared_ptr<Operation>> running;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    running.assign(operations_.begin(), operations_.end());
  }
  for (auto& operation : running) operation->Cancel(MI_REASON_SHUTDOWN);
}

void Session::Retire(const std::shared_ptr<Operation>& operation) {
  bool finish;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    operations_.erase(operation);
    finish = closing_ && operations_.empty() && !close_started_;
    if (finish) close_started_ = true;
  }
  if (finish) FinishClose();
}

// Every operation is closed: release the protocol session, report completion, and
// leave the application (which may be waiting for exactly that).
void Session::FinishClose() {
  auto self = shared_from_this();
  if (protocol_) protocol_->Close();
  std::vector<std::pair<void*, void(MI_CALL*)(void*)>> completions;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    close_done_ = true;
    completions.swap(completions_);
  }
  closed_.notify_all();
  if (completions.empty()) {
    application_->RemoveSession(this);
    return;
  }
  auto notify = [self, completions] {
    for (auto& [context, callback] : completions) callback(context);
    self->application_->RemoveSession(self.get());
  };
  if (!application_->pool().Submit(notify)) notify();
}

// ---------------------------------------------------------------------------
// MI_SessionFT
// ---------------------------------------------------------------------------
namespace {

MI_Result MI_CALL SessionClose(MI_Session* handle, void* context, void(MI_CALL* completion)(void*)) {
  auto session = Registry::Instance().Find(handle);
  if (session == nullptr) {
    if (completion) completion(context);
    return MI_RESULT_INVALID_PARAMETER;
  }
  return session->Close(handle, context, completion);
}

MI_Result MI_CALL SessionGetApplication(MI_Session* handle, MI_Application* application) {
  auto session = Registry::Instance().Find(handle);
  if (application == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (session == nullptr) {
    std::memset(application, 0, sizeof(*application));
    return MI_RESULT_INVALID_PARAMETER;
  }
  return session->application().FillHandle(application);
}

void MI_CALL SessionGetInstance(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                const MI_Char* name_space, const MI_Instance* inbound,
                                MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kGetInstance, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          return TakeInstance(inbound, true, "inboundInstance", &r.instance, m);
        });
}

void MI_CALL SessionModifyInstance(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                   const MI_Char* name_space, const MI_Instance* inbound,
                                   MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kModifyInstance, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          return TakeInstance(inbound, true, "inboundInstance", &r.instance, m);
        });
}

void MI_CALL SessionCreateInstance(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                   const MI_Char* name_space, const MI_Instance* inbound,
                                   MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kCreateInstance, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          return TakeInstance(inbound, true, "inboundInstance", &r.instance, m);
        });
}

void MI_CALL SessionDeleteInstance(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                   const MI_Char* name_space, const MI_Instance* inbound,
                                   MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kDeleteInstance, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          return TakeInstance(inbound, true, "inboundInstance", &r.instance, m);
        });
}

void MI_CALL SessionInvoke(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                           const MI_Char* name_space, const MI_Char* class_name, const MI_Char* method_name,
                           const MI_Instance* inbound, const MI_Instance* parameters,
                           MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kInvoke, flags, options, callbacks, out, [&](OperationRequest& r, std::string& m) {
    r.name_space = Optional(name_space);
    r.class_name = Optional(class_name);
    r.method_name = Optional(method_name);
    MI_Result status = Require(method_name, "methodName", m);
    if (status == MI_RESULT_OK && class_name == nullptr && inbound == nullptr) {
      m = "Invoke needs a className (static method) or an inboundInstance (instance method).";
      status = MI_RESULT_INVALID_PARAMETER;
    }
    if (status == MI_RESULT_OK) status = TakeInstance(inbound, false, "inboundInstance", &r.instance, m);
    if (status == MI_RESULT_OK) status = TakeInstance(parameters, false, "inboundProperties", &r.parameters, m);
    return status;
  });
}

void MI_CALL SessionEnumerateInstances(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                       const MI_Char* name_space, const MI_Char* class_name, MI_Boolean keys_only,
                                       MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kEnumerateInstances, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          r.class_name = Optional(class_name);
          r.keys_only = keys_only != MI_FALSE;
          return Require(class_name, "className", m);
        });
}

void MI_CALL SessionQueryInstances(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                   const MI_Char* name_space, const MI_Char* dialect, const MI_Char* expression,
                                   MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kQueryInstances, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          r.query_dialect = Optional(dialect);
          r.query_expression = Optional(expression);
          MI_Result status = Require(dialect, "queryDialect", m);
          return status == MI_RESULT_OK ? Require(expression, "queryExpression", m) : status;
        });
}

void MI_CALL SessionAssociatorInstances(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                        const MI_Char* name_space, const MI_Instance* keys,
                                        const MI_Char* association_class, const MI_Char* result_class,
                                        const MI_Char* role, const MI_Char* result_role, MI_Boolean keys_only,
                                        MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kAssociatorInstances, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          r.association_class = Optional(association_class);
          r.result_class = Optional(result_class);
          r.role = Optional(role);
          r.result_role = Optional(result_role);
          r.keys_only = keys_only != MI_FALSE;
          return TakeInstance(keys, true, "instanceKeys", &r.instance, m);
        });
}

void MI_CALL SessionReferenceInstances(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                       const MI_Char* name_space, const MI_Instance* keys,
                                       const MI_Char* result_class, const MI_Char* role, MI_Boolean keys_only,
                                       MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kReferenceInstances, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string& m) {
          r.name_space = Optional(name_space);
          r.result_class = Optional(result_class);
          r.role = Optional(role);
          r.keys_only = keys_only != MI_FALSE;
          return TakeInstance(keys, true, "instanceKeys", &r.instance, m);
        });
}

void MI_CALL SessionSubscribe(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                              const MI_Char* name_space, const MI_Char* dialect, const MI_Char* expression,
                              const MI_SubscriptionDeliveryOptions* delivery, MI_OperationCallbacks* callbacks,
                              MI_Operation* out) {
  Begin(handle, OperationKind::kSubscribe, flags, options, callbacks, out, [&](OperationRequest& r, std::string& m) {
    r.name_space = Optional(name_space);
    r.query_dialect = Optional(dialect);
    r.query_expression = Optional(expression);
    MI_Result status = Require(dialect, "queryDialect", m);
    return status == MI_RESULT_OK ? Require(expression, "queryExpression", m) : status;
  });
}

void MI_CALL SessionGetClass(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                             const MI_Char* name_space, const MI_Char* class_name, MI_OperationCallbacks* callbacks,
                             MI_Operation* out) {
  Begin(handle, OperationKind::kGetClass, flags, options, callbacks, out, [&](OperationRequest& r, std::string& m) {
    r.name_space = Optional(name_space);
    r.class_name = Optional(class_name);
    return Require(class_name, "className", m);
  });
}

void MI_CALL SessionEnumerateClasses(MI_Session* handle, MI_Uint32 flags, MI_OperationOptions* options,
                                     const MI_Char* name_space, const MI_Char* class_name, MI_Boolean names_only,
                                     MI_OperationCallbacks* callbacks, MI_Operation* out) {
  Begin(handle, OperationKind::kEnumerateClasses, flags, options, callbacks, out,
        [&](OperationRequest& r, std::string&) {
          r.name_space = Optional(name_space);
          r.class_name = Optional(class_name);
          r.keys_only = names_only != MI_FALSE;
          return MI_RESULT_OK;
        });
}

void MI_CALL SessionTestConnection(MI_Session* handle, MI_Uint32 flags, MI_OperationCallbacks* callbacks,
                                   MI_Operation* out) {
  Begin(handle, OperationKind::kTestConnection, flags, nullptr, callbacks, out,
        [](OperationRequest&, std::string&) { return MI_RESULT_OK; });
}

// A failed NewSession leaves this table behind so that the handle can be closed.
MI_Result MI_CALL FailedClose(MI_Session*, void* context, void(MI_CALL* completion)(void*)) {
  if (completion) completion(context);
  return MI_RESULT_OK;
}

MI_Result MI_CALL FailedGetApplication(MI_Session*, MI_Application* application) {
  if (application) std::memset(application, 0, sizeof(*application));
  return MI_RESULT_INVALID_PARAMETER;
}

}  // namespace

const MI_SessionFT kSessionFT = {
    SessionClose,          SessionGetApplication,       SessionGetInstance,        SessionModifyInstance,
    SessionCreateInstance, SessionDeleteInstance,       SessionInvoke,             SessionEnumerateInstances,
    SessionQueryInstances, SessionAssociatorInstances,  SessionReferenceInstances, SessionSubscribe,
    SessionGetClass,       SessionEnumerateClasses,     SessionTestConnection,
};

// The operation entries reuse the live table's: with no registered session behind
// the handle they all end in RejectOperation.
const MI_SessionFT kFailedSessionFT = {
    FailedClose,           FailedGetApplication,        SessionGetInstance,        SessionModifyInstance,
    SessionCreateInstance, SessionDeleteInstance,       SessionInvoke,             SessionEnumerateInstances,
    SessionQueryInstances, SessionAssociatorInstances,  SessionReferenceInstances, SessionSubscribe,
    SessionGetClass,       SessionEnumerateClasses,     SessionTestConnection,
};

}  // namespace cimulate::core
