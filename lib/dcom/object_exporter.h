// IObjectExporter (MS-DCOM 3.1.2.5.1), the OXID resolver on port 135:
// request and reply stubs of all six opnums. The interface has no ORPC
// headers; every reply ends in an error_status_t (0 = success, otherwise a
// Win32/RPC status such as OR_INVALID_OXID).
//
// impacket's ComplexPing copies pSetId into SequenceNum (so SequenceNum is
// the low 16 bits of the set ID, not a counter); decoders therefore accept
// any SequenceNum and leave its interpretation to the server.

#ifndef CIMULATE_DCOM_OBJECT_EXPORTER_H_
#define CIMULATE_DCOM_OBJECT_EXPORTER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/status.h"
#include "dcom/objref.h"
#include "dcom/orpc.h"

namespace cimulate::dcom {

inline constexpr uint16_t kOpnumResolveOxid = 0;
inline constexpr uint16_t kOpnumSimplePing = 1;
inline constexpr uint16_t kOpnumComplexPing = 2;
inline constexpr uint16_t kOpnumServerAlive = 3;
inline constexpr uint16_t kOpnumResolveOxid2 = 4;
inline constexpr uint16_t kOpnumServerAlive2 = 5;

// Protocol sequences a client may ask ResolveOxid for; more than this many
// only bounds hostile input (there are about a dozen tower IDs).
inline constexpr size_t kMaxRequestedProtseqs = 256;

// ResolveOxid and ResolveOxid2 share the request: [in] OXID* pOxid,
// [in] unsigned short cRequestedProtseqs,
// [in, ref, size_is(cRequestedProtseqs)] unsigned short arRequestedProtseqs[].
struct ResolveOxidRequest {
  uint64_t oxid = 0;
  std::vector<uint16_t> requested_protseqs;
  friend bool operator==(const ResolveOxidRequest&, const ResolveOxidRequest&) = default;
};

// [out] DUALSTRINGARRAY** ppdsaOxidBindings (NULL on failure),
// [out] IPID* pipidRemUnknown, [out] DWORD* pAuthnHint, and for
// ResolveOxid2 only [out] COMVERSION* pComVersion.
struct ResolveOxidResponse {
  std::optional<DualStringArray> bindings;
  Guid ipid_rem_unknown;
  uint32_t authn_hint = 0;
  ComVersion version;  // ResolveOxid2 only
  uint32_t error = 0;
  friend bool operator==(const ResolveOxidResponse&, const ResolveOxidResponse&) = default;
};

// [in, out] SETID* pSetId, [in] unsigned short SequenceNum, cAddToSet,
// cDelFromSet, [in, unique, size_is(...)] OID AddToSet[], DelFromSet[].
// An empty set travels as a NULL pointer, as impacket and Windows send it.
struct ComplexPingRequest {
  uint64_t set_id = 0;
  uint16_t sequence_num = 0;
  std::vector<uint64_t> add_to_set;
  std::vector<uint64_t> del_from_set;
  friend bool operator==(const ComplexPingRequest&, const ComplexPingRequest&) = default;
};

struct ComplexPingResponse {
  uint64_t set_id = 0;
  uint16_t ping_backoff_factor = 0;
  uint32_t error = 0;
  friend bool operator==(const ComplexPingResponse&, const ComplexPingResponse&) = default;
};

// [out] COMVERSION* pComVersion, [out] DUALSTRINGARRAY** ppdsaOrBindings,
// [out] DWORD* pReserved.
struct ServerAlive2Response {
  ComVersion version;
  std::optional<DualStringArray> bindings;
  uint32_t reserved = 0;
  uint32_t error = 0;
  friend bool operator==(const ServerAlive2Response&, const ServerAlive2Response&) = default;
};

std::vector<uint8_t> EncodeResolveOxidRequest(const ResolveOxidRequest& request);
dcerpc::Status DecodeResolveOxidRequest(std::span<const uint8_t> stub, ResolveOxidRequest* request);
std::vector<uint8_t> EncodeResolveOxidResponse(const ResolveOxidResponse& response);
dcerpc::Status DecodeResolveOxidResponse(std::span<const uint8_t> stub, ResolveOxidResponse* response);
std::vector<uint8_t> EncodeResolveOxid2Response(const ResolveOxidResponse& response);
dcerpc::Status DecodeResolveOxid2Response(std::span<const uint8_t> stub, ResolveOxidResponse* response);

// SimplePing: [in] SETID* pSetId.
std::vector<uint8_t> EncodeSimplePingRequest(uint64_t set_id);
dcerpc::Status DecodeSimplePingRequest(std::span<const uint8_t> stub, uint64_t* set_id);

std::vector<uint8_t> EncodeComplexPingRequest(const ComplexPingRequest& request);
dcerpc::Status DecodeComplexPingRequest(std::span<const uint8_t> stub, ComplexPingRequest* request);
std::vector<uint8_t> EncodeComplexPingResponse(const ComplexPingResponse& response);
dcerpc::Status DecodeComplexPingResponse(std::span<const uint8_t> stub, ComplexPingResponse* response);

// ServerAlive and ServerAlive2 take no parameters: their request stub is
// empty. SimplePing's and ServerAlive's replies are the bare error_status_t.
std::vector<uint8_t> EncodeErrorStatusResponse(uint32_t error);
dcerpc::Status DecodeErrorStatusResponse(std::span<const uint8_t> stub, uint32_t* error);

std::vector<uint8_t> EncodeServerAlive2Response(const ServerAlive2Response& response);
dcerpc::Status DecodeServerAlive2Response(std::span<const uint8_t> stub, ServerAlive2Response* response);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_OBJECT_EXPORTER_H_
