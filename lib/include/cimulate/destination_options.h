// MI_DestinationOptions: how to reach and authenticate to a destination, passed
// to Application::NewSession.  Setters return the MI_Result of the call.
//
//   cimulate::DestinationOptions options = app.NewDestinationOptions();
//   options.SetTransport(MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS);
//   options.AddDestinationCredentials({.auth_type = MI_AUTH_TYPE_BASIC, .user = "bob", .password = pw});
#ifndef CIMULATE_DESTINATION_OPTIONS_H_
#define CIMULATE_DESTINATION_OPTIONS_H_

#include <chrono>
#include <optional>
#include <string>

#include "MI.h"
#include "cimulate/c_str.h"

namespace cimulate {

// User name and password credentials; an empty domain is sent as "none given".
struct UserCredentials {
  std::string auth_type = MI_AUTH_TYPE_DEFAULT;  // an MI_AUTH_TYPE_* value
  std::string domain;
  std::string user;
  std::string password;
};

// Move-only; a moved-from object is empty and its calls fail with
// MI_RESULT_INVALID_PARAMETER.
class DestinationOptions {
 public:
  DestinationOptions() = default;
  // Takes ownership of an options handle (MI_DestinationOptions_Delete on destruction).
  explicit DestinationOptions(MI_DestinationOptions handle) : handle_(handle) {}
  ~DestinationOptions();
  DestinationOptions(DestinationOptions&& other) noexcept;
  DestinationOptions& operator=(DestinationOptions&& other) noexcept;
  DestinationOptions(const DestinationOptions&) = delete;
  DestinationOptions& operator=(const DestinationOptions&) = delete;

  explicit operator bool() const { return handle_.ft != nullptr; }
  MI_DestinationOptions* get() { return &handle_; }
  const MI_DestinationOptions* get() const { return &handle_; }
  DestinationOptions Clone() const;

  MI_Result SetTimeout(std::chrono::microseconds timeout);
  MI_Result SetTransport(CStr transport);  // MI_DESTINATIONOPTIONS_TRANSPORT_HTTP(S)
  MI_Result SetPort(MI_Uint32 port);
  MI_Result SetHttpUrlPrefix(CStr prefix);
  MI_Result SetPacketPrivacy(bool on);
  MI_Result SetPacketIntegrity(bool on);
  MI_Result SetPacketEncoding(CStr encoding);  // MI_DESTINATIONOPTIONS_PACKET_ENCODING_*
  MI_Result SetCertCACheck(bool on);
  MI_Result SetCertCNCheck(bool on);
  MI_Result SetCertRevocationCheck(bool on);
  MI_Result SetTrustedCertsDir(CStr path);
  MI_Result SetCertFile(CStr path);
  MI_Result SetPrivateKeyFile(CStr path);
  MI_Result SetDataLocale(CStr locale);
  MI_Result SetUILocale(CStr locale);
  MI_Result SetMaxEnvelopeSize(MI_Uint32 kilobytes);
  MI_Result SetMaxElements(MI_Uint32 count);
  MI_Result SetEncodePortInSPN(bool on);
  MI_Result SetImpersonationType(MI_DestinationOptions_ImpersonationType type);
  MI_Result SetProxyType(CStr type);  // MI_DESTINATIONOPTIONS_PROXY_TYPE_*

  MI_Result AddDestinationCredentials(const UserCredentials& credentials);
  MI_Result AddDestinationCertificate(CStr thumbprint);  // MI_AUTH_TYPE_CLIENT_CERTS
  MI_Result AddProxyCredentials(const UserCredentials& credentials);
  MI_Uint32 CredentialsCount() const;

  // Any option by name, for the ones without a setter above.
  MI_Result SetString(CStr name, CStr value);
  MI_Result SetNumber(CStr name, MI_Uint32 value);
  std::optional<std::string> GetString(CStr name) const;
  std::optional<MI_Uint32> GetNumber(CStr name) const;

 private:
  MI_DestinationOptions handle_{};
};

}  // namespace cimulate

#endif  // CIMULATE_DESTINATION_OPTIONS_H_
