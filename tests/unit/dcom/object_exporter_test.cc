#include "dcom/object_exporter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>

#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

using dcerpc::ErrorCode;
using testing::Hex;
using testing::ToHex;

// impacket's stubs, generated offline by impacket_exporter_stubs.py.
std::map<std::string, std::vector<uint8_t>> LoadImpacketStubs() {
  std::map<std::string, std::vector<uint8_t>> stubs;
  std::ifstream in(CIMULATE_SOURCE_DIR "/tests/unit/dcom/impacket_exporter_stubs.txt");
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string name, hex;
    fields >> name >> hex;
    stubs[name] = Hex(hex);
  }
  return stubs;
}

const std::vector<uint8_t>& Stub(const std::string& name) {
  static const auto* stubs = new std::map<std::string, std::vector<uint8_t>>(LoadImpacketStubs());
  static const std::vector<uint8_t> kMissing;
  auto it = stubs->find(name);
  return it == stubs->end() ? kMissing : it->second;
}

// Copies the bytes that carry no meaning (referent IDs, alignment filler)
// from impacket's stub into ours so the rest can be compared exactly.
std::vector<uint8_t> WithBytesOf(std::vector<uint8_t> ours, const std::vector<uint8_t>& theirs,
                                 std::initializer_list<std::pair<size_t, size_t>> ranges) {
  for (auto [at, size] : ranges) {
    for (size_t i = at; i < at + size && i < ours.size() && i < theirs.size(); ++i) ours[i] = theirs[i];
  }
  return ours;
}

DualStringArray LoopbackBindings() {
  DualStringArray bindings;
  bindings.string_bindings.push_back({kTowerIdTcp, u"127.0.0.1[49701]"});
  bindings.security_bindings.push_back({kAuthnWinNt, kAuthzNone, u""});
  return bindings;
}

const Guid kIpid = *Guid::Parse("00005c01-0aa4-1234-5678-9abcdef01234");

TEST(ObjectExporter, ResolveOxidRequestsMatchImpacket) {
  ResolveOxidRequest request;
  ASSERT_TRUE(DecodeResolveOxidRequest(Stub("ResolveOxid.request"), &request).ok());
  EXPECT_EQ(request.oxid, 0x1122334455667788u);
  EXPECT_EQ(request.requested_protseqs, std::vector<uint16_t>{7});
  // Filler after cRequestedProtseqs (impacket: 0xcece).
  EXPECT_EQ(ToHex(WithBytesOf(EncodeResolveOxidRequest(request), Stub("ResolveOxid.request"), {{10, 2}})),
            ToHex(Stub("ResolveOxid.request")));

  ASSERT_TRUE(DecodeResolveOxidRequest(Stub("ResolveOxid2.request"), &request).ok());
  EXPECT_EQ(request.requested_protseqs, (std::vector<uint16_t>{7, 9}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeResolveOxidRequest(request), Stub("ResolveOxid2.request"), {{10, 2}})),
            ToHex(Stub("ResolveOxid2.request")));
}

TEST(ObjectExporter, ResolveOxidRepliesMatchImpacket) {
  ResolveOxidResponse expected;
  expected.bindings = LoopbackBindings();
  expected.ipid_rem_unknown = kIpid;
  expected.authn_hint = 5;

  ResolveOxidResponse decoded;
  ASSERT_TRUE(DecodeResolveOxidResponse(Stub("ResolveOxid.response"), &decoded).ok());
  EXPECT_EQ(decoded, expected);
  // Referent ID at 0, filler after the 46 bytes of entries at 58.
  EXPECT_EQ(ToHex(WithBytesOf(EncodeResolveOxidResponse(expected), Stub("ResolveOxid.response"),
                              {{0, 4}, {58, 2}})),
            ToHex(Stub("ResolveOxid.response")));

  expected.authn_hint = 6;
  ASSERT_TRUE(DecodeResolveOxid2Response(Stub("ResolveOxid2.response"), &decoded).ok());
  EXPECT_EQ(decoded, expected);
  EXPECT_EQ(decoded.version, (ComVersion{5, 7}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeResolveOxid2Response(expected), Stub("ResolveOxid2.response"),
                              {{0, 4}, {58, 2}})),
            ToHex(Stub("ResolveOxid2.response")));
}

