// A deterministic stand-in for a security provider, for tests only.
// Signature: 8-byte FNV-1a of the signed region, a 4-byte sequence number and
// the tag "SIG1". Sealing XORs the region with a key stream that depends on
// the sequence number, so a reordered or replayed fragment fails too.

#ifndef CIMULATE_TESTS_UNIT_DCERPC_TEST_SECURITY_H_
#define CIMULATE_TESTS_UNIT_DCERPC_TEST_SECURITY_H_

#include <cstring>

#include "dcerpc/security_context.h"

namespace cimulate::dcerpc::testing {

class TestSecurityContext : public SecurityContext {
 public:
  size_t SignatureSize() const override { return 16; }

  Status Protect(AuthLevel level, std::span<uint8_t> signed_region,
                 std::span<uint8_t> sealed_region, std::span<uint8_t> signature) override {
    if (signature.size() != 16) return Status(ErrorCode::kSecurity, "signature size");
    const uint32_t seq = send_seq_++;
    WriteSignature(Hash(signed_region), seq, signature);
    if (level == AuthLevel::kPktPrivacy) Crypt(seq, sealed_region);
    ++protect_calls_;
    return Status::Ok();
  }

  Status Unprotect(AuthLevel level, std::span<uint8_t> signed_region,
                   std::span<uint8_t> sealed_region, std::span<const uint8_t> signature) override {
    if (signature.size() != 16) return Status(ErrorCode::kSecurity, "signature size");
    const uint32_t seq = recv_seq_++;
    if (level == AuthLevel::kPktPrivacy) Crypt(seq, sealed_region);
    uint8_t expected[16];
    WriteSignature(Hash(signed_region), seq, expected);
    if (std::memcmp(expected, signature.data(), 16) != 0) {
      return Status(ErrorCode::kSecurity, "signature mismatch");
    }
    return Status::Ok();
  }

  int protect_calls() const { return protect_calls_; }

 private:
  static uint64_t Hash(std::span<const uint8_t> bytes) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ull;
    return h;
  }

  static void WriteSignature(uint64_t hash, uint32_t seq, std::span<uint8_t> out) {
    for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>(hash >> (8 * i));
    for (int i = 0; i < 4; ++i) out[8 + i] = static_cast<uint8_t>(seq >> (8 * i));
    std::memcpy(out.data() + 12, "SIG1", 4);
  }

  static void Crypt(uint32_t seq, std::span<uint8_t> region) {
    for (size_t i = 0; i < region.size(); ++i) region[i] ^= static_cast<uint8_t>(0x5a + seq * 7 + i);
  }

  uint32_t send_seq_ = 0;
  uint32_t recv_seq_ = 0;
  int protect_calls_ = 0;
};

}  // namespace cimulate::dcerpc::testing

#endif  // CIMULATE_TESTS_UNIT_DCERPC_TEST_SECURITY_H_
