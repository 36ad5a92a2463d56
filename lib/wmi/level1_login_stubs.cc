#include "wmi/level1_login_stubs.h"

namespace cimulate::wmi {

std::vector<uint8_t> Encode(const EstablishPositionRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  out.UniqueWideString(value.reserved1);
  out.U32(value.reserved2);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, EstablishPositionRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.UniqueWideString(&value->reserved1);
  in.U32(&value->reserved2);
  return FinishRequest(in, "EstablishPosition");
}

std::vector<uint8_t> Encode(const EstablishPositionResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  out.U32(value.locale_version);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, EstablishPositionResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  in.U32(&value->locale_version);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "EstablishPosition");
}

std::vector<uint8_t> Encode(const NtlmLoginRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  out.UniqueWideString(value.network_resource);
  out.UniqueWideString(value.preferred_locale);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, NtlmLoginRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.UniqueWideString(&value->network_resource);
  in.UniqueWideString(&value->preferred_locale);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  return FinishRequest(in, "NTLMLogin");
}

std::vector<uint8_t> Encode(const NtlmLoginResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInterfacePtr(out, value.services);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, NtlmLoginResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInterfacePtr(in, &value->services);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "NTLMLogin");
}

}  // namespace cimulate::wmi
