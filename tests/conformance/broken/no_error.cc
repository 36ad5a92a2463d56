// Breaks extended errors: every failure comes without one.  NewSession
// deletes the extended error it was about to hand back, and an operation's
// final result carries no completionDetails, whether read with
// MI_Operation_Get* or delivered to result callbacks.  The MI contract says
// a failing call yields an MI_Instance that explains it.
#include "real_library.h"
#include "session_operations.h"

namespace cimulate::broken {
namespace {

TablePatch<MI_SessionFT> g_session;
TablePatch<MI_OperationFT> g_operation;

const MI_SessionFT& RealSession() { return g_session.real(); }

MI_Result MI_CALL GetInstanceWithoutError(MI_Operation* operation, const MI_Instance** instance,
                                          MI_Boolean* moreResults, MI_Result* result, const MI_Char** errorMessage,
                                          const MI_Instance** completionDetails) {
  MI_Result call =
      g_operation.real().GetInstance(operation, instance, moreResults, result, errorMessage, completionDetails);
  if (completionDetails != nullptr) *completionDetails = nullptr;
  return call;
}

MI_Result MI_CALL GetClassWithoutError(MI_Operation* operation, const MI_Class** classResult, MI_Boolean* moreResults,
                                       MI_Result* result, const MI_Char** errorMessage,
                                       const MI_Instance** completionDetails) {
  MI_Result call =
      g_operation.real().GetClass(operation, classResult, moreResults, result, errorMessage, completionDetails);
  if (completionDetails != nullptr) *completionDetails = nullptr;
  return call;
}

// The caller's callbacks for one asynchronous operation, behind relays that
// drop completionDetails.  Freed with the final result, which MI delivers
// exactly once.  Only the result callbacks are relayed; the others (the
// conformance runner passes none) are dropped.
struct Relay {
  MI_OperationCallbacks caller;
  MI_OperationCallbacks relayed;
};

void MI_CALL RelayInstance(MI_Operation* operation, void* context, const MI_Instance* instance,
                           MI_Boolean moreResults, MI_Result result, const MI_Char* errorMessage,
                           const MI_Instance*, MI_Result(MI_CALL* ack)(MI_Operation*)) {
  auto* relay = static_cast<Relay*>(context);
  relay->caller.instanceResult(operation, relay->caller.callbackContext, instance, moreResults, result, errorMessage,
                               nullptr, ack);
  if (!moreResults) delete relay;
}

void MI_CALL RelayIndication(MI_Operation* operation, void* context, const MI_Instance* instance,
                             const MI_Char* bookmark, const MI_Char* machineID, MI_Boolean moreResults,
                             MI_Result result, const MI_Char* errorMessage, const MI_Instance*,
                             MI_Result(MI_CALL* ack)(MI_Operation*)) {
  auto* relay = static_cast<Relay*>(context);
  relay->caller.indicationResult(operation, relay->caller.callbackContext, instance, bookmark, machineID,
                                 moreResults, result, errorMessage, nullptr, ack);
  if (!moreResults) delete relay;
}

void MI_CALL RelayClass(MI_Operation* operation, void* context, const MI_Class* classResult, MI_Boolean moreResults,
                        MI_Result result, const MI_Char* errorMessage, const MI_Instance*,
                        MI_Result(MI_CALL* ack)(MI_Operation*)) {
  auto* relay = static_cast<Relay*>(context);
  relay->caller.classResult(operation, relay->caller.callbackContext, classResult, moreResults, result,
                            errorMessage, nullptr, ack);
  if (!moreResults) delete relay;
}

// Synchronous operations (no result callback) keep NULL callbacks.
MI_OperationCallbacks* RelayCallbacks(MI_OperationCallbacks* callbacks) {
  if (callbacks == nullptr ||
      (callbacks->instanceResult == nullptr && callbacks->indicationResult == nullptr &&
       callbacks->classResult == nullptr)) {
    return callbacks;
  }
  auto* relay = new Relay{*callbacks, {}};
  relay->relayed.callbackContext = relay;
  if (callbacks->instanceResult != nullptr) relay->relayed.instanceResult = RelayInstance;
  if (callbacks->indicationResult != nullptr) relay->relayed.indicationResult = RelayIndication;
  if (callbacks->classResult != nullptr) relay->relayed.classResult = RelayClass;
  return &relay->relayed;
}

void BreakOperation(MI_OperationFT* table) {
  table->GetInstance = GetInstanceWithoutError;
  table->GetClass = GetClassWithoutError;
}

void PatchOperation(MI_Session*, MI_Operation* operation) {
  if (operation != nullptr && operation->ft != nullptr) g_operation.Apply(&operation->ft, BreakOperation);
}

using Operations = SessionOperations<RealSession, PatchOperation, RelayCallbacks>;

MI_Result MI_CALL NewSessionWithoutError(MI_Application* application, const MI_Char* protocol,
                                         const MI_Char* destination, MI_DestinationOptions* options,
                                         MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                         MI_Session* session) {
  MI_Result result =
      ApplicationTable().real().NewSession(application, protocol, destination, options, callbacks, extendedError,
                                           session);
  if (extendedError != nullptr && *extendedError != nullptr) {
    MI_Instance_Delete(*extendedError);
    *extendedError = nullptr;
  }
  if (session != nullptr && session->ft != nullptr) g_session.Apply(&session->ft, Operations::WrapAll);
  return result;
}

}  // namespace

void BreakApplication(MI_ApplicationFT* table) { table->NewSession = NewSessionWithoutError; }

}  // namespace cimulate::broken
