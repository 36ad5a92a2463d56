#include "real_library.h"

#include <dlfcn.h>

#include <cstdio>

namespace cimulate::broken {

InitializeFn RealInitialize() {
  static InitializeFn entry = [] () -> InitializeFn {
    void* handle = ::dlopen(CIMULATE_MI_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      std::fprintf(stderr, "broken MI: cannot load %s: %s\n", CIMULATE_MI_LIBRARY, ::dlerror());
      return nullptr;
    }
    void* symbol = ::dlsym(handle, "MI_Application_InitializeV1");
    if (symbol == nullptr) std::fprintf(stderr, "broken MI: %s has no MI_Application_InitializeV1\n", CIMULATE_MI_LIBRARY);
    return reinterpret_cast<InitializeFn>(symbol);
  }();
  return entry;
}

MI_Result InitializeReal(MI_Uint32 flags, const MI_Char* applicationID, MI_Instance** extendedError,
                         MI_Application* application) {
  InitializeFn real = RealInitialize();
  if (real == nullptr) return MI_RESULT_FAILED;
  return real(flags, applicationID, extendedError, application);
}

TablePatch<MI_ApplicationFT>& ApplicationTable() {
  static TablePatch<MI_ApplicationFT> table;
  return table;
}

}  // namespace cimulate::broken

MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32 flags, const MI_Char* applicationID,
                                                   MI_Instance** extendedError, MI_Application* application) {
  using namespace cimulate::broken;
  MI_Result result = InitializeReal(flags, applicationID, extendedError, application);
  if (result == MI_RESULT_OK) ApplicationTable().Apply(&application->ft, BreakApplication);
  return result;
}
