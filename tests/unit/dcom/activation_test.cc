// RemoteCreateInstance end to end against the captured impacket exchange:
// decode both stubs, check the fields that matter, and re-encode.

#include <gtest/gtest.h>

#include "dcom/activation_blob.h"
#include "dcom/activation_properties.h"
#include "dcom/guids.h"
#include "dcom/objref.h"
#include "dcom/remote_scm_activator.h"
#include "dcom_test_util.h"

namespace cimulate::dcom {
namespace {

using testing::Hex;

uint32_t WordAt(const std::vector<uint8_t>& b, size_t i) {
  return b[i] | b[i + 1] << 8 | b[i + 2] << 16 | static_cast<uint32_t>(b[i + 3]) << 24;
}

// Our encoding may legitimately differ from impacket's in three ways, and
// nowhere else:
//  * referent IDs: any non-zero value is legal; ours count up from 0x00020004;
//  * alignment filler: impacket pads with 0xfa/0xaa/0xbf, we pad with zeros;
//  * type-serialization ObjectBufferLength: impacket records the unpadded
//    NDR length (followed by the 0xcccccccc filler), we the 8-padded one.
// `encoded` and `captured` must be aligned alike (same start offset mod 4).
std::string UnexplainedDifference(const std::vector<uint8_t>& encoded,
                                  const std::vector<uint8_t>& captured) {
  if (encoded.size() != captured.size()) {
    return "size " + std::to_string(encoded.size()) + " vs " + std::to_string(captured.size());
  }
  for (size_t i = 0; i + 4 <= encoded.size(); i += 4) {
    const uint32_t ours = WordAt(encoded, i), theirs = WordAt(captured, i);
    if (ours == theirs) continue;
    if (ours >> 16 == 0x0002 && theirs != 0) continue;  // referent ID
    const bool serialization_length = i + 8 <= encoded.size() &&
                                      WordAt(captured, i + 4) == 0xcccccccc &&
                                      ours == ((theirs + 7u) & ~7u);
    if (serialization_length) continue;
    for (size_t j = i; j < i + 4; ++j) {
      const uint8_t t = captured[j];
      const bool filler = encoded[j] == 0 && (t == 0xfa || t == 0xaa || t == 0xbf);
      if (encoded[j] != t && !filler) return "byte " + std::to_string(j);
    }
  }
  return "";
}

class ActivationVectors : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto& v : testing::LoadCapturedCalls()) {
      if (v.iface == "IRemoteSCMActivator" && v.opnum == kOpnumRemoteCreateInstance) {
        activation_ = v;
      }
      if (v.iface == "IWbemLevel1Login" && login_ipid_.empty()) login_ipid_ = v.object;
      if (v.iface == "IRemUnknown" && rem_unknown_ipid_.empty()) rem_unknown_ipid_ = v.object;
    }
    if (activation_.request.empty()) GTEST_SKIP() << "no " << testing::kWmidcomVectorDir;
  }
  // The last RemoteCreateInstance (the anonymous run) pairs with the last
  // login IPID; use the first run's pair consistently instead.
  testing::CapturedCall activation_;
  std::string login_ipid_, rem_unknown_ipid_;
};

TEST_F(ActivationVectors, DecodesImpacketsRequest) {
  RemoteCreateInstanceRequest request;
  ASSERT_TRUE(DecodeRemoteCreateInstanceRequest(activation_.request, &request).ok());
  EXPECT_FALSE(request.outer_unknown.has_value());
  ASSERT_TRUE(request.properties.has_value());
  ActivationPropertiesIn in;
  dcerpc::Status status = DecodeActivationPropertiesIn(request.properties->data, &in);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(in.instantiation.clsid, kClsidWbemLevel1Login);
  EXPECT_EQ(in.instantiation.iids, std::vector<Guid>{kIidIWbemLevel1Login});
  EXPECT_EQ(in.instantiation.client_version, (ComVersion{5, 7}));
  ASSERT_TRUE(in.scm_request.has_value());
  EXPECT_EQ(in.scm_request->protseqs, std::vector<uint16_t>{kProtseqTcp});
  EXPECT_TRUE(in.context.has_value());
  ASSERT_TRUE(in.location.has_value());
  EXPECT_FALSE(in.location->machine_name.has_value());
  EXPECT_FALSE(in.special.has_value());
  EXPECT_TRUE(in.skipped.empty());
  EXPECT_EQ(in.dest_context, kDestContextDifferentMachine);
}

