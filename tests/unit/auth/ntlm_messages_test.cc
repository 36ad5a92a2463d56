// Message codec: round trips and strict rejection of malformed input.

#include <gtest/gtest.h>

#include <random>

#include "auth/ntlm/av_pairs.h"
#include "auth/ntlm/flags.h"
#include "auth/ntlm/messages.h"
#include "hex.h"

namespace cimulate::ntlm {
namespace {

using testing::FromHex;

// MS-NLMP 4.2.4.3 messages (the same bytes as in ntlm_vectors_test.cc).
const Bytes kChallenge = FromHex(
    "4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
    "00000000000000002400240044000000060070170000000f5300650072007600"
    "6500720002000c0044006f006d00610069006e0001000c005300650072007600"
    "6500720000000000");
const Bytes kAuthenticate = FromHex(
    "4e544c4d5353500003000000180018006c00000054005400840000000c000c00"
    "480000000800080054000000100010005c00000010001000d8000000358288e2"
    "0501280a0000000f44006f006d00610069006e00550073006500720043004f00"
    "4d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa"
    "aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c010100000000000000000000"
    "00000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00"
    "01000c005300650072007600650072000000000000000000c5dad2544fc97990"
    "94ce1ce90bc9d03e");

Bytes Negotiate() {
  NegotiateMessage m;
  m.flags = flags::kClientDefault | flags::kVersion;
  m.domain = "DOM";
  m.workstation = "WS";
  return *EncodeNegotiate(m);
}

void PutU32(Bytes& b, size_t at, uint32_t v) { StoreU32(b.data() + at, v); }
void PutU16(Bytes& b, size_t at, uint16_t v) {
  b[at] = static_cast<uint8_t>(v);
  b[at + 1] = static_cast<uint8_t>(v >> 8);
}

TEST(NtlmMessages, NegotiateRoundTrip) {
  auto m = ParseNegotiate(Negotiate());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->domain, "DOM");
  EXPECT_EQ(m->workstation, "WS");
  EXPECT_TRUE(m->flags & flags::kOemDomainSupplied);
  EXPECT_TRUE(m->flags & flags::kOemWorkstationSupplied);
  ASSERT_TRUE(m->version.has_value());
  EXPECT_EQ(*m->version, Version{});
}

TEST(NtlmMessages, AuthenticateParsesTheExample) {
  auto m = ParseAuthenticate(kAuthenticate);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->user, "User");
  EXPECT_EQ(m->domain, "Domain");
  EXPECT_EQ(m->workstation, "COMPUTER");
  EXPECT_EQ(m->lm_response.size(), 24u);
  EXPECT_EQ(m->nt_response.size(), 84u);
  EXPECT_EQ(m->encrypted_session_key.size(), 16u);
  EXPECT_EQ(*m->version, (Version{5, 1, 2600, 15}));
  EXPECT_FALSE(m->mic.has_value());  // payload starts at 72: no room for a MIC
}

TEST(NtlmMessages, AuthenticateRoundTripWithMicAndNonAsciiNames) {
  AuthenticateMessage m;
  m.flags = flags::kClientDefault | flags::kVersion;
  m.user = "Jürgen";
  m.domain = "DÖMÄIN";
  m.workstation = "\xF0\x9F\x92\xBB";  // outside the BMP: a surrogate pair
  m.nt_response = Bytes(50, 7);
  m.lm_response = Bytes(24, 0);
  m.encrypted_session_key = Bytes(16, 9);
  m.mic = Key16{1, 2, 3};
  auto encoded = EncodeAuthenticate(m);
  ASSERT_TRUE(encoded.ok());
  auto back = ParseAuthenticate(*encoded);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->user, m.user);
  EXPECT_EQ(back->domain, m.domain);
  EXPECT_EQ(back->workstation, m.workstation);
  EXPECT_EQ(back->nt_response, m.nt_response);
  EXPECT_EQ(back->mic, m.mic);
  EXPECT_EQ(back->mic_offset, 72u);
}

TEST(NtlmMessages, PeekMessageType) {
  EXPECT_EQ(*PeekMessageType(Negotiate()), MessageType::kNegotiate);
  EXPECT_EQ(*PeekMessageType(kChallenge), MessageType::kChallenge);
  EXPECT_EQ(*PeekMessageType(kAuthenticate), MessageType::kAuthenticate);
  EXPECT_FALSE(PeekMessageType(Bytes{1, 2, 3}).ok());
}

TEST(NtlmMessages, EveryTruncationIsRejected) {
  Bytes negotiate = Negotiate();
  for (size_t n = 0; n < negotiate.size(); ++n) {
    auto r = ParseNegotiate(ByteView(negotiate).first(n));
    EXPECT_EQ(r.status().code(), ErrorCode::kMalformed) << "NEGOTIATE cut at " << n;
  }
  for (size_t n = 0; n < kChallenge.size(); ++n) {
    auto r = ParseChallenge(ByteView(kChallenge).first(n));
    EXPECT_EQ(r.status().code(), ErrorCode::kMalformed) << "CHALLENGE cut at " << n;
  }
  for (size_t n = 0; n < kAuthenticate.size(); ++n) {
    auto r = ParseAuthenticate(ByteView(kAuthenticate).first(n));
    EXPECT_EQ(r.status().code(), ErrorCode::kMalformed) << "AUTHENTICATE cut at " << n;
  }
}

