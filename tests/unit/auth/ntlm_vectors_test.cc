// MS-NLMP 4.2.4: the NTLMv2 worked example. Inputs from 4.2.1: user
// "User", domain "Domain", password "Password", workstation "COMPUTER",
// server challenge 0123456789abcdef, client challenge aa*8, time 0,
// random session key 55*16.

#include <gtest/gtest.h>

#include "auth/ntlm/accounts.h"
#include "auth/ntlm/client.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/ntlmv2.h"
#include "auth/ntlm/server.h"
#include "auth/ntlm/session_keys.h"
#include "auth/ntlm/session_security.h"
#include "auth/ntlm/text.h"
#include "hex.h"

namespace cimulate::ntlm {
namespace {

using testing::ArrayFromHex;
using testing::FromHex;
using testing::ToHex;

constexpr char kUser[] = "User";
constexpr char kDomain[] = "Domain";
constexpr char kPassword[] = "Password";
constexpr char kWorkstation[] = "COMPUTER";
const ServerChallenge kServerChallenge = ArrayFromHex<8>("0123456789abcdef");
const ClientChallenge kClientChallenge = ArrayFromHex<8>("aaaaaaaaaaaaaaaa");
const Key16 kRandomSessionKey = ArrayFromHex<16>("55555555555555555555555555555555");
// The AUTHENTICATE flags of the example (4.2.4.3): KEY_EXCH, 56, 128,
// VERSION, TARGET_INFO, ESS, ALWAYS_SIGN, NTLM, SEAL, SIGN, REQUEST_TARGET,
// UNICODE.
constexpr uint32_t kFlags = 0xe2888235;
const Version kClientVersion{5, 1, 2600, 15};

// 4.2.4.3: the CHALLENGE_MESSAGE (TargetInfo: NbDomainName "Domain",
// NbComputerName "Server").
const char kChallengeHex[] =
    "4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
    "00000000000000002400240044000000060070170000000f5300650072007600"
    "6500720002000c0044006f006d00610069006e0001000c005300650072007600"
    "6500720000000000";
const char kTargetInfoHex[] =
    "02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000";
// 4.2.4.3: the AUTHENTICATE_MESSAGE.
const char kAuthenticateHex[] =
    "4e544c4d5353500003000000180018006c00000054005400840000000c000c00"
    "480000000800080054000000100010005c00000010001000d8000000358288e2"
    "0501280a0000000f44006f006d00610069006e00550073006500720043004f00"
    "4d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa"
    "aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c010100000000000000000000"
    "00000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00"
    "01000c005300650072007600650072000000000000000000c5dad2544fc97990"
    "94ce1ce90bc9d03e";

Key16 ResponseKeyNt() {
  auto nt_hash = NtHashFromPassword(kPassword);
  EXPECT_TRUE(nt_hash.ok()) << nt_hash.status().ToString();
  auto key = NtOwfV2(*nt_hash, kUser, kDomain);
  EXPECT_TRUE(key.ok()) << key.status().ToString();
  return *key;
}

TEST(NtlmVectors, NtHashOfPassword) {  // 4.2.2.1.2 NTOWFv1
  auto h = NtHashFromPassword(kPassword);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(ToHex(*h), "a4f49c406510bdcab6824ee7c30fd852");
}

TEST(NtlmVectors, ResponseKeyNt) {  // 4.2.4.1.1 NTOWFv2
  EXPECT_EQ(ToHex(ResponseKeyNt()), "0c868a403bfd7a93a3001ef22ef02e3f");
}

TEST(NtlmVectors, ResponsesAndSessionBaseKey) {  // 4.2.4.1.2, 4.2.4.2.1, 4.2.4.2.2
  auto r = ComputeNtlmV2Response(ResponseKeyNt(), kServerChallenge, kClientChallenge, 0,
                                 FromHex(kTargetInfoHex));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(ToHex(r->lm_response), "86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
  EXPECT_EQ(ToHex(ByteView(r->nt_response).first(16)), "68cd0ab851e51c96aabc927bebef6a1c");
  EXPECT_EQ(ToHex(r->nt_response),
            "68cd0ab851e51c96aabc927bebef6a1c01010000000000000000000000000000"
            "aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e0001000c00"
            "5300650072007600650072000000000000000000");
  EXPECT_EQ(ToHex(r->session_base_key), "8de40ccadbc14a82f15cb0ad0de95ca3");
}

TEST(NtlmVectors, EncryptedSessionKey) {  // 4.2.4.2.3: KXKEY = SessionBaseKey for NTLMv2
  auto encrypted = Rc4Once(ArrayFromHex<16>("8de40ccadbc14a82f15cb0ad0de95ca3"), kRandomSessionKey);
  ASSERT_TRUE(encrypted.ok()) << encrypted.status().ToString();
  EXPECT_EQ(ToHex(*encrypted), "c5dad2544fc9799094ce1ce90bc9d03e");
}

TEST(NtlmVectors, SigningAndSealingKeys) {  // 4.2.4.4
  auto keys = DeriveSessionKeys(kFlags, kRandomSessionKey);
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  EXPECT_EQ(ToHex(keys->client_signing), "4788dc861b4782f35d43fd98fe1a2d39");
  EXPECT_EQ(ToHex(keys->client_sealing), "59f600973cc4960a25480a7c196e4c58");
  // The example lists only the client keys; these were cross-checked with
  // impacket's SIGNKEY/SEALKEY(mode='Server').
  EXPECT_EQ(ToHex(keys->server_signing), "d04d6f10741041d1d246d64188d7a8ad");
  EXPECT_EQ(ToHex(keys->server_sealing), "9355f3a957c1583d25c4c2f11e40390e");
}

TEST(NtlmVectors, GssWrapExOfPlaintext) {  // 4.2.4.4: GSS_WrapEx of "Plaintext"
  auto client = SessionSecurity::Create(Role::kClient, kFlags, kRandomSessionKey);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  Bytes data = *Utf8ToUtf16Le("Plaintext");
  Bytes plaintext = data;
  auto sig = client->Seal(data, data);
  ASSERT_TRUE(sig.ok()) << sig.status().ToString();
  EXPECT_EQ(ToHex(data), "54e50165bf1936dc996020c1811b0f06fb5f");
  EXPECT_EQ(ToHex(*sig), "010000007fb38ec5c55d497600000000");

  // The server side opens it again.
  auto server = SessionSecurity::Create(Role::kServer, kFlags, kRandomSessionKey);
  ASSERT_TRUE(server.ok());
  EXPECT_TRUE(server->Unseal(data, data, *sig).ok());
  EXPECT_EQ(data, plaintext);
}

TEST(NtlmVectors, ChallengeMessageParses) {
  auto m = ParseChallenge(FromHex(kChallengeHex));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->flags, 0xe28a8233u);
  EXPECT_EQ(m->server_challenge, kServerChallenge);
  EXPECT_EQ(m->target_name, "Server");
  EXPECT_EQ(ToHex(m->target_info), kTargetInfoHex);
  ASSERT_TRUE(m->version.has_value());
  EXPECT_EQ(*m->version, (Version{6, 0, 6000, 15}));
  // And re-encodes byte for byte.
  auto again = EncodeChallenge(*m);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ToHex(*again), kChallengeHex);
}

TEST(NtlmVectors, ClientProducesTheExampleAuthenticateMessage) {
  ClientConfig config;
  config.credentials = {kDomain, kUser, kPassword, std::nullopt};
  config.workstation = kWorkstation;
  config.flags = kFlags;
  config.version = kClientVersion;
  config.client_challenge = kClientChallenge;
  config.exported_session_key = kRandomSessionKey;
  config.timestamp = 0;
  Client client(config);
  ASSERT_TRUE(client.Negotiate().ok());
  auto auth = client.Authenticate(FromHex(kChallengeHex));
  ASSERT_TRUE(auth.ok()) << auth.status().ToString();
  EXPECT_EQ(ToHex(*auth), kAuthenticateHex);
  EXPECT_EQ(client.negotiated_flags(), kFlags);
  EXPECT_EQ(client.exported_session_key(), kRandomSessionKey);
}

TEST(NtlmVectors, ServerAcceptsTheExampleAuthenticateMessage) {
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword(kUser, kPassword).ok());
  ServerConfig config;
  config.server_challenge = kServerChallenge;
  Server server(config, accounts);
  NegotiateMessage negotiate;
  negotiate.flags = kFlags;
  ASSERT_TRUE(server.Challenge(*EncodeNegotiate(negotiate)).ok());

  auto who = server.Authenticate(FromHex(kAuthenticateHex));
  ASSERT_TRUE(who.ok()) << who.status().ToString();
  EXPECT_EQ(who->user, kUser);
  EXPECT_EQ(who->domain, kDomain);
  EXPECT_EQ(who->workstation, kWorkstation);
  EXPECT_FALSE(who->anonymous);
  EXPECT_EQ(server.exported_session_key(), kRandomSessionKey);
}

TEST(NtlmVectors, ServerRejectsTheExampleWithAnotherPassword) {
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword(kUser, "password").ok());  // case differs
  ServerConfig config;
  config.server_challenge = kServerChallenge;
  Server server(config, accounts);
  NegotiateMessage negotiate;
  negotiate.flags = kFlags;
  ASSERT_TRUE(server.Challenge(*EncodeNegotiate(negotiate)).ok());
  auto who = server.Authenticate(FromHex(kAuthenticateHex));
  EXPECT_EQ(who.status().code(), ErrorCode::kAccessDenied);
}

}  // namespace
}  // namespace cimulate::ntlm
