#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "dcerpc/fragmenter.h"
#include "dcerpc/pdu.h"
#include "dcerpc/pdu_stream_reader.h"
#include "dcerpc/presentation.h"
#include "dcerpc/reassembler.h"
#include "test_security.h"
#include "test_util.h"

namespace cimulate::dcerpc {
namespace {

using testing::Hex;
using testing::TestSecurityContext;

const Guid kScmActivator = *Guid::Parse("000001a0-0000-0000-c000-000000000046");
const Guid kWbemLogin = *Guid::Parse("f309ad18-d86a-11d0-a075-00c04fb68820");

Pdu RoundTrip(const Pdu& pdu, std::vector<uint8_t>* bytes) {
  Status status = EncodePdu(pdu, bytes);
  EXPECT_TRUE(status.ok()) << status.ToString();
  Pdu back;
  status = DecodePdu(*bytes, &back);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return back;
}

TEST(PduCodec, BindWithSeveralContextsAndAuth) {
  const SyntaxId btfn{*Guid::Parse("6cb71c2c-9812-4540-0300-000000000000"), 1, 0};
  Pdu pdu;
  pdu.header.type = PduType::kBind;
  pdu.header.call_id = 1;
  BindBody body;
  body.assoc_group_id = 0x1234;
  body.contexts = {
      {0, {kScmActivator, 0, 0}, {Ndr20Syntax()}},
      {1, {kScmActivator, 0, 0}, {Ndr64Syntax(), Ndr20Syntax()}},
      {2, {kScmActivator, 0, 0}, {btfn}},
  };
  pdu.body = body;
  pdu.auth = AuthVerifier{{kAuthTypeWinNt, AuthLevel::kPktPrivacy, 0, 0, 79231}, Hex("4e544c4d53535000")};

  std::vector<uint8_t> bytes;
  Pdu back = RoundTrip(pdu, &bytes);
  EXPECT_EQ(back.header.frag_length, bytes.size());
  EXPECT_EQ(back.header.auth_length, 8);
  EXPECT_EQ(bytes.size() % 4, 8 % 4);
  const auto& decoded = std::get<BindBody>(back.body);
  EXPECT_EQ(decoded.assoc_group_id, 0x1234u);
  ASSERT_EQ(decoded.contexts.size(), 3u);
  EXPECT_EQ(decoded.contexts[1].transfer_syntaxes.size(), 2u);
  EXPECT_EQ(decoded.contexts[1].transfer_syntaxes[1], Ndr20Syntax());
  EXPECT_EQ(decoded.contexts[2].transfer_syntaxes[0], btfn);
  ASSERT_TRUE(back.auth.has_value());
  EXPECT_EQ(back.auth->trailer.auth_context_id, 79231u);
  EXPECT_EQ(back.auth->trailer.auth_level, AuthLevel::kPktPrivacy);
  EXPECT_EQ(back.auth->auth_value, Hex("4e544c4d53535000"));
  // The sec_trailer is 4-byte aligned from the PDU start.
  EXPECT_EQ((bytes.size() - 8 - 8) % 4, 0u);
}

TEST(PduCodec, BindAckAlignsResultListAfterSecondaryAddress) {
  Pdu pdu;
  pdu.header.type = PduType::kBindAck;
  pdu.header.call_id = 7;
  BindAckBody body;
  body.assoc_group_id = 0xabcd;
  body.secondary_address = "49701";  // 2 + 6 bytes, then 0 pad
  body.results = {{ContextResultCode::kAcceptance, 0, Ndr20Syntax()},
                  {ContextResultCode::kProviderRejection, 2, {}}};
  pdu.body = body;
  pdu.auth = AuthVerifier{{kAuthTypeWinNt, AuthLevel::kPktIntegrity, 0, 0, 5}, Hex("0102030405")};
  std::vector<uint8_t> bytes;
  Pdu back = RoundTrip(pdu, &bytes);
  const auto& decoded = std::get<BindAckBody>(back.body);
  EXPECT_EQ(decoded.secondary_address, "49701");
  ASSERT_EQ(decoded.results.size(), 2u);
  EXPECT_EQ(decoded.results[0], body.results[0]);
  EXPECT_EQ(decoded.results[1], body.results[1]);
  EXPECT_EQ(bytes[24], 6);    // sec_addr length, NUL included
  EXPECT_EQ(bytes[26], '4');  // the address right after it
  EXPECT_EQ(bytes[32], 2);    // n_results at the next 4-byte boundary
  EXPECT_EQ(back.auth->auth_value, Hex("0102030405"));

  // An empty secondary address (alter_context_resp) is a bare zero length.
  pdu.header.type = PduType::kAlterContextResp;
  std::get<BindAckBody>(pdu.body).secondary_address.clear();
  back = RoundTrip(pdu, &bytes);
  EXPECT_EQ(std::get<BindAckBody>(back.body).secondary_address, "");
  EXPECT_EQ(bytes[24], 0);
  EXPECT_EQ(bytes[28], 2);  // n_results after 2 bytes of alignment padding
}

TEST(PduCodec, RequestWithObjectUuidPadsStubTo16) {
  Pdu pdu;
  pdu.header.type = PduType::kRequest;
  pdu.header.call_id = 2;
  RequestBody body;
  body.alloc_hint = 5;
  body.context_id = 3;
  body.opnum = 6;
  body.object = kWbemLogin;
  body.stub = {1, 2, 3, 4, 5};
  pdu.body = body;
  pdu.auth = AuthVerifier{{kAuthTypeWinNt, AuthLevel::kPktIntegrity, 0, 0, 79232},
                          std::vector<uint8_t>(16, 0xee)};
  std::vector<uint8_t> bytes;
  Pdu back = RoundTrip(pdu, &bytes);
  EXPECT_TRUE(back.header.flags & kPfcObjectUuid);
  EXPECT_EQ(bytes.size(), 16u + 24 + 16 + 8 + 16);
  const auto& decoded = std::get<RequestBody>(back.body);
  EXPECT_EQ(decoded.object, kWbemLogin);
  EXPECT_EQ(decoded.opnum, 6);
  EXPECT_EQ(decoded.context_id, 3);
  EXPECT_EQ(decoded.stub, body.stub);
  EXPECT_EQ(back.auth->trailer.auth_pad_length, 11);
}

TEST(PduCodec, ResponseFaultNakAuth3Shutdown) {
  std::vector<uint8_t> bytes;
  Pdu response;
  response.header.type = PduType::kResponse;
  response.body = ResponseBody{9, 1, 0, {0xaa, 0xbb}};
  Pdu back = RoundTrip(response, &bytes);
  EXPECT_EQ(std::get<ResponseBody>(back.body).stub, (std::vector<uint8_t>{0xaa, 0xbb}));
  EXPECT_EQ(bytes.size(), 26u);

  Pdu fault;
  fault.header.type = PduType::kFault;
  fault.header.flags = kPfcFirstFrag | kPfcLastFrag | kPfcDidNotExecute;
  fault.body = FaultBody{0, 2, 0, 0, 0x1c010003, {}};
  back = RoundTrip(fault, &bytes);
  EXPECT_EQ(std::get<FaultBody>(back.body).status, 0x1c010003u);
  EXPECT_EQ(std::get<FaultBody>(back.body).context_id, 2);
  EXPECT_EQ(bytes.size(), 32u);

  Pdu nak;
  nak.header.type = PduType::kBindNak;
  nak.body = BindNakBody{static_cast<uint16_t>(BindNakReason::kAuthenticationTypeNotRecognized),
                         {{5, 0}}};
  back = RoundTrip(nak, &bytes);
  EXPECT_EQ(std::get<BindNakBody>(back.body).reject_reason, 8);
  EXPECT_EQ(std::get<BindNakBody>(back.body).versions.size(), 1u);

  Pdu auth3;
  auth3.header.type = PduType::kAuth3;
  auth3.auth = AuthVerifier{{kAuthTypeWinNt, AuthLevel::kPktPrivacy, 0, 0, 1}, Hex("4e544c4d")};
  back = RoundTrip(auth3, &bytes);
  EXPECT_EQ(bytes.size(), 16u + 4 + 8 + 4);
  EXPECT_EQ(back.auth->auth_value, Hex("4e544c4d"));

  Pdu shutdown;
  shutdown.header.type = PduType::kShutdown;
  back = RoundTrip(shutdown, &bytes);
  EXPECT_EQ(bytes.size(), 16u);
  EXPECT_EQ(back.header.type, PduType::kShutdown);
}

TEST(PduCodec, BodyMustMatchType) {
  Pdu pdu;
  pdu.header.type = PduType::kBind;
  pdu.body = ResponseBody{};
  std::vector<uint8_t> bytes;
  EXPECT_EQ(EncodePdu(pdu, &bytes).code(), ErrorCode::kMalformed);
}

std::vector<uint8_t> SimpleRequestBytes() {
  Pdu pdu;
  pdu.header.type = PduType::kRequest;
  pdu.body = RequestBody{0, 0, 4, std::nullopt, std::vector<uint8_t>(16, 0x11)};
  pdu.auth = AuthVerifier{{kAuthTypeWinNt, AuthLevel::kPktIntegrity, 0, 0, 1},
                          std::vector<uint8_t>(16, 0)};
  std::vector<uint8_t> bytes;
  EXPECT_TRUE(EncodePdu(pdu, &bytes).ok());
  return bytes;
}

void SetU16(std::vector<uint8_t>& bytes, size_t at, uint16_t value) {
  bytes[at] = static_cast<uint8_t>(value);
  bytes[at + 1] = static_cast<uint8_t>(value >> 8);
}

TEST(PduMalformed, TruncatedHeader) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  Pdu pdu;
  EXPECT_EQ(DecodePdu(std::span(bytes).first(10), &pdu).code(), ErrorCode::kTruncated);
  EXPECT_EQ(DecodePdu(std::span(bytes).first(40), &pdu).code(), ErrorCode::kTruncated);
}

TEST(PduMalformed, FragLengthSmallerThanHeader) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  SetU16(bytes, 8, 10);
  Pdu pdu;
  EXPECT_EQ(DecodePdu(std::span(bytes).first(10 + 6), &pdu).code(), ErrorCode::kMalformed);
}

