// IRemUnknown (MS-DCOM 3.1.1.5.6) reference counting stubs: RemAddRef
// (opnum 4) and RemRelease (opnum 5), which share the request layout.
// The object UUID of these calls is the exporter's ipidRemUnknown; the
// IPIDs to count are in the body.

#ifndef CIMULATE_DCOM_REM_UNKNOWN_H_
#define CIMULATE_DCOM_REM_UNKNOWN_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/status.h"
#include "dcom/objref.h"
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

// RemAddRef's reply: [out] ORPCTHAT, [out, size_is(cInterfaceRefs)] HRESULT
// pResults[] (one per REMINTERFACEREF), HRESULT.
struct RemAddRefResponse {
  OrpcThat orpc_that;
  std::vector<int32_t> results;
  int32_t hresult = 0;
  friend bool operator==(const RemAddRefResponse&, const RemAddRefResponse&) = default;
};

std::vector<uint8_t> EncodeRemAddRefResponse(const RemAddRefResponse& response);
dcerpc::Status DecodeRemAddRefResponse(std::span<const uint8_t> stub, RemAddRefResponse* response);

// More IIDs than this in one RemQueryInterface are rejected; clients ask for
// one at a time, so this only bounds hostile input.
inline constexpr size_t kMaxQueryInterfaceIids = 1024;

// [in] ORPCTHIS, [in] REFIPID ripid, [in] unsigned long cRefs,
// [in] unsigned short cIids, [in, size_is(cIids)] IID* iids.
struct RemQueryInterfaceRequest {
  OrpcThis orpc_this;
  Guid ipid;  // the interface to query, not the IRemUnknown IPID
  uint32_t refs = 0;
  std::vector<Guid> iids;
  friend bool operator==(const RemQueryInterfaceRequest&, const RemQueryInterfaceRequest&) = default;
};

// REMQIRESULT: the per-IID result; `std` is meaningful only on success.
struct RemQiResult {
  int32_t hresult = 0;
  StdObjRef std;
  friend bool operator==(const RemQiResult&, const RemQiResult&) = default;
};

// [out] ORPCTHAT, [out, size_is(, cIids)] REMQIRESULT** ppQIResults (a
// unique pointer to an array of cIids results; NULL on failure), HRESULT.
// impacket 0.10 types ppQIResults as a pointer to one REMQIRESULT without
// the array's max_count, so it misreads replies laid out per the IDL; we
// follow the IDL (what Windows sends).
struct RemQueryInterfaceResponse {
  OrpcThat orpc_that;
  std::optional<std::vector<RemQiResult>> results;
  int32_t hresult = 0;
  friend bool operator==(const RemQueryInterfaceResponse&, const RemQueryInterfaceResponse&) = default;
};

std::vector<uint8_t> EncodeRemQueryInterfaceRequest(const RemQueryInterfaceRequest& request);
dcerpc::Status DecodeRemQueryInterfaceRequest(std::span<const uint8_t> stub,
                                              RemQueryInterfaceRequest* request);
std::vector<uint8_t> EncodeRemQueryInterfaceResponse(const RemQueryInterfaceResponse& response);
dcerpc::Status DecodeRemQueryInterfaceResponse(std::span<const uint8_t> stub,
                                               RemQueryInterfaceResponse* response);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_REM_UNKNOWN_H_
