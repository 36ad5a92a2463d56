#include "dcom/object_exporter.h"

namespace cimulate::dcom {

namespace {

using dcerpc::ErrorCode;

void WriteComVersion(NdrWriter& out, const ComVersion& version) {
  out.U16(version.major);
  out.U16(version.minor);
}

bool ReadComVersion(NdrReader& in, ComVersion* version) {
  return in.U16(&version->major) && in.U16(&version->minor);
}

// [out] DUALSTRINGARRAY**: the outer [ref] pointer has no wire form, the
// inner one is unique (the interface's pointer_default).
void WriteBindingsPointer(NdrWriter& out, const std::optional<DualStringArray>& bindings) {
  out.Pointer(PointerKind::kUnique, bindings.has_value(),
              [&bindings](NdrWriter& w) { WriteDualStringArrayNdr(w, *bindings); });
}

bool ReadBindingsPointer(NdrReader& in, std::optional<DualStringArray>* bindings) {
  bool present = false;
  return in.Pointer(PointerKind::kUnique, &present, [bindings](NdrReader& r) {
    bindings->emplace();
    ReadDualStringArrayNdr(r, &**bindings);
  });
}

// A count that travels apart from its conformant array must agree with the
// array's max_count.
bool CheckCount(NdrReader& in, uint32_t max_count, uint16_t count, const char* what) {
  if (max_count == count) return true;
  return in.Fail(ErrorCode::kMalformed, what);
}

// [in, unique, size_is(count)] OID set[]: NULL when empty.
void WriteOidSet(NdrWriter& out, const std::vector<uint64_t>& oids) {
  out.Pointer(PointerKind::kUnique, !oids.empty(), [&oids](NdrWriter& w) {
    w.MaxCount(static_cast<uint32_t>(oids.size()));
    for (uint64_t oid : oids) w.U64(oid);
  });
}

bool ReadOidSet(NdrReader& in, uint16_t count, std::vector<uint64_t>* oids) {
  bool present = false;
  in.Pointer(PointerKind::kUnique, &present, [&](NdrReader& r) {
    uint32_t max_count = 0;
    if (!r.MaxCount(&max_count, sizeof(uint64_t)) ||
        !CheckCount(r, max_count, count, "ComplexPing set count differs from its array size")) {
      return;
    }
    oids->resize(count);
    for (uint64_t& oid : *oids) r.U64(&oid);
  });
  if (in.ok() && !present && count != 0) {
    in.Fail(ErrorCode::kMalformed, "ComplexPing set count without an array");
  }
  return in.ok();
}

std::vector<uint8_t> EncodeResolveReply(const ResolveOxidResponse& response, bool with_version) {
  NdrWriter w;
  WriteBindingsPointer(w, response.bindings);
  w.WriteGuid(response.ipid_rem_unknown);
  w.U32(response.authn_hint);
  if (with_version) WriteComVersion(w, response.version);
  w.U32(response.error);
  return w.Finish();
}

dcerpc::Status DecodeResolveReply(std::span<const uint8_t> stub, bool with_version,
                                  ResolveOxidResponse* response) {
  *response = {};
  NdrReader in(stub);
  ReadBindingsPointer(in, &response->bindings);
  in.ReadGuid(&response->ipid_rem_unknown);
  in.U32(&response->authn_hint);
  if (with_version) ReadComVersion(in, &response->version);
  in.U32(&response->error);
  return in.status();
}

}  // namespace

std::vector<uint8_t> EncodeResolveOxidRequest(const ResolveOxidRequest& request) {
  NdrWriter w;
  w.U64(request.oxid);
  w.U16(static_cast<uint16_t>(request.requested_protseqs.size()));
  w.Constructed([&request](NdrWriter& a) {
    a.MaxCount(static_cast<uint32_t>(request.requested_protseqs.size()));
    for (uint16_t protseq : request.requested_protseqs) a.U16(protseq);
  });
  return w.Finish();
}

dcerpc::Status DecodeResolveOxidRequest(std::span<const uint8_t> stub, ResolveOxidRequest* request) {
  *request = {};
  NdrReader in(stub);
  uint16_t count = 0;
  uint32_t max_count = 0;
  in.U64(&request->oxid);
  in.U16(&count);
  in.MaxCount(&max_count, sizeof(uint16_t));
  if (in.ok() && count > kMaxRequestedProtseqs) {
    in.Fail(ErrorCode::kLimitExceeded, "too many requested protocol sequences");
  }
  if (in.ok() && CheckCount(in, max_count, count, "cRequestedProtseqs differs from its array size")) {
    request->requested_protseqs.resize(count);
    for (uint16_t& protseq : request->requested_protseqs) in.U16(&protseq);
  }
  return in.status();
}

std::vector<uint8_t> EncodeResolveOxidResponse(const ResolveOxidResponse& response) {
  return EncodeResolveReply(response, false);
}

dcerpc::Status DecodeResolveOxidResponse(std::span<const uint8_t> stub, ResolveOxidResponse* response) {
  return DecodeResolveReply(stub, false, response);
}

std::vector<uint8_t> EncodeResolveOxid2Response(const ResolveOxidResponse& response) {
  return EncodeResolveReply(response, true);
}

dcerpc::Status DecodeResolveOxid2Response(std::span<const uint8_t> stub,
                                          ResolveOxidResponse* response) {
  return DecodeResolveReply(stub, true, response);
}

std::vector<uint8_t> EncodeSimplePingRequest(uint64_t set_id) {
  NdrWriter w;
  w.U64(set_id);
  return w.Finish();
}

dcerpc::Status DecodeSimplePingRequest(std::span<const uint8_t> stub, uint64_t* set_id) {
  NdrReader in(stub);
  in.U64(set_id);
  return in.status();
}

std::vector<uint8_t> EncodeComplexPingRequest(const ComplexPingRequest& request) {
  NdrWriter w;
  w.U64(request.set_id);
  w.U16(request.sequence_num);
  w.U16(static_cast<uint16_t>(request.add_to_set.size()));
  w.U16(static_cast<uint16_t>(request.del_from_set.size()));
  WriteOidSet(w, request.add_to_set);
  WriteOidSet(w, request.del_from_set);
  return w.Finish();
}

dcerpc::Status DecodeComplexPingRequest(std::span<const uint8_t> stub, ComplexPingRequest* request) {
  *request = {};
  NdrReader in(stub);
  uint16_t add_count = 0, del_count = 0;
  in.U64(&request->set_id);
  in.U16(&request->sequence_num);
  in.U16(&add_count);
  in.U16(&del_count);
  ReadOidSet(in, add_count, &request->add_to_set);
  ReadOidSet(in, del_count, &request->del_from_set);
  return in.status();
}

std::vector<uint8_t> EncodeComplexPingResponse(const ComplexPingResponse& response) {
  NdrWriter w;
  w.U64(response.set_id);
  w.U16(response.ping_backoff_factor);
  w.U32(response.error);
  return w.Finish();
}

dcerpc::Status DecodeComplexPingResponse(std::span<const uint8_t> stub,
                                         ComplexPingResponse* response) {
  *response = {};
  NdrReader in(stub);
  in.U64(&response->set_id);
  in.U16(&response->ping_backoff_factor);
  in.U32(&response->error);
  return in.status();
}

std::vector<uint8_t> EncodeErrorStatusResponse(uint32_t error) {
  NdrWriter w;
  w.U32(error);
  return w.Finish();
}

dcerpc::Status DecodeErrorStatusResponse(std::span<const uint8_t> stub, uint32_t* error) {
  NdrReader in(stub);
  in.U32(error);
  return in.status();
}

std::vector<uint8_t> EncodeServerAlive2Response(const ServerAlive2Response& response) {
  NdrWriter w;
  WriteComVersion(w, response.version);
  WriteBindingsPointer(w, response.bindings);
  w.U32(response.reserved);
  w.U32(response.error);
  return w.Finish();
}

dcerpc::Status DecodeServerAlive2Response(std::span<const uint8_t> stub,
                                          ServerAlive2Response* response) {
  *response = {};
  NdrReader in(stub);
  ReadComVersion(in, &response->version);
  ReadBindingsPointer(in, &response->bindings);
  in.U32(&response->reserved);
  in.U32(&response->error);
  return in.status();
}

}  // namespace cimulate::dcom
