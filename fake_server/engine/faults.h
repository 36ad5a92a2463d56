// The faults the fake sends on its own, shaped as Windows sends them
// (reference/wsman.md §2.2, §2.3), and scenario faults given as fields.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_FAULTS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_FAULTS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/repository.h"
#include "scenario/data.h"
#include "scenario/endpoint.h"
#include "wsman/fault.h"
#include "wsman/status.h"

namespace cimulate::fake {

// WSManFault codes (wsmerror.h) the engine uses.
namespace wsman_code {
inline constexpr uint32_t kResourceNotFound = 0x80338000;     // 2150858752
inline constexpr uint32_t kVersionMismatch = 0x8033800D;
inline constexpr uint32_t kActionNotSupported = 0x80338013;
inline constexpr uint32_t kInvalidRepresentation = 0x80338015;
inline constexpr uint32_t kFilterDialectUnavailable = 0x80338019;
inline constexpr uint32_t kCannotProcessFilter = 0x8033801A;
inline constexpr uint32_t kInvalidEnumerationContext = 0x8033801B;
inline constexpr uint32_t kTimedOut = 0x80338029;             // 2150858793
inline constexpr uint32_t kAlreadyExists = 0x80338033;
inline constexpr uint32_t kEncodingLimit = 0x80338035;
inline constexpr uint32_t kInvalidParameter = 0x8033803A;
inline constexpr uint32_t kSchemaValidation = 0x80338041;     // 2150858817
inline constexpr uint32_t kInsufficientSelectors = 0x8033805A;
inline constexpr uint32_t kUnexpectedSelectors = 0x8033805B;  // 2150858843
inline constexpr uint32_t kDuplicateSelectors = 0x8033805F;
}  // namespace wsman_code

// A fault with a subcode from `ns`, a FaultDetail (short name) and a WSManFault.
wsman::Fault MakeFault(std::string_view code, const char* subcode_ns, std::string_view subcode, std::string reason,
                       std::string_view detail, uint32_t wsman_fault_code, std::string message = {});

// Get/Put/Delete/Invoke of something the data lacks: a:DestinationUnreachable
// with an MSFT_WmiError saying not found, invalid class or invalid namespace;
// bad selectors: w:InvalidSelectors with the matching FaultDetail.
wsman::Fault LookupFault(LookupResult result, const std::string& what);

wsman::Fault ActionNotSupported(const std::string& action);
wsman::Fault SchemaValidation(const std::string& message);
wsman::Fault VersionMismatch(const std::string& message);
wsman::Fault EncodingLimit(std::string_view detail, const std::string& message);
wsman::Fault InvalidEnumerationContext(const std::string& context);
wsman::Fault CannotProcessFilter(const std::string& message);
wsman::Fault FilterDialectUnavailable(const std::string& dialect);
wsman::Fault AlreadyExists(const std::string& message);
wsman::Fault InvalidRepresentation(const std::string& message);
wsman::Fault InvalidParameter(const std::string& message);
wsman::Fault OperationTimedOut();
// A ShellId no shell has (Windows capture: reference §4).
wsman::Fault UnknownShell(const std::string& shell_id);

// A scenario's fault fields as a wsman::Fault (the Action and HTTP status
// fields are the caller's to apply).
wsman::Status ScenarioFault(const scenario::Fault& fields, const scenario::DataSet& data, wsman::Fault* out);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_FAULTS_H_
