#include "dcom/rem_unknown.h"

#include <gtest/gtest.h>

#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

TEST(RemUnknown, DecodesAndReencodesImpacketsRemRelease) {
  bool found = false;
  for (const auto& v : testing::LoadStubVectors()) {
    if (v.iface != "IRemUnknown" || v.opnum != kOpnumRemRelease) continue;
    found = true;
    RemRefCountRequest request;
    dcerpc::Status status = DecodeRemRefCountRequest(v.request, &request);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(request.refs.size(), 1u);
    EXPECT_GT(request.refs[0].public_refs, 0u);
    // Equal except the 2 filler bytes after cInterfaceRefs (impacket: 0xcece).
    std::vector<uint8_t> expected = v.request;
    expected[34] = expected[35] = 0;
    EXPECT_EQ(EncodeRemRefCountRequest(request), expected);

    OrpcThat that;
    int32_t hresult = -1;
    ASSERT_TRUE(DecodeRemReleaseResponse(v.response, &that, &hresult).ok());
    EXPECT_EQ(hresult, 0);
    EXPECT_EQ(EncodeRemReleaseResponse(that, hresult), v.response);
  }
  if (!found) GTEST_SKIP() << "no RemRelease vector in " << testing::kVectorDir;
}

TEST(RemUnknown, RejectsOversizeAndMismatchedCounts) {
  RemRefCountRequest request;
  request.refs.push_back({Guid{}, 1, 0});
  std::vector<uint8_t> bytes = EncodeRemRefCountRequest(request);
  bytes[32] = 2;  // cInterfaceRefs no longer matches max_count
  EXPECT_EQ(DecodeRemRefCountRequest(bytes, &request).code(), dcerpc::ErrorCode::kMalformed);
  bytes[32] = 1;
  bytes[36] = 0xff;  // max_count beyond the input
  EXPECT_EQ(DecodeRemRefCountRequest(bytes, &request).code(), dcerpc::ErrorCode::kLimitExceeded);
}

}  // namespace
}  // namespace cimulate::dcom
