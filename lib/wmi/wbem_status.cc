#include "wmi/wbem_status.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace cimulate::wmi {
namespace {

// Sorted by code so FindWbemStatus can binary-search; a test checks the order.
constexpr std::array kStatuses = {
    WbemStatusInfo{kWbemSNoError, "WBEM_S_NO_ERROR", "the call succeeded"},
    WbemStatusInfo{kWbemSFalse, "WBEM_S_FALSE",
                   "the call succeeded with fewer results than requested"},
    WbemStatusInfo{kWbemSTimedOut, "WBEM_S_TIMEDOUT",
                   "the time-out expired before the requested results were ready"},
    WbemStatusInfo{kWbemSPartialResults, "WBEM_S_PARTIAL_RESULTS",
                   "the result set is incomplete"},
    WbemStatusInfo{kWbemSNewStyle, "WBEM_S_NEW_STYLE",
                   "the server supports the newer calling conventions"},
    WbemStatusInfo{kENotImpl, "E_NOTIMPL", "the method is not implemented"},
    WbemStatusInfo{kENoInterface, "E_NOINTERFACE", "the interface is not supported"},
    WbemStatusInfo{kEPointer, "E_POINTER", "a required pointer was NULL"},
    WbemStatusInfo{kEAbort, "E_ABORT", "the operation was aborted"},
    WbemStatusInfo{kEFail, "E_FAIL", "unspecified failure"},
    WbemStatusInfo{kEUnexpected, "E_UNEXPECTED", "catastrophic failure"},
    WbemStatusInfo{kRpcEDisconnected, "RPC_E_DISCONNECTED",
                   "the object invoked has disconnected from its clients"},
    WbemStatusInfo{kRegdbEClassNotReg, "REGDB_E_CLASSNOTREG", "the class is not registered"},
    WbemStatusInfo{kWbemEFailed, "WBEM_E_FAILED", "the call failed"},
    WbemStatusInfo{kWbemENotFound, "WBEM_E_NOT_FOUND", "the object was not found"},
    WbemStatusInfo{kWbemEAccessDenied, "WBEM_E_ACCESS_DENIED",
                   "the caller lacks the permission for this operation"},
    WbemStatusInfo{kWbemEProviderFailure, "WBEM_E_PROVIDER_FAILURE",
                   "a provider failed for a reason WMI does not know"},
    WbemStatusInfo{kWbemETypeMismatch, "WBEM_E_TYPE_MISMATCH",
                   "a value has the wrong type for its property or parameter"},
    WbemStatusInfo{kWbemEOutOfMemory, "WBEM_E_OUT_OF_MEMORY",
                   "the server ran out of memory"},
    WbemStatusInfo{kWbemEInvalidContext, "WBEM_E_INVALID_CONTEXT",
                   "the IWbemContext object is not valid"},
    WbemStatusInfo{kWbemEInvalidParameter, "WBEM_E_INVALID_PARAMETER",
                   "a parameter is not valid"},
    WbemStatusInfo{kWbemENotAvailable, "WBEM_E_NOT_AVAILABLE",
                   "the resource is temporarily unavailable"},
    WbemStatusInfo{kWbemECriticalError, "WBEM_E_CRITICAL_ERROR",
                   "an internal, critical error occurred"},
    WbemStatusInfo{kWbemENotSupported, "WBEM_E_NOT_SUPPORTED",
                   "the operation is not supported"},
    WbemStatusInfo{kWbemEInvalidSuperclass, "WBEM_E_INVALID_SUPERCLASS",
                   "the superclass does not exist"},
    WbemStatusInfo{kWbemEInvalidNamespace, "WBEM_E_INVALID_NAMESPACE",
                   "the namespace does not exist"},
    WbemStatusInfo{kWbemEInvalidObject, "WBEM_E_INVALID_OBJECT", "the object is not valid"},
    WbemStatusInfo{kWbemEInvalidClass, "WBEM_E_INVALID_CLASS", "the class does not exist"},
    WbemStatusInfo{kWbemEProviderNotFound, "WBEM_E_PROVIDER_NOT_FOUND",
                   "no provider is registered for the class"},
    WbemStatusInfo{kWbemETransportFailure, "WBEM_E_TRANSPORT_FAILURE",
                   "a network error other than a time-out occurred"},
    WbemStatusInfo{kWbemEInvalidOperation, "WBEM_E_INVALID_OPERATION",
                   "the operation is not valid here"},
    WbemStatusInfo{kWbemEInvalidQuery, "WBEM_E_INVALID_QUERY", "the query is not valid"},
    WbemStatusInfo{kWbemEInvalidQueryType, "WBEM_E_INVALID_QUERY_TYPE",
                   "the query language is not supported"},
    WbemStatusInfo{kWbemEAlreadyExists, "WBEM_E_ALREADY_EXISTS",
                   "the object already exists"},
    WbemStatusInfo{kWbemEUnexpected, "WBEM_E_UNEXPECTED", "an unexpected error occurred"},
    WbemStatusInfo{kWbemEInvalidMethod, "WBEM_E_INVALID_METHOD",
                   "the method does not exist"},
    WbemStatusInfo{kWbemEInvalidMethodParameters, "WBEM_E_INVALID_METHOD_PARAMETERS",
                   "the method's parameters are not valid"},
    WbemStatusInfo{kWbemEInvalidProperty, "WBEM_E_INVALID_PROPERTY",
                   "the property does not exist"},
    WbemStatusInfo{kWbemECallCancelled, "WBEM_E_CALL_CANCELLED", "the call was cancelled"},
    WbemStatusInfo{kWbemEShuttingDown, "WBEM_E_SHUTTING_DOWN",
                   "the server is shutting down"},
    WbemStatusInfo{kWbemEInvalidObjectPath, "WBEM_E_INVALID_OBJECT_PATH",
                   "the object path is not valid"},
    WbemStatusInfo{kWbemEServerTooBusy, "WBEM_E_SERVER_TOO_BUSY",
                   "the server is too busy to handle the call"},
    WbemStatusInfo{kWbemEMethodNotImplemented, "WBEM_E_METHOD_NOT_IMPLEMENTED",
                   "the method has no implementation"},
    WbemStatusInfo{kWbemEMethodDisabled, "WBEM_E_METHOD_DISABLED",
                   "the method is disabled on this class"},
    WbemStatusInfo{kWbemEUnparsableQuery, "WBEM_E_UNPARSABLE_QUERY",
                   "the query could not be parsed"},
    WbemStatusInfo{kWbemEPrivilegeNotHeld, "WBEM_E_PRIVILEGE_NOT_HELD",
                   "the caller lacks a privilege the operation needs"},
    WbemStatusInfo{kWbemEQuotaViolation, "WBEM_E_QUOTA_VIOLATION",
                   "a server quota was exceeded"},
    WbemStatusInfo{kWbemEProviderTimedOut, "WBEM_E_PROVIDER_TIMED_OUT",
                   "the provider did not answer in time"},
    WbemStatusInfo{kEAccessDenied, "E_ACCESSDENIED", "access is denied"},
    WbemStatusInfo{kEOutOfMemory, "E_OUTOFMEMORY", "out of memory"},
    WbemStatusInfo{kEInvalidArg, "E_INVALIDARG", "an argument is not valid"},
};

std::string Hex(HResult code) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08X", code);
  return text;
}

}  // namespace

std::span<const WbemStatusInfo> AllWbemStatuses() { return kStatuses; }

const WbemStatusInfo* FindWbemStatus(HResult code) {
  auto at = std::lower_bound(kStatuses.begin(), kStatuses.end(), code,
                             [](const WbemStatusInfo& info, HResult c) { return info.code < c; });
  return at != kStatuses.end() && at->code == code ? &*at : nullptr;
}

std::optional<HResult> WbemStatusByName(std::string_view name) {
  for (const auto& info : kStatuses) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

std::string WbemStatusName(HResult code) {
  const WbemStatusInfo* info = FindWbemStatus(code);
  return info != nullptr ? std::string(info->name) : "HRESULT " + Hex(code);
}

std::string DescribeWbemStatus(HResult code) {
  const WbemStatusInfo* info = FindWbemStatus(code);
  if (info == nullptr) return "HRESULT " + Hex(code) + ": unknown status";
  return std::string(info->name) + " (" + Hex(code) + "): " + std::string(info->message);
}

}  // namespace cimulate::wmi
