#include "rpc/ntlm_security_context.h"

namespace cimulate::rpc {
namespace {

dcerpc::Status SecurityError(const ntlm::Status& status) {
  return dcerpc::Status(dcerpc::ErrorCode::kSecurity, "NTLM: " + status.ToString());
}

}  // namespace

dcerpc::Status NtlmSecurityContext::Protect(dcerpc::AuthLevel level,
                                            std::span<uint8_t> signed_region,
                                            std::span<uint8_t> sealed_region,
                                            std::span<uint8_t> signature) {
  if (signature.size() != ntlm::kSignatureSize) {
    return dcerpc::Status(dcerpc::ErrorCode::kSecurity, "signature buffer is not 16 bytes");
  }
  // The signature bytes lie outside signed_region, so sealing (which reads
  // signed_region before it encrypts sealed_region) sees the plaintext.
  auto result = level == dcerpc::AuthLevel::kPktPrivacy
                    ? session_.Seal(sealed_region, signed_region)
                    : session_.Sign(signed_region);
  if (!result.ok()) return SecurityError(result.status());
  std::copy(result->begin(), result->end(), signature.begin());
  return dcerpc::Status::Ok();
}

dcerpc::Status NtlmSecurityContext::Unprotect(dcerpc::AuthLevel level,
                                              std::span<uint8_t> signed_region,
                                              std::span<uint8_t> sealed_region,
                                              std::span<const uint8_t> signature) {
  const ntlm::Status status = level == dcerpc::AuthLevel::kPktPrivacy
                                  ? session_.Unseal(sealed_region, signed_region, signature)
                                  : session_.Verify(signed_region, signature);
  if (!status.ok()) return SecurityError(status);
  return dcerpc::Status::Ok();
}

}  // namespace cimulate::rpc