TEST(NtlmMessages, WrongSignatureOrTypeIsRejected) {
  Bytes bad = kChallenge;
  bad[0] = 'X';
  EXPECT_EQ(ParseChallenge(bad).status().code(), ErrorCode::kMalformed);
  EXPECT_EQ(ParseAuthenticate(kChallenge).status().code(), ErrorCode::kMalformed);
  EXPECT_EQ(ParseNegotiate(kAuthenticate).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, FieldPastTheEndIsRejected) {
  Bytes bad = kAuthenticate;
  PutU16(bad, 20, 0x0100);  // NT response length 256, runs past the end
  auto r = ParseAuthenticate(bad);
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
  EXPECT_NE(r.status().message().find("NtChallengeResponse"), std::string::npos);
}

TEST(NtlmMessages, HugeOffsetIsRejectedWithoutOverflow) {
  Bytes bad = kAuthenticate;
  PutU32(bad, 24, 0xFFFFFFF0);  // NT response offset near 2^32
  EXPECT_EQ(ParseAuthenticate(bad).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, FieldInsideTheHeaderIsRejected) {
  Bytes bad = kChallenge;
  PutU32(bad, 16, 8);  // TargetName offset inside the fixed header
  EXPECT_EQ(ParseChallenge(bad).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, OddLengthUnicodeStringIsRejected) {
  Bytes bad = kAuthenticate;
  PutU16(bad, 36, 7);  // UserName length 7 bytes under UNICODE
  EXPECT_EQ(ParseAuthenticate(bad).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, UnpairedSurrogateIsRejected) {
  Bytes bad = kAuthenticate;
  // UserName "User" lives at 0x54; make its first unit a lone high surrogate.
  bad[0x54] = 0x00;
  bad[0x55] = 0xD8;
  EXPECT_EQ(ParseAuthenticate(bad).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, ChallengeWithBrokenTargetInfoIsRejected) {
  Bytes no_eol = kChallenge;
  PutU16(no_eol, 40, 32);  // TargetInfo length cut before MsvAvEOL
  EXPECT_EQ(ParseChallenge(no_eol).status().code(), ErrorCode::kMalformed);

  Bytes long_pair = kChallenge;
  PutU16(long_pair, 0x44 + 2, 0x0400);  // first AV_PAIR claims 1024 bytes
  EXPECT_EQ(ParseChallenge(long_pair).status().code(), ErrorCode::kMalformed);
}

TEST(NtlmMessages, AvPairListRules) {
  EXPECT_FALSE(AvPairList::Parse(Bytes{}).ok());
  EXPECT_FALSE(AvPairList::Parse(Bytes{0, 0, 1, 0, 0}).ok());  // EOL with a length
  auto trailing = AvPairList::Parse(Bytes{0, 0, 0, 0, 9, 9, 9});
  ASSERT_TRUE(trailing.ok());  // bytes after EOL are padding
  EXPECT_TRUE(trailing->pairs().empty());

  AvPairList list;
  ASSERT_TRUE(list.AddString(AvId::kNbComputerName, "HOST").ok());
  list.AddTimestamp(42);
  EXPECT_EQ(list.Add(AvId::kTargetName, Bytes(70000, 0)).code(), ErrorCode::kInvalidArgument);
  auto back = AvPairList::Parse(list.Encode());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->FindString(AvId::kNbComputerName), "HOST");
  EXPECT_EQ(back->FindTimestamp(), 42u);
}

TEST(NtlmMessages, OversizedFieldIsRefusedOnEncode) {
  AuthenticateMessage m;
  m.flags = flags::kUnicode;
  m.nt_response = Bytes(70000, 1);
  EXPECT_EQ(EncodeAuthenticate(m).status().code(), ErrorCode::kInvalidArgument);
}

TEST(NtlmMessages, InvalidUtf8IsRefusedOnEncode) {
  AuthenticateMessage m;
  m.flags = flags::kUnicode;
  m.user = "\xC0\x80";  // overlong NUL
  EXPECT_EQ(EncodeAuthenticate(m).status().code(), ErrorCode::kInvalidArgument);
}

// Random corruption must never crash or read out of bounds (the sanitizer
// build checks the latter); the result just has to be an ordinary value.
TEST(NtlmMessages, RandomCorruptionNeverCrashes) {
  std::mt19937 rng(12345);
  for (const Bytes* base : {&kChallenge, &kAuthenticate}) {
    for (int i = 0; i < 3000; ++i) {
      Bytes m = *base;
      int flips = 1 + static_cast<int>(rng() % 4);
      for (int f = 0; f < flips; ++f) m[rng() % m.size()] = static_cast<uint8_t>(rng());
      m.resize(rng() % (m.size() + 1));
      (void)ParseChallenge(m);
      (void)ParseAuthenticate(m);
      (void)ParseNegotiate(m);
    }
  }
}

}  // namespace
}  // namespace cimulate::ntlm
