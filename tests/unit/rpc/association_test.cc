// Client and server association against each other over loopback TCP.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "dcerpc/pdu.h"
#include "rpc/client_association.h"
#include "rpc/server_association.h"
#include "loopback.h"

namespace cimulate::rpc {
namespace {

using dcerpc::AuthLevel;
using dcerpc::SyntaxId;
using std::chrono::seconds;
using testing::LoopbackServer;

const SyntaxId kEcho{*dcerpc::Guid::Parse("12345678-1234-abcd-ef00-0123456789ab"), 1, 0};
const SyntaxId kOther{*dcerpc::Guid::Parse("000001a0-0000-0000-c000-000000000046"), 0, 0};
const SyntaxId kUnknown{*dcerpc::Guid::Parse("deadbeef-0000-0000-0000-000000000000"), 1, 0};

constexpr uint16_t kOpEcho = 0;
constexpr uint16_t kOpFault = 1;
constexpr uint16_t kOpSwallow = 2;       // never answers: the client must be cancelled
constexpr uint16_t kOpCloseNoReply = 3;  // closes the connection mid-call
constexpr uint32_t kTestFault = 0x80041002;

// What the server saw of the last call; written on the server thread.
struct Observed {
  std::mutex mutex;
  std::optional<CallContext> last;  // stub span is not kept valid
  std::optional<ntlm::AuthenticatedIdentity> identity;
  std::vector<AuthEvent> auth_events;
  int calls = 0;
  std::promise<void> swallowed;
};

ServerOptions BaseOptions() {
  ServerOptions options;
  ntlm::AccountTable accounts;
  EXPECT_TRUE(accounts.AddPassword("alice", "Passw0rd!").ok());
  options.accounts = std::move(accounts);
  options.interface_filter = [](const SyntaxId& s) { return s == kEcho || s == kOther; };
  return options;
}

LoopbackServer::Factory MakeFactory(ServerOptions options, Observed* observed) {
  return [options, observed]() mutable {
    ServerOptions copy = options;
    copy.hooks.on_auth = [observed](const AuthEvent& event) {
      std::lock_guard<std::mutex> lock(observed->mutex);
      observed->auth_events.push_back(event);
    };
    auto dispatch = [observed](const CallContext& call) -> CallReply {
      {
        std::lock_guard<std::mutex> lock(observed->mutex);
        observed->last = call;
        observed->last->stub = {};
        observed->identity = call.identity;
        ++observed->calls;
      }
      switch (call.opnum) {
        case kOpEcho: return CallReply::Stub({call.stub.begin(), call.stub.end()});
        case kOpFault: return CallReply::Fault(kTestFault);
        case kOpSwallow: {
          observed->swallowed.set_value();
          CallReply reply;
          reply.no_reply = true;
          return reply;
        }
        default: {
          CallReply reply;
          reply.no_reply = true;
          reply.close_after = true;
          return reply;
        }
      }
    };
    return std::make_unique<ServerAssociation>(std::move(copy), dispatch);
  };
}

ClientOptions NtlmClient(AuthLevel level, std::string user = "alice",
                         std::string password = "Passw0rd!") {
  ClientOptions options;
  ClientAuth auth;
  auth.ntlm.credentials.domain = "FAKEDOM";
  auth.ntlm.credentials.user = std::move(user);
  auth.ntlm.credentials.password = std::move(password);
  auth.ntlm.workstation = "TESTWS";
  auth.level = level;
  options.auth = std::move(auth);
  return options;
}

std::vector<uint8_t> Pattern(size_t size) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(i * 31 + 7);
  return bytes;
}

Deadline Soon() { return DeadlineIn(seconds(5)); }

// Connects and binds kEcho; returns the context id.
uint16_t ConnectAndBind(ClientAssociation& client, uint16_t port) {
  EXPECT_TRUE(client.Connect("127.0.0.1", port, Soon()).ok());
  std::vector<uint16_t> ids;
  Status status = client.Bind({kEcho}, Soon(), &ids);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return ids.empty() ? 0 : ids[0];
}

class LevelTest : public ::testing::TestWithParam<AuthLevel> {};

TEST_P(LevelTest, EchoRoundTripsWithIdentityAndLevel) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(GetParam()));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  const dcerpc::Guid ipid = *dcerpc::Guid::Parse("00001234-0000-0000-0000-00000000abcd");
  for (int i = 0; i < 3; ++i) {  // several calls keep the NTLM sequence in step
    std::vector<uint8_t> response;
    const auto stub = Pattern(100 + i);
    Status status = client.Call(ctx, kOpEcho, ipid, stub, Soon(), &response);
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(response, stub);
  }
  std::lock_guard<std::mutex> lock(observed.mutex);
  ASSERT_TRUE(observed.last.has_value());
  EXPECT_EQ(observed.last->abstract_syntax, kEcho);
  EXPECT_EQ(observed.last->object, ipid);
  EXPECT_EQ(observed.last->auth_level, GetParam());
  ASSERT_TRUE(observed.identity.has_value());
  EXPECT_EQ(observed.identity->user, "alice");
  EXPECT_EQ(observed.identity->domain, "FAKEDOM");
}

