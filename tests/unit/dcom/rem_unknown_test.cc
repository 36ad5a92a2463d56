#include "dcom/rem_unknown.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

TEST(RemUnknown, DecodesAndReencodesImpacketsRemRelease) {
  bool found = false;
  for (const auto& v : testing::LoadCapturedCalls()) {
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
  if (!found) GTEST_SKIP() << "no RemRelease vector in " << testing::kWmidcomVectorDir;
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

// One stub from impacket_exporter_stubs.txt (generated offline by
// impacket_exporter_stubs.py).
std::vector<uint8_t> ImpacketStub(const std::string& name) {
  std::ifstream in(CIMULATE_SOURCE_DIR "/tests/unit/dcom/impacket_exporter_stubs.txt");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string key, hex;
    fields >> key >> hex;
    if (key == name) return testing::Hex(hex);
  }
  return {};
}

const Guid kIpid = *Guid::Parse("00005c01-0aa4-1234-5678-9abcdef01234");
const Guid kIidWbemServices = *Guid::Parse("9556dc99-828c-11cf-a37e-00aa003240c7");

TEST(RemUnknown, RemQueryInterfaceRequestMatchesImpacket) {
  std::vector<uint8_t> stub = ImpacketStub("RemQueryInterface.request");
  ASSERT_FALSE(stub.empty());
  RemQueryInterfaceRequest request;
  dcerpc::Status status = DecodeRemQueryInterfaceRequest(stub, &request);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(request.ipid, kIpid);
  EXPECT_EQ(request.refs, 5u);
  EXPECT_EQ(request.iids, std::vector<Guid>{kIidWbemServices});
  EXPECT_EQ(request.orpc_this.version, (ComVersion{5, 7}));
  std::vector<uint8_t> ours = EncodeRemQueryInterfaceRequest(request);
  ASSERT_EQ(ours.size(), stub.size());
  ours[54] = stub[54];  // filler after cIids (impacket: 0xcece)
  ours[55] = stub[55];
  EXPECT_EQ(testing::ToHex(ours), testing::ToHex(stub));
}

TEST(RemUnknown, RemAddRefResponseMatchesImpacket) {
  std::vector<uint8_t> stub = ImpacketStub("RemAddRef.response");
  ASSERT_FALSE(stub.empty());
  RemAddRefResponse response;
  ASSERT_TRUE(DecodeRemAddRefResponse(stub, &response).ok());
  EXPECT_EQ(response.results, (std::vector<int32_t>{0, static_cast<int32_t>(0x80070057)}));
  EXPECT_EQ(response.hresult, 0);
  EXPECT_EQ(EncodeRemAddRefResponse(response), stub);
}

TEST(RemUnknown, RemQueryInterfaceResponseExactLayout) {
  RemQueryInterfaceResponse response;
  RemQiResult ok;
  ok.std = {kSorfNoPing, 5, 0x1122334455667788, 0x0102030405060708, kIpid};
  RemQiResult refused;
  refused.hresult = static_cast<int32_t>(0x80004002);  // E_NOINTERFACE
  response.results = std::vector<RemQiResult>{ok, refused};
  std::vector<uint8_t> bytes = EncodeRemQueryInterfaceResponse(response);
  EXPECT_EQ(testing::ToHex(bytes),
            "00000000" "00000000"  // ORPCTHAT: flags, NULL extensions
            "04000200" "02000000"  // referent ID, max_count
            "00000000" "00000000"  // REMQIRESULT[0]: hResult, alignment
            "00100000" "05000000" "8877665544332211" "0807060504030201"
            "015c0000a40a341256789abcdef01234"
            "02400080" "00000000"  // REMQIRESULT[1]
            "00000000" "00000000" "0000000000000000" "0000000000000000"
            "00000000000000000000000000000000"
            "00000000");           // HRESULT
  RemQueryInterfaceResponse decoded;
  ASSERT_TRUE(DecodeRemQueryInterfaceResponse(bytes, &decoded).ok());
  EXPECT_EQ(decoded, response);
}

TEST(RemUnknown, RemQueryInterfaceFailureHasNoResults) {
  RemQueryInterfaceResponse response;
  response.hresult = static_cast<int32_t>(0x80070057);
  std::vector<uint8_t> bytes = EncodeRemQueryInterfaceResponse(response);
  EXPECT_EQ(bytes.size(), 16u);
  RemQueryInterfaceResponse decoded;
  ASSERT_TRUE(DecodeRemQueryInterfaceResponse(bytes, &decoded).ok());
  EXPECT_EQ(decoded, response);
}

TEST(RemUnknown, RejectsMalformedQueryInterface) {
  std::vector<uint8_t> stub = ImpacketStub("RemQueryInterface.request");
  ASSERT_FALSE(stub.empty());
  RemQueryInterfaceRequest request;
  for (size_t size = 0; size < stub.size(); ++size) {
    EXPECT_FALSE(DecodeRemQueryInterfaceRequest(std::span(stub.data(), size), &request).ok()) << size;
  }
  std::vector<uint8_t> bad = stub;
  bad[52] = 2;  // cIids 2, array of 1
  EXPECT_EQ(DecodeRemQueryInterfaceRequest(bad, &request).code(), dcerpc::ErrorCode::kMalformed);
  bad = stub;
  bad[59] = 0x10;  // max_count far beyond the input
  EXPECT_EQ(DecodeRemQueryInterfaceRequest(bad, &request).code(), dcerpc::ErrorCode::kLimitExceeded);

  RemQueryInterfaceResponse response;
  response.results = std::vector<RemQiResult>(3);
  std::vector<uint8_t> reply = EncodeRemQueryInterfaceResponse(response);
  RemQueryInterfaceResponse decoded;
  for (size_t size = 0; size < reply.size(); ++size) {
    EXPECT_FALSE(DecodeRemQueryInterfaceResponse(std::span(reply.data(), size), &decoded).ok()) << size;
  }
  reply[12] = 0xff;  // max_count 0xff results
  EXPECT_EQ(DecodeRemQueryInterfaceResponse(reply, &decoded).code(), dcerpc::ErrorCode::kLimitExceeded);

  std::vector<uint8_t> add_ref = ImpacketStub("RemAddRef.response");
  RemAddRefResponse add_ref_response;
  for (size_t size = 0; size < add_ref.size(); ++size) {
    EXPECT_FALSE(DecodeRemAddRefResponse(std::span(add_ref.data(), size), &add_ref_response).ok()) << size;
  }
}

}  // namespace
}  // namespace cimulate::dcom
