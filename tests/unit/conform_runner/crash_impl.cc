// A broken MI implementation for the runner's tests: the entry point dies of
// SIGSEGV, as a library with a wild pointer would.
#include <signal.h>

#include "MI.h"

extern "C" MI_EXPORT MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32, const MI_Char*, MI_Instance**,
                                                                        MI_Application*) {
  // The default action, whatever handler a sanitizer runtime installed.
  ::signal(SIGSEGV, SIG_DFL);
  ::raise(SIGSEGV);
  return MI_RESULT_FAILED;
}
