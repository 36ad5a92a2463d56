// MI_Application_NewSession over WMIDCOM contacts nobody: a listener standing
// in for the activation port sees no connection after the session opened.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "MI.h"
#include "core/application.h"
#include "wmidcom/dcom_connection.h"
#include "wmidcom/wmidcom_protocol.h"

namespace cimulate::wmidcom {
namespace {

class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(fd_, 8), 0);
    socklen_t len = sizeof(addr);
    EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len), 0);
    port_ = ntohs(addr.sin_port);
  }
  ~Listener() { ::close(fd_); }

  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }

  // True if a connection is waiting (the listener is non-blocking).
  bool SomeoneConnected() {
    int client = ::accept(fd_, nullptr, nullptr);
    if (client >= 0) {
      ::close(client);
      return true;
    }
    EXPECT_TRUE(errno == EAGAIN || errno == EWOULDBLOCK) << errno;
    return false;
  }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

class DeferralTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = std::make_shared<core::ProtocolRegistry>();
    std::string endpoint = listener_.endpoint();
    registry->Register(std::make_shared<WmidcomProtocol>(NewDcomConnection, [endpoint](const char* name) {
      return std::string(name) == kEndpointEnvironment ? std::optional<std::string>(endpoint) : std::nullopt;
    }));
    ASSERT_EQ(core::InitializeApplication(0, "wmidcom-deferral", nullptr, &app_, registry), MI_RESULT_OK);
  }
  void TearDown() override { MI_Application_Close(&app_); }

  Listener listener_;
  MI_Application app_ = MI_APPLICATION_NULL;
};

TEST_F(DeferralTest, NullDestinationSessionDoesNotConnect) {
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, nullptr, nullptr, nullptr, nullptr, &session), MI_RESULT_OK);
  EXPECT_FALSE(listener_.SomeoneConnected());
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
}

TEST_F(DeferralTest, ExplicitDestinationSessionDoesNotConnect) {
  MI_Session session = MI_SESSION_NULL;
  std::string destination = listener_.endpoint();
  ASSERT_EQ(MI_Application_NewSession(&app_, "WMIDCOM", destination.c_str(), nullptr, nullptr, nullptr, &session),
            MI_RESULT_OK);
  EXPECT_FALSE(listener_.SomeoneConnected());
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
}

TEST_F(DeferralTest, BadDestinationFailsTheSessionWithAClearError) {
  MI_Session session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  EXPECT_EQ(MI_Application_NewSession(&app_, "WMIDCOM", "host:notaport", nullptr, nullptr, &error, &session),
            MI_RESULT_INVALID_PARAMETER);
  ASSERT_NE(error, nullptr);
  MI_Instance_Delete(error);
  MI_Session_Close(&session, nullptr, nullptr);
}

}  // namespace
}  // namespace cimulate::wmidcom