TEST(PduMalformed, FragLengthDisagreesWithInput) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  bytes.push_back(0);
  Pdu pdu;
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kMalformed);
}

TEST(PduMalformed, AuthLengthLargerThanPdu) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  SetU16(bytes, 10, static_cast<uint16_t>(bytes.size()));
  Pdu pdu;
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kMalformed);
  SetU16(bytes, 10, 0xffff);
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kMalformed);
}

TEST(PduMalformed, AuthPadLongerThanStub) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  bytes[bytes.size() - 16 - 8 + 2] = 200;  // auth_pad_length
  Pdu pdu;
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kMalformed);
}

TEST(PduMalformed, WrongVersionAndBigEndian) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  Pdu pdu;
  bytes[0] = 4;
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kUnsupported);
  bytes[0] = 5;
  bytes[4] = 0x00;  // big-endian integers
  EXPECT_EQ(DecodePdu(bytes, &pdu).code(), ErrorCode::kUnsupported);
}

TEST(PduMalformed, BindContextCountBeyondBody) {
  Pdu pdu;
  pdu.header.type = PduType::kBind;
  BindBody body;
  body.contexts = {{0, {kScmActivator, 0, 0}, {Ndr20Syntax()}}};
  pdu.body = body;
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(EncodePdu(pdu, &bytes).ok());
  bytes[24] = 200;  // n_context_elem
  Pdu back;
  EXPECT_EQ(DecodePdu(bytes, &back).code(), ErrorCode::kTruncated);
}

