#include "engine/faults.h"

#include <cstring>

#include "core/instance.h"
#include "scenario/instance_builder.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {
namespace {

constexpr char kCannotProcess[] =
    "The WS-Management service cannot process the request. ";

std::string DetailUri(std::string_view name) {
  if (name.empty() || name.starts_with("http")) return std::string(name);
  return std::string(wsman::uri::kFaultDetailPrefix) + std::string(name);
}

void AddUint32(MI_Instance* i, const char* name, MI_Uint32 value) {
  MI_Value v;
  v.uint32 = value;
  MI_Instance_AddElement(i, name, &v, MI_UINT32, 0);
}

void AddUint16(MI_Instance* i, const char* name, MI_Uint16 value) {
  MI_Value v;
  v.uint16 = value;
  MI_Instance_AddElement(i, name, &v, MI_UINT16, 0);
}

void AddString(MI_Instance* i, const char* name, const std::string& value) {
  MI_Value v;
  v.string = const_cast<MI_Char*>(value.c_str());
  MI_Instance_AddElement(i, name, &v, MI_STRING, 0);
}

// The MSFT_WmiError Windows puts in s:Detail for a WMI provider error.
core::InstancePtr WmiError(MI_Uint32 cim_status, MI_Uint32 hresult, MI_Uint32 category, const std::string& message) {
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance("MSFT_WmiError", 0, &raw) != MI_RESULT_OK) return nullptr;
  char id[32];
  std::snprintf(id, sizeof(id), "HRESULT 0x%08x", hresult);
  AddUint32(raw, "CIMStatusCode", cim_status);
  AddUint16(raw, "ErrorSourceFormat", 0);
  AddUint16(raw, "ErrorType", 0);
  AddString(raw, "Message", message);
  AddString(raw, "MessageID", id);
  AddUint16(raw, "PerceivedSeverity", 0);
  AddUint16(raw, "ProbableCause", 0);
  AddUint32(raw, "error_Category", category);
  AddUint32(raw, "error_Code", hresult);
  AddString(raw, "error_Type", "HRESULT");
  AddString(raw, "error_WindowsErrorMessage", message);
  return core::InstancePtr(raw);
}

bool ResolvePrefix(std::string_view prefix, const char** ns) {
  struct Row {
    const char* prefix;
    const char* ns;
  };
  static constexpr Row kRows[] = {
      {"w", wsman::ns::kWsman},       {"wsman", wsman::ns::kWsman},     {"a", wsman::ns::kAddressing},
      {"wsa", wsman::ns::kAddressing}, {"n", wsman::ns::kEnumeration},   {"wsen", wsman::ns::kEnumeration},
      {"x", wsman::ns::kTransfer},    {"e", wsman::ns::kEventing},      {"rsp", wsman::ns::kShell},
      {"p", wsman::ns::kMsWsman},     {"b", wsman::ns::kCimBinding},    {"s", wsman::ns::kSoap},
      {"f", wsman::ns::kWsmanFault},
  };
  for (const Row& r : kRows) {
    if (prefix == r.prefix) {
      *ns = r.ns;
      return true;
    }
  }
  return false;
}

}  // namespace

wsman::Fault MakeFault(std::string_view code, const char* subcode_ns, std::string_view subcode, std::string reason,
                       std::string_view detail, uint32_t wsman_fault_code, std::string message) {
  wsman::Fault f;
  f.code = wsman::SoapCode(code);
  if (subcode_ns != nullptr) f.subcode = wsman::QName{subcode_ns, std::string(subcode)};
  f.fault_detail = DetailUri(detail);
  if (wsman_fault_code != 0) {
    wsman::WsmanFaultInfo w;
    w.code = wsman_fault_code;
    w.machine = "localhost";
    w.message = message.empty() ? reason : message;
    f.wsman_fault = std::move(w);
  }
  f.reason = std::move(reason);
  return f;
}

wsman::Fault LookupFault(LookupResult result, const std::string& what) {
  using R = LookupResult;
  switch (result) {
    case R::kUnexpectedSelectors:
    case R::kInsufficientSelectors:
    case R::kDuplicateSelectors: {
      const char* detail = result == R::kUnexpectedSelectors     ? "UnexpectedSelectors"
                           : result == R::kInsufficientSelectors ? "InsufficientSelectors"
                                                                 : "DuplicateSelectors";
      uint32_t code = result == R::kUnexpectedSelectors     ? wsman_code::kUnexpectedSelectors
                      : result == R::kInsufficientSelectors ? wsman_code::kInsufficientSelectors
                                                            : wsman_code::kDuplicateSelectors;
      return MakeFault("Sender", wsman::ns::kWsman, "InvalidSelectors",
                       std::string(kCannotProcess) + "The selectors for the resource are not valid. ", detail, code,
                       what);
    }
    default: break;
  }
  wsman::Fault f = MakeFault("Sender", wsman::ns::kAddressing, "DestinationUnreachable",
                             std::string(kCannotProcess) +
                                 "The service cannot find the resource identified by the resource URI and selectors. ",
                             "InvalidResourceURI", wsman_code::kResourceNotFound, what);
  // WBEM_E_INVALID_NAMESPACE / INVALID_CLASS / NOT_FOUND with CIM status 3 / 5 / 6.
  if (result == R::kNoSuchNamespace) f.cim_error = WmiError(3, 0x8004100E, MI_ERRORCATEGORY_METADATA_ERROR, "Invalid namespace ");
  else if (result == R::kNoSuchClass) f.cim_error = WmiError(5, 0x80041010, MI_ERRORCATEGORY_METADATA_ERROR, "Invalid class ");
  else f.cim_error = WmiError(6, 0x80041002, MI_ERRORCATEGORY_OBJECT_NOT_FOUND, "Not found ");
  f.cim_error_resource_uri = wsman::DmtfResourceUri("MSFT_WmiError");
  return f;
}

