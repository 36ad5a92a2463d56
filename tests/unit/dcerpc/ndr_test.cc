#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"
#include "dcerpc/type_serialization.h"

namespace cimulate::dcerpc {
namespace {

std::vector<uint8_t> Hex(std::string_view hex) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

TEST(NdrPrimitives, AlignRelativeToStubStart) {
  NdrWriter w;
  w.set_alignment_fill(0xbf);
  w.U8(1);
  w.U16(0x0302);
  w.U32(0x07060504);
  w.U8(8);
  w.U64(0x100f0e0d0c0b0a09);
  EXPECT_EQ(w.data(), Hex("01bf02030405060708bfbfbfbfbfbfbf090a0b0c0d0e0f10"));

  NdrReader r(w.data());
  uint8_t a = 0, d = 0;
  uint16_t b = 0;
  uint32_t c = 0;
  uint64_t e = 0;
  EXPECT_TRUE(r.U8(&a) && r.U16(&b) && r.U32(&c) && r.U8(&d) && r.U64(&e));
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, 0x0302);
  EXPECT_EQ(c, 0x07060504u);
  EXPECT_EQ(d, 8);
  EXPECT_EQ(e, 0x100f0e0d0c0b0a09u);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(NdrPrimitives, GuidWireOrder) {
  auto guid = Guid::Parse("8a885d04-1ceb-11c9-9fe8-08002b104860");
  ASSERT_TRUE(guid.has_value());
  NdrWriter w;
  w.U8(0);
  w.WriteGuid(*guid);
  EXPECT_EQ(w.data(), Hex("00000000045d888aeb1cc9119fe808002b104860"));
  NdrReader r(w.data());
  uint8_t skip = 0;
  Guid back;
  ASSERT_TRUE(r.U8(&skip) && r.ReadGuid(&back));
  EXPECT_EQ(back, *guid);
  EXPECT_EQ(back.ToString(), "8a885d04-1ceb-11c9-9fe8-08002b104860");
  EXPECT_FALSE(Guid::Parse("8a885d04-1ceb-11c9-9fe8-08002b10486").has_value());
  EXPECT_FALSE(Guid::Parse("8a885d04x1ceb-11c9-9fe8-08002b104860").has_value());
}

TEST(NdrPrimitives, TruncatedReadIsStickyError) {
  const std::vector<uint8_t> bytes = {1, 2, 3};
  NdrReader r(bytes);
  uint32_t value = 99;
  uint8_t byte = 0;
  EXPECT_FALSE(r.U32(&value));
  EXPECT_EQ(value, 0u);
  EXPECT_FALSE(r.U8(&byte));  // sticky even though a byte is left
  EXPECT_EQ(r.status().code(), ErrorCode::kTruncated);
}

TEST(NdrPrimitives, MisalignedTailIsTruncation) {
  // A uint32 after one byte needs 3 padding bytes first.
  const std::vector<uint8_t> bytes = {1, 0, 0, 0, 5, 6};
  NdrReader r(bytes);
  uint8_t byte = 0;
  uint32_t value = 0;
  EXPECT_TRUE(r.U8(&byte));
  EXPECT_FALSE(r.U32(&value));
  EXPECT_EQ(r.status().code(), ErrorCode::kTruncated);
}

TEST(NdrPointers, TopLevelUniquePointeeFollowsImmediately) {
  NdrWriter w;
  w.Pointer(PointerKind::kUnique, true, [](NdrWriter& sub) { sub.U32(0x11); });
  w.Pointer(PointerKind::kUnique, false, [](NdrWriter& sub) { sub.U32(0x22); });
  w.Pointer(PointerKind::kRef, true, [](NdrWriter& sub) { sub.U16(0x33); });
  EXPECT_EQ(w.data(), Hex("040002001100000000000000" "3300"));

  NdrReader r(w.data());
  bool p1 = false, p2 = true, p3 = false;
  uint32_t v1 = 0;
  uint16_t v3 = 0;
  r.Pointer(PointerKind::kUnique, &p1, [&](NdrReader& sub) { sub.U32(&v1); });
  r.Pointer(PointerKind::kUnique, &p2, [&](NdrReader&) { FAIL() << "NULL pointee read"; });
  r.Pointer(PointerKind::kRef, &p3, [&](NdrReader& sub) { sub.U16(&v3); });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(p1);
  EXPECT_FALSE(p2);
  EXPECT_TRUE(p3);
  EXPECT_EQ(v1, 0x11u);
  EXPECT_EQ(v3, 0x33);
}

// struct { long a; [unique] long* p; [unique] struct {[unique] short* q;}* s; long b; }
// Embedded pointees come after the struct, depth first: *p, *s, *(s->q).
TEST(NdrPointers, EmbeddedPointeesDeferredDepthFirst) {
  NdrWriter w;
  w.Constructed([](NdrWriter& sub) {
    sub.U32(0xa);
    sub.Pointer(PointerKind::kUnique, true, [](NdrWriter& inner) { inner.U32(0xbb); });
    sub.Pointer(PointerKind::kUnique, true, [](NdrWriter& inner) {
      inner.Pointer(PointerKind::kUnique, true, [](NdrWriter& leaf) { leaf.U16(0xcc); });
    });
    sub.U32(0xd);
  });
  w.U32(0xe);  // next parameter
  EXPECT_EQ(w.data(), Hex("0a00000004000200080002000d000000"  // struct
                          "bb000000"                          // *p
                          "0c000200"                          // *s
                          "cc000000"                          // *(s->q), then padding
                          "0e000000"));

  NdrReader r(w.data());
  uint32_t a = 0, pb = 0, d = 0, e = 0;
  uint16_t q = 0;
  bool present = false;
  r.Constructed([&](NdrReader& sub) {
    sub.U32(&a);
    sub.Pointer(PointerKind::kUnique, &present, [&](NdrReader& inner) { inner.U32(&pb); });
    sub.Pointer(PointerKind::kUnique, &present, [&](NdrReader& inner) {
      inner.Pointer(PointerKind::kUnique, &present, [&](NdrReader& leaf) { leaf.U16(&q); });
    });
    sub.U32(&d);
  });
  r.U32(&e);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(a, 0xau);
  EXPECT_EQ(pb, 0xbbu);
  EXPECT_EQ(q, 0xcc);
  EXPECT_EQ(d, 0xdu);
  EXPECT_EQ(e, 0xeu);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(NdrPointers, NullRefPointerIsRejected) {
  const std::vector<uint8_t> bytes = Hex("00000000");
  NdrReader r(bytes);
  bool present = false;
  r.Constructed([&](NdrReader& sub) { sub.Pointer(PointerKind::kRef, &present, [](NdrReader&) {}); });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
}

TEST(NdrPointers, FullPointerAliasWrittenOnce) {
  int target = 0;
  NdrWriter w;
  w.Constructed([&](NdrWriter& sub) {
    sub.FullPointer(&target, [](NdrWriter& inner) { inner.U32(0x55); });
    sub.FullPointer(&target, [](NdrWriter& inner) { inner.U32(0x66); });
    sub.FullPointer(nullptr, [](NdrWriter& inner) { inner.U32(0x77); });
  });
  EXPECT_EQ(w.data(), Hex("04000200040002000000000055000000"));

  NdrReader r(w.data());
  uint32_t id1 = 0, id2 = 0, id3 = 1, value = 0;
  bool first1 = false, first2 = true, first3 = true;
  r.Constructed([&](NdrReader& sub) {
    sub.FullPointer(&id1, &first1, [&](NdrReader& inner) { inner.U32(&value); });
    sub.FullPointer(&id2, &first2, [&](NdrReader& inner) { inner.U32(&value); });
    sub.FullPointer(&id3, &first3, [&](NdrReader& inner) { inner.U32(&value); });
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(id1, id2);
  EXPECT_TRUE(first1);
  EXPECT_FALSE(first2);
  EXPECT_EQ(id3, 0u);
  EXPECT_EQ(value, 0x55u);
}

// A self-referencing list node { [ptr] node* next; } whose referent points back
// at itself: the reader must stop instead of looping.
void ReadFullList(NdrReader& r, int* nodes) {
  uint32_t id = 0;
  bool first = false;
  r.FullPointer(&id, &first, [nodes](NdrReader& sub) {
    ++*nodes;
    sub.Constructed([nodes](NdrReader& inner) { ReadFullList(inner, nodes); });
  });
}

TEST(NdrPointers, FullPointerCycleTerminates) {
  const std::vector<uint8_t> bytes = Hex("0400020004000200");
  NdrReader r(bytes);
  int nodes = 0;
  ReadFullList(r, &nodes);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(nodes, 1);
}

void ReadUniqueList(NdrReader& r, int* nodes) {
  bool present = false;
  r.Pointer(PointerKind::kUnique, &present, [nodes](NdrReader& sub) {
    ++*nodes;
    sub.Constructed([nodes](NdrReader& inner) { ReadUniqueList(inner, nodes); });
  });
}

TEST(NdrPointers, DeepUniqueChainHitsDepthLimit) {
  std::vector<uint8_t> bytes;
  for (int i = 0; i < 10000; ++i) {
    bytes.insert(bytes.end(), {0x04, 0x00, 0x02, 0x00});
  }
  NdrReader r(bytes, NdrLimits{.max_pointer_depth = 32});
  int nodes = 0;
  ReadUniqueList(r, &nodes);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kLimitExceeded);
  EXPECT_LE(nodes, 32);
}

TEST(NdrArrays, ConformantVaryingRoundTrip) {
  const std::vector<uint16_t> values = {1, 2, 3};
  NdrWriter w;
  w.U8(0xff);
  w.MaxCount(5);
  w.VaryingCounts(1, 3);
  for (uint16_t v : values) w.U16(v);
  EXPECT_EQ(w.data(), Hex("ff000000050000000100000003000000010002000300"));

  NdrReader r(w.data());
  uint8_t lead = 0;
  uint32_t max = 0, offset = 0, actual = 0;
  r.U8(&lead);
  r.MaxCount(&max, 2);
  r.VaryingCounts(max, 2, &offset, &actual);
  std::vector<uint16_t> back(actual);
  for (auto& v : back) r.U16(&v);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(max, 5u);
  EXPECT_EQ(offset, 1u);
  EXPECT_EQ(back, values);
}

TEST(NdrArrays, ConformantCountLargerThanBufferIsRejected) {
  const std::vector<uint8_t> bytes = Hex("ffffff7f41414141");
  NdrReader r(bytes);
  uint32_t max = 0;
  EXPECT_FALSE(r.MaxCount(&max, 1));
  EXPECT_EQ(max, 0u);
  EXPECT_EQ(r.status().code(), ErrorCode::kLimitExceeded);
}

TEST(NdrArrays, VaryingBeyondMaxIsRejected) {
  const std::vector<uint8_t> bytes = Hex("020000000100000002000000aaaabbbbcccc");
  NdrReader r(bytes);
  uint32_t max = 0, offset = 0, actual = 0;
  r.MaxCount(&max, 2);
  EXPECT_FALSE(r.VaryingCounts(max, 2, &offset, &actual));
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
}

// MInterfacePointer { unsigned long ulCntData; [size_is(ulCntData)] byte abData[]; }
// is a conformant struct: max_count is hoisted in front of ulCntData.
TEST(NdrArrays, ConformantStructHoistsMaxCount) {
  const std::vector<uint8_t> data = {'M', 'E', 'O', 'W', 1};
  NdrWriter w;
  w.Pointer(PointerKind::kUnique, true, [&](NdrWriter& sub) {
    sub.MaxCount(static_cast<uint32_t>(data.size()));
    sub.U32(static_cast<uint32_t>(data.size()));
    sub.Bytes(data);
  });
  EXPECT_EQ(w.data(), Hex("0400020005000000050000004d454f5701"));

  NdrReader r(w.data());
  bool present = false;
  std::vector<uint8_t> back;
  r.Pointer(PointerKind::kUnique, &present, [&](NdrReader& sub) {
    uint32_t max = 0, count = 0;
    sub.MaxCount(&max, 1);
    sub.U32(&count);
    if (count != max) sub.Fail(ErrorCode::kMalformed, "ulCntData != max_count");
    std::span<const uint8_t> bytes;
    if (sub.Bytes(count, &bytes)) back.assign(bytes.begin(), bytes.end());
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(back, data);
}

TEST(NdrStrings, WideStringRoundTrip) {
  NdrWriter w;
  w.UniqueWideString(u"ab");
  w.UniqueWideString(std::nullopt);
  w.U32(7);
  EXPECT_EQ(w.data(), Hex("04000200030000000000000003000000610062000000" "0000" "00000000" "07000000"));

  NdrReader r(w.data());
  std::optional<std::u16string> a, b;
  uint32_t tail = 0;
  r.UniqueWideString(&a);
  r.UniqueWideString(&b);
  r.U32(&tail);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(a, u"ab");
  EXPECT_FALSE(b.has_value());
  EXPECT_EQ(tail, 7u);
}

TEST(NdrStrings, WideStringWithoutTerminatorIsRejected) {
  const std::vector<uint8_t> bytes = Hex("04000200020000000000000002000000610062000000");
  NdrReader r(bytes);
  std::optional<std::u16string> text;
  EXPECT_FALSE(r.UniqueWideString(&text));
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
}

TEST(NdrStrings, BstrRoundTrip) {
  NdrWriter w;
  w.Bstr(u"WQL");
  w.Bstr(std::nullopt);
  EXPECT_EQ(w.data(), Hex("04000200030000000600000003000000570051004c00" "0000" "00000000"));
  NdrReader r(w.data());
  std::optional<std::u16string> a, b;
  r.Bstr(&a);
  r.Bstr(&b);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(a, u"WQL");
  EXPECT_FALSE(b.has_value());
}

// Inside a struct the string pointees are deferred until the struct ends,
// after UniqueWideString/Bstr have returned; the strings must still arrive.
// (The text itself must outlive the outermost struct, as any pointee data.)
TEST(NdrStrings, EmbeddedStringsAreWrittenAndReadAfterTheStruct) {
  NdrWriter w;
  w.Constructed([](NdrWriter& s) {
    s.UniqueWideString(u"root\\cimv2");
    s.Bstr(u"WQL");
    s.U32(9);
  });
  NdrReader r(w.data());
  std::optional<std::u16string> name, dialect;
  uint32_t after = 0;
  r.Constructed([&](NdrReader& s) {
    s.UniqueWideString(&name);
    s.Bstr(&dialect);
    s.U32(&after);
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(name, u"root\\cimv2");
  EXPECT_EQ(dialect, u"WQL");
  EXPECT_EQ(after, 9u);
}

TEST(NdrStrings, BstrInconsistentLengthsRejected) {
  // max_count 3 but clSize 2.
  const std::vector<uint8_t> bytes = Hex("040002000300000006000000020000005700510000000000");
  NdrReader r(bytes);
  std::optional<std::u16string> text;
  EXPECT_FALSE(r.Bstr(&text));
  EXPECT_EQ(r.status().code(), ErrorCode::kMalformed);
}

TEST(TypeSerialization, RoundTripPadsToEight) {
  const std::vector<uint8_t> body = {1, 2, 3};
  std::vector<uint8_t> framed = EncodeTypeSerialized(body);
  EXPECT_EQ(framed, Hex("01100800cccccccc08000000cccccccc0102030000000000"));
  std::span<const uint8_t> back;
  size_t consumed = 0;
  ASSERT_TRUE(DecodeTypeSerialized(framed, &back, &consumed).ok());
  EXPECT_EQ(consumed, framed.size());
  EXPECT_EQ(std::vector<uint8_t>(back.begin(), back.end()), Hex("0102030000000000"));
}

TEST(TypeSerialization, RejectsBadHeadersAndLengths) {
  std::span<const uint8_t> body;
  EXPECT_EQ(DecodeTypeSerialized(Hex("02100800cccccccc00000000cccccccc"), &body).code(),
            ErrorCode::kUnsupported);
  EXPECT_EQ(DecodeTypeSerialized(Hex("01000800cccccccc00000000cccccccc"), &body).code(),
            ErrorCode::kUnsupported);
  EXPECT_EQ(DecodeTypeSerialized(Hex("01100900cccccccc00000000cccccccc"), &body).code(),
            ErrorCode::kMalformed);
  EXPECT_EQ(DecodeTypeSerialized(Hex("01100800cccccccc10000000cccccccc0102"), &body).code(),
            ErrorCode::kTruncated);
  EXPECT_EQ(DecodeTypeSerialized(Hex("01100800cccc"), &body).code(), ErrorCode::kTruncated);
}

}  // namespace
}  // namespace cimulate::dcerpc
