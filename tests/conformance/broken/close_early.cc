// Breaks the shutdown rule: MI_Application_Close returns at once even with
// a session open, and finishes the real close on a thread of its own.  The
// MI contract says it does not return while a session is open.
#include <mutex>
#include <set>
#include <thread>

#include "real_library.h"

namespace cimulate::broken {
namespace {

// Applications (by handle id) whose close was already handed to a thread.
std::mutex g_mu;
std::set<MI_Uint64> g_closing;

MI_Result MI_CALL CloseWithoutWaiting(MI_Application* application) {
  {
    std::lock_guard<std::mutex> lock(g_mu);
    // A second close goes to the real library, which refuses it.
    if (application == nullptr || !g_closing.insert(application->reserved1).second) {
      return ApplicationTable().real().Close(application);
    }
  }
  MI_Application copy = *application;
  std::thread([copy]() mutable { ApplicationTable().real().Close(&copy); }).detach();
  return MI_RESULT_OK;
}

}  // namespace

void BreakApplication(MI_ApplicationFT* table) { table->Close = CloseWithoutWaiting; }

}  // namespace cimulate::broken
