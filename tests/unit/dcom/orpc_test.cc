#include "dcom/orpc.h"

#include <gtest/gtest.h>

#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

using testing::Hex;

OrpcThis SampleThis() {
  OrpcThis value;
  value.flags = kOrpcfLocal;
  value.cid = *Guid::Parse("66a1f4d1-ea56-6861-c17c-e2719ed8821c");
  return value;
}

TEST(OrpcThis, EncodesTheWireLayoutImpacketSends) {
  NdrWriter w;
  WriteOrpcThis(w, SampleThis());
  EXPECT_EQ(w.Finish(), Hex("050007000100000000000000d1f4a16656ea6168c17ce2719ed8821c"
                            "00000000"));
}

TEST(OrpcThis, RoundTripsWithExtensions) {
  OrpcThis value = SampleThis();
  value.extensions.push_back({*Guid::Parse("f1f19680-4d2a-11ce-a66a-0020af6e72f4"), {1, 2, 3}});
  value.extensions.push_back({*Guid::Parse("00000000-0000-0000-0000-000000000001"),
                              std::vector<uint8_t>(8, 0xab)});
  value.extensions.push_back({*Guid::Parse("00000000-0000-0000-0000-000000000002"), {}});
  NdrWriter w;
  WriteOrpcThis(w, value);
  w.U32(0xdeadbeef);  // a following parameter must still be found after the extensions
  const std::vector<uint8_t> bytes = w.Finish();

  NdrReader r(bytes);
  OrpcThis decoded;
  ASSERT_TRUE(ReadOrpcThis(r, &decoded)) << r.status().ToString();
  EXPECT_EQ(decoded, value);
  uint32_t next = 0;
  ASSERT_TRUE(r.U32(&next));
  EXPECT_EQ(next, 0xdeadbeefu);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(OrpcThat, RoundTripsWithAndWithoutExtensions) {
  for (bool with_extension : {false, true}) {
    OrpcThat value;
    value.flags = 0;
    if (with_extension) value.extensions.push_back({Guid{}, {9, 8, 7, 6, 5, 4, 3, 2, 1}});
    NdrWriter w;
    WriteOrpcThat(w, value);
    const std::vector<uint8_t> bytes = w.Finish();
    if (!with_extension) {
      EXPECT_EQ(bytes, Hex("0000000000000000"));
    }
    NdrReader r(bytes);
    OrpcThat decoded;
    ASSERT_TRUE(ReadOrpcThat(r, &decoded)) << r.status().ToString();
    EXPECT_EQ(decoded, value);
    EXPECT_EQ(r.remaining(), 0u);
  }
}

TEST(OrpcThis, EveryTruncationIsAnErrorNotACrash) {
  OrpcThis value = SampleThis();
  value.extensions.push_back({Guid{}, {1, 2, 3, 4, 5}});
  NdrWriter w;
  WriteOrpcThis(w, value);
  const std::vector<uint8_t> bytes = w.Finish();
  for (size_t n = 0; n < bytes.size(); ++n) {
    NdrReader r(std::span(bytes.data(), n));
    OrpcThis decoded;
    EXPECT_FALSE(ReadOrpcThis(r, &decoded)) << "prefix " << n;
    EXPECT_FALSE(r.status().ok());
  }
}

TEST(OrpcThis, RejectsAnAbsurdExtentCount) {
  // extensions -> {size = 0x7fffffff, reserved, extent = NULL}
  const auto bytes = Hex("0500070000000000000000000000000000000000000000000000000004000200"
                         "ffffff7f0000000000000000");
  NdrReader r(bytes);
  OrpcThis decoded;
  EXPECT_FALSE(ReadOrpcThis(r, &decoded));
  EXPECT_EQ(r.status().code(), dcerpc::ErrorCode::kLimitExceeded) << r.status().ToString();
}

TEST(OrpcThis, RejectsAnExtentWhoseSizeDisagreesWithItsArray) {
  OrpcThis value = SampleThis();
  value.extensions.push_back({Guid{}, {1, 2, 3}});
  NdrWriter w;
  WriteOrpcThis(w, value);
  std::vector<uint8_t> bytes = w.Finish();
  // The extent's size field sits 4 bytes before its 8 data bytes at the end.
  bytes[bytes.size() - 12] = 9;
  NdrReader r(bytes);
  OrpcThis decoded;
  EXPECT_FALSE(ReadOrpcThis(r, &decoded));
  EXPECT_EQ(r.status().code(), dcerpc::ErrorCode::kMalformed) << r.status().ToString();
}

TEST(MInterfacePointer, TopLevelUniqueAndRefPointers) {
  const MInterfacePointer ip{{'M', 'E', 'O', 'W', 1}};
  NdrWriter w;
  WriteInterfacePointer(w, PointerKind::kUnique, &ip);
  WriteInterfacePointer(w, PointerKind::kUnique, nullptr);
  WriteInterfacePointer(w, PointerKind::kRef, &ip);
  const std::vector<uint8_t> bytes = w.Finish();
  EXPECT_EQ(bytes, Hex("04000200" "05000000" "05000000" "4d454f5701" "000000"
                       "00000000"
                       "05000000" "05000000" "4d454f5701"));
  NdrReader r(bytes);
  std::optional<MInterfacePointer> a, b, c;
  ReadInterfacePointer(r, PointerKind::kUnique, &a);
  ReadInterfacePointer(r, PointerKind::kUnique, &b);
  ASSERT_TRUE(ReadInterfacePointer(r, PointerKind::kRef, &c)) << r.status().ToString();
  EXPECT_EQ(a, ip);
  EXPECT_FALSE(b.has_value());
  EXPECT_EQ(c, ip);
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(MInterfacePointer, EmbeddedPointeesFollowTheStruct) {
  const MInterfacePointer first{{1, 2}}, second{{3}};
  NdrWriter w;
  w.Constructed([&](NdrWriter& s) {
    WriteInterfacePointer(s, PointerKind::kUnique, &first);
    s.U32(7);
    WriteInterfacePointer(s, PointerKind::kUnique, &second);
  });
  const std::vector<uint8_t> bytes = w.Finish();
  EXPECT_EQ(bytes, Hex("04000200" "07000000" "08000200"
                       "02000000" "02000000" "0102" "0000"
                       "01000000" "01000000" "03"));
  NdrReader r(bytes);
  std::optional<MInterfacePointer> a, b;
  uint32_t middle = 0;
  r.Constructed([&](NdrReader& s) {
    ReadInterfacePointer(s, PointerKind::kUnique, &a);
    s.U32(&middle);
    ReadInterfacePointer(s, PointerKind::kUnique, &b);
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(a, first);
  EXPECT_EQ(middle, 7u);
  EXPECT_EQ(b, second);
}

TEST(MInterfacePointer, RejectsMismatchedCountsAndOversizeArrays) {
  {
    const auto bytes = Hex("05000000" "04000000" "0102030405");
    NdrReader r(bytes);
    MInterfacePointer ip;
    EXPECT_FALSE(ReadInterfacePointerData(r, &ip));
    EXPECT_EQ(r.status().code(), dcerpc::ErrorCode::kMalformed);
  }
  {
    const auto bytes = Hex("ffffffff" "ffffffff" "0102");
    NdrReader r(bytes);
    MInterfacePointer ip;
    EXPECT_FALSE(ReadInterfacePointerData(r, &ip));
    EXPECT_EQ(r.status().code(), dcerpc::ErrorCode::kLimitExceeded);
  }
  {
    const auto bytes = Hex("00000000");  // NULL where a [ref] pointer is required
    NdrReader r(bytes);
    std::optional<MInterfacePointer> ip;
    r.Constructed([&](NdrReader& s) { ReadInterfacePointer(s, PointerKind::kRef, &ip); });
    EXPECT_EQ(r.status().code(), dcerpc::ErrorCode::kMalformed);
  }
}

class OrpcVectors : public ::testing::Test {
 protected:
  void SetUp() override {
    vectors_ = testing::LoadCapturedCalls();
    if (vectors_.empty()) GTEST_SKIP() << "no " << testing::kWmidcomVectorDir << "stub_vectors.jsonl";
  }
  std::vector<testing::CapturedCall> vectors_;
};

// Every captured request starts with ORPCTHIS 5.7 and no extensions, every
// reply with ORPCTHAT; re-encoding the decoded header gives the same bytes.
TEST_F(OrpcVectors, EveryCapturedCallHasOrpcHeaders) {
  for (const auto& v : vectors_) {
    SCOPED_TRACE(v.iface + " opnum " + std::to_string(v.opnum));
    NdrReader request(v.request);
    OrpcThis orpc_this;
    ASSERT_TRUE(ReadOrpcThis(request, &orpc_this)) << request.status().ToString();
    EXPECT_EQ(orpc_this.version, (ComVersion{5, 7}));
    EXPECT_FALSE(orpc_this.cid.IsNil());
    EXPECT_TRUE(orpc_this.extensions.empty());
    NdrWriter w;
    WriteOrpcThis(w, orpc_this);
    EXPECT_EQ(w.Finish(), std::vector<uint8_t>(v.request.begin(), v.request.begin() + 32));

    NdrReader response(v.response);
    OrpcThat orpc_that;
    ASSERT_TRUE(ReadOrpcThat(response, &orpc_that)) << response.status().ToString();
    EXPECT_EQ(orpc_that.flags, 0u);
  }
}

TEST_F(OrpcVectors, RemoteCreateInstanceCarriesAnInterfacePointerEachWay) {
  const testing::CapturedCall* found = nullptr;
  for (const auto& v : vectors_) {
    if (v.iface == "IRemoteSCMActivator" && v.opnum == 4) found = &v;
  }
  ASSERT_NE(found, nullptr);
  NdrReader r(found->request);
  OrpcThis orpc_this;
  std::optional<MInterfacePointer> outer, properties;
  ReadOrpcThis(r, &orpc_this);
  ReadInterfacePointer(r, PointerKind::kUnique, &outer);
  ReadInterfacePointer(r, PointerKind::kUnique, &properties);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(orpc_this.flags, kOrpcfLocal);
  EXPECT_FALSE(outer.has_value());
  ASSERT_TRUE(properties.has_value());
  EXPECT_EQ(properties->data.size(), 0x1a0u);
  EXPECT_EQ(std::vector<uint8_t>(properties->data.begin(), properties->data.begin() + 4),
            Hex("4d454f57"));  // "MEOW", the OBJREF signature

  NdrReader reply(found->response);
  OrpcThat orpc_that;
  std::optional<MInterfacePointer> out_properties;
  uint32_t hresult = 1;
  ReadOrpcThat(reply, &orpc_that);
  ReadInterfacePointer(reply, PointerKind::kUnique, &out_properties);
  reply.U32(&hresult);
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  ASSERT_TRUE(out_properties.has_value());
  EXPECT_EQ(out_properties->data.size(), 0x1f8u);
  EXPECT_EQ(hresult, 0u);
  EXPECT_EQ(reply.remaining(), 0u);
}

}  // namespace
}  // namespace cimulate::dcom
