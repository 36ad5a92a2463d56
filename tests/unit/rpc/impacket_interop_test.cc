// impacket (python3-impacket) as the client of rpc::ServerAssociation: the
// NTLM handshake in bind and in every alter_context, sign/seal in both
// directions and fragmentation as a real client does them.

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "loopback.h"
#include "rpc/server_association.h"

namespace cimulate::rpc {
namespace {

using dcerpc::SyntaxId;

const char kPython[] = "/usr/bin/python3";

bool ImpacketAvailable() {
  const std::string command = std::string(kPython) + " -c 'import impacket' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

struct ScriptResult {
  int exit_code = -1;
  std::string output;
};

ScriptResult RunScript(uint16_t port, const std::string& level, const std::string& user,
                       const std::string& password, const std::string& mode) {
  const std::string command = std::string("cd /tmp && timeout 60 ") + kPython + " " +
                              CIMULATE_SOURCE_DIR "/tests/unit/rpc/impacket_echo_client.py " +
                              std::to_string(port) + " " + level + " '" + user + "' '" + password +
                              "' " + mode + " 2>&1";
  ScriptResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[512];
  while (std::fgets(buffer, sizeof(buffer), pipe) != nullptr) result.output += buffer;
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Echo server for the two interfaces the script binds; counts NTLM logons.
struct EchoServer {
  std::atomic<int> logons{0};
  std::atomic<int> calls{0};

  testing::LoopbackServer::Factory Factory(bool allow_anonymous_or_none) {
    return [this, allow_anonymous_or_none] {
      ServerOptions options;
      ntlm::AccountTable accounts;
      (void)accounts.AddPassword("alice", "Passw0rd!");
      accounts.set_allow_anonymous(allow_anonymous_or_none);
      options.accounts = std::move(accounts);
      options.allow_unauthenticated = allow_anonymous_or_none;
      options.hooks.on_auth = [this](const AuthEvent& event) {
        if (event.ok) ++logons;
      };
      auto dispatch = [this](const CallContext& call) {
        ++calls;
        return CallReply::Stub({call.stub.begin(), call.stub.end()});
      };
      return std::make_unique<ServerAssociation>(std::move(options), dispatch);
    };
  }
};

class ImpacketInteropTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (!ImpacketAvailable()) GTEST_SKIP() << "python3-impacket is not installed";
  }
};

TEST_P(ImpacketInteropTest, EchoWithAlterContextAndNewSecurityContext) {
  EchoServer echo;
  testing::LoopbackServer server(echo.Factory(false));
  const ScriptResult result = RunScript(server.port(), GetParam(), "alice", "Passw0rd!", "echo");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("OK"), std::string::npos) << result.output;
  EXPECT_EQ(echo.calls.load(), 6);
  EXPECT_EQ(echo.logons.load(), 2);  // bind and alter_context each ran NTLM
}

INSTANTIATE_TEST_SUITE_P(Levels, ImpacketInteropTest,
                         ::testing::Values("connect", "integrity", "privacy"));

TEST(ImpacketInterop, WrongPasswordIsAccessDenied) {
  if (!ImpacketAvailable()) GTEST_SKIP() << "python3-impacket is not installed";
  EchoServer echo;
  testing::LoopbackServer server(echo.Factory(false));
  const ScriptResult result = RunScript(server.port(), "privacy", "alice", "nope", "denied");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("DENIED"), std::string::npos) << result.output;
  EXPECT_EQ(echo.calls.load(), 0);
}

TEST(ImpacketInterop, AnonymousAndUnauthenticatedWhenAllowed) {
  if (!ImpacketAvailable()) GTEST_SKIP() << "python3-impacket is not installed";
  EchoServer echo;
  testing::LoopbackServer server(echo.Factory(true));
  ScriptResult result = RunScript(server.port(), "privacy", "", "", "echo");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  result = RunScript(server.port(), "none", "", "", "echo");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(echo.calls.load(), 12);
}

TEST(ImpacketInterop, AnonymousRefusedByDefault) {
  if (!ImpacketAvailable()) GTEST_SKIP() << "python3-impacket is not installed";
  EchoServer echo;
  testing::LoopbackServer server(echo.Factory(false));
  const ScriptResult result = RunScript(server.port(), "integrity", "", "", "denied");
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

}  // namespace
}  // namespace cimulate::rpc
