// The activation properties of MS-DCOM 2.2.22.2 and the two OBJREF_CUSTOM
// payloads built from them: ActivationPropertiesIn (client -> SCM) and
// ActivationPropertiesOut (SCM -> client).
//
// Encode produces the abData of the MInterfacePointer passed to
// RemoteCreateInstance; Decode takes it. Decoders accept what impacket and
// Windows send: properties in any order, unknown properties (SecurityInfo,
// InstanceInfo, ...) skipped by their pSizes entry.

#ifndef CIMULATE_DCOM_ACTIVATION_PROPERTIES_H_
#define CIMULATE_DCOM_ACTIVATION_PROPERTIES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dcerpc/guid.h"
#include "dcerpc/status.h"
#include "dcom/objref.h"
#include "dcom/orpc.h"

namespace cimulate::dcom {

// ncacn_ip_tcp in ScmRequestInfo's protocol sequence list.
inline constexpr uint16_t kProtseqTcp = 7;
// RPC_C_AUTHN_LEVEL_* values used as ScmReplyInfo.authnHint.
inline constexpr uint32_t kAuthnLevelNone = 1;
inline constexpr uint32_t kAuthnLevelConnect = 2;
inline constexpr uint32_t kAuthnLevelPktIntegrity = 5;
inline constexpr uint32_t kAuthnLevelPktPrivacy = 6;

struct InstantiationInfo {
  Guid clsid;
  uint32_t class_context = 0;
  uint32_t activation_flags = 0;
  int32_t is_surrogate = 0;
  std::vector<Guid> iids;  // 1..MAX_REQUESTED_INTERFACES
  uint32_t instance_flag = 0;
  uint32_t this_size = 0;
  ComVersion client_version;
  friend bool operator==(const InstantiationInfo&, const InstantiationInfo&) = default;
};

struct ActivationContextInfo {
  int32_t client_ok = 0;
  int32_t reserved1 = 0;
  uint32_t reserved2 = 0;
  uint32_t reserved3 = 0;
  std::optional<MInterfacePointer> client_context;
  std::optional<MInterfacePointer> prototype_context;
  friend bool operator==(const ActivationContextInfo&, const ActivationContextInfo&) = default;
};

struct ServerLocationInfo {
  std::optional<std::u16string> machine_name;
  uint32_t process_id = 0;
  uint32_t apartment_id = 0;
  uint32_t context_id = 0;
  friend bool operator==(const ServerLocationInfo&, const ServerLocationInfo&) = default;
};

struct ScmRequestInfo {
  uint32_t client_impersonation_level = 0;
  std::vector<uint16_t> protseqs{kProtseqTcp};
  friend bool operator==(const ScmRequestInfo&, const ScmRequestInfo&) = default;
};

struct SpecialProperties {
  uint32_t session_id = 0;
  int32_t remote_this_session_id = 0;
  int32_t client_impersonating = 0;
  int32_t partition_id_present = 0;
  uint32_t default_authn_level = 0;
  Guid partition;
  uint32_t prt_flags = 0;
  uint32_t original_class_context = 0;
  uint32_t flags = 0;
  friend bool operator==(const SpecialProperties&, const SpecialProperties&) = default;
};

struct ActivationPropertiesIn {
  uint32_t dest_context = 2;
  InstantiationInfo instantiation;  // required
  std::optional<SpecialProperties> special;
  std::optional<ActivationContextInfo> context;
  std::optional<ServerLocationInfo> location;
  std::optional<ScmRequestInfo> scm_request;
  std::vector<Guid> skipped;  // decode only: CLSIDs of properties not understood
  friend bool operator==(const ActivationPropertiesIn&, const ActivationPropertiesIn&) = default;
};

// One requested interface's result: the OBJREF bytes are decoded with
// DecodeObjRef (objref.h).
struct PropsOutInfo {
  std::vector<Guid> iids;
  std::vector<int32_t> hresults;
  std::vector<std::optional<MInterfacePointer>> interfaces;
  friend bool operator==(const PropsOutInfo&, const PropsOutInfo&) = default;
};

struct ScmReplyInfo {
  uint64_t oxid = 0;
  std::optional<DualStringArray> oxid_bindings;
  Guid ipid_rem_unknown;
  uint32_t authn_hint = kAuthnLevelPktIntegrity;
  ComVersion server_version;
  friend bool operator==(const ScmReplyInfo&, const ScmReplyInfo&) = default;
};

struct ActivationPropertiesOut {
  uint32_t dest_context = 2;
  PropsOutInfo props_out;
  ScmReplyInfo scm_reply;
  friend bool operator==(const ActivationPropertiesOut&, const ActivationPropertiesOut&) = default;
};

// OBJREF_CUSTOM{IID_IActivationPropertiesIn, CLSID_ActivationPropertiesIn}.
std::vector<uint8_t> EncodeActivationPropertiesIn(const ActivationPropertiesIn& value);
dcerpc::Status DecodeActivationPropertiesIn(std::span<const uint8_t> objref,
                                            ActivationPropertiesIn* value);

// OBJREF_CUSTOM{IID_IActivationPropertiesOut, CLSID_ActivationPropertiesOut}.
std::vector<uint8_t> EncodeActivationPropertiesOut(const ActivationPropertiesOut& value);
dcerpc::Status DecodeActivationPropertiesOut(std::span<const uint8_t> objref,
                                             ActivationPropertiesOut* value);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_ACTIVATION_PROPERTIES_H_
