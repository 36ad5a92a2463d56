#include "cimulate/result.h"

namespace cimulate {

std::string ResultName(MI_Result code) {
  switch (code) {
#define CIMULATE_RESULT_CASE_(name) \
  case name:                        \
    return #name;
    CIMULATE_RESULT_CASE_(MI_RESULT_OK)
    CIMULATE_RESULT_CASE_(MI_RESULT_FAILED)
    CIMULATE_RESULT_CASE_(MI_RESULT_ACCESS_DENIED)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_NAMESPACE)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_PARAMETER)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_CLASS)
    CIMULATE_RESULT_CASE_(MI_RESULT_NOT_FOUND)
    CIMULATE_RESULT_CASE_(MI_RESULT_NOT_SUPPORTED)
    CIMULATE_RESULT_CASE_(MI_RESULT_CLASS_HAS_CHILDREN)
    CIMULATE_RESULT_CASE_(MI_RESULT_CLASS_HAS_INSTANCES)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_SUPERCLASS)
    CIMULATE_RESULT_CASE_(MI_RESULT_ALREADY_EXISTS)
    CIMULATE_RESULT_CASE_(MI_RESULT_NO_SUCH_PROPERTY)
    CIMULATE_RESULT_CASE_(MI_RESULT_TYPE_MISMATCH)
    CIMULATE_RESULT_CASE_(MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_QUERY)
    CIMULATE_RESULT_CASE_(MI_RESULT_METHOD_NOT_AVAILABLE)
    CIMULATE_RESULT_CASE_(MI_RESULT_METHOD_NOT_FOUND)
    CIMULATE_RESULT_CASE_(MI_RESULT_NAMESPACE_NOT_EMPTY)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_ENUMERATION_CONTEXT)
    CIMULATE_RESULT_CASE_(MI_RESULT_INVALID_OPERATION_TIMEOUT)
    CIMULATE_RESULT_CASE_(MI_RESULT_PULL_HAS_BEEN_ABANDONED)
    CIMULATE_RESULT_CASE_(MI_RESULT_PULL_CANNOT_BE_ABANDONED)
    CIMULATE_RESULT_CASE_(MI_RESULT_FILTERED_ENUMERATION_NOT_SUPPORTED)
    CIMULATE_RESULT_CASE_(MI_RESULT_CONTINUATION_ON_ERROR_NOT_SUPPORTED)
    CIMULATE_RESULT_CASE_(MI_RESULT_SERVER_LIMITS_EXCEEDED)
    CIMULATE_RESULT_CASE_(MI_RESULT_SERVER_IS_SHUTTING_DOWN)
#undef CIMULATE_RESULT_CASE_
  }
  return "MI_RESULT_" + std::to_string(static_cast<int>(code));
}

std::string Result::ToString() const {
  std::string text = ResultName(code) + " (" + std::to_string(static_cast<int>(code)) + ")";
  if (!message.empty()) text += ": " + message;
  return text;
}

Result Result::From(MI_Result code, const MI_Char* message, const MI_Instance* error) {
  return FromOwned(code, Instance::CloneOf(error).Release(), message);
}

Result Result::FromOwned(MI_Result code, MI_Instance* error, const MI_Char* message) {
  Result result;
  result.code = code;
  result.error = Instance::Adopt(error);
  if (message != nullptr && message[0] != '\0') {
    result.message = message;
  } else if (std::optional<std::string> text = result.error.GetString("Message")) {
    result.message = std::move(*text);
  }
  return result;
}

}  // namespace cimulate
