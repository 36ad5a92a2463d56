// The shared library's dynamic interface is exactly MI_Application_InitializeV1 and
// mi_clientFT_V1, and a program that only dlopens it can run a session through it.
#include <dlfcn.h>

#include <cstdio>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "MI.h"

namespace {

std::set<std::string> DefinedDynamicSymbols(const std::string& library) {
  std::set<std::string> symbols;
  std::string command = "nm -D --defined-only '" + library + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return symbols;
  char line[512];
  while (std::fgets(line, sizeof(line), pipe)) {
    char address[64], kind[8], name[400];
    if (std::sscanf(line, "%63s %7s %399s", address, kind, name) == 3) symbols.insert(name);
  }
  pclose(pipe);
  return symbols;
}

TEST(SharedLibrary, ExportsTheInitializerAndTheClientTableOnly) {
  auto symbols = DefinedDynamicSymbols(CIMULATE_MI_LIBRARY);
  EXPECT_EQ(symbols, (std::set<std::string>{"MI_Application_InitializeV1", "mi_clientFT_V1"}));
}

TEST(SharedLibrary, RunsASessionThroughDlopenAlone) {
  // RTLD_NODELETE: the library's process-lifetime registries stay mapped, so leak
  // checkers can still see them after dlclose.
  void* library = dlopen(CIMULATE_MI_LIBRARY, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  ASSERT_NE(library, nullptr) << dlerror();
  using Initialize = MI_Result (*)(MI_Uint32, const MI_Char*, MI_Instance**, MI_Application*);
  auto initialize = reinterpret_cast<Initialize>(dlsym(library, "MI_Application_InitializeV1"));
  auto client = static_cast<const MI_ClientFT_V1* const*>(dlsym(library, "mi_clientFT_V1"));
  ASSERT_NE(initialize, nullptr);
  ASSERT_NE(client, nullptr);
  MI_Application app = MI_APPLICATION_NULL;
  ASSERT_EQ(initialize(0, "exports_test", nullptr, &app), MI_RESULT_OK);
  EXPECT_EQ(app.ft, (*client)->applicationFT);
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app, nullptr, nullptr, nullptr, nullptr, nullptr, &session), MI_RESULT_OK);
  EXPECT_EQ(session.ft, (*client)->sessionFT);
  // The client table's utilities work without an application.
  MI_Instance* error = nullptr;
  ASSERT_EQ((*client)->utilitiesFT->CimErrorFromErrorCode(0x80338012, MI_RESULT_TYPE_HRESULT, "cannot connect", &error),
            MI_RESULT_OK);
  ASSERT_NE(error, nullptr);
  MI_Value value;
  ASSERT_EQ(MI_Instance_GetElement(error, "MessageID", &value, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(value.string, "HRESULT 0x80338012");
  MI_Instance_Delete(error);
  EXPECT_EQ((*client)->utilitiesFT->MapErrorToMiErrorCategory(MI_RESULT_TYPE_MI, MI_RESULT_ACCESS_DENIED),
            MI_ERRORCATEGORY_ACCESS_DENIED);
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
  dlclose(library);
}

}  // namespace
