#include "dcom/remote_scm_activator.h"

namespace cimulate::dcom {

namespace {

// [out] MInterfacePointer**: a top-level [ref] pointer (no wire form) to a
// unique pointer, i.e. on the wire a unique pointer to the interface.
void WriteOutInterface(NdrWriter& out, const std::optional<MInterfacePointer>& value) {
  WriteInterfacePointer(out, PointerKind::kUnique, value ? &*value : nullptr);
}

dcerpc::Status Finish(const NdrReader& in) { return in.status(); }

}  // namespace

std::vector<uint8_t> EncodeRemoteCreateInstanceRequest(const RemoteCreateInstanceRequest& request) {
  NdrWriter w;
  WriteOrpcThis(w, request.orpc_this);
  WriteOutInterface(w, request.outer_unknown);
  WriteOutInterface(w, request.properties);
  return w.Finish();
}

dcerpc::Status DecodeRemoteCreateInstanceRequest(std::span<const uint8_t> stub,
                                                 RemoteCreateInstanceRequest* request) {
  *request = {};
  NdrReader in(stub);
  ReadOrpcThis(in, &request->orpc_this);
  ReadInterfacePointer(in, PointerKind::kUnique, &request->outer_unknown);
  ReadInterfacePointer(in, PointerKind::kUnique, &request->properties);
  if (in.ok() && !request->properties) {
    in.Fail(dcerpc::ErrorCode::kMalformed, "RemoteCreateInstance without pActProperties");
  }
  return Finish(in);
}

std::vector<uint8_t> EncodeRemoteCreateInstanceResponse(const RemoteCreateInstanceResponse& response) {
  NdrWriter w;
  WriteOrpcThat(w, response.orpc_that);
  WriteOutInterface(w, response.properties);
  w.I32(response.hresult);
  return w.Finish();
}

dcerpc::Status DecodeRemoteCreateInstanceResponse(std::span<const uint8_t> stub,
                                                  RemoteCreateInstanceResponse* response) {
  *response = {};
  NdrReader in(stub);
  ReadOrpcThat(in, &response->orpc_that);
  ReadInterfacePointer(in, PointerKind::kUnique, &response->properties);
  in.I32(&response->hresult);
  return Finish(in);
}

std::vector<uint8_t> EncodeRemoteGetClassObjectError(int32_t hresult) {
  return EncodeRemoteCreateInstanceResponse({OrpcThat{}, std::nullopt, hresult});
}

}  // namespace cimulate::dcom
