// Helpers shared by the WS-Man codec tests: captured vectors and instance access.
#ifndef CIMULATE_TESTS_UNIT_WSMAN_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_WSMAN_TEST_UTIL_H_

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "MI.h"

namespace cimulate::wsman::testing {

inline std::string VectorDir() { return std::string(CIMULATE_SOURCE_DIR) + "/../shared/vectors/wsman/"; }

// The file's bytes, or nullopt when the shared vectors are not present.
inline std::optional<std::string> ReadVector(const std::string& relative) {
  std::ifstream in(VectorDir() + relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The body of a raw HTTP message (after the blank line).
inline std::string HttpBody(const std::string& http) {
  size_t at = http.find("\r\n\r\n");
  return at == std::string::npos ? http : http.substr(at + 4);
}

inline std::string StringProp(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) return "<missing>";
  if (flags & MI_FLAG_NULL) return "<null>";
  if (type != MI_STRING) return "<not a string>";
  return v.string;
}

inline std::string ClassOf(const MI_Instance* instance) {
  const MI_Char* name = nullptr;
  if (MI_Instance_GetClassName(instance, &name) != MI_RESULT_OK || name == nullptr) return "<none>";
  return name;
}

inline MI_Uint32 Count(const MI_Instance* instance) {
  MI_Uint32 n = 0;
  MI_Instance_GetElementCount(instance, &n);
  return n;
}

}  // namespace cimulate::wsman::testing

#define CIMULATE_LOAD_VECTOR(var, path)                                              \
  std::string var;                                                                  \
  do {                                                                              \
    auto loaded_ = ::cimulate::wsman::testing::ReadVector(path);                    \
    if (!loaded_) GTEST_SKIP() << "vector " << path << " not found under shared/"; \
    var = std::move(*loaded_);                                                      \
  } while (0)

#endif  // CIMULATE_TESTS_UNIT_WSMAN_TEST_UTIL_H_