TEST_F(ActivationVectors, ReencodesTheRequestLikeImpacket) {
  RemoteCreateInstanceRequest request;
  ASSERT_TRUE(DecodeRemoteCreateInstanceRequest(activation_.request, &request).ok());
  ActivationPropertiesIn in;
  ASSERT_TRUE(DecodeActivationPropertiesIn(request.properties->data, &in).ok());
  request.properties = MInterfacePointer{EncodeActivationPropertiesIn(in)};
  const std::vector<uint8_t> stub = EncodeRemoteCreateInstanceRequest(request);
  EXPECT_EQ(UnexplainedDifference(stub, activation_.request), "")
      << "ours   " << testing::ToHex(stub) << "\ntheirs " << testing::ToHex(activation_.request);
}

TEST_F(ActivationVectors, DecodesTheReply) {
  RemoteCreateInstanceResponse response;
  ASSERT_TRUE(DecodeRemoteCreateInstanceResponse(activation_.response, &response).ok());
  EXPECT_EQ(response.hresult, 0);
  ASSERT_TRUE(response.properties.has_value());
  ActivationPropertiesOut out;
  dcerpc::Status status = DecodeActivationPropertiesOut(response.properties->data, &out);
  ASSERT_TRUE(status.ok()) << status.ToString();

  ASSERT_EQ(out.props_out.iids, std::vector<Guid>{kIidIWbemLevel1Login});
  EXPECT_EQ(out.props_out.hresults, std::vector<int32_t>{0});
  ASSERT_EQ(out.props_out.interfaces.size(), 1u);
  ASSERT_TRUE(out.props_out.interfaces[0].has_value());
  ObjRef login;
  ASSERT_TRUE(DecodeObjRef(out.props_out.interfaces[0]->data, &login).ok());
  EXPECT_EQ(login.flags, kObjRefStandard);
  EXPECT_EQ(login.iid, kIidIWbemLevel1Login);
  EXPECT_EQ(login.std.public_refs, 5u);
  EXPECT_EQ(login.std.oxid, out.scm_reply.oxid);
  EXPECT_NE(login.std.oid, 0u);

  const ScmReplyInfo& reply = out.scm_reply;
  EXPECT_NE(reply.oxid, 0u);
  EXPECT_EQ(reply.authn_hint, kAuthnLevelPktIntegrity);
  EXPECT_EQ(reply.server_version, (ComVersion{5, 7}));
  ASSERT_TRUE(reply.oxid_bindings.has_value());
  const DualStringArray expected_bindings{{{kTowerIdTcp, u"127.0.0.1[49701]"}},
                                          {{kAuthnWinNt, kAuthzNone, u"FAKEWMI"}}};
  EXPECT_EQ(*reply.oxid_bindings, expected_bindings);
  EXPECT_EQ(login.resolver_address, expected_bindings);
  auto endpoint = ParseTcpBindingAddress(reply.oxid_bindings->string_bindings[0].network_address);
  ASSERT_TRUE(endpoint.has_value());
  EXPECT_EQ(endpoint->host, "127.0.0.1");
  EXPECT_EQ(endpoint->port, 49701);
  // The IPIDs the client then puts in its request headers (all vectors of
  // one server run share the OXID, so the first login and RemRelease match).
  EXPECT_FALSE(reply.ipid_rem_unknown.IsNil());
  EXPECT_FALSE(login.std.ipid.IsNil());
}

TEST_F(ActivationVectors, ReencodesTheReply) {
  RemoteCreateInstanceResponse response;
  ASSERT_TRUE(DecodeRemoteCreateInstanceResponse(activation_.response, &response).ok());
  ActivationPropertiesOut out;
  ASSERT_TRUE(DecodeActivationPropertiesOut(response.properties->data, &out).ok());
  response.properties = MInterfacePointer{EncodeActivationPropertiesOut(out)};
  const std::vector<uint8_t> stub = EncodeRemoteCreateInstanceResponse(response);
  EXPECT_EQ(UnexplainedDifference(stub, activation_.response), "")
      << "ours   " << testing::ToHex(stub) << "\ntheirs " << testing::ToHex(activation_.response);
}

