#include "wmidcom/errors.h"

#include <cstdio>

namespace cimulate::wmidcom {
namespace {

struct HresultRow {
  std::uint32_t hresult;
  const char* name;
  MI_Result result;
};

// WBEMSTATUS (MS-WMI 2.2.11) and the generic COM codes a WMI server returns.
// Codes that describe the server's own trouble (provider failures, critical
// errors) have no MI counterpart and become MI_RESULT_FAILED.
constexpr HresultRow kHresults[] = {
    {0x80041001, "WBEM_E_FAILED", MI_RESULT_FAILED},
    {0x80041002, "WBEM_E_NOT_FOUND", MI_RESULT_NOT_FOUND},
    {0x80041003, "WBEM_E_ACCESS_DENIED", MI_RESULT_ACCESS_DENIED},
    {0x80041004, "WBEM_E_PROVIDER_FAILURE", MI_RESULT_FAILED},
    {0x80041005, "WBEM_E_TYPE_MISMATCH", MI_RESULT_TYPE_MISMATCH},
    {0x80041006, "WBEM_E_OUT_OF_MEMORY", MI_RESULT_SERVER_LIMITS_EXCEEDED},
    {0x80041007, "WBEM_E_INVALID_CONTEXT", MI_RESULT_INVALID_PARAMETER},
    {0x80041008, "WBEM_E_INVALID_PARAMETER", MI_RESULT_INVALID_PARAMETER},
    {0x80041009, "WBEM_E_NOT_AVAILABLE", MI_RESULT_FAILED},
    {0x8004100A, "WBEM_E_CRITICAL_ERROR", MI_RESULT_FAILED},
    {0x8004100C, "WBEM_E_NOT_SUPPORTED", MI_RESULT_NOT_SUPPORTED},
    {0x8004100D, "WBEM_E_INVALID_SUPERCLASS", MI_RESULT_INVALID_SUPERCLASS},
    {0x8004100E, "WBEM_E_INVALID_NAMESPACE", MI_RESULT_INVALID_NAMESPACE},
    {0x8004100F, "WBEM_E_INVALID_OBJECT", MI_RESULT_INVALID_PARAMETER},
    {0x80041010, "WBEM_E_INVALID_CLASS", MI_RESULT_INVALID_CLASS},
    {0x80041011, "WBEM_E_PROVIDER_NOT_FOUND", MI_RESULT_FAILED},
    {0x80041013, "WBEM_E_PROVIDER_LOAD_FAILURE", MI_RESULT_FAILED},
    {0x80041015, "WBEM_E_TRANSPORT_FAILURE", MI_RESULT_FAILED},
    {0x80041016, "WBEM_E_INVALID_OPERATION", MI_RESULT_NOT_SUPPORTED},
    {0x80041017, "WBEM_E_INVALID_QUERY", MI_RESULT_INVALID_QUERY},
    {0x80041018, "WBEM_E_INVALID_QUERY_TYPE", MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED},
    {0x80041019, "WBEM_E_ALREADY_EXISTS", MI_RESULT_ALREADY_EXISTS},
    {0x8004101D, "WBEM_E_UNEXPECTED", MI_RESULT_FAILED},
    {0x80041024, "WBEM_E_PROVIDER_NOT_CAPABLE", MI_RESULT_NOT_SUPPORTED},
    {0x80041025, "WBEM_E_CLASS_HAS_CHILDREN", MI_RESULT_CLASS_HAS_CHILDREN},
    {0x80041026, "WBEM_E_CLASS_HAS_INSTANCES", MI_RESULT_CLASS_HAS_INSTANCES},
    {0x80041027, "WBEM_E_QUERY_NOT_IMPLEMENTED", MI_RESULT_NOT_SUPPORTED},
    {0x80041028, "WBEM_E_ILLEGAL_NULL", MI_RESULT_INVALID_PARAMETER},
    {0x8004102E, "WBEM_E_INVALID_METHOD", MI_RESULT_METHOD_NOT_FOUND},
    {0x8004102F, "WBEM_E_INVALID_METHOD_PARAMETERS", MI_RESULT_INVALID_PARAMETER},
    {0x80041032, "WBEM_E_CALL_CANCELLED", MI_RESULT_FAILED},
    {0x80041033, "WBEM_E_SHUTTING_DOWN", MI_RESULT_SERVER_IS_SHUTTING_DOWN},
    {0x80041045, "WBEM_E_SERVER_TOO_BUSY", MI_RESULT_SERVER_LIMITS_EXCEEDED},
    {0x80041055, "WBEM_E_METHOD_NOT_IMPLEMENTED", MI_RESULT_METHOD_NOT_AVAILABLE},
    {0x80041056, "WBEM_E_METHOD_DISABLED", MI_RESULT_METHOD_NOT_AVAILABLE},
    {0x80043001, "WBEM_E_TIMED_OUT", MI_RESULT_FAILED},
    {0x80004001, "E_NOTIMPL", MI_RESULT_NOT_SUPPORTED},
    {0x80004005, "E_FAIL", MI_RESULT_FAILED},
    {0x80070005, "E_ACCESSDENIED", MI_RESULT_ACCESS_DENIED},
    {0x8007000E, "E_OUTOFMEMORY", MI_RESULT_SERVER_LIMITS_EXCEEDED},
    {0x80070057, "E_INVALIDARG", MI_RESULT_INVALID_PARAMETER},
    {0x80040154, "REGDB_E_CLASSNOTREG", MI_RESULT_FAILED},
};

std::string Hex(std::uint32_t code) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08X", code);
  return text;
}

core::ErrorInfo Info(MI_Result result, MI_ErrorCategory category, std::string message,
                     const std::string& destination) {
  core::ErrorInfo info;
  info.result = result;
  info.category = category;
  info.message = std::move(message);
  info.error_source = destination;
  return info;
}

void SetNative(core::ErrorInfo* info, std::uint32_t code, const std::string& name) {
  info->native_code = code;
  info->native_type = MI_RESULT_TYPE_HRESULT;
  info->windows_message = name.empty() ? "HRESULT " + Hex(code) : name + " (" + Hex(code) + ")";
}

void MarkTimeout(core::ErrorInfo* info) {
  info->probable_cause = kProbableCauseTimeout;
  info->probable_cause_description = "Timeout";
}

std::string WithDetail(std::string message, const std::string& detail) {
  if (!detail.empty()) message += " (" + detail + ")";
  return message + ".";
}

Outcome FromHresult(const CallStatus& status, const std::string& destination) {
  HresultMapping mapped = MapHresult(status.code);
  std::string name = mapped.name ? mapped.name : "";
  std::string what = name.empty() ? "HRESULT " + Hex(status.code) : name;
  core::ErrorInfo info = Info(mapped.result, core::CategoryForResult(mapped.result),
                              WithDetail("The WMI server at " + destination + " returned " + what, status.detail),
                              destination);
  SetNative(&info, status.code, name);
  if (status.code == 0x80043001) MarkTimeout(&info);
  return Outcome::Failure(info);
}

Outcome FromConnectFailure(const CallStatus& status, const std::string& destination, const char* cause) {
  core::ErrorInfo info = Info(MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR,
                              WithDetail("Cannot reach the WMI server at " + destination + ": " + cause, status.detail),
                              destination);
  SetNative(&info, kCannotConnect, "");
  return Outcome::Failure(info);
}

}  // namespace

