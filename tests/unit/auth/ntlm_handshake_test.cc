// Client <-> server exchanges through the full message flow.

#include <gtest/gtest.h>

#include "auth/ntlm/accounts.h"
#include "auth/ntlm/av_pairs.h"
#include "auth/ntlm/client.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/server.h"

namespace cimulate::ntlm {
namespace {

struct Outcome {
  Status status;
  std::optional<AuthenticatedIdentity> identity;
  std::optional<SessionSecurity> client_security;
  std::optional<SessionSecurity> server_security;
};

Outcome Handshake(const ClientCredentials& credentials, const AccountTable& accounts) {
  ClientConfig client_config;
  client_config.credentials = credentials;
  client_config.workstation = "WS1";
  Client client(client_config);
  Server server(ServerConfig{}, accounts);

  Outcome out;
  auto negotiate = client.Negotiate();
  if (!negotiate.ok()) return {negotiate.status()};
  auto challenge = server.Challenge(*negotiate);
  if (!challenge.ok()) return {challenge.status()};
  auto authenticate = client.Authenticate(*challenge);
  if (!authenticate.ok()) return {authenticate.status()};
  auto identity = server.Authenticate(*authenticate);
  if (!identity.ok()) return {identity.status()};
  out.identity = *identity;
  EXPECT_EQ(client.negotiated_flags(), server.negotiated_flags());
  EXPECT_EQ(client.exported_session_key(), server.exported_session_key());
  auto client_security = client.MakeSessionSecurity();
  auto server_security = server.MakeSessionSecurity();
  if (!client_security.ok()) return {client_security.status()};
  if (!server_security.ok()) return {server_security.status()};
  out.client_security.emplace(std::move(client_security).value());
  out.server_security.emplace(std::move(server_security).value());
  return out;
}

// Both directions carry a sealed message the other side opens.
void ExpectSealedTrafficWorks(Outcome& o) {
  ASSERT_TRUE(o.client_security && o.server_security);
  Bytes request = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  Bytes wire = request;
  auto sig = o.client_security->Seal(wire, wire);
  ASSERT_TRUE(sig.ok());
  EXPECT_NE(wire, request);
  EXPECT_TRUE(o.server_security->Unseal(wire, wire, *sig).ok());
  EXPECT_EQ(wire, request);

  Bytes response = {42, 43, 44};
  wire = response;
  sig = o.server_security->Seal(wire, wire);
  ASSERT_TRUE(sig.ok());
  EXPECT_TRUE(o.client_security->Unseal(wire, wire, *sig).ok());
  EXPECT_EQ(wire, response);
}

AccountTable AliceTable() {
  AccountTable accounts;
  EXPECT_TRUE(accounts.AddPassword("alice", "Passw0rd!").ok());
  return accounts;
}

TEST(NtlmHandshake, PasswordLogon) {
  Outcome o = Handshake({"FAKEDOM", "alice", "Passw0rd!", std::nullopt}, AliceTable());
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_EQ(o.identity->user, "alice");
  EXPECT_EQ(o.identity->domain, "FAKEDOM");
  EXPECT_EQ(o.identity->workstation, "WS1");
  EXPECT_FALSE(o.identity->anonymous);
  ExpectSealedTrafficWorks(o);
}

TEST(NtlmHandshake, UserNameMatchesCaseInsensitively) {
  Outcome o = Handshake({"FAKEDOM", "ALICE", "Passw0rd!", std::nullopt}, AliceTable());
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_EQ(o.identity->user, "ALICE");
}

TEST(NtlmHandshake, NtHashLogonOnBothSides) {
  NtHash hash = *NtHashFromPassword("s3cret");
  AccountTable accounts;
  accounts.AddNtHash("bob", hash);
  Outcome o = Handshake({"", "bob", "", hash}, accounts);
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_EQ(o.identity->user, "bob");
  ExpectSealedTrafficWorks(o);
}

TEST(NtlmHandshake, WildcardAcceptsAnyUserWithTheSharedPassword) {
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword("*", "shared").ok());
  Outcome o = Handshake({"DOM", "whoever", "shared", std::nullopt}, accounts);
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_EQ(o.identity->user, "whoever");
  ExpectSealedTrafficWorks(o);

