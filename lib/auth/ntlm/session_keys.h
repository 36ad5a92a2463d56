// Per-direction signing and sealing keys (MS-NLMP 3.4.5.2 SIGNKEY and
// 3.4.5.3 SEALKEY), for extended session security only.
#pragma once

#include <cstdint>

#include "auth/ntlm/crypto.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

struct SessionKeys {
  Key16 client_signing{};
  Key16 server_signing{};
  Key16 client_sealing{};
  Key16 server_sealing{};
};

// Fails with kUnsupported unless `negotiated_flags` has extended session
// security: the pre-ESS (NTLMv1-era) session security is not implemented.
Result<SessionKeys> DeriveSessionKeys(uint32_t negotiated_flags, const Key16& exported_session_key);

}  // namespace cimulate::ntlm
