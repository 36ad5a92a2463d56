// The broken implementations are cimulate's own MI library with one rule
// broken each.  They load the real library privately and hand its handles
// out with a function table in which one slot is replaced.
#ifndef CIMULATE_TESTS_CONFORMANCE_BROKEN_REAL_LIBRARY_H_
#define CIMULATE_TESTS_CONFORMANCE_BROKEN_REAL_LIBRARY_H_

#include <mutex>

#include "MI.h"

namespace cimulate::broken {

using InitializeFn = MI_Result(MI_MAIN_CALL*)(MI_Uint32 flags, const MI_Char* applicationID,
                                              MI_Instance** extendedError, MI_Application* application);

// The real MI_Application_InitializeV1 of libcimulate-mi.so (its path is
// fixed at build time).  Loaded with RTLD_LOCAL, so the wrapper's own
// export of the same name does not shadow it.  Null, with a line on
// stderr, when the library cannot be loaded.
InitializeFn RealInitialize();

// Calls the real MI_Application_InitializeV1; a failure to load it is
// MI_RESULT_FAILED.
MI_Result InitializeReal(MI_Uint32 flags, const MI_Char* applicationID, MI_Instance** extendedError,
                         MI_Application* application);

// A copy of one of the real library's function tables with some slots
// replaced.  cimulate hands every handle of a kind the same table, so the
// first one seen is the real one for all.
template <typename Table>
class TablePatch {
 public:
  // Points `*ft` at the patched copy.  The first call copies the real
  // table and lets `edit` replace slots in the copy.
  void Apply(const Table** ft, void (*edit)(Table*)) {
    std::call_once(once_, [&] {
      real_ = *ft;
      patched_ = **ft;
      edit(&patched_);
    });
    *ft = &patched_;
  }

  // The real table: what the replaced slots call through to.
  const Table& real() const { return *real_; }

 private:
  std::once_flag once_;
  const Table* real_ = nullptr;
  Table patched_{};
};

// The application table every module patches: the replaced slots call the
// real ones through ApplicationTable().real().
TablePatch<MI_ApplicationFT>& ApplicationTable();

// Defined by each module: the one rule it breaks, as slots replaced in the
// application's table.  The module's exported MI_Application_InitializeV1
// (in real_library.cc) initializes the real library and applies it.
void BreakApplication(MI_ApplicationFT* table);

}  // namespace cimulate::broken

#endif  // CIMULATE_TESTS_CONFORMANCE_BROKEN_REAL_LIBRARY_H_
