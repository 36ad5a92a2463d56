// dcerpc::SecurityContext over an established NTLM session: PKT_INTEGRITY
// signs the signed region; PKT_PRIVACY seals the stub in place after MACing
// the plaintext (and on receipt unseals first, then verifies), which is the
// order security_context.h and MS-NLMP 3.4.3 prescribe.

#ifndef CIMULATE_RPC_NTLM_SECURITY_CONTEXT_H_
#define CIMULATE_RPC_NTLM_SECURITY_CONTEXT_H_

#include "auth/ntlm/session_security.h"
#include "dcerpc/security_context.h"

namespace cimulate::rpc {

class NtlmSecurityContext : public dcerpc::SecurityContext {
 public:
  explicit NtlmSecurityContext(ntlm::SessionSecurity session) : session_(std::move(session)) {}

  size_t SignatureSize() const override { return ntlm::kSignatureSize; }

  dcerpc::Status Protect(dcerpc::AuthLevel level, std::span<uint8_t> signed_region,
                         std::span<uint8_t> sealed_region,
                         std::span<uint8_t> signature) override;

  // A bad MAC (or any failure of the NTLM layer) is a kSecurity error; the
  // receive direction is then broken for good and the connection should close.
  dcerpc::Status Unprotect(dcerpc::AuthLevel level, std::span<uint8_t> signed_region,
                           std::span<uint8_t> sealed_region,
                           std::span<const uint8_t> signature) override;

 private:
  ntlm::SessionSecurity session_;
};

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_NTLM_SECURITY_CONTEXT_H_
