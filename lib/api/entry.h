// The registry behind the exported MI_Application_InitializeV1.
#ifndef CIMULATE_API_ENTRY_H_
#define CIMULATE_API_ENTRY_H_

#include <memory>

#include "core/protocol.h"

namespace cimulate {

// The built-in protocol handlers, registered as "WINRM" and "WMIDCOM".
std::shared_ptr<core::ProtocolRegistry> DefaultProtocolRegistry();

}  // namespace cimulate

#endif  // CIMULATE_API_ENTRY_H_