  Outcome wrong = Handshake({"DOM", "whoever", "not-shared", std::nullopt}, accounts);
  EXPECT_EQ(wrong.status.code(), ErrorCode::kAccessDenied);
}

TEST(NtlmHandshake, WrongPasswordIsAccessDenied) {
  Outcome o = Handshake({"FAKEDOM", "alice", "wrong", std::nullopt}, AliceTable());
  EXPECT_EQ(o.status.code(), ErrorCode::kAccessDenied) << o.status.ToString();
}

TEST(NtlmHandshake, UnknownUserIsAccessDenied) {
  Outcome o = Handshake({"FAKEDOM", "mallory", "Passw0rd!", std::nullopt}, AliceTable());
  EXPECT_EQ(o.status.code(), ErrorCode::kAccessDenied) << o.status.ToString();
}

TEST(NtlmHandshake, AnonymousWhenAllowed) {
  AccountTable accounts;
  accounts.set_allow_anonymous(true);
  Outcome o = Handshake({}, accounts);
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_TRUE(o.identity->anonymous);
  EXPECT_EQ(o.identity->user, "");
  ExpectSealedTrafficWorks(o);
}

TEST(NtlmHandshake, AnonymousRefusedByDefault) {
  Outcome o = Handshake({}, AliceTable());
  EXPECT_EQ(o.status.code(), ErrorCode::kAccessDenied) << o.status.ToString();
}

TEST(NtlmHandshake, AnonymousAuthenticateHasEmptyNtAndOneZeroLmByte) {
  Client client(ClientConfig{});
  ServerConfig server_config;
  AccountTable accounts;
  accounts.set_allow_anonymous(true);
  Server server(server_config, accounts);
  auto auth = client.Authenticate(*server.Challenge(*client.Negotiate()));
  ASSERT_TRUE(auth.ok());
  auto m = ParseAuthenticate(*auth);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->nt_response.empty());
  EXPECT_EQ(m->lm_response, Bytes(1, 0));
  EXPECT_TRUE(m->flags & flags::kAnonymous);
  EXPECT_EQ(m->encrypted_session_key.size(), 16u);
}

TEST(NtlmHandshake, ChallengeCarriesTheAvPairsClientsNeed) {
  ServerConfig config;
  config.nb_computer_name = "FAKEHOST";
  config.timestamp = 0x01d0000000000000;
  Server server(config, AccountTable{});
  Client client(ClientConfig{});
  auto challenge = ParseChallenge(*server.Challenge(*client.Negotiate()));
  ASSERT_TRUE(challenge.ok());
  EXPECT_TRUE(challenge->flags & flags::kTargetInfo);
  EXPECT_TRUE(challenge->flags & flags::kKeyExchange);
  EXPECT_TRUE(challenge->flags & flags::kExtendedSessionSecurity);
  EXPECT_TRUE(challenge->flags & flags::kUnicode);
  auto pairs = AvPairList::Parse(challenge->target_info);
  ASSERT_TRUE(pairs.ok());
  EXPECT_EQ(pairs->FindString(AvId::kNbComputerName), "FAKEHOST");
  EXPECT_TRUE(pairs->FindString(AvId::kNbDomainName).has_value());
  EXPECT_TRUE(pairs->FindString(AvId::kDnsComputerName).has_value());
  EXPECT_TRUE(pairs->FindString(AvId::kDnsDomainName).has_value());
  EXPECT_EQ(pairs->FindTimestamp(), 0x01d0000000000000u);
}