wsman::Fault ActionNotSupported(const std::string& action) {
  return MakeFault("Sender", wsman::ns::kAddressing, "ActionNotSupported",
                   "The action is not supported by the service.", "", wsman_code::kActionNotSupported,
                   "The WS-Management service cannot process the request because the action '" + action +
                       "' is not supported.");
}

wsman::Fault SchemaValidation(const std::string& message) {
  return MakeFault("Sender", wsman::ns::kWsman, "SchemaValidationError",
                   "The SOAP XML in the message does not match the corresponding XML schema definition. ", "",
                   wsman_code::kSchemaValidation, message);
}

wsman::Fault VersionMismatch(const std::string& message) {
  return MakeFault("VersionMismatch", nullptr, "", "The SOAP version of the message is not supported. ", "",
                   wsman_code::kVersionMismatch, message);
}

wsman::Fault EncodingLimit(std::string_view detail, const std::string& message) {
  return MakeFault("Sender", wsman::ns::kWsman, "EncodingLimit",
                   std::string(kCannotProcess) + "The envelope size limit was exceeded. ", detail,
                   wsman_code::kEncodingLimit, message);
}

wsman::Fault InvalidEnumerationContext(const std::string& context) {
  return MakeFault("Receiver", wsman::ns::kEnumeration, "InvalidEnumerationContext",
                   "The enumeration context supplied in the message is not valid. ", "",
                   wsman_code::kInvalidEnumerationContext, "no enumeration '" + context + "'");
}

wsman::Fault CannotProcessFilter(const std::string& message) {
  return MakeFault("Sender", wsman::ns::kEnumeration, "CannotProcessFilter",
                   std::string(kCannotProcess) + "The filter could not be processed. ", "",
                   wsman_code::kCannotProcessFilter, message);
}

wsman::Fault FilterDialectUnavailable(const std::string& dialect) {
  return MakeFault("Sender", wsman::ns::kEnumeration, "FilterDialectRequestedUnavailable",
                   "The requested filtering dialect is not supported. ", "FilterDialect",
                   wsman_code::kFilterDialectUnavailable, "dialect '" + dialect + "'");
}

wsman::Fault AlreadyExists(const std::string& message) {
  return MakeFault("Sender", wsman::ns::kWsman, "AlreadyExists",
                   std::string(kCannotProcess) + "The resource already exists. ", "", wsman_code::kAlreadyExists,
                   message);
}

wsman::Fault InvalidRepresentation(const std::string& message) {
  return MakeFault("Sender", wsman::ns::kTransfer, "InvalidRepresentation",
                   "The XML representation of the resource is not valid. ", "InvalidValues",
                   wsman_code::kInvalidRepresentation, message);
}

wsman::Fault InvalidParameter(const std::string& message) {
  return MakeFault("Sender", wsman::ns::kWsman, "InvalidParameter",
                   std::string(kCannotProcess) + "A parameter is not valid. ", "", wsman_code::kInvalidParameter,
                   message);
}

wsman::Fault OperationTimedOut() {
  return MakeFault("Receiver", wsman::ns::kWsman, "TimedOut",
                   "The WS-Management service cannot complete the operation within the time specified in "
                   "OperationTimeout.  ",
                   "", wsman_code::kTimedOut);
}

wsman::Fault UnknownShell(const std::string& shell_id) {
  wsman::Fault f = MakeFault("Sender", wsman::ns::kWsman, "InvalidSelectors",
                             "The WS-Management service cannot process the request because the request contained "
                             "invalid selectors for the resource. ",
                             "UnexpectedSelectors", wsman_code::kUnexpectedSelectors,
                             "The request for the Windows Remote Shell with ShellId " + shell_id +
                                 " failed because the shell was not found on the server.");
  f.wsman_fault->provider = "Shell provider";
  f.wsman_fault->provider_path = "%systemroot%\\system32\\winrscmd.dll";
  return f;
}

wsman::Status ScenarioFault(const scenario::Fault& fields, const scenario::DataSet& data, wsman::Fault* out) {
  wsman::Fault f;
  f.code = wsman::SoapCode(fields.code);
  if (!fields.subcode.empty()) {
    size_t colon = fields.subcode.find(':');
    const char* ns = nullptr;
    if (colon == std::string::npos || !ResolvePrefix(std::string_view(fields.subcode).substr(0, colon), &ns)) {
      return wsman::Status(wsman::ErrorCode::kInvalidArgument, "subcode '" + fields.subcode + "' has no known prefix");
    }
    f.subcode = wsman::QName{ns, fields.subcode.substr(colon + 1)};
  }
  f.reason = fields.reason;
  f.fault_detail = DetailUri(fields.detail);
  if (fields.wsman_fault) {
    wsman::WsmanFaultInfo w;
    w.code = fields.wsman_fault->code;
    w.machine = fields.wsman_fault->machine;
    w.message = fields.wsman_fault->message;
    if (fields.wsman_fault->provider_fault) {
      w.provider = fields.wsman_fault->provider_fault->provider;
      w.provider_path = fields.wsman_fault->provider_fault->path;
    }
    f.wsman_fault = std::move(w);
  }
  if (fields.cim_error) {
    MI_Result r = scenario::ToInstance(*fields.cim_error, data, &f.cim_error);
    if (r != MI_RESULT_OK) {
      return wsman::Status(wsman::ErrorCode::kInternal, "cim_error could not be built: MI result " + std::to_string(r));
    }
    f.cim_error_resource_uri = wsman::DmtfResourceUri(fields.cim_error->class_name);
  }
  *out = std::move(f);
  return wsman::Status::Ok();
}

}  // namespace cimulate::fake