TEST_P(LevelTest, StubsLargerThanAFragmentBothWays) {
  Observed observed;
  int request_fragments = 0;
  int response_fragments = 0;
  LoopbackServer server(
      MakeFactory(BaseOptions(), &observed),
      [&](std::vector<uint8_t>& f) { request_fragments += f[2] == 0 ? 1 : 0; },
      [&](std::vector<uint8_t>& f) { response_fragments += f[2] == 2 ? 1 : 0; });
  ClientAssociation client(NtlmClient(GetParam()));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  const auto stub = Pattern(20000);
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpEcho, std::nullopt, stub, Soon(), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response, stub);
  client.Close();
  (void)server.first_result().get();  // the hooks ran on the server thread before this
  EXPECT_GE(request_fragments, 5);
  EXPECT_GE(response_fragments, 5);
}

INSTANTIATE_TEST_SUITE_P(Levels, LevelTest,
                         ::testing::Values(AuthLevel::kConnect, AuthLevel::kPktIntegrity,
                                           AuthLevel::kPktPrivacy));

TEST(ClientAssociationTest, NoAuthWhenServerAllowsIt) {
  Observed observed;
  ServerOptions options = BaseOptions();
  options.allow_unauthenticated = true;
  LoopbackServer server(MakeFactory(options, &observed));
  ClientAssociation client(ClientOptions{});
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  ASSERT_TRUE(client.Call(ctx, kOpEcho, std::nullopt, Pattern(9000), Soon(), &response).ok());
  EXPECT_EQ(response, Pattern(9000));
  std::lock_guard<std::mutex> lock(observed.mutex);
  EXPECT_FALSE(observed.identity.has_value());
}

TEST(ClientAssociationTest, NoAuthRefusedWithAccessDenied) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(ClientOptions{});
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(8), Soon(), &response);
  EXPECT_EQ(status.code(), ErrorCode::kAccessDenied) << status.ToString();
  EXPECT_EQ(status.detail(), kFaultAccessDenied);
  EXPECT_EQ(observed.calls, 0);
}

TEST(ClientAssociationTest, SeveralContextsInOneBind) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity));
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), Soon()).ok());
  std::vector<uint16_t> ids;
  ASSERT_TRUE(client.Bind({kEcho, kOther}, Soon(), &ids).ok());
  ASSERT_EQ(ids, (std::vector<uint16_t>{0, 1}));
  EXPECT_EQ(client.secondary_address(), "135");
  std::vector<uint8_t> response;
  ASSERT_TRUE(client.Call(ids[1], kOpEcho, std::nullopt, Pattern(4), Soon(), &response).ok());
  {
    std::lock_guard<std::mutex> lock(observed.mutex);
    EXPECT_EQ(observed.last->abstract_syntax, kOther);
  }
  ASSERT_TRUE(client.Call(ids[0], kOpEcho, std::nullopt, Pattern(4), Soon(), &response).ok());
  std::lock_guard<std::mutex> lock(observed.mutex);
  EXPECT_EQ(observed.last->abstract_syntax, kEcho);
}

TEST(ClientAssociationTest, RejectedInterfaceReportsProviderReason) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity));
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), Soon()).ok());
  std::vector<uint16_t> ids;
  Status status = client.Bind({kEcho, kUnknown}, Soon(), &ids);
  EXPECT_EQ(status.code(), ErrorCode::kBindRejected);
  EXPECT_EQ(status.detail(), 1u);  // abstract_syntax_not_supported
}

