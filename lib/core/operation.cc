#include "core/operation.h"

#include <cstring>

#include "core/handle.h"
#include "core/session.h"

namespace cimulate::core {
namespace {

using Registry = HandleRegistry<Operation>;

MI_OperationCallbacks CopyCallbacks(const MI_OperationCallbacks* callbacks) {
  MI_OperationCallbacks copy;
  std::memset(&copy, 0, sizeof(copy));
  if (callbacks != nullptr) copy = *callbacks;
  return copy;
}

bool IsSynchronous(OperationKind kind, const MI_OperationCallbacks& callbacks) {
  switch (ResultKindOf(kind)) {
    case ResultKind::kClass: return callbacks.classResult == nullptr;
    case ResultKind::kIndication: return callbacks.indicationResult == nullptr;
    case ResultKind::kInstance: return callbacks.instanceResult == nullptr;
  }
  return true;
}

const char* MessageOf(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }

MI_Result MI_CALL AcknowledgeThunk(MI_Operation* handle) {
  auto operation = Registry::Instance().Find(handle);
  return operation ? operation->Acknowledge() : MI_RESULT_INVALID_PARAMETER;
}

}  // namespace

Operation::Operation(std::shared_ptr<Session> session, OperationKind kind, MI_Uint32 flags,
                     const MI_OperationCallbacks* callbacks)
    : session_(std::move(session)),
      kind_(kind),
      flags_(flags),
      callbacks_(CopyCallbacks(callbacks)),
      synchronous_(IsSynchronous(kind, callbacks_)),
      manual_ack_((flags & MI_OPERATIONFLAGS_MANUAL_ACK_RESULTS) != 0) {}

Operation::~Operation() = default;

void Operation::Attach(MI_Operation* out) {
  Registry::Instance().Attach(shared_from_this(), &kOperationFT, &handle_);
  if (out != nullptr) *out = handle_;
}

void Operation::Run(ProtocolSession& protocol, const OperationRequest& request) {
  bool skip;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    skip = cancelled_ || closed_;
  }
  if (!skip) protocol.Execute(request, *this);
  Finish();
}

void Operation::Fail(MI_Result result, InstancePtr error) {
  PostFinal(result, std::move(error), nullptr, nullptr);
  Finish();
}

// After the protocol returned: guarantee a final result, then hand the operation
// back to its session if the client has already closed it.
void Operation::Finish() {
  bool posted;
  bool cancelled;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    posted = final_posted_;
    cancelled = cancelled_;
  }
  if (!posted) {
    if (cancelled) {
      ErrorInfo info;
      info.result = MI_RESULT_FAILED;
      info.message = "The operation was cancelled.";
      info.category = MI_ERRORCATEGORY_OPERATION_STOPPED;
      PostFinal(MI_RESULT_FAILED, BuildError(info), nullptr, nullptr);
    } else {
      PostFinal(MI_RESULT_FAILED, BuildError(MI_RESULT_FAILED, "The protocol handler ended the operation without "
                                                               "a result."),
                nullptr, nullptr);
    }
  }
  bool retire = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    retire = closed_ && !retired_;
    if (retire) retired_ = true;
  }
  changed_.notify_all();
  if (retire) session_->Retire(shared_from_this());
}

bool Operation::PostInstance(InstancePtr instance) {
  Result result;
  result.instance = std::move(instance);
  return Post(std::move(result));
}

bool Operation::PostClass(ClassPtr cls) {
  Result result;
  result.cls = std::move(cls);
  return Post(std::move(result));
}

void Operation::PostFinal(MI_Result code, InstancePtr error, InstancePtr instance, ClassPtr cls) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (final_posted_) return;
    final_posted_ = true;
  }
  Result result;
  result.more = false;
  result.code = code;
  result.instance = std::move(instance);
  result.cls = std::move(cls);
  if (code != MI_RESULT_OK && error == nullptr) error = BuildError(code, "");
  if (error != nullptr) {
    MI_Value message;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElement(error.get(), "Message", &message, &type, &flags, nullptr) == MI_RESULT_OK &&
        type == MI_STRING && !(flags & MI_FLAG_NULL) && message.string != nullptr)
      result.message = message.string;
  }
  result.error = std::move(error);
  Post(std::move(result));
}

bool Operation::Post(Result result) {
  if (!synchronous_) return Deliver(result);
  std::unique_lock<std::mutex> lock(mutex_);
  bool is_final = !result.more;
  if (!is_final) {
    changed_.wait(lock, [this] { return buffered_.size() < kMaxBuffered || closed_ || cancelled_; });
    if (closed_ || cancelled_) return false;
  } else if (closed_) {
    return false;
  }
  buffered_.push_back(std::move(result));
  changed_.notify_all();
  return true;
}

