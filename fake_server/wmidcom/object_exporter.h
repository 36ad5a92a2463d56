// IObjectExporter (MS-DCOM 3.1.2.5.1) stubs, server side: the requests the
// fake decodes and the replies it encodes.  A small adapter until lib/dcom
// has these stubs; it uses lib/dcerpc's NDR and lib/dcom's DUALSTRINGARRAY.
//
// IObjectExporter is plain RPC (no ORPCTHIS/ORPCTHAT).
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_EXPORTER_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_EXPORTER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcom/objref.h"
#include "dcom/orpc.h"

namespace cimulate::fake::wmidcom {

inline constexpr std::uint16_t kOpnumResolveOxid = 0;
inline constexpr std::uint16_t kOpnumSimplePing = 1;
inline constexpr std::uint16_t kOpnumComplexPing = 2;
inline constexpr std::uint16_t kOpnumServerAlive = 3;
inline constexpr std::uint16_t kOpnumResolveOxid2 = 4;
inline constexpr std::uint16_t kOpnumServerAlive2 = 5;

// Windows' error_status_t values for the exporter.
inline constexpr std::uint32_t kOrInvalidOxid = 1910;
inline constexpr std::uint32_t kOrInvalidSet = 1912;

// SimplePing and ComplexPing both start with the set id (an 8-aligned hyper).
bool DecodePingSetId(std::span<const std::uint8_t> stub, std::uint64_t* set_id);
// ResolveOxid2's OXID (the protocol sequences after it are not needed).
bool DecodeResolveOxid2(std::span<const std::uint8_t> stub, std::uint64_t* oxid);

std::vector<std::uint8_t> EncodeSimplePingResponse(std::uint32_t status);
std::vector<std::uint8_t> EncodeComplexPingResponse(std::uint64_t set_id, std::uint16_t backoff_factor,
                                                    std::uint32_t status);
std::vector<std::uint8_t> EncodeServerAliveResponse(std::uint32_t status);
std::vector<std::uint8_t> EncodeServerAlive2Response(const dcom::ComVersion& version,
                                                     const dcom::DualStringArray& bindings, std::uint32_t status);
// On failure `bindings` is null and the other outputs are zero.
std::vector<std::uint8_t> EncodeResolveOxid2Response(const dcom::DualStringArray* bindings, const dcom::Guid& ipid_rem_unknown,
                                                     std::uint32_t authn_hint, const dcom::ComVersion& version,
                                                     std::uint32_t status);

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_EXPORTER_H_
