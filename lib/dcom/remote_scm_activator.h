// IRemoteSCMActivator (MS-DCOM 3.1.2.5.2.3) request and response stubs.
// Only RemoteCreateInstance (opnum 4) is modelled; RemoteGetClassObject
// (opnum 3) is answered with an error HRESULT by servers, see
// EncodeRemoteGetClassObjectError.

#ifndef CIMULATE_DCOM_REMOTE_SCM_ACTIVATOR_H_
#define CIMULATE_DCOM_REMOTE_SCM_ACTIVATOR_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/status.h"
#include "dcom/orpc.h"

namespace cimulate::dcom {

inline constexpr uint16_t kOpnumRemoteGetClassObject = 3;
inline constexpr uint16_t kOpnumRemoteCreateInstance = 4;

// [in] ORPCTHIS, [in, unique] MInterfacePointer* pUnkOuter,
// [in, unique] MInterfacePointer* pActProperties.
struct RemoteCreateInstanceRequest {
  OrpcThis orpc_this;
  std::optional<MInterfacePointer> outer_unknown;  // aggregation; always NULL remotely
  std::optional<MInterfacePointer> properties;     // ActivationPropertiesIn OBJREF
};

// [out] ORPCTHAT, [out] MInterfacePointer** ppActProperties, HRESULT.
struct RemoteCreateInstanceResponse {
  OrpcThat orpc_that;
  std::optional<MInterfacePointer> properties;  // ActivationPropertiesOut OBJREF
  int32_t hresult = 0;
};

std::vector<uint8_t> EncodeRemoteCreateInstanceRequest(const RemoteCreateInstanceRequest& request);
dcerpc::Status DecodeRemoteCreateInstanceRequest(std::span<const uint8_t> stub,
                                                 RemoteCreateInstanceRequest* request);

std::vector<uint8_t> EncodeRemoteCreateInstanceResponse(const RemoteCreateInstanceResponse& response);
dcerpc::Status DecodeRemoteCreateInstanceResponse(std::span<const uint8_t> stub,
                                                  RemoteCreateInstanceResponse* response);

// RemoteGetClassObject's reply with a failure HRESULT: ORPCTHAT, a NULL
// ppActProperties, the HRESULT.
std::vector<uint8_t> EncodeRemoteGetClassObjectError(int32_t hresult);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_REMOTE_SCM_ACTIVATOR_H_
