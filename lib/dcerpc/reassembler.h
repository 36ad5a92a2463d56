// Reassembles the fragments of one incoming request or response, unprotecting
// each through the SecurityContext its sec_trailer names.
//
// One call is in progress at a time: the connection-oriented protocol sends
// the fragments of a call back to back (no PFC_CONC_MPX interleaving is
// accepted). The stub size is capped before anything is appended, and
// alloc_hint is never used to pre-allocate.

#ifndef CIMULATE_DCERPC_REASSEMBLER_H_
#define CIMULATE_DCERPC_REASSEMBLER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/guid.h"
#include "dcerpc/pdu_types.h"
#include "dcerpc/security_context.h"
#include "dcerpc/status.h"

namespace cimulate::dcerpc {

struct CompletedCall {
  PduType type = PduType::kRequest;
  uint32_t call_id = 0;
  uint16_t context_id = 0;
  uint16_t opnum = 0;          // requests only
  std::optional<Guid> object;  // requests only
  uint8_t first_flags = 0;     // pfc_flags of the first fragment
  std::optional<SecTrailer> auth;  // of the first fragment; pad length is per fragment
  std::vector<uint8_t> stub;   // plaintext, auth padding removed
};

struct ReassemblyLimits {
  size_t max_stub_size = 16u << 20;
};

// Maps a fragment's sec_trailer to its security context (MS-RPCE allows
// several per connection, keyed by auth_context_id); nullptr if unknown.
using SecurityResolver = std::function<SecurityContext*(const SecTrailer& trailer)>;

class Reassembler {
 public:
  explicit Reassembler(ReassemblyLimits limits = {}) : limits_(limits) {}

  // `fragment` is one complete request or response PDU; a sealed stub is
  // decrypted in place. On the last fragment `*completed` receives the call.
  // After an error the partial call is dropped.
  Status Add(std::span<uint8_t> fragment, const SecurityResolver& resolve,
             std::optional<CompletedCall>* completed);

  bool in_progress() const { return pending_.has_value(); }
  void Reset() { pending_.reset(); }

 private:
  Status Accept(std::span<uint8_t> fragment, const SecurityResolver& resolve,
                std::optional<CompletedCall>* completed);

  ReassemblyLimits limits_;
  std::optional<CompletedCall> pending_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_REASSEMBLER_H_