// Calls the client's result callback on this (worker) thread.  With manual
// acknowledgement the result stays alive, and this thread waits, until the client
// acknowledges it or closes the operation.
bool Operation::Deliver(Result& result) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return false;
    if (result.more && cancelled_) return false;
    delivering_thread_ = std::this_thread::get_id();
    acknowledged_ = false;
  }
  auto ack = manual_ack_ ? AcknowledgeThunk : nullptr;
  MI_Boolean more = result.more ? MI_TRUE : MI_FALSE;
  const MI_Char* message = result.more ? nullptr : MessageOf(result.message);
  void* context = callbacks_.callbackContext;
  switch (ResultKindOf(kind_)) {
    case ResultKind::kInstance:
      callbacks_.instanceResult(&handle_, context, result.instance.get(), more, result.code, message,
                                result.error.get(), ack);
      break;
    case ResultKind::kClass:
      callbacks_.classResult(&handle_, context, result.cls.get(), more, result.code, message, result.error.get(),
                             ack);
      break;
    case ResultKind::kIndication:
      callbacks_.indicationResult(&handle_, context, result.instance.get(), nullptr, nullptr, more, result.code,
                                  message, result.error.get(), ack);
      break;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  delivering_thread_ = std::thread::id();
  if (manual_ack_) changed_.wait(lock, [this] { return acknowledged_ || closed_; });
  if (!result.more) final_taken_ = true;
  changed_.notify_all();
  return !closed_ && !cancelled_;
}

MI_Result Operation::Acknowledge() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!manual_ack_) return MI_RESULT_INVALID_PARAMETER;
    acknowledged_ = true;
  }
  changed_.notify_all();
  return MI_RESULT_OK;
}

void Operation::WriteMessage(MI_Uint32 channel, const std::string& message) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_ || callbacks_.writeMessage == nullptr) return;
  }
  callbacks_.writeMessage(&handle_, callbacks_.callbackContext, channel, message.c_str());
}

bool Operation::IsCancelled() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return cancelled_ || closed_;
}

void Operation::OnCancel(std::function<void()> abort) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!cancelled_ && !closed_) {
      cancel_hooks_.push_back(std::move(abort));
      return;
    }
  }
  abort();
}

void Operation::CancelLocked(std::vector<std::function<void()>>* hooks) {
  if (cancelled_ || final_posted_) return;
  cancelled_ = true;
  hooks->swap(cancel_hooks_);
}

MI_Result Operation::Cancel(MI_CancellationReason reason) {
  std::vector<std::function<void()>> hooks;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return MI_RESULT_INVALID_PARAMETER;
    CancelLocked(&hooks);
  }
  changed_.notify_all();
  for (auto& hook : hooks) hook();
  return MI_RESULT_OK;
}

MI_Result Operation::Close(MI_Operation* handle) {
  if (Registry::Instance().Remove(handle) == nullptr) return MI_RESULT_INVALID_PARAMETER;
  if (handle != &handle_) std::memset(handle, 0, sizeof(*handle));
  std::vector<std::function<void()>> hooks;
  bool inside_own_callback;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    CancelLocked(&hooks);
    inside_own_callback = delivering_thread_ == std::this_thread::get_id();
    buffered_.clear();
  }
  changed_.notify_all();
  for (auto& hook : hooks) hook();
  std::unique_lock<std::mutex> lock(mutex_);
  if (!inside_own_callback) changed_.wait(lock, [this] { return finished_; });
  bool retire = finished_ && !retired_;
  if (retire) retired_ = true;
  current_ = Result();
  lock.unlock();
  if (retire) session_->Retire(shared_from_this());
  return MI_RESULT_OK;
}

MI_Result Operation::GetSession(MI_Session* out) const {
  if (out == nullptr) return MI_RESULT_INVALID_PARAMETER;
  return session_->FillHandle(out);
}

// Takes the next buffered result of a synchronous operation, waiting for it.
MI_Result Operation::Next(Result** taken) {
  if (!synchronous_) return MI_RESULT_INVALID_PARAMETER;
  std::unique_lock<std::mutex> lock(mutex_);
  if (final_taken_) return MI_RESULT_INVALID_PARAMETER;
  changed_.wait(lock, [this] { return !buffered_.empty() || closed_; });
  if (buffered_.empty()) return MI_RESULT_INVALID_PARAMETER;
  current_ = std::move(buffered_.front());
  buffered_.pop_front();
  if (!current_.more) final_taken_ = true;
  changed_.notify_all();
  *taken = &current_;
  return MI_RESULT_OK;
}

// The outputs every synchronous getter shares; the message only comes with the final result.
void Operation::ReportCompletion(const Result& taken, MI_Boolean* more, MI_Result* result, const MI_Char** message,
                                 const MI_Instance** details) {
  if (more) *more = taken.more ? MI_TRUE : MI_FALSE;
  if (result) *result = taken.code;
  if (message) *message = taken.more ? nullptr : MessageOf(taken.message);
  if (details) *details = taken.error.get();
}