TEST(ClientAssociationTest, RejectedAlterContextKeepsTheAssociation) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  uint16_t rejected = 0;
  Status status = client.AlterContext(kUnknown, Soon(), &rejected);
  EXPECT_EQ(status.code(), ErrorCode::kBindRejected) << status.ToString();
  std::vector<uint8_t> response;
  ASSERT_TRUE(client.Call(ctx, kOpEcho, std::nullopt, Pattern(8), Soon(), &response).ok());
  EXPECT_EQ(response, Pattern(8));
}

TEST(ClientAssociationTest, BindNakReasonIsReported) {
  Observed observed;
  ServerOptions options = BaseOptions();
  options.accounts.reset();  // this endpoint does not speak NTLM
  LoopbackServer server(MakeFactory(options, &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity));
  ASSERT_TRUE(client.Connect("127.0.0.1", server.port(), Soon()).ok());
  std::vector<uint16_t> ids;
  Status status = client.Bind({kEcho}, Soon(), &ids);
  EXPECT_EQ(status.code(), ErrorCode::kBindRejected) << status.ToString();
  EXPECT_EQ(status.detail(), 8u);  // authentication_type_not_recognized
  EXPECT_FALSE(client.connected());
}

TEST(ClientAssociationTest, AlterContextReusesTheSecurityContext) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy));
  const uint16_t first = ConnectAndBind(client, server.port());
  uint16_t second = 0;
  Status status = client.AlterContext(kOther, Soon(), &second);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_NE(first, second);
  std::vector<uint8_t> response;
  ASSERT_TRUE(client.Call(second, kOpEcho, std::nullopt, Pattern(300), Soon(), &response).ok());
  EXPECT_EQ(response, Pattern(300));
  ASSERT_TRUE(client.Call(first, kOpEcho, std::nullopt, Pattern(30), Soon(), &response).ok());
  std::lock_guard<std::mutex> lock(observed.mutex);
  EXPECT_EQ(observed.auth_events.size(), 1u);  // one NTLM handshake only
  EXPECT_EQ(observed.last->abstract_syntax, kEcho);
}

TEST(ClientAssociationTest, WrongPasswordIsAccessDeniedOnFirstCall) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy, "alice", "wrong"));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(8), Soon(), &response);
  EXPECT_EQ(status.code(), ErrorCode::kAccessDenied) << status.ToString();
  EXPECT_EQ(status.detail(), 5u);
  std::lock_guard<std::mutex> lock(observed.mutex);
  ASSERT_EQ(observed.auth_events.size(), 1u);
  EXPECT_FALSE(observed.auth_events[0].ok);
  EXPECT_EQ(observed.auth_events[0].error.find("wrong"), std::string::npos);  // no secret
  EXPECT_EQ(observed.calls, 0);
}

TEST(ClientAssociationTest, AnonymousAllowed) {
  Observed observed;
  ServerOptions options = BaseOptions();
  options.accounts->set_allow_anonymous(true);
  LoopbackServer server(MakeFactory(options, &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy, "", ""));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(64), Soon(), &response);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(response, Pattern(64));
  std::lock_guard<std::mutex> lock(observed.mutex);
  ASSERT_TRUE(observed.identity.has_value());
  EXPECT_TRUE(observed.identity->anonymous);
}

TEST(ClientAssociationTest, AnonymousRefused) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity, "", ""));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(64), Soon(), &response);
  EXPECT_EQ(status.code(), ErrorCode::kAccessDenied) << status.ToString();
}

// Flips one byte of the auth_value of every response fragment.
void TamperSignature(std::vector<uint8_t>& fragment) {
  const uint16_t auth_length = static_cast<uint16_t>(fragment[10] | (fragment[11] << 8));
  if (fragment[2] == 2 && auth_length != 0) fragment[fragment.size() - 8] ^= 0x01;
}

TEST(ClientAssociationTest, TamperedServerSignatureIsASecurityError) {
  for (AuthLevel level : {AuthLevel::kPktIntegrity, AuthLevel::kPktPrivacy}) {
    Observed observed;
    LoopbackServer server(MakeFactory(BaseOptions(), &observed), {}, TamperSignature);
    ClientAssociation client(NtlmClient(level));
    const uint16_t ctx = ConnectAndBind(client, server.port());
    std::vector<uint8_t> response;
    Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(64), Soon(), &response);
    EXPECT_EQ(status.code(), ErrorCode::kSecurity) << status.ToString();
    EXPECT_FALSE(client.connected());
  }
}

