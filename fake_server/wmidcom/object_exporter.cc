#include "wmidcom/object_exporter.h"

#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"

namespace cimulate::fake::wmidcom {
namespace {

void WriteComVersion(dcerpc::NdrWriter& out, const dcom::ComVersion& version) {
  out.U16(version.major);
  out.U16(version.minor);
}

}  // namespace

bool DecodePingSetId(std::span<const std::uint8_t> stub, std::uint64_t* set_id) {
  dcerpc::NdrReader in(stub);
  return in.U64(set_id);
}

bool DecodeResolveOxid2(std::span<const std::uint8_t> stub, std::uint64_t* oxid) {
  dcerpc::NdrReader in(stub);
  return in.U64(oxid);
}

std::vector<std::uint8_t> EncodeSimplePingResponse(std::uint32_t status) {
  dcerpc::NdrWriter out;
  out.U32(status);
  return out.Finish();
}

std::vector<std::uint8_t> EncodeServerAliveResponse(std::uint32_t status) { return EncodeSimplePingResponse(status); }

std::vector<std::uint8_t> EncodeComplexPingResponse(std::uint64_t set_id, std::uint16_t backoff_factor,
                                                    std::uint32_t status) {
  dcerpc::NdrWriter out;
  out.U64(set_id);
  out.U16(backoff_factor);
  out.U32(status);
  return out.Finish();
}

std::vector<std::uint8_t> EncodeServerAlive2Response(const dcom::ComVersion& version,
                                                     const dcom::DualStringArray& bindings, std::uint32_t status) {
  dcerpc::NdrWriter out;
  WriteComVersion(out, version);
  out.Pointer(dcerpc::PointerKind::kUnique, true,
              [&](dcerpc::NdrWriter& w) { dcom::WriteDualStringArrayNdr(w, bindings); });
  out.U32(0);  // pReserved
  out.U32(status);
  return out.Finish();
}

std::vector<std::uint8_t> EncodeResolveOxid2Response(const dcom::DualStringArray* bindings,
                                                     const dcom::Guid& ipid_rem_unknown, std::uint32_t authn_hint,
                                                     const dcom::ComVersion& version, std::uint32_t status) {
  dcerpc::NdrWriter out;
  out.Pointer(dcerpc::PointerKind::kUnique, bindings != nullptr,
              [&](dcerpc::NdrWriter& w) { dcom::WriteDualStringArrayNdr(w, *bindings); });
  out.WriteGuid(ipid_rem_unknown);
  out.U32(authn_hint);
  WriteComVersion(out, version);
  out.U32(status);
  return out.Finish();
}

}  // namespace cimulate::fake::wmidcom
