// The server association as a state machine: PDUs in, PDUs out, no sockets.

#include "rpc/server_association.h"

#include <gtest/gtest.h>

#include "auth/ntlm/client.h"
#include "dcerpc/fragmenter.h"
#include "dcerpc/pdu.h"
#include "dcerpc/presentation.h"
#include "rpc/ntlm_security_context.h"
#include "rpc/status.h"

namespace cimulate::rpc {
namespace {

using dcerpc::AuthLevel;
using dcerpc::ContextResultCode;
using dcerpc::Pdu;
using dcerpc::PduType;
using dcerpc::SyntaxId;

const SyntaxId kEcho{*dcerpc::Guid::Parse("12345678-1234-abcd-ef00-0123456789ab"), 1, 0};
const SyntaxId kOther{*dcerpc::Guid::Parse("000001a0-0000-0000-c000-000000000046"), 0, 0};
const SyntaxId kFeatureNegotiation{
    *dcerpc::Guid::Parse("6cb71c2c-9812-4540-0300-000000000000"), 1, 0};

std::vector<uint8_t> Encode(const Pdu& pdu) {
  std::vector<uint8_t> bytes;
  EXPECT_TRUE(dcerpc::EncodePdu(pdu, &bytes).ok());
  return bytes;
}

Pdu DecodeOnly(const ServerOutput& out) {
  EXPECT_EQ(out.fragments.size(), 1u);
  Pdu pdu;
  if (out.fragments.empty()) return pdu;
  EXPECT_TRUE(dcerpc::DecodePdu(out.fragments[0], &pdu).ok());
  return pdu;
}

Pdu BindPdu(PduType type, uint32_t call_id, std::vector<dcerpc::ContextElement> contexts) {
  Pdu pdu;
  pdu.header.type = type;
  pdu.header.call_id = call_id;
  dcerpc::BindBody body;
  body.contexts = std::move(contexts);
  pdu.body = std::move(body);
  return pdu;
}

dcerpc::ContextElement Element(uint16_t id, const SyntaxId& iface, std::vector<SyntaxId> transfer) {
  return dcerpc::ContextElement{id, iface, std::move(transfer)};
}

ServerOptions Options() {
  ServerOptions options;
  ntlm::AccountTable accounts;
  EXPECT_TRUE(accounts.AddPassword("alice", "Passw0rd!").ok());
  options.accounts = std::move(accounts);
  return options;
}

TEST(ServerAssociationTest, Ndr64AndFeatureNegotiationAreRejectedCleanly) {
  std::vector<BindEvent> events;
  ServerOptions options = Options();
  options.hooks.on_bind = [&](const BindEvent& e) { events.push_back(e); };
  ServerAssociation hooked(std::move(options), {});
  auto bytes = Encode(BindPdu(PduType::kBind, 1,
                              {Element(0, kEcho, {dcerpc::Ndr64Syntax()}),
                               Element(1, kEcho, {dcerpc::Ndr20Syntax()}),
                               Element(2, kEcho, {kFeatureNegotiation})}));
  ServerOutput out = hooked.HandleFragment(bytes);
  EXPECT_FALSE(out.close);
  Pdu reply = DecodeOnly(out);
  ASSERT_EQ(reply.header.type, PduType::kBindAck);
  const auto& ack = std::get<dcerpc::BindAckBody>(reply.body);
  ASSERT_EQ(ack.results.size(), 3u);
  EXPECT_EQ(ack.results[0].result, ContextResultCode::kProviderRejection);
  EXPECT_EQ(ack.results[0].reason, 2);  // proposed_transfer_syntaxes_not_supported
  EXPECT_EQ(ack.results[1].result, ContextResultCode::kAcceptance);
  EXPECT_EQ(ack.results[2].result, ContextResultCode::kProviderRejection);
  EXPECT_EQ(ack.secondary_address, "135");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].offered.size(), 3u);
  EXPECT_FALSE(events[0].auth_context_id.has_value());
}

