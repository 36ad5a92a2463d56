// How instances appear in replies: the resource URI (in the form the request
// used) and the EPR that addresses an instance.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_PRESENT_H_
#define CIMULATE_FAKE_SERVER_ENGINE_PRESENT_H_

#include <string>

#include "MI.h"
#include "engine/request_info.h"
#include "wsman/epr.h"

namespace cimulate::fake {

// WMI form .../wmi/<ns>/<Class>, or the DMTF form when the request used it.
std::string InstanceUri(const RequestInfo& info, const std::string& name_space, const std::string& class_name);

// Address anonymous, the instance's resource URI, its key properties as
// selectors (+ __cimnamespace for the DMTF form).
wsman::EndpointReference EprOf(const RequestInfo& info, const std::string& name_space, const MI_Instance* instance);

// The instance's class name ("" when it has none).
std::string ClassNameOf(const MI_Instance* instance);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_PRESENT_H_
