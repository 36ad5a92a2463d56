#include "runner/mi_library.h"

#include <dlfcn.h>

namespace cimulate::conform {
namespace {

void* Open(const std::string& path, std::string* error) {
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    *error = "cannot load " + path + ": " + (why ? why : "unknown error");
  }
  return handle;
}

void* EntryPoint(void* handle, const std::string& path, std::string* error) {
  void* symbol = ::dlsym(handle, "MI_Application_InitializeV1");
  if (!symbol) *error = path + " does not export MI_Application_InitializeV1";
  return symbol;
}

}  // namespace

InitializeFn LoadMiLibrary(const std::string& path, std::string* error) {
  void* handle = Open(path, error);
  if (!handle) return nullptr;
  void* symbol = EntryPoint(handle, path, error);
  return reinterpret_cast<InitializeFn>(symbol);
}

bool ProbeMiLibrary(const std::string& path, std::string* error) {
  void* handle = Open(path, error);
  if (!handle) return false;
  bool found = EntryPoint(handle, path, error) != nullptr;
  ::dlclose(handle);
  return found;
}

}  // namespace cimulate::conform