TEST(ServerAssociationTest, UnknownAuthTypeGetsBindNakAndClose) {
  ServerAssociation association(Options(), {});
  Pdu bind = BindPdu(PduType::kBind, 1, {Element(0, kEcho, {dcerpc::Ndr20Syntax()})});
  dcerpc::AuthVerifier kerberos;
  kerberos.trailer.auth_type = dcerpc::kAuthTypeGssKerberos;
  kerberos.trailer.auth_level = AuthLevel::kPktPrivacy;
  kerberos.auth_value = {1, 2, 3, 4};
  bind.auth = kerberos;
  auto bytes = Encode(bind);
  ServerOutput out = association.HandleFragment(bytes);
  EXPECT_TRUE(out.close);
  Pdu reply = DecodeOnly(out);
  ASSERT_EQ(reply.header.type, PduType::kBindNak);
  EXPECT_EQ(std::get<dcerpc::BindNakBody>(reply.body).reject_reason, 8);
}

TEST(ServerAssociationTest, SecondBindIsRejected) {
  ServerAssociation association(Options(), {});
  auto bytes = Encode(BindPdu(PduType::kBind, 1, {Element(0, kEcho, {dcerpc::Ndr20Syntax()})}));
  EXPECT_FALSE(association.HandleFragment(bytes).close);
  bytes = Encode(BindPdu(PduType::kBind, 2, {Element(1, kEcho, {dcerpc::Ndr20Syntax()})}));
  ServerOutput out = association.HandleFragment(bytes);
  EXPECT_TRUE(out.close);
  EXPECT_EQ(DecodeOnly(out).header.type, PduType::kBindNak);
}

TEST(ServerAssociationTest, GarbageClosesWithoutReply) {
  ServerAssociation association(Options(), {});
  std::vector<uint8_t> garbage(40, 0x41);
  ServerOutput out = association.HandleFragment(garbage);
  EXPECT_TRUE(out.close);
  EXPECT_TRUE(out.fragments.empty());
  EXPECT_FALSE(out.close_reason.empty());
}

TEST(ServerAssociationTest, UnknownContextIdIsAFaultButNotAClose) {
  ServerOptions options = Options();
  options.allow_unauthenticated = true;
  int calls = 0;
  ServerAssociation association(std::move(options), [&](const CallContext&) {
    ++calls;
    return CallReply::Stub({});
  });
  auto bytes = Encode(BindPdu(PduType::kBind, 1, {Element(0, kEcho, {dcerpc::Ndr20Syntax()})}));
  (void)association.HandleFragment(bytes);
  Pdu request;
  request.header.call_id = 2;
  request.body = dcerpc::RequestBody{8, 7, 0, std::nullopt, {1, 2, 3, 4, 5, 6, 7, 8}};
  bytes = Encode(request);
  ServerOutput out = association.HandleFragment(bytes);
  EXPECT_FALSE(out.close);
  Pdu reply = DecodeOnly(out);
  ASSERT_EQ(reply.header.type, PduType::kFault);
  EXPECT_EQ(std::get<dcerpc::FaultBody>(reply.body).status, kFaultContextMismatch);
  EXPECT_EQ(calls, 0);
}

// The NTLM client side of one security context, driven by hand.
struct ManualContext {
  uint32_t id;
  ntlm::Client client{[] {
    ntlm::ClientConfig config;
    config.credentials = {"FAKEDOM", "alice", "Passw0rd!", std::nullopt};
    return config;
  }()};
  std::unique_ptr<NtlmSecurityContext> security;

  dcerpc::AuthVerifier Negotiate() {
    return dcerpc::AuthVerifier{Trailer(), *client.Negotiate()};
  }
  dcerpc::AuthVerifier Authenticate(const std::vector<uint8_t>& challenge) {
    dcerpc::AuthVerifier verifier{Trailer(), *client.Authenticate(challenge)};
    security = std::make_unique<NtlmSecurityContext>(*client.MakeSessionSecurity());
    return verifier;
  }
  dcerpc::SecTrailer Trailer() const {
    dcerpc::SecTrailer trailer;
    trailer.auth_type = dcerpc::kAuthTypeWinNt;
    trailer.auth_level = AuthLevel::kPktPrivacy;
    trailer.auth_context_id = id;
    return trailer;
  }
};