TEST(PduMalformed, EveryPrefixAndBitFlipIsHandled) {
  std::vector<uint8_t> bytes = SimpleRequestBytes();
  for (size_t n = 0; n < bytes.size(); ++n) {
    Pdu pdu;
    EXPECT_FALSE(DecodePdu(std::span(bytes).first(n), &pdu).ok()) << n;
  }
  for (size_t i = 0; i < bytes.size() * 8; ++i) {
    std::vector<uint8_t> copy = bytes;
    copy[i / 8] ^= static_cast<uint8_t>(1 << (i % 8));
    Pdu pdu;
    (void)DecodePdu(copy, &pdu);  // must not crash; result may be either
  }
}

TEST(Presentation, AcceptsNdr20RejectsNdr64AndFeatureNegotiation) {
  const SyntaxId scm{kScmActivator, 0, 0};
  const SyntaxId btfn{*Guid::Parse("6cb71c2c-9812-4540-0300-000000000000"), 1, 0};
  const std::vector<ContextElement> elements = {
      {0, scm, {Ndr64Syntax()}},
      {1, scm, {Ndr64Syntax(), Ndr20Syntax()}},
      {2, scm, {btfn}},
      {3, {kWbemLogin, 0, 0}, {Ndr20Syntax()}},
  };
  auto results =
      NegotiateContexts(elements, [&](const SyntaxId& syntax) { return syntax == scm; });
  ASSERT_EQ(results.size(), 4u);
  const uint16_t kTransfer =
      static_cast<uint16_t>(ProviderReason::kProposedTransferSyntaxesNotSupported);
  EXPECT_EQ(results[0].result, ContextResultCode::kProviderRejection);
  EXPECT_EQ(results[0].reason, kTransfer);
  EXPECT_TRUE(results[0].transfer_syntax.uuid.IsNil());
  EXPECT_EQ(results[1].result, ContextResultCode::kAcceptance);
  EXPECT_EQ(results[1].transfer_syntax, Ndr20Syntax());
  EXPECT_EQ(results[2].result, ContextResultCode::kProviderRejection);
  EXPECT_EQ(results[2].reason, kTransfer);
  EXPECT_TRUE(IsBindTimeFeatureNegotiation(btfn));
  EXPECT_FALSE(IsBindTimeFeatureNegotiation(Ndr20Syntax()));
  EXPECT_EQ(results[3].result, ContextResultCode::kProviderRejection);
  EXPECT_EQ(results[3].reason, static_cast<uint16_t>(ProviderReason::kAbstractSyntaxNotSupported));
}