TEST(ObjectExporter, PingRequestsMatchImpacket) {
  uint64_t set_id = 0;
  ASSERT_TRUE(DecodeSimplePingRequest(Stub("SimplePing.request"), &set_id).ok());
  EXPECT_EQ(set_id, 0x0102030405060708u);
  EXPECT_EQ(EncodeSimplePingRequest(set_id), Stub("SimplePing.request"));

  ComplexPingRequest request;
  ASSERT_TRUE(DecodeComplexPingRequest(Stub("ComplexPing.request.first"), &request).ok());
  EXPECT_EQ(request, (ComplexPingRequest{0, 0, {0xaa01, 0xaa02}, {}}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeComplexPingRequest(request), Stub("ComplexPing.request.first"),
                              {{14, 2}, {16, 4}})),
            ToHex(Stub("ComplexPing.request.first")));

  // impacket copies the set ID into SequenceNum.
  ASSERT_TRUE(DecodeComplexPingRequest(Stub("ComplexPing.request.both"), &request).ok());
  EXPECT_EQ(request, (ComplexPingRequest{0x55, 0x55, {0xbb01}, {0xcc01, 0xcc02}}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeComplexPingRequest(request), Stub("ComplexPing.request.both"),
                              {{14, 2}, {16, 4}, {32, 4}})),
            ToHex(Stub("ComplexPing.request.both")));

  ASSERT_TRUE(DecodeComplexPingRequest(Stub("ComplexPing.request.empty"), &request).ok());
  EXPECT_EQ(request, (ComplexPingRequest{0x77, 0x77, {}, {}}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeComplexPingRequest(request), Stub("ComplexPing.request.empty"),
                              {{14, 2}})),
            ToHex(Stub("ComplexPing.request.empty")));
}

TEST(ObjectExporter, ParameterlessRequestsAreEmpty) {
  ASSERT_FALSE(Stub("ResolveOxid.request").empty()) << "vector file missing";
  EXPECT_TRUE(Stub("ServerAlive.request").empty());
  EXPECT_TRUE(Stub("ServerAlive2.request").empty());
}

TEST(ObjectExporter, PingAndAliveRepliesMatchImpacket) {
  ComplexPingResponse ping;
  ASSERT_TRUE(DecodeComplexPingResponse(Stub("ComplexPing.response"), &ping).ok());
  EXPECT_EQ(ping, (ComplexPingResponse{0x99, 3, 0}));
  EXPECT_EQ(ToHex(WithBytesOf(EncodeComplexPingResponse(ping), Stub("ComplexPing.response"), {{10, 2}})),
            ToHex(Stub("ComplexPing.response")));

  uint32_t error = 0;
  ASSERT_TRUE(DecodeErrorStatusResponse(Stub("SimplePing.response"), &error).ok());
  EXPECT_EQ(error, 0x57bu);
  EXPECT_EQ(EncodeErrorStatusResponse(error), Stub("SimplePing.response"));

  ServerAlive2Response alive;
  alive.bindings = LoopbackBindings();
  ServerAlive2Response decoded;
  ASSERT_TRUE(DecodeServerAlive2Response(Stub("ServerAlive2.response"), &decoded).ok());
  EXPECT_EQ(decoded, alive);
  // impacket types pReserved as a pointer; NULL and a zero DWORD coincide.
  EXPECT_EQ(ToHex(WithBytesOf(EncodeServerAlive2Response(alive), Stub("ServerAlive2.response"),
                              {{4, 4}, {62, 2}})),
            ToHex(Stub("ServerAlive2.response")));
}

TEST(ObjectExporter, ServerAlive2ExactLayout) {
  ServerAlive2Response alive;
  alive.version = {5, 6};
  alive.bindings = DualStringArray{};  // no bindings: two pairs of NULs
  alive.error = 0x01020304;
  EXPECT_EQ(ToHex(EncodeServerAlive2Response(alive)),
            "05000600"          // COMVERSION
            "04000200"          // referent ID
            "04000000"          // max_count
            "04000200"          // wNumEntries, wSecurityOffset
            "0000000000000000"  // empty string and security binding lists
            "00000000"          // pReserved
            "04030201");        // error_status_t
}

TEST(ObjectExporter, FailedResolveHasNoBindings) {
  ResolveOxidResponse failure;
  failure.error = 0x776;  // OR_INVALID_OXID
  std::vector<uint8_t> bytes = EncodeResolveOxid2Response(failure);
  EXPECT_EQ(bytes.size(), 4u + 16 + 4 + 4 + 4);
  ResolveOxidResponse decoded;
  ASSERT_TRUE(DecodeResolveOxid2Response(bytes, &decoded).ok());
  EXPECT_FALSE(decoded.bindings.has_value());
  EXPECT_EQ(decoded.error, 0x776u);
}

