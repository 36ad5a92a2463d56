// Encoding and decoding of whole connection-oriented PDUs.
//
// A Pdu is one fragment as it travels: header, type-specific body, optional
// auth verifier. EncodePdu computes frag_length, auth_length and the auth
// padding; it writes auth_value as given (signing is the Fragmenter's job).
// DecodePdu checks every length against the buffer and never trusts a
// field it has not bounded; for a sealed PDU the stub it returns is still
// ciphertext (use Reassembler to unprotect).

#ifndef CIMULATE_DCERPC_PDU_H_
#define CIMULATE_DCERPC_PDU_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "dcerpc/pdu_types.h"
#include "dcerpc/status.h"

namespace cimulate::dcerpc {

struct ContextElement {
  uint16_t context_id = 0;
  SyntaxId abstract_syntax;
  std::vector<SyntaxId> transfer_syntaxes;
};

enum class ContextResultCode : uint16_t {
  kAcceptance = 0,
  kUserRejection = 1,
  kProviderRejection = 2,
  kNegotiateAck = 3,  // MS-RPCE bind time feature negotiation
};

// provider_reason values (C706 12.6.3.1).
enum class ProviderReason : uint16_t {
  kNotSpecified = 0,
  kAbstractSyntaxNotSupported = 1,
  kProposedTransferSyntaxesNotSupported = 2,
  kLocalLimitExceeded = 3,
};

struct ContextResult {
  ContextResultCode result = ContextResultCode::kAcceptance;
  uint16_t reason = 0;  // ProviderReason, or the feature bitmask for kNegotiateAck
  SyntaxId transfer_syntax;

  friend bool operator==(const ContextResult&, const ContextResult&) = default;
};

// bind and alter_context.
struct BindBody {
  uint16_t max_xmit_frag = 4280;
  uint16_t max_recv_frag = 4280;
  uint32_t assoc_group_id = 0;
  std::vector<ContextElement> contexts;
};

// bind_ack and alter_context_resp.
struct BindAckBody {
  uint16_t max_xmit_frag = 4280;
  uint16_t max_recv_frag = 4280;
  uint32_t assoc_group_id = 0;
  std::string secondary_address;  // e.g. "135"; written with its NUL unless empty
  std::vector<ContextResult> results;
};

// bind_nak reject reasons (C706 12.6.3.1 and MS-RPCE 2.2.2.5).
enum class BindNakReason : uint16_t {
  kNotSpecified = 0,
  kTemporaryCongestion = 1,
  kLocalLimitExceeded = 2,
  kCalledPaddrUnknown = 3,
  kProtocolVersionNotSupported = 4,
  kDefaultContextNotSupported = 5,
  kUserDataNotReadable = 6,
  kNoPsapAvailable = 7,
  kAuthenticationTypeNotRecognized = 8,
  kInvalidChecksum = 9,
};

struct BindNakBody {
  uint16_t reject_reason = 0;
  // p_rt_versions_supported: (major, minor) pairs.
  std::vector<std::pair<uint8_t, uint8_t>> versions;
};

struct RequestBody {
  uint32_t alloc_hint = 0;
  uint16_t context_id = 0;
  uint16_t opnum = 0;
  std::optional<Guid> object;  // sets PFC_OBJECT_UUID when present
  std::vector<uint8_t> stub;   // without auth padding
};

struct ResponseBody {
  uint32_t alloc_hint = 0;
  uint16_t context_id = 0;
  uint8_t cancel_count = 0;
  std::vector<uint8_t> stub;
};

struct FaultBody {
  uint32_t alloc_hint = 0;
  uint16_t context_id = 0;
  uint8_t cancel_count = 0;
  uint8_t fault_flags = 0;  // MS-RPCE 2.2.2.4 (extended error present = 1)
  uint32_t status = 0;      // nca_s_* / Win32 status
  std::vector<uint8_t> stub;
};

// auth3, shutdown, co_cancel and orphaned carry nothing but header, padding
// and (for auth3, mandatory) the auth verifier.
struct EmptyBody {};

struct AuthVerifier {
  SecTrailer trailer;
  std::vector<uint8_t> auth_value;
};

struct Pdu {
  CommonHeader header;
  std::variant<EmptyBody, BindBody, BindAckBody, BindNakBody, RequestBody, ResponseBody, FaultBody>
      body;
  std::optional<AuthVerifier> auth;
};

// Where the parts of a fragment lie, for code that must work on the raw
// bytes (signing covers them as they are on the wire).
struct PduLayout {
  CommonHeader header;
  size_t stub_offset = 0;  // request/response/fault: first stub byte; others: body start
  size_t stub_end = 0;     // end of stub plus auth padding
  std::optional<SecTrailer> trailer;
  size_t trailer_offset = 0;     // == stub_end when a trailer is present
  size_t auth_value_offset = 0;  // == frag_length - auth_length
};

// Reads and validates the common header only (first 16 bytes).
Status DecodeCommonHeader(std::span<const uint8_t> bytes, CommonHeader* header);

// Validates framing (frag_length equals the input size, auth_length and the
// auth padding fit) without decoding the body.
Status ParsePduLayout(std::span<const uint8_t> pdu, PduLayout* layout);

Status DecodePdu(std::span<const uint8_t> pdu, Pdu* out);

// Fills frag_length, auth_length, auth_pad_length and PFC_OBJECT_UUID.
Status EncodePdu(const Pdu& pdu, std::vector<uint8_t>* out);

// True for the PDU types whose body is a type-specific header plus stub.
bool CarriesStub(PduType type);

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_PDU_H_