TEST(ClientAssociationTest, TamperedClientStubIsRejectedByTheServer) {
  for (AuthLevel level : {AuthLevel::kPktIntegrity, AuthLevel::kPktPrivacy}) {
    Observed observed;
    // Byte 30 lies in the stub of a request without object UUID (stub at 24).
    LoopbackServer server(MakeFactory(BaseOptions(), &observed),
                          [](std::vector<uint8_t>& f) {
                            if (f[2] == 0 && f.size() > 40) f[30] ^= 0x80;
                          });
    auto result = server.first_result();
    ClientAssociation client(NtlmClient(level));
    const uint16_t ctx = ConnectAndBind(client, server.port());
    std::vector<uint8_t> response;
    Status status = client.Call(ctx, kOpEcho, std::nullopt, Pattern(64), Soon(), &response);
    EXPECT_EQ(status.code(), ErrorCode::kAccessDenied) << status.ToString();
    EXPECT_EQ(observed.calls, 0);
    ASSERT_EQ(result.wait_for(seconds(5)), std::future_status::ready);
    EXPECT_NE(result.get().message().find("verification"), std::string::npos);
  }
}

TEST(ClientAssociationTest, FaultStatusPropagates) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpFault, std::nullopt, Pattern(8), Soon(), &response);
  EXPECT_EQ(status.code(), ErrorCode::kFault);
  EXPECT_EQ(status.detail(), kTestFault);
  // A fault leaves the association usable.
  ASSERT_TRUE(client.Call(ctx, kOpEcho, std::nullopt, Pattern(8), Soon(), &response).ok());
  EXPECT_EQ(response, Pattern(8));
}

TEST(ClientAssociationTest, PeerClosingMidCallIsReset) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  Status status = client.Call(ctx, kOpCloseNoReply, std::nullopt, Pattern(8), Soon(), &response);
  EXPECT_EQ(status.code(), ErrorCode::kReset) << status.ToString();
  EXPECT_FALSE(client.connected());
}

TEST(ClientAssociationTest, CancelFromAnotherThreadUnblocksACall) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktPrivacy));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  auto swallowed = observed.swallowed.get_future();
  auto call = std::async(std::launch::async, [&] {
    std::vector<uint8_t> response;
    return client.Call(ctx, kOpSwallow, std::nullopt, Pattern(8), NoDeadline(), &response);
  });
  ASSERT_EQ(swallowed.wait_for(seconds(5)), std::future_status::ready);
  client.Cancel();
  ASSERT_EQ(call.wait_for(seconds(5)), std::future_status::ready);
  EXPECT_EQ(call.get().code(), ErrorCode::kCancelled);
}

TEST(ClientAssociationTest, DeadlineTurnsASilentServerIntoTimeout) {
  Observed observed;
  LoopbackServer server(MakeFactory(BaseOptions(), &observed));
  ClientAssociation client(NtlmClient(AuthLevel::kPktIntegrity));
  const uint16_t ctx = ConnectAndBind(client, server.port());
  std::vector<uint8_t> response;
  const auto start = Clock::now();
  Status status = client.Call(ctx, kOpSwallow, std::nullopt, Pattern(8),
                              DeadlineIn(std::chrono::milliseconds(200)), &response);
  EXPECT_EQ(status.code(), ErrorCode::kTimeout) << status.ToString();
  EXPECT_LT(Clock::now() - start, seconds(5));
}

TEST(ClientAssociationTest, ConnectRefused) {
  uint16_t port = 0;
  {
    testing::Listener listener;  // take a free port, then release it
    port = listener.port();
  }
  ClientAssociation client(ClientOptions{});
  Status status = client.Connect("127.0.0.1", port, Soon());
  EXPECT_EQ(status.code(), ErrorCode::kRefused) << status.ToString();
  std::vector<uint16_t> ids;
  EXPECT_EQ(client.Bind({kEcho}, Soon(), &ids).code(), ErrorCode::kNotConnected);
}

}  // namespace
}  // namespace cimulate::rpc
