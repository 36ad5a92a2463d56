// The hook through which a security provider (NTLM in lib/auth) protects
// request and response fragments. The PDU layer decides where things are;
// the provider decides what the bytes become.
//
// Regions, per fragment, as impacket and Windows use them with NTLM:
//   signed_region  the fragment from its first byte through the sec_trailer,
//                  with the final frag_length and auth_length already in the
//                  header and the stub in plaintext;
//   sealed_region  the stub plus auth padding, a subspan of signed_region;
//   signature      the auth_value, the last auth_length bytes of the fragment.
// PKT_INTEGRITY signs signed_region and leaves it as it is. PKT_PRIVACY signs
// the plaintext signed_region and encrypts sealed_region in place (and
// Unprotect decrypts first, then verifies over the plaintext). The order of
// any stream-cipher operations is the provider's business.

#ifndef CIMULATE_DCERPC_SECURITY_CONTEXT_H_
#define CIMULATE_DCERPC_SECURITY_CONTEXT_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "dcerpc/pdu_types.h"
#include "dcerpc/status.h"

namespace cimulate::dcerpc {

class SecurityContext {
 public:
  virtual ~SecurityContext() = default;

  // auth_length of every protected fragment (16 for NTLM).
  virtual size_t SignatureSize() const = 0;

  virtual Status Protect(AuthLevel level, std::span<uint8_t> signed_region,
                         std::span<uint8_t> sealed_region, std::span<uint8_t> signature) = 0;

  // Returns a kSecurity error when the signature does not verify.
  virtual Status Unprotect(AuthLevel level, std::span<uint8_t> signed_region,
                           std::span<uint8_t> sealed_region,
                           std::span<const uint8_t> signature) = 0;
};

// True for the levels at which request and response fragments carry a
// verifier. At CONNECT (and NONE) only bind/alter_context/auth3 carry auth.
inline bool LevelProtectsMessages(AuthLevel level) {
  return level == AuthLevel::kPktIntegrity || level == AuthLevel::kPktPrivacy;
}

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_SECURITY_CONTEXT_H_
