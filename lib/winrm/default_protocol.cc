// The handler as the library registers it: with the real HTTP transport.  In
// a file of its own so that tests, which inject other transports, need not
// link the HTTP client.
#include "winrm/winrm_protocol.h"

namespace cimulate::winrm {

std::shared_ptr<core::ProtocolHandler> NewWinrmProtocol() {
  return std::make_shared<WinrmProtocol>([](const HttpTransportConfig& config) { return NewHttpTransport(config); });
}

}  // namespace cimulate::winrm