HresultMapping MapHresult(std::uint32_t hresult) {
  for (const HresultRow& row : kHresults) {
    if (row.hresult == hresult) return {row.result, row.name};
  }
  return {MI_RESULT_FAILED, nullptr};
}

Outcome FromCallStatus(const CallStatus& status, const std::string& destination) {
  switch (status.failure) {
    case CallFailure::kNone: return Outcome::Ok();
    case CallFailure::kCancelled: return Outcome::Cancelled();
    case CallFailure::kHresult: return FromHresult(status, destination);
    case CallFailure::kResolveFailed: return FromConnectFailure(status, destination, "the name does not resolve");
    case CallFailure::kConnectFailed: return FromConnectFailure(status, destination, "the connection failed");
    case CallFailure::kAccessDenied: {
      core::ErrorInfo info = Info(MI_RESULT_ACCESS_DENIED, MI_ERRORCATEGORY_AUTHENTICATION_ERROR,
                                  WithDetail("Access is denied: " + destination + " refused the logon", status.detail),
                                  destination);
      SetNative(&info, 0x80070005, "E_ACCESSDENIED");
      return Outcome::Failure(info);
    }
    case CallFailure::kRpcFault: {
      bool denied = status.code == kRpcAccessDenied;
      MI_Result result = denied ? MI_RESULT_ACCESS_DENIED : MI_RESULT_FAILED;
      core::ErrorInfo info = Info(result, denied ? MI_ERRORCATEGORY_ACCESS_DENIED : MI_ERRORCATEGORY_PROTOCOL_ERROR,
                                  WithDetail("The RPC server at " + destination + " answered with fault " +
                                                 Hex(status.code),
                                             status.detail),
                                  destination);
      SetNative(&info, status.code, denied ? "rpc_s_access_denied" : "");
      return Outcome::Failure(info);
    }
    case CallFailure::kTimedOut: {
      core::ErrorInfo info = Info(MI_RESULT_FAILED, MI_ERRORCATEGORY_OPERATION_TIMEOUT,
                                  WithDetail("No answer from the WMI server at " + destination +
                                                 " arrived within the time-out",
                                             status.detail),
                                  destination);
      SetNative(&info, kOperationTimedOut, "");
      MarkTimeout(&info);
      return Outcome::Failure(info);
    }
    case CallFailure::kConnectionClosed:
      return Outcome::Failure(Info(MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR,
                                   WithDetail("The WMI server at " + destination + " closed the connection",
                                              status.detail),
                                   destination));
    case CallFailure::kProtocol:
      return Outcome::Failure(Info(MI_RESULT_FAILED, MI_ERRORCATEGORY_PROTOCOL_ERROR,
                                   WithDetail("The answer from " + destination + " is unusable", status.detail),
                                   destination));
  }
  return Outcome::Failure(Info(MI_RESULT_FAILED, MI_ERRORCATEGORY_NOT_SPECIFIED, "The operation failed.", destination));
}

}  // namespace cimulate::wmidcom
