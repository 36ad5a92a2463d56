// Splits an outgoing request or response stub into fragments of at most
// max_xmit_frag bytes, each with its own header and, at PKT_INTEGRITY or
// PKT_PRIVACY, its own sec_trailer and signature (MS-RPCE 3.3.1.5.2: every
// fragment is protected separately).

#ifndef CIMULATE_DCERPC_FRAGMENTER_H_
#define CIMULATE_DCERPC_FRAGMENTER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/guid.h"
#include "dcerpc/pdu_types.h"
#include "dcerpc/security_context.h"
#include "dcerpc/status.h"

namespace cimulate::dcerpc {

struct AuthSettings {
  uint8_t auth_type = kAuthTypeWinNt;
  AuthLevel level = AuthLevel::kPktIntegrity;
  uint32_t context_id = 0;
};

struct OutgoingCall {
  PduType type = PduType::kRequest;  // kRequest or kResponse
  uint32_t call_id = 0;
  uint16_t context_id = 0;
  uint16_t opnum = 0;           // requests only
  std::optional<Guid> object;   // requests only
  uint8_t cancel_count = 0;     // responses only
  uint16_t max_xmit_frag = kMustReceiveFragmentSize;
  // Present and at PKT_INTEGRITY/PKT_PRIVACY: fragments are protected through
  // the SecurityContext. At lower levels no verifier is attached.
  std::optional<AuthSettings> auth;
};

// Appends the encoded fragments to `fragments`. Stub bytes per fragment are a
// multiple of 16 when protected (so only the last one needs auth padding)
// and of 8 otherwise. alloc_hint is the number of stub bytes still to come,
// this fragment's included.
Status FragmentCall(const OutgoingCall& call, std::span<const uint8_t> stub,
                    SecurityContext* security, std::vector<std::vector<uint8_t>>* fragments);

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_FRAGMENTER_H_
