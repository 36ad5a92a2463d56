// Constants of the connection-oriented DCE/RPC protocol (C706 ch.12,
// MS-RPCE 2.2.2) and the small structs shared by several PDU types.

#ifndef CIMULATE_DCERPC_PDU_TYPES_H_
#define CIMULATE_DCERPC_PDU_TYPES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dcerpc/guid.h"

namespace cimulate::dcerpc {

enum class PduType : uint8_t {
  kRequest = 0,
  kResponse = 2,
  kFault = 3,
  kBind = 11,
  kBindAck = 12,
  kBindNak = 13,
  kAlterContext = 14,
  kAlterContextResp = 15,
  kAuth3 = 16,
  kShutdown = 17,
  kCoCancel = 18,
  kOrphaned = 19,
};

std::string_view PduTypeName(PduType type);

// pfc_flags bits.
inline constexpr uint8_t kPfcFirstFrag = 0x01;
inline constexpr uint8_t kPfcLastFrag = 0x02;
inline constexpr uint8_t kPfcPendingCancel = 0x04;   // request/response
inline constexpr uint8_t kPfcSupportHeaderSign = 0x04;  // bind/alter_context (MS-RPCE)
inline constexpr uint8_t kPfcConcMpx = 0x10;
inline constexpr uint8_t kPfcDidNotExecute = 0x20;
inline constexpr uint8_t kPfcMaybe = 0x40;
inline constexpr uint8_t kPfcObjectUuid = 0x80;

enum class AuthLevel : uint8_t {
  kDefault = 0,
  kNone = 1,
  kConnect = 2,
  kCall = 3,
  kPkt = 4,
  kPktIntegrity = 5,
  kPktPrivacy = 6,
};

// auth_type values (MS-RPCE 2.2.1.1.7).
inline constexpr uint8_t kAuthTypeNone = 0;
inline constexpr uint8_t kAuthTypeGssNegotiate = 9;
inline constexpr uint8_t kAuthTypeWinNt = 10;  // NTLM
inline constexpr uint8_t kAuthTypeGssKerberos = 16;

inline constexpr size_t kCommonHeaderSize = 16;
inline constexpr size_t kSecTrailerSize = 8;
// frag_length is a uint16.
inline constexpr size_t kMaxFragmentLength = 0xffff;
// C706 12.6.3.7: every implementation accepts fragments of this size.
inline constexpr uint16_t kMustReceiveFragmentSize = 1432;
// Request/response stubs are padded so the sec_trailer starts 16-byte aligned
// from the stub start (MS-RPCE 2.2.2.11); other PDUs pad it to 4 bytes.
inline constexpr size_t kStubAuthPadAlignment = 16;
inline constexpr size_t kBindAuthPadAlignment = 4;

struct CommonHeader {
  uint8_t version = 5;
  uint8_t version_minor = 0;
  PduType type = PduType::kRequest;
  uint8_t flags = kPfcFirstFrag | kPfcLastFrag;
  // Little-endian integers, ASCII characters, IEEE floats: the only
  // representation this implementation reads or writes.
  uint8_t data_representation[4] = {0x10, 0, 0, 0};
  uint16_t frag_length = 0;
  uint16_t auth_length = 0;
  uint32_t call_id = 0;
};

// MS-RPCE 2.2.2.11; the same layout as C706's auth_verifier_co_t header.
struct SecTrailer {
  uint8_t auth_type = kAuthTypeNone;
  AuthLevel auth_level = AuthLevel::kNone;
  uint8_t auth_pad_length = 0;
  uint8_t auth_reserved = 0;
  uint32_t auth_context_id = 0;

  friend bool operator==(const SecTrailer&, const SecTrailer&) = default;
};

// p_syntax_id_t: interface or transfer syntax UUID plus version.
struct SyntaxId {
  Guid uuid;
  uint16_t version_major = 0;
  uint16_t version_minor = 0;

  friend bool operator==(const SyntaxId&, const SyntaxId&) = default;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_PDU_TYPES_H_
