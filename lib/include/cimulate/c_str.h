// A borrowed, NUL-terminated string argument.
//
// The MI API takes `const MI_Char*` everywhere, and NULL often means "not given"
// (the local machine, the default protocol).  CStr accepts string literals,
// `const char*` (nullptr included) and std::string without copying, so call sites
// need neither .c_str() nor temporaries.  It only borrows: never store one.
#ifndef CIMULATE_CSTR_H_
#define CIMULATE_CSTR_H_

#include <cstddef>
#include <string>

namespace cimulate {

class CStr {
 public:
  CStr(const char* s) : s_(s) {}                 // NOLINT: implicit by design
  CStr(std::nullptr_t) : s_(nullptr) {}          // NOLINT
  CStr(const std::string& s) : s_(s.c_str()) {}  // NOLINT

  const char* c_str() const { return s_; }
  bool null() const { return s_ == nullptr; }

 private:
  const char* s_;
};

}  // namespace cimulate

#endif  // CIMULATE_CSTR_H_