TEST(NtlmHandshake, ServerChallengeIsRandomUnlessInjected) {
  Client c1(ClientConfig{}), c2(ClientConfig{});
  Server s1(ServerConfig{}, AccountTable{}), s2(ServerConfig{}, AccountTable{});
  auto m1 = ParseChallenge(*s1.Challenge(*c1.Negotiate()));
  auto m2 = ParseChallenge(*s2.Challenge(*c2.Negotiate()));
  EXPECT_NE(m1->server_challenge, m2->server_challenge);
}

TEST(NtlmHandshake, MessagesOutOfOrderAreWrongState) {
  Client client(ClientConfig{});
  Server server(ServerConfig{}, AccountTable{});
  EXPECT_EQ(client.Authenticate(Bytes{}).status().code(), ErrorCode::kWrongState);
  EXPECT_EQ(server.Authenticate(Bytes{}).status().code(), ErrorCode::kWrongState);
  EXPECT_EQ(client.MakeSessionSecurity().status().code(), ErrorCode::kWrongState);
  EXPECT_EQ(server.MakeSessionSecurity().status().code(), ErrorCode::kWrongState);
}

TEST(NtlmHandshake, ReplayedAuthenticateAgainstNewChallengeFails) {
  AccountTable accounts = AliceTable();
  ClientConfig cc;
  cc.credentials = {"D", "alice", "Passw0rd!", std::nullopt};
  Client client(cc);
  Server first(ServerConfig{}, accounts);
  auto negotiate = *client.Negotiate();
  auto auth = *client.Authenticate(*first.Challenge(negotiate));
  Server second(ServerConfig{}, accounts);
  ASSERT_TRUE(second.Challenge(negotiate).ok());
  EXPECT_EQ(second.Authenticate(auth).status().code(), ErrorCode::kAccessDenied);
}

TEST(NtlmHandshake, ServerVerifiesMicWhenClientAnnouncesOne) {
  // Build an AUTHENTICATE by hand whose NTLMv2 blob carries MsvAvFlags
  // with the MIC bit, then check a correct MIC passes and a wrong one fails.
  for (bool corrupt : {false, true}) {
    AccountTable accounts = AliceTable();
    ServerConfig sc;
    sc.timestamp = 1;
    Server server(sc, accounts);
    NegotiateMessage n;
    n.flags = flags::kClientDefault | flags::kVersion;
    Bytes negotiate = *EncodeNegotiate(n);
    Bytes challenge_bytes = *server.Challenge(negotiate);
    ChallengeMessage challenge = *ParseChallenge(challenge_bytes);

    AvPairList pairs = *AvPairList::Parse(challenge.target_info);
    ASSERT_TRUE(pairs.Add(AvId::kFlags, Bytes{kAvFlagMicPresent, 0, 0, 0}).ok());
    Key16 key = *NtOwfV2(*NtHashFromPassword("Passw0rd!"), "alice", "D");
    auto r = *ComputeNtlmV2Response(key, challenge.server_challenge, ClientChallenge{}, 1,
                                    pairs.Encode());
    Key16 exported{};
    exported.fill(0x11);
    AuthenticateMessage m;
    m.flags = n.flags & challenge.flags;
    m.user = "alice";
    m.domain = "D";
    m.lm_response = Bytes(24, 0);
    m.nt_response = r.nt_response;
    m.encrypted_session_key.resize(16);
    Key16 encrypted = *Rc4Once(r.session_base_key, exported);
    std::copy(encrypted.begin(), encrypted.end(), m.encrypted_session_key.begin());
    m.mic = Key16{};
    Bytes auth = *EncodeAuthenticate(m);
    Key16 mic = *HmacMd5(exported, {negotiate, challenge_bytes, auth});
    if (corrupt) mic[0] ^= 1;
    std::copy(mic.begin(), mic.end(), auth.begin() + 72);

    auto who = server.Authenticate(auth);
    if (corrupt) {
      EXPECT_EQ(who.status().code(), ErrorCode::kAccessDenied);
    } else {
      EXPECT_TRUE(who.ok()) << who.status().ToString();
    }
  }
}

}  // namespace
}  // namespace cimulate::ntlm
