// The small non-virtual parts of the transport seam (winrm/transport.h).
#include "winrm/transport.h"

#include <cctype>

namespace cimulate::winrm {

std::string_view ErrorCodeName(TransportErrorCode code) {
  switch (code) {
    case TransportErrorCode::kOk: return "Ok";
    case TransportErrorCode::kResolveFailed: return "ResolveFailed";
    case TransportErrorCode::kConnectFailed: return "ConnectFailed";
    case TransportErrorCode::kTlsFailed: return "TlsFailed";
    case TransportErrorCode::kCertificateRejected: return "CertificateRejected";
    case TransportErrorCode::kTimedOut: return "TimedOut";
    case TransportErrorCode::kConnectionClosed: return "ConnectionClosed";
    case TransportErrorCode::kConnectionReset: return "ConnectionReset";
    case TransportErrorCode::kBadResponse: return "BadResponse";
    case TransportErrorCode::kTruncated: return "Truncated";
    case TransportErrorCode::kResponseTooLarge: return "ResponseTooLarge";
    case TransportErrorCode::kCancelled: return "Cancelled";
  }
  return "Unknown";
}

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::string* HttpResponse::Header(std::string_view name) const {
  for (const HttpField& field : headers) {
    if (EqualsIgnoringCase(field.first, name)) return &field.second;
  }
  return nullptr;
}

}  // namespace cimulate::winrm
