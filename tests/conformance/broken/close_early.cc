// Breaks the shutdown rule: MI_Application_Close returns at once even with
// a session open, and finishes the real close on a thread of its own.  The
// MI contract says it does not return while a session is open.
#include <mutex>
#include <set>
#include <thread>

#include "real_library.h"

namespace cimulate::broken {
namespace {

TablePatch<MI_ApplicationFT> g_application;

// Applications (by handle id) whose close was already handed to a thread.
std::mutex g_mu;
std::set<MI_Uint64> g_closing;

MI_Result MI_CALL CloseWithoutWaiting(MI_Application* application) {
  {
    std::lock_guard<std::mutex> lock(g_mu);
    // A second close goes to the real library, which refuses it.
    if (application == nullptr || !g_closing.insert(application->reserved1).second) {
      return g_application.real().Close(application);
    }
  }
  MI_Application copy = *application;
  std::thread([copy]() mutable { g_application.real().Close(&copy); }).detach();
  return MI_RESULT_OK;
}

void BreakClose(MI_ApplicationFT* table) { table->Close = CloseWithoutWaiting; }

}  // namespace
}  // namespace cimulate::broken

MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32 flags, const MI_Char* applicationID,
                                                   MI_Instance** extendedError, MI_Application* application) {
  using namespace cimulate::broken;
  MI_Result result = InitializeReal(flags, applicationID, extendedError, application);
  if (result == MI_RESULT_OK) g_application.Apply(&application->ft, BreakClose);
  return result;
}
