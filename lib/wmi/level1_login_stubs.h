// IWbemLevel1Login stubs (MS-WMI 3.1.4.1): the object a client activates
// first; NTLMLogin turns it into an IWbemServices for one namespace.
//
// Each call has a request and a response struct and an Encode/Decode pair
// for each: the client encodes requests and decodes responses, the fake
// endpoint does the reverse. Decode never throws; it returns a Status that
// names the call and what was wrong.

#ifndef CIMULATE_WMI_LEVEL1_LOGIN_STUBS_H_
#define CIMULATE_WMI_LEVEL1_LOGIN_STUBS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wmi/stub_codec.h"

namespace cimulate::wmi {

// EstablishPosition (opnum 3): both inputs are reserved; the reply carries
// a LocaleVersion the client ignores.
struct EstablishPositionRequest {
  OrpcThis orpc;
  std::optional<std::u16string> reserved1;  // [unique, string]
  uint32_t reserved2 = 0;
  friend bool operator==(const EstablishPositionRequest&,
                         const EstablishPositionRequest&) = default;
};

struct EstablishPositionResponse {
  OrpcThat orpc;
  uint32_t locale_version = 0;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const EstablishPositionResponse&,
                         const EstablishPositionResponse&) = default;
};

// NTLMLogin (opnum 6). The namespace is an LPWSTR such as "//./root/cimv2";
// a NULL locale means the server's default.
struct NtlmLoginRequest {
  OrpcThis orpc;
  std::optional<std::u16string> network_resource;
  std::optional<std::u16string> preferred_locale;
  int32_t flags = 0;
  InterfacePtr context;  // pCtx: IWbemContext, NULL in practice
  friend bool operator==(const NtlmLoginRequest&, const NtlmLoginRequest&) = default;
};

// On failure the namespace pointer is NULL and `hresult` says why.
struct NtlmLoginResponse {
  OrpcThat orpc;
  InterfacePtr services;  // ppNamespace: an IWbemServices OBJREF
  HResult hresult = kWbemSNoError;
  friend bool operator==(const NtlmLoginResponse&, const NtlmLoginResponse&) = default;
};

std::vector<uint8_t> Encode(const EstablishPositionRequest& value);
std::vector<uint8_t> Encode(const EstablishPositionResponse& value);
std::vector<uint8_t> Encode(const NtlmLoginRequest& value);
std::vector<uint8_t> Encode(const NtlmLoginResponse& value);

Status Decode(std::span<const uint8_t> stub, EstablishPositionRequest* value);
Status Decode(std::span<const uint8_t> stub, EstablishPositionResponse* value);
Status Decode(std::span<const uint8_t> stub, NtlmLoginRequest* value);
Status Decode(std::span<const uint8_t> stub, NtlmLoginResponse* value);

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_LEVEL1_LOGIN_STUBS_H_
