// HttpTransport: the Transport that POSTs envelopes over HTTP or HTTPS.
//
// One per MI session.  It connects lazily (creating it does no name lookup
// and no connect), keeps up to max_connections keep-alive connections and
// reuses an idle one for each Post, so sequential operations of a session
// share one connection and concurrent ones run in parallel.
#ifndef CIMULATE_WINRM_HTTP_HTTP_TRANSPORT_H_
#define CIMULATE_WINRM_HTTP_HTTP_TRANSPORT_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "winrm/transport.h"

namespace cimulate::winrm {

struct HttpTransportConfig {
  std::string host;  // a name or a numeric address (IPv6 without brackets)
  std::uint16_t port = 5985;
  bool https = false;
  std::string path = "/wsman";  // the HTTP URL prefix
  // Basic credentials; an empty user sends no Authorization header.
  std::string user;
  std::string password;
  // HTTPS: each check can be switched off on its own, as MI's
  // MI_DestinationOptions_SetCertCACheck / SetCertCNCheck allow.
  bool check_ca = true;
  bool check_cn = true;
  std::string ca_file;  // PEM bundle; empty: OpenSSL's default store
  std::chrono::milliseconds connect_timeout{30000};
  std::size_t max_connections = 4;
  std::size_t max_response_bytes = 64u * 1024 * 1024;
};

std::unique_ptr<Transport> NewHttpTransport(HttpTransportConfig config);

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_HTTP_HTTP_TRANSPORT_H_
