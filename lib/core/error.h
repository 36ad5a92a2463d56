// The one place where the library builds extended errors.
//
// Every failure the library reports carries an MI_Instance of class MSFT_WmiError:
// the CIM_Error properties (CIMStatusCode = the MI_Result, Message, MessageID,
// OwningEntity, PerceivedSeverity, ProbableCause, ProbableCauseDescription, ...)
// plus the Windows extensions error_Code, error_Type, error_Category and
// error_WindowsErrorMessage.  docs/errors.md describes the fields.
#ifndef CIMULATE_CORE_ERROR_H_
#define CIMULATE_CORE_ERROR_H_

#include <optional>
#include <string>

#include "MI.h"
#include "core/instance.h"

namespace cimulate::core {

struct ErrorInfo {
  MI_Result result = MI_RESULT_FAILED;
  std::string message;  // empty: the default text for `result`
  // The native error the result stems from (error_Code / error_Type): by default the
  // MI_Result itself with type "MI"; an HRESULT, WIN32 or WINRM code otherwise.
  std::optional<MI_Uint32> native_code;
  std::string native_type = MI_RESULT_TYPE_MI;
  std::optional<MI_ErrorCategory> category;  // default: mapped from native code
  std::string windows_message;               // error_WindowsErrorMessage
  MI_Uint16 probable_cause = 0;              // CIM_Error.ProbableCause; 0 = unknown
  std::string probable_cause_description;    // default "Unknown"
  std::string error_source;                  // e.g. the destination that failed
};

// Builds the MSFT_WmiError instance for `info`; nullptr only if memory runs out.
InstancePtr BuildError(const ErrorInfo& info);

// Shorthand for the common case.
InstancePtr BuildError(MI_Result result, const std::string& message);

// Gives `error` to the caller through an optional out-pointer (deleting it when the
// caller passed NULL) and returns `result`, so failure paths read as one statement.
MI_Result ReportError(MI_Result result, InstancePtr error, MI_Instance** out);
MI_Result ReportError(const ErrorInfo& info, MI_Instance** out);

// MI_ErrorCategory for an MI_Result, and for a typed native code (MI, HRESULT,
// WIN32, WINRM, ERRNO) as MI_Utilities_MapErrorToMiErrorCategory defines it.
MI_ErrorCategory CategoryForResult(MI_Result result);
MI_ErrorCategory CategoryForError(const MI_Char* error_type, MI_Uint32 error);

// "MI_RESULT_NOT_FOUND" etc., and the default English message for a result.
const char* ResultName(MI_Result result);
const char* DefaultMessage(MI_Result result);

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_ERROR_H_
