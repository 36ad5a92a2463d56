#include "dcom/rem_unknown.h"

namespace cimulate::dcom {

namespace {

constexpr size_t kRemInterfaceRefSize = 24;
constexpr size_t kGuidSize = 16;
constexpr size_t kRemQiResultSize = 48;  // HRESULT, 4 bytes of alignment, STDOBJREF

using dcerpc::ErrorCode;

bool CheckCount(NdrReader& in, uint32_t max_count, size_t count, const char* what) {
  return max_count == count || in.Fail(ErrorCode::kMalformed, what);
}

// STDOBJREF as an NDR struct: its hypers give it 8-byte alignment.
void WriteStdObjRefNdr(NdrWriter& out, const StdObjRef& value) {
  out.Align(8);
  out.U32(value.flags);
  out.U32(value.public_refs);
  out.U64(value.oxid);
  out.U64(value.oid);
  out.WriteGuid(value.ipid);
}

bool ReadStdObjRefNdr(NdrReader& in, StdObjRef* value) {
  return in.Align(8) && in.U32(&value->flags) && in.U32(&value->public_refs) &&
         in.U64(&value->oxid) && in.U64(&value->oid) && in.ReadGuid(&value->ipid);
}

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

std::vector<uint8_t> EncodeRemAddRefResponse(const RemAddRefResponse& response) {
  NdrWriter w;
  WriteOrpcThat(w, response.orpc_that);
  w.Constructed([&response](NdrWriter& a) {
    a.MaxCount(static_cast<uint32_t>(response.results.size()));
    for (int32_t result : response.results) a.I32(result);
  });
  w.I32(response.hresult);
  return w.Finish();
}

dcerpc::Status DecodeRemAddRefResponse(std::span<const uint8_t> stub, RemAddRefResponse* response) {
  *response = {};
  NdrReader in(stub);
  uint32_t max_count = 0;
  ReadOrpcThat(in, &response->orpc_that);
  if (in.MaxCount(&max_count, sizeof(int32_t))) {
    response->results.resize(max_count);
    for (int32_t& result : response->results) in.I32(&result);
  }
  in.I32(&response->hresult);
  return in.status();
}

std::vector<uint8_t> EncodeRemQueryInterfaceRequest(const RemQueryInterfaceRequest& request) {
  NdrWriter w;
  WriteOrpcThis(w, request.orpc_this);
  w.WriteGuid(request.ipid);
  w.U32(request.refs);
  w.U16(static_cast<uint16_t>(request.iids.size()));
  w.Constructed([&request](NdrWriter& a) {
    a.MaxCount(static_cast<uint32_t>(request.iids.size()));
    for (const Guid& iid : request.iids) a.WriteGuid(iid);
  });
  return w.Finish();
}

dcerpc::Status DecodeRemQueryInterfaceRequest(std::span<const uint8_t> stub,
                                              RemQueryInterfaceRequest* request) {
  *request = {};
  NdrReader in(stub);
  uint16_t count = 0;
  uint32_t max_count = 0;
  ReadOrpcThis(in, &request->orpc_this);
  in.ReadGuid(&request->ipid);
  in.U32(&request->refs);
  in.U16(&count);
  in.MaxCount(&max_count, kGuidSize);
  if (in.ok() && count > kMaxQueryInterfaceIids) {
    in.Fail(ErrorCode::kLimitExceeded, "too many IIDs in RemQueryInterface");
  }
  if (in.ok() && CheckCount(in, max_count, count, "cIids differs from its array size")) {
    request->iids.resize(count);
    for (Guid& iid : request->iids) in.ReadGuid(&iid);
  }
  return in.status();
}

std::vector<uint8_t> EncodeRemQueryInterfaceResponse(const RemQueryInterfaceResponse& response) {
  NdrWriter w;
  WriteOrpcThat(w, response.orpc_that);
  const auto& results = response.results;
  w.Pointer(PointerKind::kUnique, results.has_value(), [&results](NdrWriter& p) {
    p.Constructed([&results](NdrWriter& a) {
      a.MaxCount(static_cast<uint32_t>(results->size()));
      for (const RemQiResult& result : *results) {
        a.Align(8);
        a.I32(result.hresult);
        WriteStdObjRefNdr(a, result.std);
      }
    });
  });
  w.I32(response.hresult);
  return w.Finish();
}

dcerpc::Status DecodeRemQueryInterfaceResponse(std::span<const uint8_t> stub,
                                               RemQueryInterfaceResponse* response) {
  *response = {};
  NdrReader in(stub);
  ReadOrpcThat(in, &response->orpc_that);
  bool present = false;
  in.Pointer(PointerKind::kUnique, &present, [response](NdrReader& p) {
    p.Constructed([response](NdrReader& a) {
      uint32_t max_count = 0;
      if (!a.MaxCount(&max_count, kRemQiResultSize - 4)) return;
      auto& results = response->results.emplace(max_count);
      for (RemQiResult& result : results) {
        if (!a.Align(8) || !a.I32(&result.hresult) || !ReadStdObjRefNdr(a, &result.std)) return;
      }
    });
  });
  in.I32(&response->hresult);
  return in.status();
}

}  // namespace cimulate::dcom
