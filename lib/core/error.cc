#include "core/error.h"

#include <cstdio>
#include <cstring>

#include "core/value.h"

namespace cimulate::core {
namespace {

struct ResultText {
  const char* name;
  const char* message;
  MI_ErrorCategory category;
};

// Indexed by MI_Result; 18 and 19 are unassigned.
const ResultText kResults[] = {
    {"MI_RESULT_OK", "The operation succeeded.", MI_ERRORCATEGORY_NOT_SPECIFIED},
    {"MI_RESULT_FAILED", "The operation failed.", MI_ERRORCATEGORY_NOT_SPECIFIED},
    {"MI_RESULT_ACCESS_DENIED", "Access is denied.", MI_ERRORCATEGORY_ACCESS_DENIED},
    {"MI_RESULT_INVALID_NAMESPACE", "The namespace is not valid.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_INVALID_PARAMETER", "A parameter is not valid.", MI_ERRORCATEGORY_INVALID_ARGUMENT},
    {"MI_RESULT_INVALID_CLASS", "The class is not valid.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_NOT_FOUND", "The object was not found.", MI_ERRORCATEGORY_OBJECT_NOT_FOUND},
    {"MI_RESULT_NOT_SUPPORTED", "The operation is not supported.", MI_ERRORCATEGORY_NOT_IMPLEMENTED},
    {"MI_RESULT_CLASS_HAS_CHILDREN", "The class has subclasses.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_CLASS_HAS_INSTANCES", "The class has instances.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_INVALID_SUPERCLASS", "The superclass is not valid.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_ALREADY_EXISTS", "The object already exists.", MI_ERRORCATEGORY_RESOURCE_EXISTS},
    {"MI_RESULT_NO_SUCH_PROPERTY", "The property does not exist.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_TYPE_MISMATCH", "The value is not compatible with the type.", MI_ERRORCATEGORY_INVALID_TYPE},
    {"MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED", "The query language is not supported.",
     MI_ERRORCATEGORY_NOT_IMPLEMENTED},
    {"MI_RESULT_INVALID_QUERY", "The query is not valid.", MI_ERRORCATEGORY_INVALID_ARGUMENT},
    {"MI_RESULT_METHOD_NOT_AVAILABLE", "The method is not available.", MI_ERRORCATEGORY_METADATA_ERROR},
    {"MI_RESULT_METHOD_NOT_FOUND", "The method was not found.", MI_ERRORCATEGORY_METADATA_ERROR},
    {nullptr, nullptr, MI_ERRORCATEGORY_NOT_SPECIFIED},
    {nullptr, nullptr, MI_ERRORCATEGORY_NOT_SPECIFIED},
    {"MI_RESULT_NAMESPACE_NOT_EMPTY", "The namespace is not empty.", MI_ERRORCATEGORY_INVALID_OPERATION},
    {"MI_RESULT_INVALID_ENUMERATION_CONTEXT", "The enumeration context is not valid.",
     MI_ERRORCATEGORY_INVALID_OPERATION},
    {"MI_RESULT_INVALID_OPERATION_TIMEOUT", "The operation timeout is not supported.",
     MI_ERRORCATEGORY_INVALID_ARGUMENT},
    {"MI_RESULT_PULL_HAS_BEEN_ABANDONED", "The pull operation has been abandoned.",
     MI_ERRORCATEGORY_OPERATION_STOPPED},
    {"MI_RESULT_PULL_CANNOT_BE_ABANDONED", "The pull operation cannot be abandoned.",
     MI_ERRORCATEGORY_CLOS_EERROR},
    {"MI_RESULT_FILTERED_ENUMERATION_NOT_SUPPORTED", "Filtered enumeration is not supported.",
     MI_ERRORCATEGORY_NOT_IMPLEMENTED},
    {"MI_RESULT_CONTINUATION_ON_ERROR_NOT_SUPPORTED", "Continuation on error is not supported.",
     MI_ERRORCATEGORY_NOT_IMPLEMENTED},
    {"MI_RESULT_SERVER_LIMITS_EXCEEDED", "The server limits were exceeded.", MI_ERRORCATEGORY_RESOURCE_BUSY},
    {"MI_RESULT_SERVER_IS_SHUTTING_DOWN", "The server is shutting down.", MI_ERRORCATEGORY_RESOURCE_UNAVAILABLE},
};

const ResultText* Lookup(MI_Result result) {
  auto index = static_cast<size_t>(result);
  if (index >= sizeof(kResults) / sizeof(kResults[0]) || kResults[index].name == nullptr) return nullptr;
  return &kResults[index];
}

// Windows-style MessageID: how PowerShell's FullyQualifiedErrorId names the error.
std::string MessageIdFor(const std::string& type, MI_Uint32 code) {
  char text[64];
  if (NamesEqual(type.c_str(), MI_RESULT_TYPE_HRESULT) || NamesEqual(type.c_str(), MI_RESULT_TYPE_WINRM))
    std::snprintf(text, sizeof(text), "HRESULT 0x%08x", code);
  else if (NamesEqual(type.c_str(), MI_RESULT_TYPE_WIN32))
    std::snprintf(text, sizeof(text), "Windows System Error %u", code);
  else if (NamesEqual(type.c_str(), MI_RESULT_TYPE_ERRNO))
    std::snprintf(text, sizeof(text), "ERRNO %u", code);
  else
    std::snprintf(text, sizeof(text), "MI RESULT %u", code);
  return text;
}

class ErrorBuilder {
 public:
  explicit ErrorBuilder(MI_Instance* instance) : instance_(instance) {}

