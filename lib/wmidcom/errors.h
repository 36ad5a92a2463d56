// The WMIDCOM handler's failures as MI results and MSFT_WmiError extended
// errors: WBEM and COM HRESULTs from the server, RPC faults, refused logons,
// transport failures and unreadable answers.  docs/wmidcom.md has the table.
#ifndef CIMULATE_WMIDCOM_ERRORS_H_
#define CIMULATE_WMIDCOM_ERRORS_H_

#include <cstdint>
#include <string>

#include "MI.h"
#include "wmidcom/call_status.h"
#include "wmidcom/outcome.h"

namespace cimulate::wmidcom {

// The codes the WINRM handler reports for an unreachable host, reused so a
// caller sees the same error_Code whichever protocol failed to connect.
inline constexpr MI_Uint32 kCannotConnect = 0x80338012;
inline constexpr MI_Uint32 kOperationTimedOut = 0x80338029;
inline constexpr MI_Uint16 kProbableCauseTimeout = 111;  // CIM_Error.ProbableCause "Timeout"

inline constexpr std::uint32_t kRpcAccessDenied = 0x00000005;  // rpc_s_access_denied

struct HresultMapping {
  MI_Result result;
  const char* name;  // "WBEM_E_NOT_FOUND"; nullptr for a code not in the table
};

// The MI_Result for an HRESULT a WMI server returned; MI_RESULT_FAILED with a
// null name for a code the table does not list.
HresultMapping MapHresult(std::uint32_t hresult);

// The outcome of a failed call; `destination` is named in the message and is
// the error's source.  A cancelled status gives Outcome::Cancelled().
Outcome FromCallStatus(const CallStatus& status, const std::string& destination);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_ERRORS_H_
