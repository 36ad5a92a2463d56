// PduSocket and ServeConnection against hostile or broken peers, on real
// loopback sockets.

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <future>
#include <string>
#include <thread>

#include "dcerpc/pdu.h"
#include "loopback.h"
#include "rpc/client_association.h"
#include "rpc/pdu_socket.h"
#include "rpc/serve_connection.h"

namespace cimulate::rpc {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// A connected loopback pair: `client` is a PduSocket, `peer` a raw fd.
struct Pair {
  testing::Listener listener;
  std::unique_ptr<PduSocket> client;
  int peer = -1;

  Pair() {
    int fd = -1;
    EXPECT_TRUE(ConnectTcp("127.0.0.1", listener.port(), DeadlineIn(seconds(5)), &fd).ok());
    client = std::make_unique<PduSocket>(fd);
    peer = listener.Accept();
  }
  ~Pair() {
    if (peer >= 0) ::close(peer);
  }
  void PeerWrite(const std::string& bytes) const {
    ASSERT_EQ(::send(peer, bytes.data(), bytes.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(bytes.size()));
  }
  void PeerClose() {
    ::close(peer);
    peer = -1;
  }
};

// A valid 16-byte request header announcing `frag_length` bytes.
std::string Header(uint16_t frag_length) {
  std::string h = {5, 0, 0, 3, 0x10, 0, 0, 0};
  h.push_back(static_cast<char>(frag_length & 0xff));
  h.push_back(static_cast<char>(frag_length >> 8));
  h += std::string(6, '\0');
  h[12] = 1;  // call_id
  return h;
}

TEST(PduSocketTest, ReadsOneFragmentAtATime) {
  Pair pair;
  std::string two = Header(24) + std::string(8, 'a') + Header(20) + std::string(4, 'b');
  pair.PeerWrite(two);
  std::vector<uint8_t> fragment;
  ASSERT_TRUE(pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5))).ok());
  EXPECT_EQ(fragment.size(), 24u);
  ASSERT_TRUE(pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5))).ok());
  EXPECT_EQ(fragment.size(), 20u);
  EXPECT_EQ(fragment.back(), 'b');
}

TEST(PduSocketTest, GarbageIsAProtocolError) {
  Pair pair;
  pair.PeerWrite("HTTP/1.1 400 Bad Request\r\n\r\n");
  std::vector<uint8_t> fragment;
  Status status = pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5)));
  EXPECT_EQ(status.code(), ErrorCode::kProtocol) << status.ToString();
}

TEST(PduSocketTest, FragmentAboveMaxRecvFragIsRejectedBeforeReadingIt) {
  Pair pair;
  pair.client->set_max_recv_frag(4280);
  pair.PeerWrite(Header(60000));
  std::vector<uint8_t> fragment;
  Status status = pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5)));
  EXPECT_EQ(status.code(), ErrorCode::kProtocol) << status.ToString();
}

TEST(PduSocketTest, TruncatedPduThenCloseIsReset) {
  Pair pair;
  pair.PeerWrite(Header(100) + "short");
  pair.PeerClose();
  std::vector<uint8_t> fragment;
  Status status = pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5)));
  EXPECT_EQ(status.code(), ErrorCode::kReset) << status.ToString();
  EXPECT_FALSE(pair.client->closed_between_pdus());
}

TEST(PduSocketTest, TruncatedPduThenSilenceTimesOut) {
  Pair pair;
  pair.PeerWrite(Header(100).substr(0, 10));
  std::vector<uint8_t> fragment;
  Status status = pair.client->ReadFragment(&fragment, DeadlineIn(milliseconds(150)));
  EXPECT_EQ(status.code(), ErrorCode::kTimeout) << status.ToString();
}

TEST(PduSocketTest, CloseBetweenPdusIsAnOrderlyEnd) {
  Pair pair;
  pair.PeerClose();
  std::vector<uint8_t> fragment;
  Status status = pair.client->ReadFragment(&fragment, DeadlineIn(seconds(5)));
  EXPECT_EQ(status.code(), ErrorCode::kReset);
  EXPECT_TRUE(pair.client->closed_between_pdus());
}