  void String(const char* name, const std::string& text) {
    MI_Value value;
    value.string = const_cast<MI_Char*>(text.c_str());
    Add(name, &value, MI_STRING);
  }
  void NullString(const char* name) { Add(name, nullptr, MI_STRING); }
  void Uint16(const char* name, MI_Uint16 number) {
    MI_Value value;
    value.uint16 = number;
    Add(name, &value, MI_UINT16);
  }
  void Uint32(const char* name, MI_Uint32 number) {
    MI_Value value;
    value.uint32 = number;
    Add(name, &value, MI_UINT32);
  }
  bool ok() const { return ok_; }

 private:
  void Add(const char* name, const MI_Value* value, MI_Type type) {
    if (ok_ && MI_Instance_AddElement(instance_, name, value, type, value ? 0 : MI_FLAG_NULL) != MI_RESULT_OK)
      ok_ = false;
  }
  MI_Instance* instance_;
  bool ok_ = true;
};

}  // namespace

const char* ResultName(MI_Result result) {
  const ResultText* text = Lookup(result);
  return text ? text->name : "MI_RESULT_UNKNOWN";
}

const char* DefaultMessage(MI_Result result) {
  const ResultText* text = Lookup(result);
  return text ? text->message : "Unknown error.";
}

MI_ErrorCategory CategoryForResult(MI_Result result) {
  const ResultText* text = Lookup(result);
  return text ? text->category : MI_ERRORCATEGORY_NOT_SPECIFIED;
}

MI_ErrorCategory CategoryForError(const MI_Char* error_type, MI_Uint32 error) {
  if (error_type == nullptr || NamesEqual(error_type, MI_RESULT_TYPE_MI))
    return CategoryForResult(static_cast<MI_Result>(error));
  if (NamesEqual(error_type, MI_RESULT_TYPE_WIN32) || NamesEqual(error_type, MI_RESULT_TYPE_ERRNO)) {
    switch (error) {
      case 2: return MI_ERRORCATEGORY_OBJECT_NOT_FOUND;  // not found / ENOENT
      case 5: return NamesEqual(error_type, MI_RESULT_TYPE_WIN32) ? MI_ERRORCATEGORY_ACCESS_DENIED
                                                                   : MI_ERRORCATEGORY_READ_ERROR;
      case 13: return MI_ERRORCATEGORY_ACCESS_DENIED;  // EACCES
      case 87: return MI_ERRORCATEGORY_INVALID_ARGUMENT;
      default: return MI_ERRORCATEGORY_NOT_SPECIFIED;
    }
  }
  // HRESULT and WinRM codes: the well-known WBEM and WS-Management families.
  switch (error) {
    case 0x80041002: return MI_ERRORCATEGORY_OBJECT_NOT_FOUND;     // WBEM_E_NOT_FOUND
    case 0x80041003: return MI_ERRORCATEGORY_ACCESS_DENIED;        // WBEM_E_ACCESS_DENIED
    case 0x80041008: return MI_ERRORCATEGORY_INVALID_ARGUMENT;     // WBEM_E_INVALID_PARAMETER
    case 0x80041010: return MI_ERRORCATEGORY_METADATA_ERROR;       // WBEM_E_INVALID_CLASS
    case 0x8004100E: return MI_ERRORCATEGORY_METADATA_ERROR;       // WBEM_E_INVALID_NAMESPACE
    case 0x80041017: return MI_ERRORCATEGORY_INVALID_ARGUMENT;     // WBEM_E_INVALID_QUERY
    case 0x80041033: return MI_ERRORCATEGORY_RESOURCE_UNAVAILABLE; // WBEM_E_SHUTTING_DOWN
    case 0x80070005: return MI_ERRORCATEGORY_ACCESS_DENIED;        // E_ACCESSDENIED
    case 0x80338012: return MI_ERRORCATEGORY_CONNECTION_ERROR;     // cannot connect to destination
    case 0x80338029: return MI_ERRORCATEGORY_OPERATION_TIMEOUT;    // operation timed out
    case 0x80338000: return MI_ERRORCATEGORY_OBJECT_NOT_FOUND;     // resource not found
    default: return MI_ERRORCATEGORY_NOT_SPECIFIED;
  }
}

InstancePtr BuildError(const ErrorInfo& info) {
  MI_Instance* raw = nullptr;
  if (NewDynamicInstance("MSFT_WmiError", MI_FLAG_CLASS, &raw) != MI_RESULT_OK) return nullptr;
  InstancePtr error(raw);
  MI_Uint32 code = info.native_code.value_or(static_cast<MI_Uint32>(info.result));
  std::string message = info.message.empty() ? DefaultMessage(info.result) : info.message;
  MI_ErrorCategory category = info.category.value_or(
      info.native_code ? CategoryForError(info.native_type.c_str(), code) : CategoryForResult(info.result));

  ErrorBuilder b(raw);
  // CIM_Error, in the order Windows serialises it.
  b.Uint32("CIMStatusCode", static_cast<MI_Uint32>(info.result));
  b.String("CIMStatusCodeDescription", ResultName(info.result));
  if (info.error_source.empty()) b.NullString("ErrorSource"); else b.String("ErrorSource", info.error_source);
  b.Uint16("ErrorSourceFormat", 0);
  b.Uint16("ErrorType", 0);
  b.String("Message", message);
  b.String("MessageID", MessageIdFor(info.native_type, code));
  b.NullString("OtherErrorSourceFormat");
  b.NullString("OtherErrorType");
  b.String("OwningEntity", "cimulate");
  b.Uint16("PerceivedSeverity", 7);  // fatal: the operation did not complete
  b.Uint16("ProbableCause", info.probable_cause);
  b.String("ProbableCauseDescription",
           info.probable_cause_description.empty() ? "Unknown" : info.probable_cause_description);
  // MSFT_WmiError extensions.
  b.Uint32("error_Category", static_cast<MI_Uint32>(category));
  b.Uint32("error_Code", code);
  b.String("error_Type", info.native_type);
  b.String("error_WindowsErrorMessage", info.windows_message.empty() ? message : info.windows_message);
  if (!b.ok()) return nullptr;
  return error;
}

InstancePtr BuildError(MI_Result result, const std::string& message) {
  ErrorInfo info;
  info.result = result;
  info.message = message;
  return BuildError(info);
}

MI_Result ReportError(MI_Result result, InstancePtr error, MI_Instance** out) {
  if (out != nullptr) *out = error.release();
  return result;
}

MI_Result ReportError(const ErrorInfo& info, MI_Instance** out) {
  if (out == nullptr) return info.result;
  return ReportError(info.result, BuildError(info), out);
}

}  // namespace cimulate::core