TEST(ObjectExporter, RoundTripsSeveralBindings) {
  ResolveOxidResponse response;
  response.bindings = DualStringArray{
      {{kTowerIdTcp, u"10.0.0.1[135]"}, {kTowerIdTcp, u"host[49152]"}},
      {{kAuthnWinNt, kAuthzNone, u""}, {0x0010, kAuthzNone, u"host$"}}};
  response.ipid_rem_unknown = kIpid;
  response.authn_hint = 2;
  response.version = {5, 7};
  ResolveOxidResponse decoded;
  ASSERT_TRUE(DecodeResolveOxid2Response(EncodeResolveOxid2Response(response), &decoded).ok());
  EXPECT_EQ(decoded, response);
}

TEST(ObjectExporter, RejectsTruncatedStubs) {
  const char* names[] = {"ResolveOxid.request", "ComplexPing.request.both", "ResolveOxid.response",
                         "ResolveOxid2.response", "ComplexPing.response", "ServerAlive2.response"};
  for (const char* name : names) {
    const std::vector<uint8_t>& full = Stub(name);
    ASSERT_FALSE(full.empty()) << name;
    for (size_t size = 0; size < full.size(); ++size) {
      std::span<const uint8_t> part(full.data(), size);
      ResolveOxidRequest resolve;
      ComplexPingRequest ping;
      ResolveOxidResponse resolved;
      ComplexPingResponse pinged;
      ServerAlive2Response alive;
      dcerpc::Status status;
      std::string n = name;
      if (n == "ResolveOxid.request") status = DecodeResolveOxidRequest(part, &resolve);
      if (n == "ComplexPing.request.both") status = DecodeComplexPingRequest(part, &ping);
      if (n == "ResolveOxid.response") status = DecodeResolveOxidResponse(part, &resolved);
      if (n == "ResolveOxid2.response") status = DecodeResolveOxid2Response(part, &resolved);
      if (n == "ComplexPing.response") status = DecodeComplexPingResponse(part, &pinged);
      if (n == "ServerAlive2.response") status = DecodeServerAlive2Response(part, &alive);
      EXPECT_FALSE(status.ok()) << name << " truncated to " << size;
    }
  }
  uint64_t set_id = 0;
  EXPECT_FALSE(DecodeSimplePingRequest(Hex("01020304"), &set_id).ok());
  uint32_t error = 0;
  EXPECT_FALSE(DecodeErrorStatusResponse(Hex("0102"), &error).ok());
}

TEST(ObjectExporter, RejectsInconsistentCounts) {
  std::vector<uint8_t> bytes = Stub("ResolveOxid2.request");
  ASSERT_FALSE(bytes.empty());
  ResolveOxidRequest resolve;
  bytes[8] = 3;  // cRequestedProtseqs 3, array of 2
  EXPECT_EQ(DecodeResolveOxidRequest(bytes, &resolve).code(), ErrorCode::kMalformed);
  bytes[8] = 2;
  bytes[14] = 0x40;  // max_count 0x40000002, beyond the input
  EXPECT_EQ(DecodeResolveOxidRequest(bytes, &resolve).code(), ErrorCode::kLimitExceeded);

  ResolveOxidRequest many;
  many.requested_protseqs.assign(kMaxRequestedProtseqs + 1, 7);
  EXPECT_EQ(DecodeResolveOxidRequest(EncodeResolveOxidRequest(many), &resolve).code(),
            ErrorCode::kLimitExceeded);

  ComplexPingRequest ping;
  bytes = Stub("ComplexPing.request.both");
  bytes[10] = 2;  // cAddToSet 2, array of 1
  EXPECT_EQ(DecodeComplexPingRequest(bytes, &ping).code(), ErrorCode::kMalformed);
  bytes = Stub("ComplexPing.request.empty");
  bytes[12] = 1;  // cDelFromSet 1 with a NULL array
  EXPECT_EQ(DecodeComplexPingRequest(bytes, &ping).code(), ErrorCode::kMalformed);

  ServerAlive2Response alive;
  bytes = Stub("ServerAlive2.response");
  bytes[14] = 0x20;  // wSecurityOffset beyond wNumEntries
  EXPECT_EQ(DecodeServerAlive2Response(bytes, &alive).code(), ErrorCode::kMalformed);
  bytes = Stub("ServerAlive2.response");
  bytes[12] = 0x16;  // wNumEntries differs from max_count
  EXPECT_EQ(DecodeServerAlive2Response(bytes, &alive).code(), ErrorCode::kMalformed);
}

}  // namespace
}  // namespace cimulate::dcom
