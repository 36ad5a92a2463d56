// IRemUnknown (MS-DCOM 3.1.1.5.6) reference counting stubs: RemAddRef
// (opnum 4) and RemRelease (opnum 5), which share the request layout.
// The object UUID of these calls is the exporter's ipidRemUnknown; the
// IPIDs to count are in the body.

#ifndef CIMULATE_DCOM_REM_UNKNOWN_H_
#define CIMULATE_DCOM_REM_UNKNOWN_H_

#include <cstdint>
#include <span>
#include <vector>

#include "dcerpc/status.h"
#include "dcom/orpc.h"

namespace cimulate::dcom {

inline constexpr uint16_t kOpnumRemQueryInterface = 3;
inline constexpr uint16_t kOpnumRemAddRef = 4;
inline constexpr uint16_t kOpnumRemRelease = 5;

struct RemInterfaceRef {
  Guid ipid;
  uint32_t public_refs = 0;
  uint32_t private_refs = 0;
  friend bool operator==(const RemInterfaceRef&, const RemInterfaceRef&) = default;
};

// [in] ORPCTHIS, [in] unsigned short cInterfaceRefs,
// [in, size_is(cInterfaceRefs)] REMINTERFACEREF InterfaceRefs[].
struct RemRefCountRequest {
  OrpcThis orpc_this;
  std::vector<RemInterfaceRef> refs;
};

std::vector<uint8_t> EncodeRemRefCountRequest(const RemRefCountRequest& request);
dcerpc::Status DecodeRemRefCountRequest(std::span<const uint8_t> stub, RemRefCountRequest* request);

// RemRelease's reply: [out] ORPCTHAT, HRESULT.
std::vector<uint8_t> EncodeRemReleaseResponse(const OrpcThat& orpc_that, int32_t hresult);
dcerpc::Status DecodeRemReleaseResponse(std::span<const uint8_t> stub, OrpcThat* orpc_that,
                                        int32_t* hresult);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_REM_UNKNOWN_H_
