// NTLMv2 response computation (MS-NLMP 3.3.2): the one-way functions and
// the NTProofStr, shared by the client (to produce a response) and the
// server (to recompute and compare it).
#pragma once

#include <cstdint>
#include <string_view>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/crypto.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

using NtHash = Key16;
using ClientChallenge = std::array<uint8_t, 8>;

// NTOWFv1: MD4 of the UTF-16LE password. This is the "NT hash" that
// pass-the-hash credentials carry.
Result<NtHash> NtHashFromPassword(std::string_view password);

// NTOWFv2 (= LMOWFv2): HMAC_MD5(NT hash, UPPER(user) || domain), UTF-16LE.
// Only the user name is upper-cased.
Result<Key16> NtOwfV2(const NtHash& nt_hash, std::string_view user, std::string_view domain);

// The NTLMv2_CLIENT_CHALLENGE structure ("temp" in MS-NLMP 3.3.2):
// versions, timestamp, client challenge and the AV pairs, padded with Z(4).
Bytes BuildClientBlob(uint64_t timestamp, const ClientChallenge& client_challenge,
                      ByteView target_info);

// HMAC_MD5(ResponseKeyNT, ServerChallenge || blob).
Result<Key16> ComputeNtProofStr(const Key16& response_key, const ServerChallenge& server_challenge,
                                ByteView blob);

struct NtlmV2Response {
  Bytes nt_response;  // NTProofStr || blob
  Bytes lm_response;  // LMv2: HMAC_MD5(key, server || client challenge) || client challenge
  Key16 session_base_key{};
};

Result<NtlmV2Response> ComputeNtlmV2Response(const Key16& response_key,
                                             const ServerChallenge& server_challenge,
                                             const ClientChallenge& client_challenge,
                                             uint64_t timestamp, ByteView target_info);

// Windows FILETIME (100 ns since 1601-01-01 UTC) for the current time.
uint64_t FileTimeNow();

}  // namespace cimulate::ntlm
