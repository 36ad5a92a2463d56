// Breaks MI_Session_Close: once a session has run an operation, closing it
// never returns (a close that waits for a connection drain that never
// ends).  A session that never ran one still closes, so the harness's own
// probes of the implementation keep working.
#include <condition_variable>
#include <mutex>
#include <set>

#include "real_library.h"
#include "session_operations.h"

namespace cimulate::broken {
namespace {

TablePatch<MI_ApplicationFT> g_application;
TablePatch<MI_SessionFT> g_session;

std::mutex g_mu;
std::set<MI_Uint64> g_used;  // sessions (by handle id) that started an operation

const MI_SessionFT& RealSession() { return g_session.real(); }

void MarkUsed(MI_Session* session, MI_Operation*) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_used.insert(session->reserved1);
}

using Operations = SessionOperations<RealSession, MarkUsed>;

[[noreturn]] void BlockForever() {
  std::mutex mu;
  std::condition_variable never;
  std::unique_lock<std::mutex> lock(mu);
  for (;;) never.wait(lock);
}

MI_Result MI_CALL CloseThatHangs(MI_Session* session, void* completionContext,
                                 void(MI_CALL* completionCallback)(void* completionContext)) {
  bool used;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    used = session != nullptr && g_used.count(session->reserved1) > 0;
  }
  if (used) BlockForever();
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
      g_application.real().NewSession(application, protocol, destination, options, callbacks, extendedError, session);
  if (session != nullptr && session->ft != nullptr) g_session.Apply(&session->ft, BreakSession);
  return result;
}

void BreakNewSession(MI_ApplicationFT* table) { table->NewSession = NewSessionThatHangsOnClose; }

}  // namespace
}  // namespace cimulate::broken

MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32 flags, const MI_Char* applicationID,
                                                   MI_Instance** extendedError, MI_Application* application) {
  using namespace cimulate::broken;
  MI_Result result = InitializeReal(flags, applicationID, extendedError, application);
  if (result == MI_RESULT_OK) g_application.Apply(&application->ft, BreakNewSession);
  return result;
}
