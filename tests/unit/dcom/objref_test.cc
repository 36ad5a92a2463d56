#include "dcom/objref.h"

#include <gtest/gtest.h>

#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

using dcerpc::ErrorCode;
using testing::Hex;
using testing::ToHex;

const Guid kIid = *Guid::Parse("9556dc99-828c-11cf-a37e-00aa003240c7");
const Guid kClsid = *Guid::Parse("4590f812-1d3a-11d0-891f-00aa004b2e24");
const Guid kIpid = *Guid::Parse("00005c01-0aa4-1234-5678-9abcdef01234");

DualStringArray TwoOfEach() {
  return DualStringArray{{{kTowerIdTcp, u"10.0.0.1[135]"}, {kTowerIdTcp, u"h[9]"}},
                         {{kAuthnWinNt, kAuthzNone, u""}, {0x0010, kAuthzNone, u"h$"}}};
}

TEST(ObjRef, StandardRoundTripAndLayout) {
  ObjRef ref = StandardObjRef(kIid, {kSorfNoPing, 5, 0x1122334455667788, 0x0102030405060708, kIpid},
                              TwoOfEach());
  std::vector<uint8_t> bytes = EncodeObjRef(ref);
  // MEOW, flags, IID (24) + STDOBJREF (40) + counts (4) + entries.
  ASSERT_GE(bytes.size(), 68u);
  EXPECT_EQ(ToHex({bytes.begin(), bytes.begin() + 8}), "4d454f5701000000");
  EXPECT_EQ(ToHex({bytes.begin() + 24, bytes.begin() + 32}), "0010000005000000");
  // Entries: 7 "10.0.0.1[135]" NUL, 7 "h[9]" NUL, NUL = 1+14+1+5+1 = 22
  // units before the security bindings; then 10 ffff NUL, 16 ffff "h$" NUL,
  // NUL = 3+5+1 = 9 units. Both counts are in 16-bit units.
  EXPECT_EQ(ToHex({bytes.begin() + 64, bytes.begin() + 68}), "1f001600");
  EXPECT_EQ(bytes.size(), 68u + 31 * 2);
  ObjRef decoded;
  ASSERT_TRUE(DecodeObjRef(bytes, &decoded).ok());
  EXPECT_EQ(decoded, ref);
}

TEST(ObjRef, CustomRoundTripAndLayout) {
  ObjRef ref = CustomObjRef(kIid, kClsid, {1, 2, 3});
  std::vector<uint8_t> bytes = EncodeObjRef(ref);
  EXPECT_EQ(ToHex(bytes), "4d454f5704000000" "99dc56958c82cf11a37e00aa003240c7"
                          "12f890453a1dd011891f00aa004b2e24" "00000000" "0b000000" "010203");
  ObjRef decoded;
  ASSERT_TRUE(DecodeObjRef(bytes, &decoded).ok());
  ref.reserved = 11;  // decoded as read
  EXPECT_EQ(decoded, ref);
}

TEST(ObjRef, PackedDualStringArrayBytes) {
  DualStringArray value{{{kTowerIdTcp, u"a[1]"}}, {{kAuthnWinNt, kAuthzNone, u""}}};
  dcerpc::ByteWriter out;
  AppendDualStringArray(out, value);
  std::vector<uint8_t> bytes = out.Take();
  EXPECT_EQ(ToHex(bytes), "0b000700" "0700" "6100" "5b00" "3100" "5d00" "0000" "0000"
                          "0a00" "ffff" "0000" "0000");
  dcerpc::ByteReader in(bytes);
  DualStringArray decoded;
  ASSERT_TRUE(ReadDualStringArray(in, &decoded));
  EXPECT_EQ(decoded, value);
}

TEST(ObjRef, NdrDualStringArrayHoistsMaxCount) {
  dcerpc::NdrWriter out;
  WriteDualStringArrayNdr(out, TwoOfEach());
  std::vector<uint8_t> bytes = out.Finish();
  EXPECT_EQ(ToHex({bytes.begin(), bytes.begin() + 8}), "1f0000001f001600");
  EXPECT_EQ(bytes.size(), 8u + 31 * 2);
  dcerpc::NdrReader in(bytes);
  DualStringArray decoded;
  ASSERT_TRUE(ReadDualStringArrayNdr(in, &decoded)) << in.status().ToString();
  EXPECT_EQ(decoded, TwoOfEach());
}

