#include "dcom/rem_unknown.h"

namespace cimulate::dcom {

namespace {
constexpr size_t kRemInterfaceRefSize = 24;
}  // namespace

std::vector<uint8_t> EncodeRemRefCountRequest(const RemRefCountRequest& request) {
  NdrWriter w;
  WriteOrpcThis(w, request.orpc_this);
  w.U16(static_cast<uint16_t>(request.refs.size()));
  w.Constructed([&request](NdrWriter& a) {
    a.MaxCount(static_cast<uint32_t>(request.refs.size()));
    for (const auto& ref : request.refs) {
      a.WriteGuid(ref.ipid);
      a.U32(ref.public_refs);
      a.U32(ref.private_refs);
    }
  });
  return w.Finish();
}

dcerpc::Status DecodeRemRefCountRequest(std::span<const uint8_t> stub, RemRefCountRequest* request) {
  *request = {};
  NdrReader in(stub);
  uint16_t count = 0;
  uint32_t max_count = 0;
  ReadOrpcThis(in, &request->orpc_this);
  in.U16(&count);
  in.MaxCount(&max_count, kRemInterfaceRefSize);
  if (in.ok() && max_count != count) {
    in.Fail(dcerpc::ErrorCode::kMalformed, "cInterfaceRefs differs from its array size");
  }
  if (!in.ok()) return in.status();
  request->refs.resize(count);
  for (auto& ref : request->refs) {
    in.ReadGuid(&ref.ipid);
    in.U32(&ref.public_refs);
    in.U32(&ref.private_refs);
  }
  return in.status();
}

std::vector<uint8_t> EncodeRemReleaseResponse(const OrpcThat& orpc_that, int32_t hresult) {
  NdrWriter w;
  WriteOrpcThat(w, orpc_that);
  w.I32(hresult);
  return w.Finish();
}

dcerpc::Status DecodeRemReleaseResponse(std::span<const uint8_t> stub, OrpcThat* orpc_that,
                                        int32_t* hresult) {
  NdrReader in(stub);
  ReadOrpcThat(in, orpc_that);
  in.I32(hresult);
  return in.status();
}

}  // namespace cimulate::dcom
