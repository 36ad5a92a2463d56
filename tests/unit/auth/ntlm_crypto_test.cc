// The primitives against their own published vectors, and the promise
// that loading the legacy provider leaves OpenSSL's default context alone.

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include "auth/ntlm/crypto.h"
#include "auth/ntlm/text.h"
#include "hex.h"

namespace cimulate::ntlm {
namespace {

using testing::ToHex;

TEST(NtlmCrypto, Md4Rfc1320) {
  EXPECT_EQ(ToHex(*Md4(AsBytes(""))), "31d6cfe0d16ae931b73c59d7e0c089c0");
  EXPECT_EQ(ToHex(*Md4(AsBytes("abc"))), "a448017aaf21d8525fc10ae87aa6729d");
}

TEST(NtlmCrypto, Md5OfConcatenatedParts) {
  EXPECT_EQ(ToHex(*Md5({AsBytes("a"), AsBytes("bc")})), "900150983cd24fb0d6963f7d28e17f72");
}

TEST(NtlmCrypto, HmacMd5Rfc2202) {
  auto mac = HmacMd5(AsBytes("Jefe"), {AsBytes("what do ya want "), AsBytes("for nothing?")});
  ASSERT_TRUE(mac.ok());
  EXPECT_EQ(ToHex(*mac), "750c783e6ab0b503eaa86e310a5db738");
}

TEST(NtlmCrypto, Rc4StreamContinuesAcrossCalls) {
  // The classic "Key" / "Plaintext" example; a 3-byte key checks that
  // non-16-byte keys are honoured.
  auto rc4 = Rc4::Create(AsBytes("Key"));
  ASSERT_TRUE(rc4.ok()) << rc4.status().ToString();
  Bytes first = {'P', 'l', 'a', 'i'};
  Bytes rest = {'n', 't', 'e', 'x', 't'};
  ASSERT_TRUE(rc4->Apply(first).ok());
  ASSERT_TRUE(rc4->Apply(rest).ok());
  first.insert(first.end(), rest.begin(), rest.end());
  EXPECT_EQ(ToHex(first), "bbf316e8d940af0ad3");
}

TEST(NtlmCrypto, RejectsEmptyRc4Key) {
  EXPECT_EQ(Rc4::Create(Bytes{}).status().code(), ErrorCode::kInvalidArgument);
}

TEST(NtlmCrypto, DefaultLibraryContextIsUntouched) {
  ASSERT_TRUE(CryptoAvailable().ok()) << CryptoAvailable().ToString();
  ASSERT_TRUE(Md4(AsBytes("x")).ok());
  // MD4 is legacy-only; if we had loaded the provider globally this would
  // succeed.
  EVP_MD* md4 = EVP_MD_fetch(nullptr, "MD4", nullptr);
  EXPECT_EQ(md4, nullptr);
  EVP_MD_free(md4);
}

TEST(NtlmCrypto, Utf16Conversions) {
  auto wide = Utf8ToUtf16Le("a\xC3\xA9\xF0\x9F\x98\x80");  // a, e-acute, emoji
  ASSERT_TRUE(wide.ok());
  EXPECT_EQ(ToHex(*wide), "6100e9003dd800de");
  EXPECT_EQ(*Utf16LeToUtf8(*wide), "a\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(ToHex(UppercaseUtf16Le(*wide)), "4100c9003dd800de");
  EXPECT_FALSE(Utf8ToUtf16Le("\xED\xA0\x80").ok());  // encoded surrogate
  EXPECT_FALSE(Utf8ToUtf16Le("\xE2\x82").ok());      // truncated
  EXPECT_TRUE(EqualsIgnoringCase("J\xC3\xBCrgen", "J\xC3\x9CRGEN"));
}

}  // namespace
}  // namespace cimulate::ntlm
