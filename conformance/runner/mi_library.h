// Loading an MI implementation: any shared library that exports
// MI_Application_InitializeV1.  Nothing else of it is looked up; every other
// call goes through the function tables that entry point hands out.
#ifndef CIMULATE_CONFORMANCE_RUNNER_MI_LIBRARY_H_
#define CIMULATE_CONFORMANCE_RUNNER_MI_LIBRARY_H_

#include <string>

#include "runner/case_context.h"

namespace cimulate::conform {

// dlopens `path` and finds the entry point.  Null with `error` ("cannot load
// X: ..." or "X does not export MI_Application_InitializeV1") on failure.
// The library stays loaded for the life of the process.
InitializeFn LoadMiLibrary(const std::string& path, std::string* error);

// True if `path` loads and exports the entry point; unloads it again.  For
// the parent, which checks --impl before starting any case.
bool ProbeMiLibrary(const std::string& path, std::string* error);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_MI_LIBRARY_H_
