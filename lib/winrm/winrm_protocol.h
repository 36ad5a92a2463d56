// The WINRM protocol handler: MI sessions over WS-Management.
//
// OpenSession reads the destination and its options into SessionSettings and
// creates the session's Transport, which does no I/O until the first
// operation (deferred connection).  Each operation becomes one or more
// WS-Management exchanges (operations.h); faults and transport failures
// become MI results with extended errors (errors.h).
#ifndef CIMULATE_WINRM_WINRM_PROTOCOL_H_
#define CIMULATE_WINRM_WINRM_PROTOCOL_H_

#include <functional>
#include <memory>
#include <string>

#include "core/protocol.h"
#include "winrm/http/http_transport.h"
#include "winrm/transport.h"

namespace cimulate::winrm {

// Makes a session's transport; must not do I/O.  May return null, which fails
// the session with MI_RESULT_FAILED.
using TransportFactory = std::function<std::unique_ptr<Transport>(const HttpTransportConfig& config)>;

class WinrmProtocol : public core::ProtocolHandler {
 public:
  explicit WinrmProtocol(TransportFactory factory);

  std::string name() const override { return "WINRM"; }
  MI_Result OpenSession(const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
                        core::ErrorInfo* error) override;

 private:
  TransportFactory factory_;
};

// The handler with the real HTTP transport (NewHttpTransport).
std::shared_ptr<core::ProtocolHandler> NewWinrmProtocol();

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_WINRM_PROTOCOL_H_
