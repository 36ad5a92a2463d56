#include "journal/events.h"

namespace cimulate::fake {

const char* ConnectionEventName(ConnectionEventKind kind) {
  switch (kind) {
    case ConnectionEventKind::kAccept: return "accept";
    case ConnectionEventKind::kTlsHandshakeOk: return "tls_handshake_ok";
    case ConnectionEventKind::kTlsHandshakeFailed: return "tls_handshake_failed";
    case ConnectionEventKind::kFirstByte: return "first_byte";
    case ConnectionEventKind::kCloseByClient: return "close_by_client";
    case ConnectionEventKind::kCloseByServer: return "close_by_server";
    case ConnectionEventKind::kResetByServer: return "reset_by_server";
    case ConnectionEventKind::kTimeout: return "timeout";
  }
  return "?";
}

}  // namespace cimulate::fake
