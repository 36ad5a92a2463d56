// Namespace URIs, action URIs, dialects and well-known values of WS-Management
// as Windows and OMI use them (reference: shared/reference/wsman.md §1.1, §1.2).
//
// The decoder matches on these URIs, never on prefixes; the encoder writes the
// prefixes Windows uses because some clients (winrm-client, Dell wsl) read
// responses by literal prefix.

#ifndef CIMULATE_WSMAN_NAMESPACES_H_
#define CIMULATE_WSMAN_NAMESPACES_H_

namespace cimulate::wsman::ns {

inline constexpr char kSoap[] = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr char kSoap11[] = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr char kAddressing[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
inline constexpr char kWsman[] = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
inline constexpr char kEnumeration[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
inline constexpr char kTransfer[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
inline constexpr char kMsWsman[] = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
inline constexpr char kCimBinding[] = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
inline constexpr char kIdentity[] = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
inline constexpr char kWsmanFault[] = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
inline constexpr char kShell[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
inline constexpr char kCimCommon[] = "http://schemas.dmtf.org/wbem/wscim/1/common";
inline constexpr char kXsi[] = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr char kXs[] = "http://www.w3.org/2001/XMLSchema";
inline constexpr char kEventing[] = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
inline constexpr char kXml[] = "http://www.w3.org/XML/1998/namespace";

}  // namespace cimulate::wsman::ns

namespace cimulate::wsman::action {

inline constexpr char kGet[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
inline constexpr char kGetResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse";
inline constexpr char kPut[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
inline constexpr char kPutResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse";
inline constexpr char kCreate[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
inline constexpr char kCreateResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse";
inline constexpr char kDelete[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
inline constexpr char kDeleteResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse";
inline constexpr char kEnumerate[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
inline constexpr char kEnumerateResponse[] =
    "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse";
inline constexpr char kPull[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
inline constexpr char kPullResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse";
inline constexpr char kRelease[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";
inline constexpr char kReleaseResponse[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse";
inline constexpr char kEnd[] = "http://schemas.microsoft.com/wbem/wsman/1/wsman/End";

// Fault actions, one per subcode family.
inline constexpr char kWsmanFault[] = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
inline constexpr char kAddressingFault[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
inline constexpr char kEnumerationFault[] = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault";
inline constexpr char kTransferFault[] = "http://schemas.xmlsoap.org/ws/2004/09/transfer/fault";

}  // namespace cimulate::wsman::action

namespace cimulate::wsman::dialect {

inline constexpr char kWql[] = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
inline constexpr char kCql[] = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
inline constexpr char kSelector[] = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";
inline constexpr char kAssociation[] = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";

}  // namespace cimulate::wsman::dialect

namespace cimulate::wsman::uri {

inline constexpr char kAnonymous[] = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
inline constexpr char kWmiPrefix[] = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
inline constexpr char kDmtfPrefix[] = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
inline constexpr char kDmtfAll[] = "http://schemas.dmtf.org/wbem/wscim/1/*";
inline constexpr char kFaultDetailPrefix[] = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";
inline constexpr char kCimNamespaceSelector[] = "__cimnamespace";

}  // namespace cimulate::wsman::uri

#endif  // CIMULATE_WSMAN_NAMESPACES_H_