MI_Result Operation::NextInstance(const MI_Instance** instance, MI_Boolean* more, MI_Result* result,
                                  const MI_Char** message, const MI_Instance** details) {
  if (instance == nullptr || ResultKindOf(kind_) != ResultKind::kInstance) return MI_RESULT_INVALID_PARAMETER;
  Result* next = nullptr;
  MI_Result status = Next(&next);
  if (status != MI_RESULT_OK) return status;
  *instance = next->instance.get();
  ReportCompletion(*next, more, result, message, details);
  return MI_RESULT_OK;
}

MI_Result Operation::NextClass(const MI_Class** cls, MI_Boolean* more, MI_Result* result, const MI_Char** message,
                               const MI_Instance** details) {
  if (cls == nullptr || ResultKindOf(kind_) != ResultKind::kClass) return MI_RESULT_INVALID_PARAMETER;
  Result* next = nullptr;
  MI_Result status = Next(&next);
  if (status != MI_RESULT_OK) return status;
  *cls = next->cls.get();
  ReportCompletion(*next, more, result, message, details);
  return MI_RESULT_OK;
}

MI_Result Operation::NextIndication(const MI_Instance** instance, const MI_Char** bookmark,
                                    const MI_Char** machine_id, MI_Boolean* more, MI_Result* result,
                                    const MI_Char** message, const MI_Instance** details) {
  if (instance == nullptr || ResultKindOf(kind_) != ResultKind::kIndication) return MI_RESULT_INVALID_PARAMETER;
  Result* next = nullptr;
  MI_Result status = Next(&next);
  if (status != MI_RESULT_OK) return status;
  *instance = next->instance.get();
  if (bookmark) *bookmark = nullptr;
  if (machine_id) *machine_id = nullptr;
  ReportCompletion(*next, more, result, message, details);
  return MI_RESULT_OK;
}

// ---------------------------------------------------------------------------
// MI_OperationFT
// ---------------------------------------------------------------------------
namespace {

MI_Result MI_CALL OperationClose(MI_Operation* handle) {
  auto operation = Registry::Instance().Find(handle);
  return operation ? operation->Close(handle) : MI_RESULT_INVALID_PARAMETER;
}

MI_Result MI_CALL OperationCancel(MI_Operation* handle, MI_CancellationReason reason) {
  auto operation = Registry::Instance().Find(handle);
  return operation ? operation->Cancel(reason) : MI_RESULT_INVALID_PARAMETER;
}

MI_Result MI_CALL OperationGetSession(MI_Operation* handle, MI_Session* session) {
  auto operation = Registry::Instance().Find(handle);
  return operation ? operation->GetSession(session) : MI_RESULT_INVALID_PARAMETER;
}

template <typename... Out>
void ClearOutputs(MI_Boolean* more, MI_Result* result, Out*... outs) {
  if (more) *more = MI_FALSE;
  if (result) *result = MI_RESULT_INVALID_PARAMETER;
  ((outs ? (*outs = nullptr, 0) : 0), ...);
}

MI_Result MI_CALL OperationGetInstance(MI_Operation* handle, const MI_Instance** instance, MI_Boolean* more,
                                       MI_Result* result, const MI_Char** message, const MI_Instance** details) {
  auto operation = Registry::Instance().Find(handle);
  MI_Result status = operation ? operation->NextInstance(instance, more, result, message, details)
                               : MI_RESULT_INVALID_PARAMETER;
  if (status != MI_RESULT_OK) ClearOutputs(more, result, instance, message, details);
  return status;
}

MI_Result MI_CALL OperationGetIndication(MI_Operation* handle, const MI_Instance** instance,
                                         const MI_Char** bookmark, const MI_Char** machine_id, MI_Boolean* more,
                                         MI_Result* result, const MI_Char** message, const MI_Instance** details) {
  auto operation = Registry::Instance().Find(handle);
  MI_Result status = operation ? operation->NextIndication(instance, bookmark, machine_id, more, result, message,
                                                           details)
                               : MI_RESULT_INVALID_PARAMETER;
  if (status != MI_RESULT_OK) ClearOutputs(more, result, instance, bookmark, machine_id, message, details);
  return status;
}

MI_Result MI_CALL OperationGetClass(MI_Operation* handle, const MI_Class** cls, MI_Boolean* more, MI_Result* result,
                                    const MI_Char** message, const MI_Instance** details) {
  auto operation = Registry::Instance().Find(handle);
  MI_Result status = operation ? operation->NextClass(cls, more, result, message, details)
                               : MI_RESULT_INVALID_PARAMETER;
  if (status != MI_RESULT_OK) ClearOutputs(more, result, cls, message, details);
  return status;
}

}  // namespace

const MI_OperationFT kOperationFT = {
    OperationClose,       OperationCancel,        OperationGetSession,
    OperationGetInstance, OperationGetIndication, OperationGetClass,
};

}  // namespace cimulate::core
