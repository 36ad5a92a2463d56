// Cross-checks against an NTLM implementation nobody here wrote: Debian's
// python3-impacket (impacket_peer.py drives it). A symmetric bug, where
// our client and server agree on a wrong encoding, passes the round-trip
// tests but fails here.

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "auth/ntlm/accounts.h"
#include "auth/ntlm/client.h"
#include "auth/ntlm/server.h"
#include "hex.h"

namespace cimulate::ntlm {
namespace {

using testing::FromHex;
using testing::ToHex;

constexpr char kPython[] = "/usr/bin/python3";
const std::string kPeer = std::string(CIMULATE_SOURCE_DIR) + "/tests/unit/auth/impacket_peer.py";

// Runs `command`, returning its stdout split on spaces, or nothing if it
// failed. Arguments are hex or fixed test names, so plain quoting is safe.
std::optional<std::vector<std::string>> RunCommand(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, n);
  if (pclose(pipe) != 0) return std::nullopt;
  std::istringstream words(output);
  std::vector<std::string> out;
  for (std::string w; words >> w;) out.push_back(w);
  return out;
}

std::string Quote(const std::string& s) { return "'" + (s.empty() ? "-" : s) + "'"; }

std::vector<std::string> Peer(const std::vector<std::string>& args) {
  std::string command = std::string(kPython) + " " + kPeer;
  for (const std::string& a : args) command += " " + Quote(a);
  auto out = RunCommand(command);
  EXPECT_TRUE(out.has_value()) << "peer failed: " << command;
  return out.value_or(std::vector<std::string>{});
}

class NtlmImpacket : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!RunCommand(std::string(kPython) + " -c 'import impacket.ntlm, Cryptodome' 2>/dev/null")) {
      GTEST_SKIP() << kPython << " cannot import impacket.ntlm (install python3-impacket)";
    }
  }
};

const Bytes kMessage = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'm', 'i'};

// impacket's client logs on to our server; our server then opens two
// messages impacket sealed and seals a reply that impacket opens.
void ImpacketClientAgainstOurServer(const std::string& user, const std::string& password,
                                    const AccountTable& accounts) {
  std::vector<std::string> type1 = Peer({"type1"});
  ASSERT_EQ(type1.size(), 1u);
  Server server(ServerConfig{}, accounts);
  auto challenge = server.Challenge(FromHex(type1[0]));
  ASSERT_TRUE(challenge.ok()) << challenge.status().ToString();

  std::vector<std::string> type3 =
      Peer({"type3", ToHex(*challenge), user, password, "FAKEDOM", ToHex(kMessage)});
  ASSERT_EQ(type3.size(), 6u);
  auto who = server.Authenticate(FromHex(type3[0]));
  ASSERT_TRUE(who.ok()) << who.status().ToString();
  EXPECT_EQ(who->user, user);
  EXPECT_EQ(who->workstation, "IMPACKET");
  EXPECT_EQ(who->anonymous, user.empty());
  EXPECT_EQ(ToHex(server.exported_session_key()), type3[1]);

  auto security = server.MakeSessionSecurity();
  ASSERT_TRUE(security.ok()) << security.status().ToString();
  for (int seq = 0; seq < 2; ++seq) {
    Bytes data = FromHex(type3[2 + 2 * seq]);
    Status s = security->Unseal(data, data, FromHex(type3[3 + 2 * seq]));
    EXPECT_TRUE(s.ok()) << "message " << seq << ": " << s.ToString();
    EXPECT_EQ(data, kMessage);
  }

  Bytes reply = kMessage;
  auto sig = security->Seal(reply, reply);
  ASSERT_TRUE(sig.ok());
  char flags_hex[16];
  std::snprintf(flags_hex, sizeof(flags_hex), "%08x", server.negotiated_flags());
  std::vector<std::string> opened =
      Peer({"open", flags_hex, ToHex(server.exported_session_key()), ToHex(reply), ToHex(*sig)});
  ASSERT_EQ(opened.size(), 2u);
  EXPECT_EQ(opened[0], ToHex(kMessage));
  EXPECT_EQ(opened[1], "ok") << "impacket computes a different server signature";
}

TEST_F(NtlmImpacket, ImpacketClientLogsOnWithPassword) {
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword("alice", "Passw0rd!").ok());
  ImpacketClientAgainstOurServer("alice", "Passw0rd!", accounts);
}

TEST_F(NtlmImpacket, ImpacketClientLogsOnThroughWildcard) {
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword("*", "shared").ok());
  ImpacketClientAgainstOurServer("someone", "shared", accounts);
}

TEST_F(NtlmImpacket, ImpacketClientLogsOnAnonymously) {
  AccountTable accounts;
  accounts.set_allow_anonymous(true);
  ImpacketClientAgainstOurServer("", "", accounts);
}

TEST_F(NtlmImpacket, ImpacketClientWithWrongPasswordIsDenied) {
  std::vector<std::string> type1 = Peer({"type1"});
  ASSERT_EQ(type1.size(), 1u);
  AccountTable accounts;
  ASSERT_TRUE(accounts.AddPassword("alice", "Passw0rd!").ok());
  Server server(ServerConfig{}, accounts);
  auto challenge = server.Challenge(FromHex(type1[0]));
  ASSERT_TRUE(challenge.ok());
  std::vector<std::string> type3 =
      Peer({"type3", ToHex(*challenge), "alice", "nope", "FAKEDOM", ToHex(kMessage)});
  ASSERT_EQ(type3.size(), 6u);
  EXPECT_EQ(server.Authenticate(FromHex(type3[0])).status().code(), ErrorCode::kAccessDenied);
}

// Our client's AUTHENTICATE checked with impacket's NTOWFv2, and its sealed
// message opened with impacket's SEALKEY/SIGNKEY/MAC.
TEST_F(NtlmImpacket, OurClientVerifiesWithImpacketKeys) {
  ServerConfig server_config;
  server_config.server_challenge = ServerChallenge{1, 2, 3, 4, 5, 6, 7, 8};
  Server server(server_config, AccountTable{});
  ClientConfig config;
  config.credentials = {"FAKEDOM", "Alice", "Passw0rd!", std::nullopt};
  config.workstation = "WS1";
  Client client(config);
  auto challenge = server.Challenge(*client.Negotiate());
  ASSERT_TRUE(challenge.ok());
  auto auth = client.Authenticate(*challenge);
  ASSERT_TRUE(auth.ok()) << auth.status().ToString();

  auto security = client.MakeSessionSecurity();
  ASSERT_TRUE(security.ok());
  Bytes sealed = kMessage;
  auto sig = security->Seal(sealed, sealed);
  ASSERT_TRUE(sig.ok());
  std::vector<std::string> verdict =
      Peer({"verify", "0102030405060708", ToHex(*auth), "Alice", "Passw0rd!", "FAKEDOM",
            ToHex(sealed), ToHex(*sig)});
  ASSERT_EQ(verdict.size(), 3u);
  EXPECT_EQ(verdict[0], "ok");
  EXPECT_EQ(verdict[1], ToHex(client.exported_session_key()));
  EXPECT_EQ(verdict[2], ToHex(kMessage));

  verdict = Peer({"verify", "0102030405060708", ToHex(*auth), "Alice", "wrong", "FAKEDOM",
                  ToHex(sealed), ToHex(*sig)});
  ASSERT_FALSE(verdict.empty());
  EXPECT_EQ(verdict[0], "bad");
}

}  // namespace
}  // namespace cimulate::ntlm
