// SessionSecurity beyond the MS-NLMP example: sequence handling, state
// that persists across messages, separate signed and sealed regions, and
// tampering.

#include <gtest/gtest.h>

#include "auth/ntlm/flags.h"
#include "auth/ntlm/session_security.h"

namespace cimulate::ntlm {
namespace {

constexpr uint32_t kFlags = flags::kClientDefault;

struct Pair {
  SessionSecurity client;
  SessionSecurity server;
};

Pair MakePair(uint32_t negotiated = kFlags) {
  Key16 key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<uint8_t>(i * 7 + 1);
  return Pair{*SessionSecurity::Create(Role::kClient, negotiated, key),
              *SessionSecurity::Create(Role::kServer, negotiated, key)};
}

// A DCE/RPC-like PDU: 16-byte header, stub, 8-byte trailer; only the stub
// is sealed but the whole PDU is signed.
struct Pdu {
  Bytes bytes;
  std::span<uint8_t> stub() { return std::span<uint8_t>(bytes).subspan(16, bytes.size() - 24); }
};

Pdu MakePdu(uint8_t fill) {
  Pdu p;
  p.bytes.assign(16, 0xAA);
  p.bytes.insert(p.bytes.end(), 40, fill);
  p.bytes.insert(p.bytes.end(), 8, 0xBB);
  return p;
}

TEST(NtlmSessionSecurity, SequenceNumbersAdvancePerDirection) {
  Pair p = MakePair();
  Bytes msg = {1, 2, 3};
  for (uint32_t i = 0; i < 3; ++i) {
    auto sig = p.client.Sign(msg);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(LoadU32(sig->data() + 12), i);
    EXPECT_TRUE(p.server.Verify(msg, *sig).ok());
  }
  EXPECT_EQ(p.client.send_sequence(), 3u);
  EXPECT_EQ(p.server.receive_sequence(), 3u);
  EXPECT_EQ(p.server.send_sequence(), 0u);
  EXPECT_EQ(p.client.receive_sequence(), 0u);
}

TEST(NtlmSessionSecurity, SameMessageTwiceGivesDifferentSignatures) {
  Pair p = MakePair();
  Bytes msg = {9, 9, 9};
  auto a = p.client.Sign(msg);
  auto b = p.client.Sign(msg);
  EXPECT_NE(*a, *b);  // sequence and RC4 stream both moved on
}

TEST(NtlmSessionSecurity, SealedPduWithSeparateSignedRegionRoundTrips) {
  Pair p = MakePair();
  for (uint8_t round = 0; round < 4; ++round) {  // RC4 state carries across PDUs
    Pdu request = MakePdu(round);
    Bytes plain = request.bytes;
    auto sig = p.client.Seal(request.stub(), request.bytes);
    ASSERT_TRUE(sig.ok());
    EXPECT_EQ(Bytes(request.bytes.begin(), request.bytes.begin() + 16), Bytes(16, 0xAA));
    EXPECT_NE(request.bytes, plain);
    ASSERT_TRUE(p.server.Unseal(request.stub(), request.bytes, *sig).ok());
    EXPECT_EQ(request.bytes, plain);

    Pdu response = MakePdu(static_cast<uint8_t>(0x80 + round));
    plain = response.bytes;
    sig = p.server.Seal(response.stub(), response.bytes);
    ASSERT_TRUE(p.client.Unseal(response.stub(), response.bytes, *sig).ok());
    EXPECT_EQ(response.bytes, plain);
  }
}

TEST(NtlmSessionSecurity, TamperedSignedMessageFailsVerify) {
  Pair p = MakePair();
  Bytes msg = {1, 2, 3, 4};
  auto sig = p.client.Sign(msg);
  msg[2] ^= 0x01;
  EXPECT_EQ(p.server.Verify(msg, *sig).code(), ErrorCode::kAccessDenied);
}

TEST(NtlmSessionSecurity, TamperedHeaderOfSealedPduFailsUnseal) {
  Pair p = MakePair();
  Pdu pdu = MakePdu(7);
  auto sig = p.client.Seal(pdu.stub(), pdu.bytes);
  pdu.bytes[3] ^= 0x10;  // outside the sealed stub, inside the signed PDU
  EXPECT_EQ(p.server.Unseal(pdu.stub(), pdu.bytes, *sig).code(), ErrorCode::kAccessDenied);
}

TEST(NtlmSessionSecurity, TamperedCiphertextFailsUnseal) {
  Pair p = MakePair();
  Pdu pdu = MakePdu(7);
  auto sig = p.client.Seal(pdu.stub(), pdu.bytes);
  pdu.stub()[5] ^= 0x80;
  EXPECT_FALSE(p.server.Unseal(pdu.stub(), pdu.bytes, *sig).ok());
}

TEST(NtlmSessionSecurity, TamperedSignatureFailsVerify) {
  Pair p = MakePair();
  Bytes msg = {1};
  auto sig = *p.client.Sign(msg);
  sig[6] ^= 0x01;
  EXPECT_FALSE(p.server.Verify(msg, sig).ok());
}

TEST(NtlmSessionSecurity, ReplayedOrSkippedSequenceFails) {
  Pair p = MakePair();
  Bytes msg = {5};
  ASSERT_TRUE(p.client.Sign(msg).ok());  // sequence 0, never delivered
  auto second = *p.client.Sign(msg);
  EXPECT_EQ(p.server.Verify(msg, second).code(), ErrorCode::kAccessDenied);  // skipped 0
  Pair q = MakePair();
  auto only = *q.client.Sign(msg);
  ASSERT_TRUE(q.server.Verify(msg, only).ok());
  EXPECT_FALSE(q.server.Verify(msg, only).ok());  // replay of 0
}

TEST(NtlmSessionSecurity, FailureBreaksTheReceiveDirection) {
  Pair p = MakePair();
  Bytes msg = {1, 2};
  auto bad = *p.client.Sign(msg);
  bad[4] ^= 1;
  EXPECT_FALSE(p.server.Verify(msg, bad).ok());
  auto good = *p.client.Sign(msg);
  EXPECT_EQ(p.server.Verify(msg, good).code(), ErrorCode::kWrongState);
  // The other direction is unaffected.
  auto reply = *p.server.Sign(msg);
  EXPECT_TRUE(p.client.Verify(msg, reply).ok());
}

TEST(NtlmSessionSecurity, WrongSizedOrVersionedSignatureIsMalformed) {
  Pair p = MakePair();
  Bytes msg = {1};
  EXPECT_EQ(p.server.Verify(msg, Bytes(15, 0)).code(), ErrorCode::kMalformed);
  Pair q = MakePair();
  auto sig = *q.client.Sign(msg);
  sig[0] = 2;
  EXPECT_EQ(q.server.Verify(msg, sig).code(), ErrorCode::kMalformed);
}

TEST(NtlmSessionSecurity, DirectionsUseDifferentKeys) {
  // A client-signed message must not verify as if the server had sent it.
  Pair p = MakePair();
  Pair other = MakePair();
  Bytes msg = {3};
  auto sig = *p.client.Sign(msg);
  EXPECT_FALSE(other.client.Verify(msg, sig).ok());
}

TEST(NtlmSessionSecurity, WithoutKeyExchangeChecksumIsNotEncrypted) {
  uint32_t negotiated = kFlags & ~flags::kKeyExchange;
  Pair p = MakePair(negotiated);
  Bytes msg = {1, 2, 3};
  auto sig = p.client.Sign(msg);
  ASSERT_TRUE(sig.ok());
  EXPECT_TRUE(p.server.Verify(msg, *sig).ok());
  Pair q = MakePair(kFlags);
  EXPECT_NE(*q.client.Sign(msg), *sig);
}

TEST(NtlmSessionSecurity, RequiresExtendedSessionSecurity) {
  Key16 key{};
  auto s = SessionSecurity::Create(Role::kClient, kFlags & ~flags::kExtendedSessionSecurity, key);
  EXPECT_EQ(s.status().code(), ErrorCode::kUnsupported);
}

}  // namespace
}  // namespace cimulate::ntlm