// Every prefix and every single-byte corruption of both captured stubs
// decodes to a clear result: no crash, no hang, and prefixes always fail.
TEST_F(ActivationVectors, TruncatedAndCorruptedStubsFailCleanly) {
  for (size_t n = 0; n < activation_.request.size(); ++n) {
    std::span<const uint8_t> prefix(activation_.request.data(), n);
    RemoteCreateInstanceRequest request;
    dcerpc::Status status = DecodeRemoteCreateInstanceRequest(prefix, &request);
    if (status.ok()) {
      ActivationPropertiesIn in;
      status = DecodeActivationPropertiesIn(request.properties->data, &in);
    }
    EXPECT_FALSE(status.ok()) << "prefix " << n;
  }
  for (size_t i = 0; i < activation_.response.size(); ++i) {
    std::vector<uint8_t> bytes = activation_.response;
    bytes[i] ^= 0xff;
    RemoteCreateInstanceResponse response;
    if (!DecodeRemoteCreateInstanceResponse(bytes, &response).ok() || !response.properties) continue;
    ActivationPropertiesOut out;
    (void)DecodeActivationPropertiesOut(response.properties->data, &out);
  }
}

TEST(ActivationProperties, RoundTripAClientRequestWithEveryProperty) {
  ActivationPropertiesIn in;
  in.instantiation.clsid = kClsidWbemLevel1Login;
  in.instantiation.iids = {kIidIWbemLevel1Login, kIidIUnknown};
  in.special = SpecialProperties{};
  in.special->default_authn_level = kAuthnLevelPktPrivacy;
  in.context = ActivationContextInfo{};
  in.location = ServerLocationInfo{u"HOST", 1, 2, 3};
  in.scm_request = ScmRequestInfo{2, {kProtseqTcp}};
  ActivationPropertiesIn decoded;
  dcerpc::Status status = DecodeActivationPropertiesIn(EncodeActivationPropertiesIn(in), &decoded);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(decoded, in);
}

TEST(ActivationProperties, RejectsWrongClassAndMissingInstantiation) {
  ActivationPropertiesOut out;
  out.props_out.iids = {kIidIWbemLevel1Login};
  out.props_out.hresults = {0};
  out.props_out.interfaces = {std::nullopt};
  ActivationPropertiesIn in;
  // An ActivationPropertiesOut is not an ActivationPropertiesIn.
  EXPECT_EQ(DecodeActivationPropertiesIn(EncodeActivationPropertiesOut(out), &in).code(),
            dcerpc::ErrorCode::kMalformed);
  ActivationBlob blob;
  blob.properties.push_back({kClsidScmRequestInfo, {0, 0, 0, 0}});
  std::vector<uint8_t> objref =
      EncodeObjRef(CustomObjRef(kIidIActivationPropertiesIn, kClsidActivationPropertiesIn,
                                EncodeActivationBlob(blob)));
  EXPECT_FALSE(DecodeActivationPropertiesIn(objref, &in).ok());
}

TEST(ActivationBlob, RejectsOversizeCounts) {
  ActivationBlob blob;
  for (int i = 0; i < 3; ++i) blob.properties.push_back({kClsidInstantiationInfo, {1, 2, 3}});
  std::vector<uint8_t> bytes = EncodeActivationBlob(blob);
  ActivationBlob decoded;
  ASSERT_TRUE(DecodeActivationBlob(bytes, &decoded).ok());
  EXPECT_EQ(decoded.properties.size(), 3u);
  // cIfs sits after dwSize, dwReserved, 16 bytes of headers, 4 DWORDs.
  bytes[8 + 16 + 16] = 0xff;
  EXPECT_EQ(DecodeActivationBlob(bytes, &decoded).code(), dcerpc::ErrorCode::kLimitExceeded);
  bytes = EncodeActivationBlob(blob);
  bytes[0] = 0xff;  // dwSize larger than the blob
  EXPECT_EQ(DecodeActivationBlob(bytes, &decoded).code(), dcerpc::ErrorCode::kTruncated);
}

}  // namespace
}  // namespace cimulate::dcom
