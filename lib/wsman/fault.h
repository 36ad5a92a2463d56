// SOAP 1.2 faults as WinRM and OMI send them (reference/wsman.md §2), and the
// one fault -> MI_Result mapping the WINRM protocol handler uses (§2.6).

#ifndef CIMULATE_WSMAN_FAULT_H_
#define CIMULATE_WSMAN_FAULT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "MI.h"
#include "core/instance.h"

namespace cimulate::wsman {

// A resolved QName: namespace URI + local name (s:Subcode values are QNames whose
// prefix is only meaningful where they appear).
struct QName {
  std::string ns;
  std::string local;

  bool empty() const { return local.empty(); }
  bool Is(const char* ns_uri, std::string_view name) const { return ns == ns_uri && local == name; }
  bool operator==(const QName&) const = default;
};

// f:WSManFault (Windows).  A provider failure nests a second WSManFault inside
// f:Message/f:ProviderFault; `message` is then the innermost text.
struct WsmanFaultInfo {
  uint32_t code = 0;
  std::string machine;
  std::string message;
  std::string provider;       // f:ProviderFault/@provider, when nested
  std::string provider_path;  // f:ProviderFault/@path

  bool operator==(const WsmanFaultInfo&) const = default;
};

struct Fault {
  QName code;     // {soap}Sender, Receiver, VersionMismatch, MustUnderstand, DataEncodingUnknown
  QName subcode;  // e.g. {wsman}InvalidSelectors; empty when absent
  std::string reason;
  std::string reason_lang = "en-US";
  std::string fault_detail;  // w:FaultDetail URI
  std::optional<WsmanFaultInfo> wsman_fault;
  // A CIM error instance from s:Detail (MSFT_WmiError, OMI_Error, CIM_Error ...),
  // with its class name and every property.
  core::InstancePtr cim_error;
  std::string cim_error_resource_uri;  // its namespace URI as sent
};

// The fault action for a subcode's family: addressing/, enumeration/,
// transfer/fault or (default) wsman/fault.
const char* DefaultFaultAction(const QName& subcode);

// Builds {soap}Sender / {wsman}<subcode> and friends.
QName SoapCode(std::string_view local);
QName WsmanSubcode(std::string_view local);

struct FaultResult {
  MI_Result result = MI_RESULT_FAILED;
  MI_ErrorCategory category = MI_ERRORCATEGORY_NOT_SPECIFIED;
  bool timed_out = false;  // w:TimedOut, n:TimedOut, OMI's MI_RESULT_TIME_OUT
  // Where the result came from: "CIMStatusCode", "OMI MessageID", "subcode",
  // "WSManFault code" or "default".
  const char* source = "default";
  std::string message;  // CIM error Message, else f:Message, else s:Reason
};

struct FaultMapOptions {
  // w:InvalidSelectors is INVALID_PARAMETER; cmdlet-like callers may want
  // NOT_FOUND for Get/Delete/Invoke of a missing instance.
  bool invalid_selectors_as_not_found = false;
};

// The MI_Result of a fault (HTTP 401/403 never reach here: the caller maps them
// to MI_RESULT_ACCESS_DENIED).  Order: the CIM error's CIMStatusCode; an OMI
// MessageID "OMI:MI_Result:<n>"; the subcode table; the WSManFault code; FAILED.
FaultResult MapFaultToResult(const Fault& fault, const FaultMapOptions& options = {});

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_FAULT_H_
