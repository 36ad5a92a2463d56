#include "runner/step_executor.h"

#include <strings.h>

#include "scenario/endpoint.h"

namespace cimulate::conform {
namespace {

using scenario::StepKind;

// ---- handles ---------------------------------------------------------------

MI_Application* ApplicationOf(CaseContext& ctx, std::size_t index) {
  std::lock_guard<std::mutex> lock(ctx.mu);
  const auto& ref = ctx.plan.steps[index].application;
  if (!ref || !ctx.slots[*ref].has_application) return nullptr;
  return &ctx.slots[*ref].application;
}

MI_Session* SessionOf(CaseContext& ctx, std::size_t index) {
  std::lock_guard<std::mutex> lock(ctx.mu);
  const auto& ref = ctx.plan.steps[index].session;
  if (!ref || !ctx.slots[*ref].has_session) return nullptr;
  return &ctx.slots[*ref].session;
}

OperationState* OperationOf(CaseContext& ctx, std::size_t index) {
  std::lock_guard<std::mutex> lock(ctx.mu);
  const auto& ref = ctx.plan.steps[index].operation;
  if (!ref) return nullptr;
  return ctx.slots[*ref].operation.get();
}

void TakeError(const MI_Instance* error, StepOutcome* out) {
  out->error_present = error != nullptr;
  if (error) out->error = Snapshot(error);
}

// ---- initialize, new_session ------------------------------------------------

void Initialize(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  MI_Application app{};
  MI_Instance* error = nullptr;
  out->result = ctx.initialize(0, "cimulate-conform", &error, &app);
  TakeError(error, out);
  if (error) MI_Instance_Delete(error);
  std::lock_guard<std::mutex> lock(ctx.mu);
  ctx.slots[index].application = app;
  ctx.slots[index].has_application = true;
}

const MI_Char* AuthType(const std::string& auth) {
  if (auth == "basic") return MI_AUTH_TYPE_BASIC;
  if (auth == "ntlm") return MI_AUTH_TYPE_NTLM;
  if (auth == "negotiate") return MI_AUTH_TYPE_NEGO_WITH_CREDS;
  if (auth == "kerberos") return MI_AUTH_TYPE_KERBEROS;
  return MI_AUTH_TYPE_DEFAULT;
}

// Where the fake's listener is, split for MI: the host as a destination
// string (IPv6 without brackets) and the port.
void SplitAddress(const std::string& address, std::string* host, std::uint32_t* port) {
  std::size_t colon = address.rfind(':');
  *host = address.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[') *host = host->substr(1, host->size() - 2);
  *port = colon == std::string::npos ? 0 : static_cast<std::uint32_t>(std::stoul(address.substr(colon + 1)));
}

struct SessionInputs {
  const MI_Char* destination = nullptr;
  std::string destination_text;
  bool needs_options = false;
  std::optional<std::uint32_t> port;  // passed as a destination option
  bool https = false;
};

bool ResolveDestination(CaseContext& ctx, const scenario::Step& step, SessionInputs* in, std::string* error) {
  const scenario::Destination& d = step.destination;
  if (d.kind == scenario::Destination::Kind::kNull) return true;
  if (d.kind == scenario::Destination::Kind::kText) {
    in->destination_text = d.text;
    in->destination = in->destination_text.c_str();
    return true;
  }
  std::string address = ctx.server->address(d.listener);
  if (address.empty()) {
    *error = std::string("the fake's listener ") + scenario::ListenerName(d.listener) + " is not running";
    return false;
  }
  std::uint32_t port = 0;
  SplitAddress(address, &in->destination_text, &port);
  in->destination = in->destination_text.c_str();
  in->https = d.listener == scenario::ListenerKind::kWinrmHttps;
  // In a private network namespace the fake holds the standard ports, so the
  // implementation's defaults must reach it unaided.
  if (!ctx.private_network) in->port = port;
  return true;
}

MI_Result FillOptions(const scenario::SessionOptions& o, const SessionInputs& in, MI_DestinationOptions* options) {
  MI_Result r = MI_RESULT_OK;
  auto keep = [&r](MI_Result x) { if (r == MI_RESULT_OK) r = x; };
  if (!o.user.empty()) {
    MI_UserCredentials credentials{};
    credentials.authenticationType = AuthType(o.auth);
    credentials.credentials.usernamePassword.domain = o.domain.empty() ? nullptr : o.domain.c_str();
    credentials.credentials.usernamePassword.username = o.user.c_str();
    credentials.credentials.usernamePassword.password = o.password.c_str();
    keep(MI_DestinationOptions_AddDestinationCredentials(options, &credentials));
  }
  bool https = o.transport == "https" || (o.transport.empty() && in.https);
  if (!o.transport.empty() || in.https) {
    keep(MI_DestinationOptions_SetTransport(options, https ? MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS
                                                           : MI_DESTINATIONOPTIONS_TRANSPORT_HTTP));
  }
  if (https) {
    // The fake's certificate is generated per run; trusting it is not what
    // the conformance cases check.
    keep(MI_DestinationOptions_SetCertCACheck(options, MI_FALSE));
    keep(MI_DestinationOptions_SetCertCNCheck(options, MI_FALSE));
  }
  if (o.timeout_ms) {
    MI_Interval interval{};
    interval.seconds = *o.timeout_ms / 1000;
    interval.microseconds = (*o.timeout_ms % 1000) * 1000;
    keep(MI_DestinationOptions_SetTimeout(options, &interval));
  }
  if (in.port) keep(MI_DestinationOptions_SetDestinationPort(options, *in.port));
  return r;
}

bool HasOptions(const scenario::SessionOptions& o, const SessionInputs& in) {
  return !o.user.empty() || !o.transport.empty() || o.timeout_ms || in.port || in.https;
}

void MI_CALL SessionWriteMessage(MI_Application*, void* context, MI_Uint32, const MI_Char*) {
  static_cast<CallbackLog*>(context)->Record("session_message");
}
void MI_CALL SessionWriteError(MI_Application*, void* context, MI_Instance*) {
  static_cast<CallbackLog*>(context)->Record("session_error");
}

void TakeCallbacks(CallbackLog& log, StepOutcome* out) {
  std::lock_guard<std::mutex> lock(log.mu);
  out->callbacks = log.names;
  out->callbacks_on_caller = log.on_caller;
}

void NewSession(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  const scenario::Step& step = ctx.scenario->steps[index].step;
  MI_Application* app = ApplicationOf(ctx, index);
  if (!app) {
    out->harness_error = "no application to create the session on";
    return;
  }
  SessionInputs in;
  if (!ResolveDestination(ctx, step, &in, &out->harness_error)) return;
  MI_DestinationOptions options{};
  MI_DestinationOptions* options_ptr = nullptr;
  if (HasOptions(step.options, in)) {
    MI_Result r = MI_Application_NewDestinationOptions(app, &options);
    if (r == MI_RESULT_OK) r = FillOptions(step.options, in, &options);
    if (r != MI_RESULT_OK) {
      out->harness_error = "setting the destination options failed with result " + std::to_string(r);
      if (options.ft) MI_DestinationOptions_Delete(&options);
      return;
    }
    options_ptr = &options;
  }
  CallbackLog* log;
  {
    std::lock_guard<std::mutex> lock(ctx.mu);
    ctx.slots[index].session_callbacks = std::make_unique<CallbackLog>();
    log = ctx.slots[index].session_callbacks.get();
    log->caller = std::this_thread::get_id();
  }
  MI_SessionCallbacks callbacks{log, SessionWriteMessage, SessionWriteError};
  MI_Session session{};
  MI_Instance* error = nullptr;
  out->result = MI_Application_NewSession(app, step.protocol ? step.protocol->c_str() : nullptr, in.destination,
                                          options_ptr, step.callbacks ? &callbacks : nullptr, &error, &session);
  TakeError(error, out);
  if (error) MI_Instance_Delete(error);
  if (options_ptr) MI_DestinationOptions_Delete(options_ptr);
  TakeCallbacks(*log, out);
  std::lock_guard<std::mutex> lock(ctx.mu);
  ctx.slots[index].session = session;
  ctx.slots[index].has_session = true;
}

// ---- operations -------------------------------------------------------------

void Finish(OperationState* state, MI_Boolean more, MI_Result result, const MI_Char* message,
            const MI_Instance* details) {
  if (more) return;
  state->result = result;
  state->error_present = details != nullptr;
  if (details) state->error = Snapshot(details);
  if (message) state->error_message = message;
  state->done = true;
  state->cv.notify_all();
}

void MI_CALL OnInstance(MI_Operation*, void* context, const MI_Instance* instance, MI_Boolean more,
                        MI_Result result, const MI_Char* message, const MI_Instance* details,
                        MI_Result(MI_CALL*)(MI_Operation*)) {
  auto* state = static_cast<OperationState*>(context);
  state->callbacks.Record(more ? "instance" : "result");
  std::lock_guard<std::mutex> lock(state->mu);
  if (instance) state->instances.push_back(Snapshot(instance));
  Finish(state, more, result, message, details);
}

void MI_CALL OnIndication(MI_Operation*, void* context, const MI_Instance* instance, const MI_Char*, const MI_Char*,
                          MI_Boolean more, MI_Result result, const MI_Char* message, const MI_Instance* details,
                          MI_Result(MI_CALL*)(MI_Operation*)) {
  auto* state = static_cast<OperationState*>(context);
  state->callbacks.Record(more ? "indication" : "result");
  std::lock_guard<std::mutex> lock(state->mu);
  if (instance) state->instances.push_back(Snapshot(instance));
  Finish(state, more, result, message, details);
}

void MI_CALL OnClass(MI_Operation*, void* context, const MI_Class* result_class, MI_Boolean more, MI_Result result,
                     const MI_Char* message, const MI_Instance* details, MI_Result(MI_CALL*)(MI_Operation*)) {
  auto* state = static_cast<OperationState*>(context);
  state->callbacks.Record(more ? "class" : "result");
  std::lock_guard<std::mutex> lock(state->mu);
  if (result_class) ++state->classes;
  Finish(state, more, result, message, details);
}

// Reads a synchronous operation to its end, as MI_Operation_Get* require.
void Drain(StepKind kind, OperationState* state) {
  MI_Boolean more = MI_TRUE;
  while (more) {
    MI_Result result = MI_RESULT_OK;
    const MI_Char* message = nullptr;
    const MI_Instance* details = nullptr;
    MI_Result call;
    if (state->class_results) {
      const MI_Class* result_class = nullptr;
      call = MI_Operation_GetClass(&state->operation, &result_class, &more, &result, &message, &details);
      std::lock_guard<std::mutex> lock(state->mu);
      if (result_class) ++state->classes;
    } else {
      const MI_Instance* instance = nullptr;
      if (kind == StepKind::kSubscribe) {
        call = MI_Operation_GetIndication(&state->operation, &instance, nullptr, nullptr, &more, &result, &message,
                                          &details);
      } else {
        call = MI_Operation_GetInstance(&state->operation, &instance, &more, &result, &message, &details);
      }
      std::lock_guard<std::mutex> lock(state->mu);
      if (instance) state->instances.push_back(Snapshot(instance));
    }
    std::lock_guard<std::mutex> lock(state->mu);
    if (call != MI_RESULT_OK) {
      // The getter itself refused: that is the operation's outcome as the
      // caller sees it.
      Finish(state, MI_FALSE, call, message, details);
      return;
    }
    Finish(state, more, result, message, details);
  }
}

struct OperationInputs {
  MI_Instance* instance = nullptr;    // the step's data instance (keys only unless create/modify)
  MI_Instance* parameters = nullptr;  // invoke
  ~OperationInputs() {
    if (instance) MI_Instance_Delete(instance);
    if (parameters) MI_Instance_Delete(parameters);
  }
};

bool PrepareInputs(CaseContext& ctx, const scenario::Step& step, MI_Application* app, OperationInputs* in,
                   std::string* error) {
  if (!step.instance.empty()) {
    const scenario::InstanceValue* value = ctx.scenario->endpoint.data.FindInstance(step.instance);
    if (!value) {
      *error = "unknown data instance '" + step.instance + "'";
      return false;
    }
    bool whole = step.kind == StepKind::kCreateInstance || step.kind == StepKind::kModifyInstance;
    if (!app) {
      *error = "no application to build the instance with";
      return false;
    }
    if (!BuildInstance(app, *value, ctx.scenario->endpoint.data, !whole, &in->instance, error)) return false;
  }
  if (!step.parameters.empty()) {
    if (!app || !BuildParameters(app, step.parameters, &in->parameters, error)) {
      if (error->empty()) *error = "no application to build the parameters with";
      return false;
    }
  }
  return true;
}

void StartOperation(const scenario::Step& step, MI_Session* session, const OperationInputs& in,
                    MI_OperationCallbacks* callbacks, MI_Operation* op) {
  const char* ns = step.name_space.empty() ? nullptr : step.name_space.c_str();
  const char* cls = step.class_name.empty() ? nullptr : step.class_name.c_str();
  switch (step.kind) {
    case StepKind::kGetInstance: MI_Session_GetInstance(session, 0, nullptr, ns, in.instance, callbacks, op); break;
    case StepKind::kModifyInstance:
      MI_Session_ModifyInstance(session, 0, nullptr, ns, in.instance, callbacks, op);
      break;
    case StepKind::kCreateInstance:
      MI_Session_CreateInstance(session, 0, nullptr, ns, in.instance, callbacks, op);
      break;
    case StepKind::kDeleteInstance:
      MI_Session_DeleteInstance(session, 0, nullptr, ns, in.instance, callbacks, op);
      break;
    case StepKind::kEnumerateInstances:
      MI_Session_EnumerateInstances(session, 0, nullptr, ns, cls, MI_FALSE, callbacks, op);
      break;
    case StepKind::kQueryInstances:
      MI_Session_QueryInstances(session, 0, nullptr, ns, step.query_dialect.empty() ? "WQL" : step.query_dialect.c_str(),
                                step.query.c_str(), callbacks, op);
      break;
    case StepKind::kAssociatorInstances:
      MI_Session_AssociatorInstances(session, 0, nullptr, ns, in.instance, nullptr, nullptr, nullptr, nullptr,
                                     MI_FALSE, callbacks, op);
      break;
    case StepKind::kReferenceInstances:
      MI_Session_ReferenceInstances(session, 0, nullptr, ns, in.instance, nullptr, nullptr, MI_FALSE, callbacks, op);
      break;
    case StepKind::kInvoke:
      MI_Session_Invoke(session, 0, nullptr, ns, cls, step.method.c_str(), in.instance, in.parameters, callbacks, op);
      break;
    case StepKind::kGetClass: MI_Session_GetClass(session, 0, nullptr, ns, cls, callbacks, op); break;
    case StepKind::kEnumerateClasses:
      MI_Session_EnumerateClasses(session, 0, nullptr, ns, cls, MI_FALSE, callbacks, op);
      break;
    case StepKind::kSubscribe:
      MI_Session_Subscribe(session, 0, nullptr, ns, step.query_dialect.empty() ? "WQL" : step.query_dialect.c_str(),
                           step.query.c_str(), nullptr, callbacks, op);
      break;
    case StepKind::kTestConnection: MI_Session_TestConnection(session, 0, callbacks, op); break;
    default: break;
  }
}

void RunOperation(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  const scenario::Step& step = ctx.scenario->steps[index].step;
  MI_Session* session = SessionOf(ctx, index);
  if (!session) {
    out->harness_error = "no session to run the operation on";
    return;
  }
  OperationInputs in;
  if (!PrepareInputs(ctx, step, ApplicationOf(ctx, index), &in, &out->harness_error)) return;

  auto owned = std::make_unique<OperationState>();
  OperationState* state = owned.get();
  state->async = step.async;
  state->class_results = step.kind == StepKind::kGetClass || step.kind == StepKind::kEnumerateClasses;
  state->callbacks.caller = std::this_thread::get_id();
  {
    std::lock_guard<std::mutex> lock(ctx.mu);
    ctx.slots[index].operation = std::move(owned);
  }
  MI_OperationCallbacks callbacks{};
  callbacks.callbackContext = state;
  callbacks.instanceResult = OnInstance;
  callbacks.indicationResult = OnIndication;
  callbacks.classResult = OnClass;
  MI_Operation operation{};
  StartOperation(step, session, in, step.async ? &callbacks : nullptr, &operation);
  {
    // Published under the lock: a cancel or close on another thread may use
    // the handle while this thread is still reading results.
    std::lock_guard<std::mutex> lock(state->mu);
    state->operation = operation;
    state->started = true;
    state->cv.notify_all();
  }
  if (step.async) {
    std::unique_lock<std::mutex> lock(state->mu);
    state->cv.wait(lock, [state] { return state->done; });
  } else {
    Drain(step.kind, state);
  }
  {
    std::lock_guard<std::mutex> lock(state->mu);
    out->result = state->result;
    out->error_present = state->error_present;
    out->error = state->error;
    out->error_message = state->error_message;
    out->instances = state->instances;
    out->classes = state->classes;
  }
  TakeCallbacks(state->callbacks, out);
  // An unnamed operation cannot be referred to again: close it as a careful
  // client would.  A named one stays open for cancel / close_operation.
  if (!HasExplicitName(step)) MI_Operation_Close(&state->operation);
}

// ---- cancel, close ----------------------------------------------------------

void CancelOrClose(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  const scenario::Step& step = ctx.scenario->steps[index].step;
  OperationState* state = OperationOf(ctx, index);
  if (!state) {
    out->harness_error = "no operation to " + std::string(scenario::StepName(step.kind));
    return;
  }
  MI_Operation operation;
  {
    std::unique_lock<std::mutex> lock(state->mu);
    state->cv.wait(lock, [state] { return state->started; });
    operation = state->operation;
  }
  out->result = step.kind == StepKind::kCancel ? MI_Operation_Cancel(&operation, MI_REASON_NONE)
                                               : MI_Operation_Close(&operation);
}

void MI_CALL OnSessionClosed(void* context) {
  auto* completion = static_cast<CloseCompletion*>(context);
  completion->callbacks.Record("completion");
  std::lock_guard<std::mutex> lock(completion->mu);
  ++completion->calls;
  completion->cv.notify_all();
}

void CloseSession(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  const scenario::Step& step = ctx.scenario->steps[index].step;
  MI_Session* session = SessionOf(ctx, index);
  if (!session) {
    out->harness_error = "no session to close";
    return;
  }
  if (!step.completion_callback) {
    out->result = MI_Session_Close(session, nullptr, nullptr);
    return;
  }
  CloseCompletion* completion;
  {
    std::lock_guard<std::mutex> lock(ctx.mu);
    ctx.slots[index].close_completion = std::make_unique<CloseCompletion>();
    completion = ctx.slots[index].close_completion.get();
    completion->callbacks.caller = std::this_thread::get_id();
  }
  out->result = MI_Session_Close(session, completion, OnSessionClosed);
  // The step ends when the completion callback has run: an implementation
  // that never calls back hangs here, and the watchdog names this step.
  {
    std::unique_lock<std::mutex> lock(completion->mu);
    completion->cv.wait(lock, [completion] { return completion->calls > 0; });
  }
  TakeCallbacks(completion->callbacks, out);
}

void CloseApplication(CaseContext& ctx, std::size_t index, StepOutcome* out) {
  MI_Application* app = ApplicationOf(ctx, index);
  if (!app) {
    out->harness_error = "no application to close";
    return;
  }
  out->result = MI_Application_Close(app);
}

}  // namespace

StepOutcome ExecuteStep(CaseContext& ctx, std::size_t index) {
  const scenario::Step& step = ctx.scenario->steps[index].step;
  StepOutcome out;
  out.start_us = ctx.NowMicros();
  switch (step.kind) {
    case StepKind::kInitialize: Initialize(ctx, index, &out); break;
    case StepKind::kNewSession: NewSession(ctx, index, &out); break;
    case StepKind::kCancel:
    case StepKind::kCloseOperation: CancelOrClose(ctx, index, &out); break;
    case StepKind::kCloseSession: CloseSession(ctx, index, &out); break;
    case StepKind::kCloseApplication: CloseApplication(ctx, index, &out); break;
    default: RunOperation(ctx, index, &out); break;
  }
  out.end_us = ctx.NowMicros();
  return out;
}

}  // namespace cimulate::conform
