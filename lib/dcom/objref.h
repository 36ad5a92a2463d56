// OBJREF, the marshalled form of a DCOM interface pointer (MS-DCOM 2.2.18),
// and the DUALSTRINGARRAY that tells a client where an object exporter
// listens (MS-DCOM 2.2.19).
//
// An OBJREF is a plain little-endian byte layout (no NDR alignment) that
// travels as the abData of an MInterfacePointer (see orpc.h). Only the two
// forms WMI uses are implemented: OBJREF_STANDARD for references to remote
// objects and OBJREF_CUSTOM for objects passed by value (activation blobs,
// IWbemClassObject); OBJREF_HANDLER and OBJREF_EXTENDED are reported as
// unsupported.

#ifndef CIMULATE_DCOM_OBJREF_H_
#define CIMULATE_DCOM_OBJREF_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dcerpc/byte_reader.h"
#include "dcerpc/byte_writer.h"
#include "dcerpc/guid.h"
#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"
#include "dcerpc/status.h"

namespace cimulate::dcom {

using dcerpc::Guid;
using dcerpc::Status;

inline constexpr uint32_t kObjRefSignature = 0x574f454d;  // "MEOW"
inline constexpr uint32_t kObjRefStandard = 0x1;
inline constexpr uint32_t kObjRefHandler = 0x2;
inline constexpr uint32_t kObjRefCustom = 0x4;
inline constexpr uint32_t kObjRefExtended = 0x8;

// STDOBJREF.flags: the client must not ping the object (MS-DCOM 2.2.18.2).
inline constexpr uint32_t kSorfNoPing = 0x1000;

// towerId of ncacn_ip_tcp, the only protocol sequence WMIDCOM uses.
inline constexpr uint16_t kTowerIdTcp = 0x0007;
// SECURITYBINDING.wAuthnSvc for NTLM, and the "no authorization service"
// value Windows puts in the reserved field.
inline constexpr uint16_t kAuthnWinNt = 0x000a;
inline constexpr uint16_t kAuthzNone = 0xffff;

struct StdObjRef {
  uint32_t flags = 0;
  uint32_t public_refs = 0;
  uint64_t oxid = 0;
  uint64_t oid = 0;
  Guid ipid;
  friend bool operator==(const StdObjRef&, const StdObjRef&) = default;
};

struct StringBinding {
  uint16_t tower_id = kTowerIdTcp;
  std::u16string network_address;  // "host[port]" for ncacn_ip_tcp
  friend bool operator==(const StringBinding&, const StringBinding&) = default;
};

struct SecurityBinding {
  uint16_t authn_service = kAuthnWinNt;
  uint16_t authz_service = kAuthzNone;
  std::u16string principal_name;
  friend bool operator==(const SecurityBinding&, const SecurityBinding&) = default;
};

struct DualStringArray {
  std::vector<StringBinding> string_bindings;
  std::vector<SecurityBinding> security_bindings;
  friend bool operator==(const DualStringArray&, const DualStringArray&) = default;
};

// "host[port]", the network address of an ncacn_ip_tcp string binding.
std::u16string TcpBindingAddress(std::string_view host, uint16_t port);
// Splits "host[port]"; nullopt when the text has no valid port in brackets.
struct TcpEndpoint {
  std::string host;
  uint16_t port = 0;
};
std::optional<TcpEndpoint> ParseTcpBindingAddress(std::u16string_view address);

// The packed form inside an OBJREF: wNumEntries, wSecurityOffset (both in
// 16-bit units) and the entries, with no NDR framing.
void AppendDualStringArray(dcerpc::ByteWriter& out, const DualStringArray& value);
bool ReadDualStringArray(dcerpc::ByteReader& in, DualStringArray* value);

// The NDR conformant struct form used as an RPC parameter (ScmReplyInfo,
// ResolveOxid2): max_count hoisted before the two counts.
void WriteDualStringArrayNdr(dcerpc::NdrWriter& out, const DualStringArray& value);
bool ReadDualStringArrayNdr(dcerpc::NdrReader& in, DualStringArray* value);

struct ObjRef {
  uint32_t flags = kObjRefStandard;  // kObjRefStandard or kObjRefCustom
  Guid iid;

  // OBJREF_STANDARD
  StdObjRef std;
  DualStringArray resolver_address;

  // OBJREF_CUSTOM. `reserved` is unused by the receiver; nullopt encodes
  // object_data.size() + 8 as impacket and the Windows marshalers do.
  Guid clsid;
  uint32_t extension_size = 0;
  std::optional<uint32_t> reserved;
  std::vector<uint8_t> object_data;

  friend bool operator==(const ObjRef&, const ObjRef&) = default;
};

ObjRef StandardObjRef(const Guid& iid, const StdObjRef& std, DualStringArray resolver_address);
ObjRef CustomObjRef(const Guid& iid, const Guid& clsid, std::vector<uint8_t> object_data);

std::vector<uint8_t> EncodeObjRef(const ObjRef& value);
// Trailing bytes after the OBJREF are ignored (the MInterfacePointer size
// bounds it); a custom OBJREF's object data runs to the end of `input`.
Status DecodeObjRef(std::span<const uint8_t> input, ObjRef* value);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_OBJREF_H_