// impacket's pattern: every alter_context starts a fresh NTLM context.
TEST(ServerAssociationTest, SeveralSecurityContextsKeyedByAuthContextId) {
  std::vector<uint32_t> seen_contexts;
  ServerAssociation association(Options(), [&](const CallContext& call) {
    seen_contexts.push_back(call.auth_context_id);
    return CallReply::Stub({call.stub.begin(), call.stub.end()});
  });
  ManualContext first{79231};
  ManualContext second{79232};

  Pdu bind = BindPdu(PduType::kBind, 1, {Element(0, kEcho, {dcerpc::Ndr20Syntax()})});
  bind.auth = first.Negotiate();
  auto bytes = Encode(bind);
  Pdu ack = DecodeOnly(association.HandleFragment(bytes));
  ASSERT_TRUE(ack.auth.has_value());
  Pdu auth3;
  auth3.header.type = PduType::kAuth3;
  auth3.header.call_id = 2;
  auth3.body = dcerpc::EmptyBody{};
  auth3.auth = first.Authenticate(ack.auth->auth_value);
  bytes = Encode(auth3);
  EXPECT_TRUE(association.HandleFragment(bytes).fragments.empty());

  Pdu alter = BindPdu(PduType::kAlterContext, 3, {Element(1, kOther, {dcerpc::Ndr20Syntax()})});
  alter.auth = second.Negotiate();
  bytes = Encode(alter);
  Pdu alter_resp = DecodeOnly(association.HandleFragment(bytes));
  ASSERT_EQ(alter_resp.header.type, PduType::kAlterContextResp);
  ASSERT_TRUE(alter_resp.auth.has_value());
  EXPECT_EQ(alter_resp.auth->trailer.auth_context_id, 79232u);
  auth3.header.call_id = 4;
  auth3.auth = second.Authenticate(alter_resp.auth->auth_value);
  bytes = Encode(auth3);
  (void)association.HandleFragment(bytes);
  EXPECT_EQ(association.security_context_count(), 2u);

  // A sealed request on each context, in interleaved order.
  uint32_t call_id = 5;
  for (ManualContext* context : {&second, &first, &second}) {
    dcerpc::OutgoingCall call;
    call.call_id = call_id++;
    call.context_id = context == &first ? 0 : 1;
    call.max_xmit_frag = 4280;
    call.auth = dcerpc::AuthSettings{dcerpc::kAuthTypeWinNt, AuthLevel::kPktPrivacy, context->id};
    std::vector<std::vector<uint8_t>> fragments;
    const std::vector<uint8_t> stub(40, 0x33);
    ASSERT_TRUE(dcerpc::FragmentCall(call, stub, context->security.get(), &fragments).ok());
    ServerOutput out = association.HandleFragment(fragments[0]);
    ASSERT_FALSE(out.close) << out.close_reason;
    ASSERT_EQ(out.fragments.size(), 1u);
    // The reply is sealed with the same context: unseal it with ours.
    dcerpc::Reassembler reassembler;
    std::optional<dcerpc::CompletedCall> completed;
    auto resolve = [&](const dcerpc::SecTrailer&) -> dcerpc::SecurityContext* {
      return context->security.get();
    };
    ASSERT_TRUE(reassembler.Add(out.fragments[0], resolve, &completed).ok());
    ASSERT_TRUE(completed.has_value());
    EXPECT_EQ(completed->stub, stub);
  }
  EXPECT_EQ(seen_contexts, (std::vector<uint32_t>{79232, 79231, 79232}));
}

}  // namespace
}  // namespace cimulate::rpc
