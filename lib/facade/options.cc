#include <utility>

#include "cimulate/datetime.h"
#include "cimulate/destination_options.h"
#include "cimulate/operation_options.h"

namespace cimulate {

namespace {

// The option handles are plain structs; moving one clears the source so its
// destructor does nothing.
template <typename Handle>
Handle TakeHandle(Handle* handle) {
  return std::exchange(*handle, Handle{});
}

// MI takes NULL, not "", for "no domain".
const MI_Char* OrNull(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

MI_UserCredentials ToMi(const UserCredentials& credentials) {
  MI_UserCredentials mi{};
  mi.authenticationType = credentials.auth_type.c_str();
  mi.credentials.usernamePassword.domain = OrNull(credentials.domain);
  mi.credentials.usernamePassword.username = credentials.user.c_str();
  mi.credentials.usernamePassword.password = credentials.password.c_str();
  return mi;
}

}  // namespace

// DestinationOptions ---------------------------------------------------------

DestinationOptions::~DestinationOptions() { MI_DestinationOptions_Delete(&handle_); }

DestinationOptions::DestinationOptions(DestinationOptions&& other) noexcept : handle_(TakeHandle(&other.handle_)) {}

DestinationOptions& DestinationOptions::operator=(DestinationOptions&& other) noexcept {
  if (this != &other) {
    MI_DestinationOptions_Delete(&handle_);
    handle_ = TakeHandle(&other.handle_);
  }
  return *this;
}

DestinationOptions DestinationOptions::Clone() const {
  MI_DestinationOptions copy{};
  if (MI_DestinationOptions_Clone(&handle_, &copy) != MI_RESULT_OK) return DestinationOptions();
  return DestinationOptions(copy);
}

MI_Result DestinationOptions::SetTimeout(std::chrono::microseconds timeout) {
  MI_Interval interval = ToInterval(timeout);
  return MI_DestinationOptions_SetTimeout(&handle_, &interval);
}
MI_Result DestinationOptions::SetTransport(CStr transport) {
  return MI_DestinationOptions_SetTransport(&handle_, transport.c_str());
}
MI_Result DestinationOptions::SetPort(MI_Uint32 port) {
  return MI_DestinationOptions_SetDestinationPort(&handle_, port);
}
MI_Result DestinationOptions::SetHttpUrlPrefix(CStr prefix) {
  return MI_DestinationOptions_SetHttpUrlPrefix(&handle_, prefix.c_str());
}
MI_Result DestinationOptions::SetPacketPrivacy(bool on) { return MI_DestinationOptions_SetPacketPrivacy(&handle_, on); }
MI_Result DestinationOptions::SetPacketIntegrity(bool on) {
  return MI_DestinationOptions_SetPacketIntegrity(&handle_, on);
}
MI_Result DestinationOptions::SetPacketEncoding(CStr encoding) {
  return MI_DestinationOptions_SetPacketEncoding(&handle_, encoding.c_str());
}
MI_Result DestinationOptions::SetCertCACheck(bool on) { return MI_DestinationOptions_SetCertCACheck(&handle_, on); }
MI_Result DestinationOptions::SetCertCNCheck(bool on) { return MI_DestinationOptions_SetCertCNCheck(&handle_, on); }
MI_Result DestinationOptions::SetCertRevocationCheck(bool on) {
  return MI_DestinationOptions_SetCertRevocationCheck(&handle_, on);
}
MI_Result DestinationOptions::SetTrustedCertsDir(CStr path) {
  return MI_DestinationOptions_SetTrustedCertsDir(&handle_, path.c_str());
}
MI_Result DestinationOptions::SetCertFile(CStr path) {
  return MI_DestinationOptions_SetCertFile(&handle_, path.c_str());
}
MI_Result DestinationOptions::SetPrivateKeyFile(CStr path) {
  return MI_DestinationOptions_SetPrivateKeyFile(&handle_, path.c_str());
}
MI_Result DestinationOptions::SetDataLocale(CStr locale) {
  return MI_DestinationOptions_SetDataLocale(&handle_, locale.c_str());
}
MI_Result DestinationOptions::SetUILocale(CStr locale) {
  return MI_DestinationOptions_SetUILocale(&handle_, locale.c_str());
}
MI_Result DestinationOptions::SetMaxEnvelopeSize(MI_Uint32 kilobytes) {
  return MI_DestinationOptions_SetMaxEnvelopeSize(&handle_, kilobytes);
}
MI_Result DestinationOptions::SetMaxElements(MI_Uint32 count) {
  return MI_DestinationOptions_SetMaxElements(&handle_, count);
}
MI_Result DestinationOptions::SetEncodePortInSPN(bool on) {
  return MI_DestinationOptions_SetEncodePortInSPN(&handle_, on);
}
MI_Result DestinationOptions::SetImpersonationType(MI_DestinationOptions_ImpersonationType type) {
  return MI_DestinationOptions_SetImpersonationType(&handle_, type);
}
MI_Result DestinationOptions::SetProxyType(CStr type) {
  return MI_DestinationOptions_SetProxyType(&handle_, type.c_str());
}

MI_Result DestinationOptions::AddDestinationCredentials(const UserCredentials& credentials) {
  MI_UserCredentials mi = ToMi(credentials);
  return MI_DestinationOptions_AddDestinationCredentials(&handle_, &mi);
}

MI_Result DestinationOptions::AddDestinationCertificate(CStr thumbprint) {
  MI_UserCredentials mi{};
  mi.authenticationType = MI_AUTH_TYPE_CLIENT_CERTS;
  mi.credentials.certificateThumbprint = thumbprint.c_str();
  return MI_DestinationOptions_AddDestinationCredentials(&handle_, &mi);
}

MI_Result DestinationOptions::AddProxyCredentials(const UserCredentials& credentials) {
  MI_UserCredentials mi = ToMi(credentials);
  return MI_DestinationOptions_AddProxyCredentials(&handle_, &mi);
}

MI_Uint32 DestinationOptions::CredentialsCount() const {
  MI_Uint32 count = 0;
  if (MI_DestinationOptions_GetCredentialsCount(&handle_, &count) != MI_RESULT_OK) return 0;
  return count;
}

MI_Result DestinationOptions::SetString(CStr name, CStr value) {
  return MI_DestinationOptions_SetString(&handle_, name.c_str(), value.c_str());
}
MI_Result DestinationOptions::SetNumber(CStr name, MI_Uint32 value) {
  return MI_DestinationOptions_SetNumber(&handle_, name.c_str(), value);
}

std::optional<std::string> DestinationOptions::GetString(CStr name) const {
  const MI_Char* value = nullptr;
  if (MI_DestinationOptions_GetString(&handle_, name.c_str(), &value, nullptr) != MI_RESULT_OK || value == nullptr)
    return std::nullopt;
  return std::string(value);
}

std::optional<MI_Uint32> DestinationOptions::GetNumber(CStr name) const {
  MI_Uint32 value = 0;
  if (MI_DestinationOptions_GetNumber(&handle_, name.c_str(), &value, nullptr) != MI_RESULT_OK) return std::nullopt;
  return value;
}

// OperationOptions -----------------------------------------------------------

OperationOptions::~OperationOptions() { MI_OperationOptions_Delete(&handle_); }

OperationOptions::OperationOptions(OperationOptions&& other) noexcept : handle_(TakeHandle(&other.handle_)) {}

OperationOptions& OperationOptions::operator=(OperationOptions&& other) noexcept {
  if (this != &other) {
    MI_OperationOptions_Delete(&handle_);
    handle_ = TakeHandle(&other.handle_);
  }
  return *this;
}

OperationOptions OperationOptions::Clone() const {
  MI_OperationOptions copy{};
  if (MI_OperationOptions_Clone(&handle_, &copy) != MI_RESULT_OK) return OperationOptions();
  return OperationOptions(copy);
}

MI_Result OperationOptions::SetTimeout(std::chrono::microseconds timeout) {
  MI_Interval interval = ToInterval(timeout);
  return MI_OperationOptions_SetTimeout(&handle_, &interval);
}
MI_Result OperationOptions::SetResourceUri(CStr uri) {
  return MI_OperationOptions_SetResourceUri(&handle_, uri.c_str());
}
MI_Result OperationOptions::SetResourceUriPrefix(CStr prefix) {
  return MI_OperationOptions_SetResourceUriPrefix(&handle_, prefix.c_str());
}
MI_Result OperationOptions::SetUseMachineId(bool on) { return MI_OperationOptions_SetUseMachineID(&handle_, on); }
MI_Result OperationOptions::SetWriteErrorMode(MI_CallbackMode mode) {
  return MI_OperationOptions_SetWriteErrorMode(&handle_, mode);
}
MI_Result OperationOptions::SetPromptUserMode(MI_CallbackMode mode) {
  return MI_OperationOptions_SetPromptUserMode(&handle_, mode);
}
MI_Result OperationOptions::SetProviderArchitecture(MI_ProviderArchitecture architecture, bool must_comply) {
  return MI_OperationOptions_SetProviderArchitecture(&handle_, architecture, must_comply);
}
MI_Result OperationOptions::EnableChannel(MI_Uint32 channel) {
  return MI_OperationOptions_EnableChannel(&handle_, channel);
}
MI_Result OperationOptions::DisableChannel(MI_Uint32 channel) {
  return MI_OperationOptions_DisableChannel(&handle_, channel);
}

MI_Result OperationOptions::SetCustomOption(CStr name, MI_Type type, const MI_Value& value, bool must_comply) {
  return MI_OperationOptions_SetCustomOption(&handle_, name.c_str(), type, &value, must_comply);
}
MI_Result OperationOptions::SetCustomString(CStr name, CStr value, bool must_comply) {
  MI_Value v;
  v.string = const_cast<MI_Char*>(value.c_str());  // copied by the options
  return SetCustomOption(name, MI_STRING, v, must_comply);
}
MI_Result OperationOptions::SetCustomUint32(CStr name, MI_Uint32 value, bool must_comply) {
  MI_Value v;
  v.uint32 = value;
  return SetCustomOption(name, MI_UINT32, v, must_comply);
}
MI_Result OperationOptions::SetCustomBool(CStr name, bool value, bool must_comply) {
  MI_Value v;
  v.boolean = value ? MI_TRUE : MI_FALSE;
  return SetCustomOption(name, MI_BOOLEAN, v, must_comply);
}

MI_Result OperationOptions::SetString(CStr name, CStr value) {
  return MI_OperationOptions_SetString(&handle_, name.c_str(), value.c_str(), 0);
}
MI_Result OperationOptions::SetNumber(CStr name, MI_Uint32 value) {
  return MI_OperationOptions_SetNumber(&handle_, name.c_str(), value, 0);
}

std::optional<std::string> OperationOptions::GetString(CStr name) const {
  const MI_Char* value = nullptr;
  if (MI_OperationOptions_GetString(&handle_, name.c_str(), &value, nullptr, nullptr) != MI_RESULT_OK ||
      value == nullptr)
    return std::nullopt;
  return std::string(value);
}

std::optional<MI_Uint32> OperationOptions::GetNumber(CStr name) const {
  MI_Uint32 value = 0;
  if (MI_OperationOptions_GetNumber(&handle_, name.c_str(), &value, nullptr, nullptr) != MI_RESULT_OK)
    return std::nullopt;
  return value;
}

}  // namespace cimulate
