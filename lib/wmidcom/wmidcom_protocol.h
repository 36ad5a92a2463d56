// The WMIDCOM protocol handler: MI sessions over MS-WMI on DCOM (DCE/RPC on
// TCP, NTLM).
//
// OpenSession reads the destination, the CIMULATE_WMIDCOM_ENDPOINT override
// and the destination options into SessionSettings and makes the session's
// WbemConnection, which does no I/O until the first operation (deferred
// connection).  Each operation logs on to its namespace through that shared
// connection and becomes IWbemServices calls (operations.h); failures become
// MI results with extended errors (errors.h).
#ifndef CIMULATE_WMIDCOM_WMIDCOM_PROTOCOL_H_
#define CIMULATE_WMIDCOM_WMIDCOM_PROTOCOL_H_

#include <memory>
#include <string>

#include "core/protocol.h"
#include "wmidcom/connection.h"
#include "wmidcom/session_settings.h"

namespace cimulate::wmidcom {

class WmidcomProtocol : public core::ProtocolHandler {
 public:
  WmidcomProtocol(ConnectionFactory factory, Environment environment);

  std::string name() const override { return "WMIDCOM"; }
  MI_Result OpenSession(const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
                        core::ErrorInfo* error) override;

 private:
  ConnectionFactory factory_;
  Environment environment_;
};

// The handler with the real DCOM connection and the process environment.
std::shared_ptr<core::ProtocolHandler> NewWmidcomProtocol();

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_WMIDCOM_PROTOCOL_H_