TEST(ObjRef, EmptyDualStringArrayIsTwoPairsOfNuls) {
  dcerpc::ByteWriter out;
  AppendDualStringArray(out, DualStringArray{});
  EXPECT_EQ(ToHex(out.Take()), "04000200" "0000000000000000");
}

TEST(ObjRef, RejectsTruncatedInput) {
  std::vector<uint8_t> standard = EncodeObjRef(StandardObjRef(kIid, {0, 1, 2, 3, kIpid}, TwoOfEach()));
  ObjRef decoded;
  for (size_t size = 0; size < standard.size(); ++size) {
    EXPECT_FALSE(DecodeObjRef(std::span(standard.data(), size), &decoded).ok()) << size;
  }
  std::vector<uint8_t> custom = EncodeObjRef(CustomObjRef(kIid, kClsid, {}));
  for (size_t size = 0; size < custom.size(); ++size) {
    EXPECT_FALSE(DecodeObjRef(std::span(custom.data(), size), &decoded).ok()) << size;
  }
}

TEST(ObjRef, RejectsInconsistentInput) {
  ObjRef decoded;
  std::vector<uint8_t> bytes = EncodeObjRef(StandardObjRef(kIid, {0, 1, 2, 3, kIpid}, TwoOfEach()));
  std::vector<uint8_t> bad = bytes;
  bad[0] = 'X';
  EXPECT_EQ(DecodeObjRef(bad, &decoded).code(), ErrorCode::kMalformed);
  bad = bytes;
  bad[4] = 2;  // OBJREF_HANDLER
  EXPECT_EQ(DecodeObjRef(bad, &decoded).code(), ErrorCode::kUnsupported);
  bad = bytes;
  bad[66] = 0x40;  // wSecurityOffset beyond wNumEntries
  EXPECT_EQ(DecodeObjRef(bad, &decoded).code(), ErrorCode::kMalformed);
  bad = bytes;
  bad[64] = 0xff;  // wNumEntries beyond the input
  EXPECT_FALSE(DecodeObjRef(bad, &decoded).ok());
  bad = bytes;
  bad[64] = 0x1e;  // drops the final NUL of the security bindings
  EXPECT_EQ(DecodeObjRef(bad, &decoded).code(), ErrorCode::kMalformed);
  bad = bytes;
  bad[66] = 0x03;  // security offset inside the first string binding
  EXPECT_EQ(DecodeObjRef(bad, &decoded).code(), ErrorCode::kMalformed);

  std::vector<uint8_t> custom = EncodeObjRef(CustomObjRef(kIid, kClsid, {1}));
  custom[40] = 1;  // cbExtension
  EXPECT_EQ(DecodeObjRef(custom, &decoded).code(), ErrorCode::kUnsupported);

  dcerpc::NdrWriter out;
  WriteDualStringArrayNdr(out, TwoOfEach());
  std::vector<uint8_t> ndr = out.Finish();
  ndr[4] = 0x1e;  // wNumEntries differs from max_count
  dcerpc::NdrReader in(ndr);
  DualStringArray value;
  EXPECT_FALSE(ReadDualStringArrayNdr(in, &value));
  EXPECT_EQ(in.status().code(), ErrorCode::kMalformed);
}

TEST(ObjRef, TcpBindingAddress) {
  EXPECT_EQ(TcpBindingAddress("127.0.0.1", 49701), u"127.0.0.1[49701]");
  auto endpoint = ParseTcpBindingAddress(u"host.example[135]");
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->host, "host.example");
  EXPECT_EQ(endpoint->port, 135);
  EXPECT_FALSE(ParseTcpBindingAddress(u"host").has_value());
  EXPECT_FALSE(ParseTcpBindingAddress(u"host[]").has_value());
  EXPECT_FALSE(ParseTcpBindingAddress(u"host[70000]").has_value());
  EXPECT_FALSE(ParseTcpBindingAddress(u"host[12x]").has_value());
}

}  // namespace
}  // namespace cimulate::dcom
