#include "auth/ntlm/ntlmv2.h"

#include <chrono>

#include "auth/ntlm/text.h"

namespace cimulate::ntlm {

namespace {
constexpr uint8_t kResponseVersion = 1;
constexpr uint8_t kHighestResponseVersion = 1;
}  // namespace

Result<NtHash> NtHashFromPassword(std::string_view password) {
  auto wide = Utf8ToUtf16Le(password);
  if (!wide.ok()) return wide.status();
  return Md4(*wide);
}

Result<Key16> NtOwfV2(const NtHash& nt_hash, std::string_view user, std::string_view domain) {
  auto wide_user = Utf8ToUtf16Le(user);
  auto wide_domain = Utf8ToUtf16Le(domain);
  if (!wide_user.ok()) return wide_user.status();
  if (!wide_domain.ok()) return wide_domain.status();
  return HmacMd5(nt_hash, {UppercaseUtf16Le(*wide_user), *wide_domain});
}

Bytes BuildClientBlob(uint64_t timestamp, const ClientChallenge& client_challenge,
                      ByteView target_info) {
  ByteWriter w;
  w.U8(kResponseVersion);
  w.U8(kHighestResponseVersion);
  w.Zeros(6);
  w.U64(timestamp);
  w.Append(client_challenge);
  w.Zeros(4);
  w.Append(target_info);
  w.Zeros(4);
  return w.Take();
}

Result<Key16> ComputeNtProofStr(const Key16& response_key, const ServerChallenge& server_challenge,
                                ByteView blob) {
  return HmacMd5(response_key, {server_challenge, blob});
}

Result<NtlmV2Response> ComputeNtlmV2Response(const Key16& response_key,
                                             const ServerChallenge& server_challenge,
                                             const ClientChallenge& client_challenge,
                                             uint64_t timestamp, ByteView target_info) {
  Bytes blob = BuildClientBlob(timestamp, client_challenge, target_info);
  auto proof = ComputeNtProofStr(response_key, server_challenge, blob);
  if (!proof.ok()) return proof.status();
  auto lm = HmacMd5(response_key, {server_challenge, client_challenge});
  if (!lm.ok()) return lm.status();
  auto base_key = HmacMd5(response_key, {*proof});
  if (!base_key.ok()) return base_key.status();

  NtlmV2Response r;
  r.nt_response.assign(proof->begin(), proof->end());
  r.nt_response.insert(r.nt_response.end(), blob.begin(), blob.end());
  r.lm_response.assign(lm->begin(), lm->end());
  r.lm_response.insert(r.lm_response.end(), client_challenge.begin(), client_challenge.end());
  r.session_base_key = *base_key;
  return r;
}

uint64_t FileTimeNow() {
  using namespace std::chrono;
  constexpr uint64_t kUnixEpochAsFileTime = 116444736000000000ULL;
  auto since_unix = duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
  return kUnixEpochAsFileTime + static_cast<uint64_t>(since_unix / 100);
}

}  // namespace cimulate::ntlm
