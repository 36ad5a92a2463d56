#include "wsman/fault.h"

#include <charconv>
#include <cstring>

#include "core/value.h"
#include "wsman/namespaces.h"

namespace cimulate::wsman {
namespace {

struct SubcodeRow {
  const char* ns;
  const char* local;
  MI_Result result;
  MI_ErrorCategory category;
  bool timed_out;
};

// reference/wsman.md §2.6 step 3; docs/wsman-codec.md reproduces this table.
// a:DestinationUnreachable is NOT_FOUND: without a CIM error an unknown class,
// namespace and instance cannot be told apart.
constexpr SubcodeRow kSubcodes[] = {
    {ns::kWsman, "AccessDenied", MI_RESULT_ACCESS_DENIED, MI_ERRORCATEGORY_ACCESS_DENIED, false},
    {ns::kAddressing, "DestinationUnreachable", MI_RESULT_NOT_FOUND, MI_ERRORCATEGORY_OBJECT_NOT_FOUND, false},
    {ns::kWsman, "InvalidSelectors", MI_RESULT_INVALID_PARAMETER, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kAddressing, "ActionNotSupported", MI_RESULT_NOT_SUPPORTED, MI_ERRORCATEGORY_NOT_IMPLEMENTED, false},
    {ns::kWsman, "UnsupportedFeature", MI_RESULT_NOT_SUPPORTED, MI_ERRORCATEGORY_NOT_IMPLEMENTED, false},
    {ns::kEnumeration, "InvalidEnumerationContext", MI_RESULT_INVALID_ENUMERATION_CONTEXT,
     MI_ERRORCATEGORY_INVALID_OPERATION, false},
    {ns::kWsman, "AlreadyExists", MI_RESULT_ALREADY_EXISTS, MI_ERRORCATEGORY_RESOURCE_EXISTS, false},
    {ns::kWsman, "InvalidParameter", MI_RESULT_INVALID_PARAMETER, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kWsman, "SchemaValidationError", MI_RESULT_INVALID_PARAMETER, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kTransfer, "InvalidRepresentation", MI_RESULT_INVALID_PARAMETER, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kWsman, "InvalidOptions", MI_RESULT_INVALID_PARAMETER, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kEnumeration, "FilterDialectRequestedUnavailable", MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED,
     MI_ERRORCATEGORY_NOT_IMPLEMENTED, false},
    {ns::kEnumeration, "CannotProcessFilter", MI_RESULT_INVALID_QUERY, MI_ERRORCATEGORY_INVALID_ARGUMENT, false},
    {ns::kWsman, "EncodingLimit", MI_RESULT_SERVER_LIMITS_EXCEEDED, MI_ERRORCATEGORY_LIMITS_EXCEEDED, false},
    {ns::kWsman, "QuotaLimit", MI_RESULT_SERVER_LIMITS_EXCEEDED, MI_ERRORCATEGORY_QUOTA_EXCEEDED, false},
    {ns::kWsman, "TimedOut", MI_RESULT_FAILED, MI_ERRORCATEGORY_OPERATION_TIMEOUT, true},
    {ns::kEnumeration, "TimedOut", MI_RESULT_FAILED, MI_ERRORCATEGORY_OPERATION_TIMEOUT, true},
    {ns::kWsman, "InternalError", MI_RESULT_FAILED, MI_ERRORCATEGORY_NOT_SPECIFIED, false},
};

constexpr uint32_t kWsmanResourceNotFound = 0x80338000;  // ERROR_WSMAN_RESOURCE_NOT_FOUND
constexpr uint32_t kWsmanOperationTimedOut = 0x80338029;  // ERROR_WSMAN_OPERATION_TIMEDOUT
constexpr int kOmiTimeOut = 1004;                          // MI_RESULT_TIME_OUT (OMI-internal)

// A numeric property, whether it arrived typed (xsi:type) or as text.
bool GetUint(const MI_Instance* instance, const char* name, uint64_t* out) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) return false;
  if (flags & MI_FLAG_NULL) return false;
  switch (type) {
    case MI_UINT8: *out = v.uint8; return true;
    case MI_UINT16: *out = v.uint16; return true;
    case MI_UINT32: *out = v.uint32; return true;
    case MI_UINT64: *out = v.uint64; return true;
    case MI_SINT8: if (v.sint8 < 0) return false; *out = static_cast<uint64_t>(v.sint8); return true;
    case MI_SINT16: if (v.sint16 < 0) return false; *out = static_cast<uint64_t>(v.sint16); return true;
    case MI_SINT32: if (v.sint32 < 0) return false; *out = static_cast<uint64_t>(v.sint32); return true;
    case MI_SINT64: if (v.sint64 < 0) return false; *out = static_cast<uint64_t>(v.sint64); return true;
    case MI_STRING: {
      if (v.string == nullptr) return false;
      std::string_view t = v.string;
      auto r = std::from_chars(t.data(), t.data() + t.size(), *out);
      return r.ec == std::errc() && r.ptr == t.data() + t.size();
    }
    default: return false;
  }
}

