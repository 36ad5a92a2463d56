// The ACTIVATION_BLOB of MS-DCOM 2.2.22: the object data of the
// OBJREF_CUSTOM that carries activation properties in and out of
// IRemoteSCMActivator::RemoteCreateInstance.
//
// Layout: dwSize, dwReserved, then a CustomHeader and one blob per property,
// each framed by MS-RPCE 2.2.6 type serialization. The CustomHeader lists
// the property CLSIDs and their sizes (pSizes, each padded to 8) so a reader
// steps from property to property by size, never by parsing. This file
// only frames; activation_properties.h knows what is inside each property.

#ifndef CIMULATE_DCOM_ACTIVATION_BLOB_H_
#define CIMULATE_DCOM_ACTIVATION_BLOB_H_

#include <cstdint>
#include <span>
#include <vector>

#include "dcerpc/guid.h"
#include "dcerpc/status.h"

namespace cimulate::dcom {

// CustomHeader.destCtx: MSHCTX_DIFFERENTMACHINE, what remote clients send.
inline constexpr uint32_t kDestContextDifferentMachine = 2;
// MAX_ACTPROP_LIMIT (MS-DCOM 2.2.22.1): more properties are rejected.
inline constexpr uint32_t kMaxActivationProperties = 10;

struct ActivationProperty {
  dcerpc::Guid clsid;
  std::vector<uint8_t> ndr;  // the NDR body inside the type serialization
  friend bool operator==(const ActivationProperty&, const ActivationProperty&) = default;
};

struct ActivationBlob {
  uint32_t dest_context = kDestContextDifferentMachine;
  dcerpc::Guid class_info_clsid;  // all zero in practice
  std::vector<ActivationProperty> properties;
  friend bool operator==(const ActivationBlob&, const ActivationBlob&) = default;
};

std::vector<uint8_t> EncodeActivationBlob(const ActivationBlob& blob);
dcerpc::Status DecodeActivationBlob(std::span<const uint8_t> input, ActivationBlob* blob);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_ACTIVATION_BLOB_H_