std::vector<uint8_t> Pattern(size_t n) {
  std::vector<uint8_t> stub(n);
  for (size_t i = 0; i < n; ++i) stub[i] = static_cast<uint8_t>(i * 31 + 7);
  return stub;
}

OutgoingCall PrivacyRequest() {
  OutgoingCall call;
  call.type = PduType::kRequest;
  call.call_id = 42;
  call.context_id = 3;
  call.opnum = 4;
  call.object = kWbemLogin;
  call.max_xmit_frag = kMustReceiveFragmentSize;
  call.auth = AuthSettings{kAuthTypeWinNt, AuthLevel::kPktPrivacy, 79234};
  return call;
}

TEST(Fragmentation, SealedMultiFragmentRoundTrip) {
  const std::vector<uint8_t> stub = Pattern(5000);
  TestSecurityContext client, server;
  std::vector<std::vector<uint8_t>> fragments;
  ASSERT_TRUE(FragmentCall(PrivacyRequest(), stub, &client, &fragments).ok());
  ASSERT_EQ(fragments.size(), 4u);
  EXPECT_EQ(client.protect_calls(), 4);

  uint32_t expected_hint = 5000;
  for (size_t i = 0; i < fragments.size(); ++i) {
    const auto& fragment = fragments[i];
    EXPECT_LE(fragment.size(), kMustReceiveFragmentSize);
    PduLayout layout;
    ASSERT_TRUE(ParsePduLayout(fragment, &layout).ok());
    EXPECT_EQ(bool(layout.header.flags & kPfcFirstFrag), i == 0);
    EXPECT_EQ(bool(layout.header.flags & kPfcLastFrag), i + 1 == fragments.size());
    EXPECT_EQ(layout.header.auth_length, 16);
    EXPECT_EQ((layout.stub_end - layout.stub_offset) % 16, 0u);
    Pdu pdu;
    ASSERT_TRUE(DecodePdu(fragment, &pdu).ok());
    const auto& body = std::get<RequestBody>(pdu.body);
    EXPECT_EQ(body.alloc_hint, expected_hint);
    expected_hint -= static_cast<uint32_t>(body.stub.size());
    // Sealed: the plaintext pattern must not be visible.
    if (i == 0) {
      EXPECT_NE(body.stub[0], stub[0]);
    }
  }

  Reassembler reassembler;
  std::optional<CompletedCall> done;
  auto resolve = [&](const SecTrailer& trailer) -> SecurityContext* {
    return trailer.auth_context_id == 79234 ? &server : nullptr;
  };
  for (size_t i = 0; i < fragments.size(); ++i) {
    Status status = reassembler.Add(fragments[i], resolve, &done);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(done.has_value(), i + 1 == fragments.size());
  }
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->stub, stub);
  EXPECT_EQ(done->call_id, 42u);
  EXPECT_EQ(done->opnum, 4);
  EXPECT_EQ(done->object, kWbemLogin);
  EXPECT_EQ(done->auth->auth_level, AuthLevel::kPktPrivacy);
}

