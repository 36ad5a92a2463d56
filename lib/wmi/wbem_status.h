// WMI status codes (MS-WMI 2.2.11 WBEMSTATUS) and the generic COM HRESULTs a
// WMI server returns, with their names and messages, in one table.
//
// MS-WMI calls report failure in the reply's HRESULT, not as an RPC fault;
// both the client (to build MI errors) and the fake endpoint (to pick what a
// scenario asked for by name) look codes up here.

#ifndef CIMULATE_WMI_WBEM_STATUS_H_
#define CIMULATE_WMI_WBEM_STATUS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cimulate::wmi {

using HResult = uint32_t;

inline constexpr HResult kWbemSNoError = 0x00000000;
inline constexpr HResult kWbemSFalse = 0x00000001;  // fewer objects than asked for
inline constexpr HResult kWbemSTimedOut = 0x00040004;
inline constexpr HResult kWbemSNewStyle = 0x000400FF;
inline constexpr HResult kWbemSPartialResults = 0x00040010;

inline constexpr HResult kWbemEFailed = 0x80041001;
inline constexpr HResult kWbemENotFound = 0x80041002;
inline constexpr HResult kWbemEAccessDenied = 0x80041003;
inline constexpr HResult kWbemEProviderFailure = 0x80041004;
inline constexpr HResult kWbemETypeMismatch = 0x80041005;
inline constexpr HResult kWbemEOutOfMemory = 0x80041006;
inline constexpr HResult kWbemEInvalidContext = 0x80041007;
inline constexpr HResult kWbemEInvalidParameter = 0x80041008;
inline constexpr HResult kWbemENotAvailable = 0x80041009;
inline constexpr HResult kWbemECriticalError = 0x8004100A;
inline constexpr HResult kWbemENotSupported = 0x8004100C;
inline constexpr HResult kWbemEInvalidSuperclass = 0x8004100D;
inline constexpr HResult kWbemEInvalidNamespace = 0x8004100E;
inline constexpr HResult kWbemEInvalidObject = 0x8004100F;
inline constexpr HResult kWbemEInvalidClass = 0x80041010;
inline constexpr HResult kWbemEProviderNotFound = 0x80041011;
inline constexpr HResult kWbemETransportFailure = 0x80041015;
inline constexpr HResult kWbemEInvalidOperation = 0x80041016;
inline constexpr HResult kWbemEInvalidQuery = 0x80041017;
inline constexpr HResult kWbemEInvalidQueryType = 0x80041018;
inline constexpr HResult kWbemEAlreadyExists = 0x80041019;
inline constexpr HResult kWbemEUnexpected = 0x8004101D;
inline constexpr HResult kWbemEInvalidMethod = 0x8004102E;
inline constexpr HResult kWbemEInvalidMethodParameters = 0x8004102F;
inline constexpr HResult kWbemEInvalidProperty = 0x80041031;
inline constexpr HResult kWbemECallCancelled = 0x80041032;
inline constexpr HResult kWbemEShuttingDown = 0x80041033;
inline constexpr HResult kWbemEInvalidObjectPath = 0x8004103A;
inline constexpr HResult kWbemEServerTooBusy = 0x80041045;
inline constexpr HResult kWbemEMethodNotImplemented = 0x80041055;
inline constexpr HResult kWbemEMethodDisabled = 0x80041056;
inline constexpr HResult kWbemEUnparsableQuery = 0x80041058;
inline constexpr HResult kWbemEPrivilegeNotHeld = 0x80041062;
inline constexpr HResult kWbemEQuotaViolation = 0x8004106C;
inline constexpr HResult kWbemEProviderTimedOut = 0x80041088;

inline constexpr HResult kENotImpl = 0x80004001;
inline constexpr HResult kENoInterface = 0x80004002;
inline constexpr HResult kEPointer = 0x80004003;
inline constexpr HResult kEAbort = 0x80004004;
inline constexpr HResult kEFail = 0x80004005;
inline constexpr HResult kEUnexpected = 0x8000FFFF;
inline constexpr HResult kRpcEDisconnected = 0x80010108;
inline constexpr HResult kRegdbEClassNotReg = 0x80040154;
inline constexpr HResult kEAccessDenied = 0x80070005;
inline constexpr HResult kEOutOfMemory = 0x8007000E;
inline constexpr HResult kEInvalidArg = 0x80070057;

struct WbemStatusInfo {
  HResult code;
  std::string_view name;     // "WBEM_E_NOT_FOUND"
  std::string_view message;  // one line, for logs and MI error messages
};

// Every code the table knows, in ascending order of code.
std::span<const WbemStatusInfo> AllWbemStatuses();

// nullptr for a code the table does not know.
const WbemStatusInfo* FindWbemStatus(HResult code);

// The code named `name` ("WBEM_E_NOT_FOUND", exact spelling), for scenarios
// that name a status instead of giving its number.
std::optional<HResult> WbemStatusByName(std::string_view name);

// "WBEM_E_NOT_FOUND", or "HRESULT 0x80041234" for an unknown code.
std::string WbemStatusName(HResult code);

// "WBEM_E_NOT_FOUND (0x80041002): the object was not found".
std::string DescribeWbemStatus(HResult code);

// Success codes have the severity bit clear; WBEM_S_FALSE is a success.
inline bool WbemSucceeded(HResult code) { return (code & 0x80000000u) == 0; }

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_WBEM_STATUS_H_
