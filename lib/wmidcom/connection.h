// The seam between the MI operations of a WMIDCOM session and the wire.
//
// A WbemConnection is one session's link to a WMI server: on first use it
// activates CLSID_WbemLevel1Login on the activation port, connects to the
// object exporter and logs on (NTLMLogin) to a namespace, giving the
// IWbemServices behind WbemServices.  It is shared by every operation of the
// session (and must be safe to use from several at once); objects cross it as
// MI instances, already converted from and to MS-WMIO.  Tests substitute mocks.
#ifndef CIMULATE_WMIDCOM_CONNECTION_H_
#define CIMULATE_WMIDCOM_CONNECTION_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "MI.h"
#include "core/instance.h"
#include "wmidcom/call_control.h"
#include "wmidcom/call_status.h"
#include "wmidcom/session_settings.h"

namespace cimulate::wmidcom {

// IWbemServices::PutInstance flags (MS-WMI 2.2.3).
inline constexpr std::uint32_t kWbemFlagUpdateOnly = 0x1;
inline constexpr std::uint32_t kWbemFlagCreateOnly = 0x2;

// IEnumWbemClassObject; releasing it releases the remote enumerator.
class InstanceStream {
 public:
  virtual ~InstanceStream() = default;
  // Up to `count` more instances; `finished` once the server said WBEM_S_FALSE.
  virtual CallStatus Next(std::uint32_t count, CallControl& control, std::vector<core::InstancePtr>* instances,
                          bool* finished) = 0;
};

// IWbemServices of one namespace.
class WbemServices {
 public:
  virtual ~WbemServices() = default;
  virtual CallStatus ExecQuery(const std::string& wql, CallControl& control,
                               std::unique_ptr<InstanceStream>* stream) = 0;
  // `path` is a WMI object path ("Class.Key=\"v\"").
  virtual CallStatus GetObject(const std::string& path, CallControl& control, core::InstancePtr* object) = 0;
  virtual CallStatus PutInstance(const MI_Instance& instance, std::uint32_t flags, CallControl& control) = 0;
  virtual CallStatus DeleteInstance(const std::string& path, CallControl& control) = 0;
  // `in` may be null (no parameters); `out` receives the __PARAMETERS instance, if any.
  virtual CallStatus ExecMethod(const std::string& path, const std::string& method, const MI_Instance* in,
                                CallControl& control, core::InstancePtr* out) = 0;
};

class WbemConnection {
 public:
  virtual ~WbemConnection() = default;
  // Connects on first use and logs on to `name_space` ("//./root/cimv2");
  // later calls reuse the connection and, per namespace, the services.
  virtual CallStatus Login(const std::string& name_space, CallControl& control,
                           std::shared_ptr<WbemServices>* services) = 0;
  // Releases the remote references and closes the connections; the session is
  // closing and no call is running.
  virtual void Shutdown() = 0;
};

// Makes a session's connection; must not do I/O.
using ConnectionFactory = std::function<std::unique_ptr<WbemConnection>(const SessionSettings& settings)>;

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_CONNECTION_H_