TEST(Fragmentation, SignatureCoversHeaderAndTrailer) {
  TestSecurityContext client;
  std::vector<std::vector<uint8_t>> fragments;
  OutgoingCall call = PrivacyRequest();
  call.auth->level = AuthLevel::kPktIntegrity;
  ASSERT_TRUE(FragmentCall(call, Pattern(100), &client, &fragments).ok());
  ASSERT_EQ(fragments.size(), 1u);

  // Flip one bit each in header (opnum), stub, and sec_trailer (reserved byte).
  const size_t trailer = fragments[0].size() - 16 - 8;
  for (size_t at : {size_t{22}, size_t{50}, trailer + 3}) {
    TestSecurityContext server;
    std::vector<uint8_t> copy = fragments[0];
    copy[at] ^= 1;
    Reassembler reassembler;
    std::optional<CompletedCall> done;
    Status status = reassembler.Add(copy, [&](const SecTrailer&) { return &server; }, &done);
    EXPECT_EQ(status.code(), ErrorCode::kSecurity) << "byte " << at;
    EXPECT_FALSE(reassembler.in_progress());
  }
}

TEST(Fragmentation, UnknownAuthContextIsRejected) {
  TestSecurityContext client;
  std::vector<std::vector<uint8_t>> fragments;
  ASSERT_TRUE(FragmentCall(PrivacyRequest(), Pattern(10), &client, &fragments).ok());
  Reassembler reassembler;
  std::optional<CompletedCall> done;
  EXPECT_EQ(reassembler.Add(fragments[0], [](const SecTrailer&) { return nullptr; }, &done).code(),
            ErrorCode::kSecurity);
}

TEST(Fragmentation, UnauthenticatedResponseAndEmptyStub) {
  OutgoingCall call;
  call.type = PduType::kResponse;
  call.call_id = 9;
  call.context_id = 1;
  call.max_xmit_frag = 100;  // 76 bytes of room -> 72-byte chunks
  std::vector<std::vector<uint8_t>> fragments;
  const std::vector<uint8_t> stub = Pattern(200);
  ASSERT_TRUE(FragmentCall(call, stub, nullptr, &fragments).ok());
  ASSERT_EQ(fragments.size(), 3u);
  EXPECT_EQ(fragments[0].size(), 24u + 72);
  Reassembler reassembler;
  std::optional<CompletedCall> done;
  for (auto& fragment : fragments) ASSERT_TRUE(reassembler.Add(fragment, nullptr, &done).ok());
  ASSERT_TRUE(done.has_value());
  EXPECT_EQ(done->stub, stub);
  EXPECT_EQ(done->type, PduType::kResponse);

  fragments.clear();
  ASSERT_TRUE(FragmentCall(call, {}, nullptr, &fragments).ok());
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0][3] & (kPfcFirstFrag | kPfcLastFrag), kPfcFirstFrag | kPfcLastFrag);
}

