// The WINRM handler's failures as MI results and extended errors: SOAP faults
// (through wsman::MapFaultToResult, the one fault table), HTTP statuses,
// transport errors and undecodable answers.  docs/winrm.md has the table.
#ifndef CIMULATE_WINRM_ERRORS_H_
#define CIMULATE_WINRM_ERRORS_H_

#include <string>

#include "winrm/outcome.h"
#include "winrm/transport.h"
#include "wsman/fault.h"
#include "wsman/status.h"

namespace cimulate::winrm {

// WS-Management HRESULTs the handler reports as error_Code.
inline constexpr MI_Uint32 kWsmanCannotConnect = 0x80338012;    // the client cannot reach the destination
inline constexpr MI_Uint32 kWsmanOperationTimedOut = 0x80338029;
inline constexpr MI_Uint16 kProbableCauseTimeout = 111;  // CIM_Error.ProbableCause "Timeout"

// A fault's result: the CIM error instance it carries is given to the caller
// whole; without one, an MSFT_WmiError with the WSManFault code and message.
Outcome FromFault(wsman::Fault fault, const std::string& destination);

// A transport failure; `destination` and the cause are named in the message.
Outcome FromTransport(const TransportStatus& status, const std::string& destination);

// A status other than 200, or a 500 without a fault envelope.
Outcome FromHttpStatus(int status, const std::string& destination);

// An answer that is not the WS-Management message the request calls for.
Outcome FromBadAnswer(const std::string& what, const std::string& destination);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_ERRORS_H_
