// The outcome of a call: the MI_Result, a message, and the extended error
// instance (CIM_Error / MSFT_WmiError) when the implementation supplied one.
//
// The facade reports failures as values, never by throwing: every call that can
// fail returns a Result (or an MI_Result for simple setters), and its other
// outputs are left empty on failure.
//
//   cimulate::Result r = session.TestConnection();
//   if (!r.ok()) fprintf(stderr, "%s\n", r.ToString().c_str());
#ifndef CIMULATE_RESULT_H_
#define CIMULATE_RESULT_H_

#include <string>

#include "MI.h"
#include "cimulate/instance.h"

namespace cimulate {

struct Result {
  MI_Result code = MI_RESULT_OK;
  std::string message;
  Instance error;  // may be empty

  bool ok() const { return code == MI_RESULT_OK; }

  // "MI_RESULT_NOT_FOUND (6): <message>", or "MI_RESULT_OK (0)".
  std::string ToString() const;

  static Result Ok() { return Result(); }
  // Copies what an MI call lends: `message` and `error` may be null.  Without a
  // message, the error instance's Message property is used.
  static Result From(MI_Result code, const MI_Char* message, const MI_Instance* error);
  // Takes ownership of an extended error the caller was handed (the
  // `extendedError` out-parameter of Initialize and NewSession).
  static Result FromOwned(MI_Result code, MI_Instance* error, const MI_Char* message = nullptr);
};

// "MI_RESULT_NOT_FOUND" etc.; "MI_RESULT_<n>" for values outside the enum.
std::string ResultName(MI_Result code);

}  // namespace cimulate

#endif  // CIMULATE_RESULT_H_