const char* GetString(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) return nullptr;
  if ((flags & MI_FLAG_NULL) || type != MI_STRING) return nullptr;
  return v.string;
}

bool ValidResult(uint64_t n) { return n >= 1 && n <= MI_RESULT_SERVER_IS_SHUTTING_DOWN; }

MI_ErrorCategory CategoryFor(MI_Result r) {
  switch (r) {
    case MI_RESULT_ACCESS_DENIED: return MI_ERRORCATEGORY_ACCESS_DENIED;
    case MI_RESULT_INVALID_NAMESPACE:
    case MI_RESULT_INVALID_CLASS: return MI_ERRORCATEGORY_METADATA_ERROR;
    case MI_RESULT_NOT_FOUND: return MI_ERRORCATEGORY_OBJECT_NOT_FOUND;
    case MI_RESULT_INVALID_PARAMETER: return MI_ERRORCATEGORY_INVALID_ARGUMENT;
    case MI_RESULT_NOT_SUPPORTED: return MI_ERRORCATEGORY_NOT_IMPLEMENTED;
    case MI_RESULT_ALREADY_EXISTS: return MI_ERRORCATEGORY_RESOURCE_EXISTS;
    case MI_RESULT_SERVER_LIMITS_EXCEEDED: return MI_ERRORCATEGORY_LIMITS_EXCEEDED;
    default: return MI_ERRORCATEGORY_NOT_SPECIFIED;
  }
}

}  // namespace

const char* DefaultFaultAction(const QName& subcode) {
  if (subcode.ns == ns::kAddressing) return action::kAddressingFault;
  if (subcode.ns == ns::kEnumeration) return action::kEnumerationFault;
  if (subcode.ns == ns::kTransfer) return action::kTransferFault;
  return action::kWsmanFault;
}

QName SoapCode(std::string_view local) { return QName{ns::kSoap, std::string(local)}; }
QName WsmanSubcode(std::string_view local) { return QName{ns::kWsman, std::string(local)}; }

FaultResult MapFaultToResult(const Fault& fault, const FaultMapOptions& options) {
  FaultResult out;
  out.message = fault.reason;
  if (fault.wsman_fault && !fault.wsman_fault->message.empty()) out.message = fault.wsman_fault->message;

  if (fault.cim_error) {
    const MI_Instance* e = fault.cim_error.get();
    if (const char* m = GetString(e, "Message"); m != nullptr && m[0] != '\0') out.message = m;
    uint64_t category = 0;
    bool has_category = (GetUint(e, "error_Category", &category) || GetUint(e, "OMI_Category", &category)) &&
                        category <= MI_ERRORCATEGORY_NOT_ENABLED;
    uint64_t status = 0;
    if (GetUint(e, "CIMStatusCode", &status) && ValidResult(status)) {
      out.result = static_cast<MI_Result>(status);
      out.category = has_category ? static_cast<MI_ErrorCategory>(category) : CategoryFor(out.result);
      out.source = "CIMStatusCode";
      return out;
    }
    const char* id = GetString(e, "MessageID");
    constexpr std::string_view kOmiPrefix = "OMI:MI_Result:";
    if (id != nullptr && std::string_view(id).starts_with(kOmiPrefix)) {
      std::string_view digits = std::string_view(id).substr(kOmiPrefix.size());
      uint64_t n = 0;
      auto r = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (r.ec == std::errc() && r.ptr == digits.data() + digits.size()) {
        if (n == kOmiTimeOut) {
          out.result = MI_RESULT_FAILED;
          out.category = MI_ERRORCATEGORY_OPERATION_TIMEOUT;
          out.timed_out = true;
          out.source = "OMI MessageID";
          return out;
        }
        if (ValidResult(n)) {
          out.result = static_cast<MI_Result>(n);
          out.category = has_category ? static_cast<MI_ErrorCategory>(category) : CategoryFor(out.result);
          out.source = "OMI MessageID";
          return out;
        }
      }
    }
  }

  for (const SubcodeRow& row : kSubcodes) {
    if (fault.subcode.Is(row.ns, row.local)) {
      out.result = row.result;
      out.category = row.category;
      out.timed_out = row.timed_out;
      out.source = "subcode";
      if (options.invalid_selectors_as_not_found && row.result == MI_RESULT_INVALID_PARAMETER &&
          std::strcmp(row.local, "InvalidSelectors") == 0) {
        out.result = MI_RESULT_NOT_FOUND;
        out.category = MI_ERRORCATEGORY_OBJECT_NOT_FOUND;
      }
      return out;
    }
  }
  if (fault.wsman_fault) {
    if (fault.wsman_fault->code == kWsmanResourceNotFound) {
      out.result = MI_RESULT_NOT_FOUND;
      out.category = MI_ERRORCATEGORY_OBJECT_NOT_FOUND;
      out.source = "WSManFault code";
      return out;
    }
    if (fault.wsman_fault->code == kWsmanOperationTimedOut) {
      out.category = MI_ERRORCATEGORY_OPERATION_TIMEOUT;
      out.timed_out = true;
      out.source = "WSManFault code";
      return out;
    }
  }
  return out;
}

}  // namespace cimulate::wsman
