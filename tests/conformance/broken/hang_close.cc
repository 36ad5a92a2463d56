// Breaks MI_Session_Close: once the session has completed an operation
// successfully (so it holds a live connection), closing it never returns,
// like a close that waits for a connection to drain that never does.  A
// session whose operations all failed, or that never ran one, still closes,
// so probes that open a session and try it against nothing keep working.
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>

#include "real_library.h"
#include "session_operations.h"

namespace cimulate::broken {
namespace {

TablePatch<MI_SessionFT> g_session;
TablePatch<MI_OperationFT> g_operation;

std::mutex g_mu;
std::map<MI_Uint64, MI_Uint64> g_session_of;  // operation handle id -> session handle id
std::set<MI_Uint64> g_connected;              // sessions that completed an operation successfully

const MI_SessionFT& RealSession() { return g_session.real(); }

void NoteSuccess(const MI_Operation* operation, MI_Boolean moreResults, const MI_Result* result) {
  if (moreResults || result == nullptr || *result != MI_RESULT_OK) return;
  std::lock_guard<std::mutex> lock(g_mu);
  auto it = g_session_of.find(operation->reserved1);
  if (it != g_session_of.end()) g_connected.insert(it->second);
}

MI_Result MI_CALL GetInstanceNotingSuccess(MI_Operation* operation, const MI_Instance** instance,
                                           MI_Boolean* moreResults, MI_Result* result, const MI_Char** errorMessage,
                                           const MI_Instance** completionDetails) {
  MI_Result call =
      g_operation.real().GetInstance(operation, instance, moreResults, result, errorMessage, completionDetails);
  if (call == MI_RESULT_OK && moreResults != nullptr) NoteSuccess(operation, *moreResults, result);
  return call;
}

void WatchOperation(MI_OperationFT* table) { table->GetInstance = GetInstanceNotingSuccess; }

// Synchronous operations are read with MI_Operation_GetInstance, which is
// where their success shows.
void TrackOperation(MI_Session* session, MI_Operation* operation) {
  if (operation == nullptr || operation->ft == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    g_session_of[operation->reserved1] = session->reserved1;
  }
  g_operation.Apply(&operation->ft, WatchOperation);
}

using Operations = SessionOperations<RealSession, TrackOperation>;

[[noreturn]] void BlockForever() {
  std::mutex mu;
  std::condition_variable never;
  std::unique_lock<std::mutex> lock(mu);
  for (;;) never.wait(lock);
}

MI_Result MI_CALL CloseThatHangs(MI_Session* session, void* completionContext,
                                 void(MI_CALL* completionCallback)(void* completionContext)) {
  bool connected;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    connected = session != nullptr && g_connected.count(session->reserved1) > 0;
  }
  if (connected) BlockForever();
  return g_session.real().Close(session, completionContext, completionCallback);
}

void BreakSession(MI_SessionFT* table) {
  Operations::WrapAll(table);
  table->Close = CloseThatHangs;
}

MI_Result MI_CALL NewSessionThatHangsOnClose(MI_Application* application, const MI_Char* protocol,
                                             const MI_Char* destination, MI_DestinationOptions* options,
                                             MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                             MI_Session* session) {
  MI_Result result =
      ApplicationTable().real().NewSession(application, protocol, destination, options, callbacks, extendedError,
                                           session);
  if (session != nullptr && session->ft != nullptr) g_session.Apply(&session->ft, BreakSession);
  return result;
}

}  // namespace

void BreakApplication(MI_ApplicationFT* table) { table->NewSession = NewSessionThatHangsOnClose; }

}  // namespace cimulate::broken