TEST(PduSocketTest, AbortUnblocksAReadOnAnotherThread) {
  Pair pair;
  auto read = std::async(std::launch::async, [&] {
    std::vector<uint8_t> fragment;
    return pair.client->ReadFragment(&fragment, NoDeadline());
  });
  // Whether Abort lands before or during the read, the read must end cancelled.
  pair.client->Abort();
  ASSERT_EQ(read.wait_for(seconds(5)), std::future_status::ready);
  EXPECT_EQ(read.get().code(), ErrorCode::kCancelled);
}

TEST(ServeConnectionTest, GarbageFromTheClientEndsTheConnection) {
  Pair pair;
  ServerAssociation association(ServerOptions{}, {});
  pair.PeerWrite(std::string(64, '\x41'));
  Status status = ServeConnection(pair.client.get(), &association);
  EXPECT_EQ(status.code(), ErrorCode::kProtocol) << status.ToString();
}

TEST(ServeConnectionTest, WellFormedButUnexpectedPduIsAnsweredWithClose) {
  Pair pair;
  ServerAssociation association(ServerOptions{}, {});
  pair.PeerWrite(Header(24) + std::string(8, '\0'));  // a request before any bind
  Status status = ServeConnection(pair.client.get(), &association);
  EXPECT_TRUE(status.ok()) << status.ToString();
  char reply[64];
  const ssize_t n = ::recv(pair.peer, reply, sizeof(reply), 0);
  ASSERT_GE(n, 16);
  EXPECT_EQ(reply[2], 3);  // fault
}

TEST(ServeConnectionTest, PeerClosingIsOk) {
  Pair pair;
  ServerAssociation association(ServerOptions{}, {});
  pair.PeerClose();
  EXPECT_TRUE(ServeConnection(pair.client.get(), &association).ok());
}

TEST(ClientAgainstBrokenServerTest, GarbageReplyToBindIsProtocolErrorNotHang) {
  testing::Listener listener;
  std::thread peer([&] {
    const int fd = listener.Accept();
    char buffer[512];
    (void)::recv(fd, buffer, sizeof(buffer), 0);
    const char garbage[] = "SSH-2.0-OpenSSH_9.2\r\n";
    (void)::send(fd, garbage, sizeof(garbage) - 1, MSG_NOSIGNAL);
    (void)::recv(fd, buffer, sizeof(buffer), 0);  // until the client hangs up
    ::close(fd);
  });
  ClientAssociation client(ClientOptions{});
  ASSERT_TRUE(client.Connect("127.0.0.1", listener.port(), DeadlineIn(seconds(5))).ok());
  std::vector<uint16_t> ids;
  const dcerpc::SyntaxId iface{*dcerpc::Guid::Parse("12345678-1234-abcd-ef00-0123456789ab"), 1, 0};
  Status status = client.Bind({iface}, DeadlineIn(seconds(5)), &ids);
  EXPECT_EQ(status.code(), ErrorCode::kProtocol) << status.ToString();
  EXPECT_FALSE(client.connected());
  peer.join();
}

TEST(ClientAgainstBrokenServerTest, TruncatedBindAckThenCloseIsReset) {
  testing::Listener listener;
  std::thread peer([&] {
    const int fd = listener.Accept();
    char buffer[512];
    (void)::recv(fd, buffer, sizeof(buffer), 0);
    const std::string partial = Header(68).substr(0, 12);
    (void)::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL);
    ::close(fd);
  });
  ClientAssociation client(ClientOptions{});
  ASSERT_TRUE(client.Connect("127.0.0.1", listener.port(), DeadlineIn(seconds(5))).ok());
  std::vector<uint16_t> ids;
  const dcerpc::SyntaxId iface{*dcerpc::Guid::Parse("12345678-1234-abcd-ef00-0123456789ab"), 1, 0};
  Status status = client.Bind({iface}, DeadlineIn(seconds(5)), &ids);
  EXPECT_EQ(status.code(), ErrorCode::kReset) << status.ToString();
  peer.join();
}

}  // namespace
}  // namespace cimulate::rpc