TEST(Fragmentation, TooSmallMaxXmitFragIsAnError) {
  TestSecurityContext client;
  OutgoingCall call = PrivacyRequest();
  call.max_xmit_frag = 70;  // 16 + 8 + 16 (object) + 8 + 16 leaves 6 bytes
  std::vector<std::vector<uint8_t>> fragments;
  EXPECT_EQ(FragmentCall(call, Pattern(10), &client, &fragments).code(), ErrorCode::kLimitExceeded);
  call.auth.reset();
  EXPECT_TRUE(FragmentCall(call, Pattern(10), nullptr, &fragments).ok());
}

TEST(Reassembly, RejectsOutOfOrderAndOversize) {
  OutgoingCall call;
  call.call_id = 5;
  call.max_xmit_frag = 100;
  std::vector<std::vector<uint8_t>> fragments;
  ASSERT_TRUE(FragmentCall(call, Pattern(300), nullptr, &fragments).ok());
  ASSERT_GE(fragments.size(), 3u);
  std::optional<CompletedCall> done;

  Reassembler middle_first;
  EXPECT_EQ(middle_first.Add(fragments[1], nullptr, &done).code(), ErrorCode::kProtocol);

  Reassembler twice_first;
  ASSERT_TRUE(twice_first.Add(fragments[0], nullptr, &done).ok());
  EXPECT_EQ(twice_first.Add(fragments[0], nullptr, &done).code(), ErrorCode::kProtocol);

  Reassembler other_call;
  ASSERT_TRUE(other_call.Add(fragments[0], nullptr, &done).ok());
  std::vector<uint8_t> foreign = fragments[1];
  foreign[12] ^= 1;  // call_id
  EXPECT_EQ(other_call.Add(foreign, nullptr, &done).code(), ErrorCode::kProtocol);

  Reassembler capped(ReassemblyLimits{.max_stub_size = 150});
  ASSERT_TRUE(capped.Add(fragments[0], nullptr, &done).ok());
  ASSERT_TRUE(capped.Add(fragments[1], nullptr, &done).ok());
  EXPECT_EQ(capped.Add(fragments[2], nullptr, &done).code(), ErrorCode::kLimitExceeded);
  EXPECT_FALSE(capped.in_progress());
}

TEST(PduStream, SplitsArbitraryChunksIntoPdus) {
  std::vector<std::vector<uint8_t>> fragments;
  OutgoingCall call;
  call.max_xmit_frag = 100;
  ASSERT_TRUE(FragmentCall(call, Pattern(250), nullptr, &fragments).ok());
  std::vector<uint8_t> stream;
  for (const auto& f : fragments) stream.insert(stream.end(), f.begin(), f.end());

  PduStreamReader reader;
  std::vector<std::vector<uint8_t>> out;
  for (uint8_t byte : stream) {
    reader.Append({&byte, 1});
    std::vector<uint8_t> pdu;
    bool complete = false;
    ASSERT_TRUE(reader.Next(&pdu, &complete).ok());
    if (complete) out.push_back(pdu);
  }
  EXPECT_EQ(out, fragments);
  EXPECT_EQ(reader.buffered(), 0u);
}

TEST(PduStream, RejectsShortAndOversizedFragLengthStickily) {
  std::vector<uint8_t> header = Hex("05000003100000000a00000001000000");
  PduStreamReader reader;
  reader.Append(header);
  std::vector<uint8_t> pdu;
  bool complete = true;
  EXPECT_EQ(reader.Next(&pdu, &complete).code(), ErrorCode::kMalformed);
  EXPECT_FALSE(complete);
  reader.Append(SimpleRequestBytes());
  EXPECT_FALSE(reader.Next(&pdu, &complete).ok());

  PduStreamReader capped(1024);
  header = Hex("05000003100000000008000001000000");  // frag_length 2048
  capped.Append(header);
  EXPECT_EQ(capped.Next(&pdu, &complete).code(), ErrorCode::kLimitExceeded);
}

}  // namespace
}  // namespace cimulate::dcerpc
