// MI_Application: initialisation rules, the protocol-selection rule, deferred
// connection (NewSession touches nothing but the handler's OpenSession), and the
// blocking close.
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "MI.h"
#include "core/application.h"
#include "core/value.h"
#include "fake_protocol.h"

namespace cimulate {
namespace {

using ::testing::_;
using ::testing::Return;
using ::testing::StrictMock;
using testing::ScriptedProtocol;

std::string StringElement(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (MI_Instance_GetElement(instance, name, &value, &type, &flags, nullptr) != MI_RESULT_OK) return "<missing>";
  if (type != MI_STRING || (flags & MI_FLAG_NULL)) return "<not a string>";
  return value.string;
}

MI_Uint32 Uint32Element(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance, name, &value, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  return value.uint32;
}

class ApplicationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    winrm_ = std::make_shared<ScriptedProtocol>("WINRM");
    wmidcom_ = std::make_shared<ScriptedProtocol>("WMIDCOM");
    ASSERT_EQ(core::InitializeApplication(0, "test", nullptr, &app_, testing::RegistryWith({winrm_, wmidcom_})),
              MI_RESULT_OK);
  }
  void TearDown() override {
    if (app_.ft != nullptr) MI_Application_Close(&app_);
  }

  // Opens a session and returns which protocol was chosen.
  std::string Open(const char* protocol, const char* destination) {
    int winrm_before = winrm_->sessions_opened, dcom_before = wmidcom_->sessions_opened;
    MI_Session session = MI_SESSION_NULL;
    MI_Instance* error = nullptr;
    EXPECT_EQ(MI_Application_NewSession(&app_, protocol, destination, nullptr, nullptr, &error, &session),
              MI_RESULT_OK);
    EXPECT_EQ(error, nullptr);
    EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
    if (winrm_->sessions_opened > winrm_before) return "WINRM";
    if (wmidcom_->sessions_opened > dcom_before) return "WMIDCOM";
    return "none";
  }

  std::shared_ptr<ScriptedProtocol> winrm_, wmidcom_;
  MI_Application app_ = MI_APPLICATION_NULL;
};

TEST(ApplicationInitialize, NonZeroFlagsAreInvalidAndLeaveAClosableHandle) {
  MI_Application app = MI_APPLICATION_NULL;
  auto* garbage = reinterpret_cast<MI_Instance*>(0x1);
  MI_Instance* error = garbage;
  EXPECT_EQ(MI_Application_InitializeV1(1, nullptr, &error, &app), MI_RESULT_INVALID_PARAMETER);
  ASSERT_NE(error, nullptr);
  ASSERT_NE(error, garbage);
  EXPECT_EQ(Uint32Element(error, "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_INVALID_PARAMETER));
  MI_Instance_Delete(error);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_INVALID_PARAMETER);
}

TEST(ApplicationInitialize, SetsExtendedErrorToNullFirst) {
  MI_Application app = MI_APPLICATION_NULL;
  auto* error = reinterpret_cast<MI_Instance*>(0x1);
  ASSERT_EQ(MI_Application_InitializeV1(0, "id", &error, &app), MI_RESULT_OK);
  EXPECT_EQ(error, nullptr);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
}

TEST(ApplicationInitialize, NullApplicationIsInvalidParameter) {
  MI_Instance* error = nullptr;
  EXPECT_EQ(MI_Application_InitializeV1(0, nullptr, &error, nullptr), MI_RESULT_INVALID_PARAMETER);
  ASSERT_NE(error, nullptr);
  MI_Instance_Delete(error);
  EXPECT_EQ(MI_Application_InitializeV1(0, nullptr, nullptr, nullptr), MI_RESULT_INVALID_PARAMETER);
}

TEST(ApplicationClose, SecondCloseAndNullHandleAreInvalidParameter) {
  MI_Application app = MI_APPLICATION_NULL;
  ASSERT_EQ(MI_Application_InitializeV1(0, nullptr, nullptr, &app), MI_RESULT_OK);
  MI_Application copy = app;
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Application_Close(&copy), MI_RESULT_INVALID_PARAMETER);  // a stale copy resolves to nothing
  EXPECT_EQ(MI_Application_Close(nullptr), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(ApplicationTest, NullProtocolAndNullDestinationSelectWmidcom) { EXPECT_EQ(Open(nullptr, nullptr), "WMIDCOM"); }

TEST_F(ApplicationTest, NullProtocolWithADestinationSelectsWinrm) { EXPECT_EQ(Open(nullptr, "server01"), "WINRM"); }

TEST_F(ApplicationTest, EmptyDestinationStillSelectsWinrm) { EXPECT_EQ(Open(nullptr, ""), "WINRM"); }

TEST_F(ApplicationTest, TheLocalComputersOwnNameSelectsWinrm) {
  char host[256] = {};
  ASSERT_EQ(gethostname(host, sizeof(host) - 1), 0);
  EXPECT_EQ(Open(nullptr, host), "WINRM");
  EXPECT_EQ(Open(nullptr, "localhost"), "WINRM");
  EXPECT_EQ(Open(nullptr, "127.0.0.1"), "WINRM");
}

TEST_F(ApplicationTest, ExplicitProtocolNamesMatchInAnyLetterCase) {
  EXPECT_EQ(Open("WMIDCOM", "server01"), "WMIDCOM");
  EXPECT_EQ(Open("wmidcom", nullptr), "WMIDCOM");
  EXPECT_EQ(Open("WINRM", nullptr), "WINRM");
  EXPECT_EQ(Open("WinRm", "server01"), "WINRM");
  EXPECT_EQ(winrm_->last_config().protocol, "WINRM");
}

TEST_F(ApplicationTest, DestinationReachesTheHandlerUnchanged) {
  Open(nullptr, "Server01.example.test");
  ASSERT_TRUE(winrm_->last_config().destination.has_value());
  EXPECT_EQ(*winrm_->last_config().destination, "Server01.example.test");
  Open(nullptr, nullptr);
  EXPECT_FALSE(wmidcom_->last_config().destination.has_value());
}

TEST_F(ApplicationTest, UnsupportedProtocolFailsWithAnErrorNamingTheSupportedOnes) {
  MI_Session session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  EXPECT_EQ(MI_Application_NewSession(&app_, "CIMXML", "server01", nullptr, nullptr, &error, &session),
            MI_RESULT_NOT_SUPPORTED);
  ASSERT_NE(error, nullptr);
  const MI_Char* class_name = nullptr;
  MI_Instance_GetClassName(error, &class_name);
  EXPECT_STREQ(class_name, "MSFT_WmiError");
  EXPECT_EQ(Uint32Element(error, "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_NOT_SUPPORTED));
  std::string message = StringElement(error, "Message");
  EXPECT_NE(message.find("CIMXML"), std::string::npos) << message;
  EXPECT_NE(message.find("WINRM"), std::string::npos) << message;
  EXPECT_NE(message.find("WMIDCOM"), std::string::npos) << message;
  MI_Instance_Delete(error);
  EXPECT_EQ(winrm_->sessions_opened + wmidcom_->sessions_opened, 0);
  // The failed handle is safe to close, with and without a completion callback.
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  int called = 0;
  EXPECT_EQ(MI_Session_Close(&session, &called, [](void* c) { ++*static_cast<int*>(c); }), MI_RESULT_OK);
  EXPECT_EQ(called, 1);
}

TEST_F(ApplicationTest, ANullExtendedErrorPointerIsAccepted) {
  MI_Session session = MI_SESSION_NULL;
  EXPECT_EQ(MI_Application_NewSession(&app_, "NOPE", nullptr, nullptr, nullptr, nullptr, &session),
            MI_RESULT_NOT_SUPPORTED);
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
}

TEST_F(ApplicationTest, SessionCallbacksReachTheCallerWithItsApplication) {
  winrm_->on_open = [](const core::SessionConfig& config) {
    config.write_message(MI_WRITEMESSAGE_CHANNEL_VERBOSE, "opening");
    auto error = core::BuildError(MI_RESULT_ACCESS_DENIED, "warning only");
    config.write_error(error.get());
  };
  struct Seen {
    MI_Application app{};
    std::string message;
    MI_Uint32 channel = 99;
    MI_Uint32 error_code = 0;
  } seen;
  MI_SessionCallbacks callbacks = MI_SESSIONCALLBACKS_NULL;
  callbacks.callbackContext = &seen;
  callbacks.writeMessage = [](MI_Application* app, void* context, MI_Uint32 channel, const MI_Char* message) {
    auto* s = static_cast<Seen*>(context);
    s->app = *app;
    s->channel = channel;
    s->message = message;
  };
  callbacks.writeError = [](MI_Application*, void* context, MI_Instance* instance) {
    MI_Value value;
    MI_Instance_GetElement(instance, "CIMStatusCode", &value, nullptr, nullptr, nullptr);
    static_cast<Seen*>(context)->error_code = value.uint32;
  };
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, "host", nullptr, &callbacks, nullptr, &session), MI_RESULT_OK);
  EXPECT_EQ(seen.message, "opening");
  EXPECT_EQ(seen.channel, static_cast<MI_Uint32>(MI_WRITEMESSAGE_CHANNEL_VERBOSE));
  EXPECT_EQ(seen.app.reserved1, app_.reserved1);
  EXPECT_EQ(seen.app.ft, app_.ft);
  EXPECT_EQ(seen.error_code, static_cast<MI_Uint32>(MI_RESULT_ACCESS_DENIED));
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
}

TEST(ApplicationDeferredConnection, NewSessionTouchesNothingButOpenSession) {
  auto handler = std::make_shared<StrictMock<testing::MockProtocolHandler>>("WINRM");
  auto* protocol_session = new StrictMock<testing::MockProtocolSession>();
  EXPECT_CALL(*handler, OpenSession(_, _, _))
      .WillOnce([protocol_session](const core::SessionConfig&, std::unique_ptr<core::ProtocolSession>* out,
                                   core::ErrorInfo*) {
        out->reset(protocol_session);
        return MI_RESULT_OK;
      });
  MI_Application app = MI_APPLICATION_NULL;
  ASSERT_EQ(core::InitializeApplication(0, nullptr, nullptr, &app, testing::RegistryWith({handler})), MI_RESULT_OK);
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app, nullptr, "unreachable.invalid", nullptr, nullptr, nullptr, &session),
            MI_RESULT_OK);
  ::testing::Mock::VerifyAndClearExpectations(handler.get());
  // No Execute happened: the strict mock would have failed on any call.  Closing
  // the session is the first thing it hears of again.
  EXPECT_CALL(*protocol_session, Close()).Times(1);
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
}

TEST(ApplicationDeferredConnection, AHandlerFailureBecomesTheResultAndExtendedError) {
  auto handler = std::make_shared<testing::MockProtocolHandler>("WINRM");
  EXPECT_CALL(*handler, OpenSession(_, _, _))
      .WillOnce([](const core::SessionConfig&, std::unique_ptr<core::ProtocolSession>*, core::ErrorInfo* error) {
        error->message = "bad option";
        return MI_RESULT_INVALID_PARAMETER;
      });
  MI_Application app = MI_APPLICATION_NULL;
  ASSERT_EQ(core::InitializeApplication(0, nullptr, nullptr, &app, testing::RegistryWith({handler})), MI_RESULT_OK);
  MI_Session session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  EXPECT_EQ(MI_Application_NewSession(&app, "WINRM", "h", nullptr, nullptr, &error, &session),
            MI_RESULT_INVALID_PARAMETER);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(StringElement(error, "Message"), "bad option");
  MI_Instance_Delete(error);
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  // The failed session is not counted: close returns at once.
  EXPECT_EQ(MI_Application_Close(&app), MI_RESULT_OK);
}

TEST_F(ApplicationTest, CloseDoesNotReturnWhileASessionIsOpenAndReturnsWhenItCloses) {
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, "host", nullptr, nullptr, nullptr, &session), MI_RESULT_OK);
  MI_Application app = app_;
  auto closing = std::async(std::launch::async, [&app] { return MI_Application_Close(&app); });
  EXPECT_EQ(closing.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
  // New sessions are refused at once while the close waits.
  MI_Session refused = MI_SESSION_NULL;
  EXPECT_EQ(MI_Application_NewSession(&app_, nullptr, "host", nullptr, nullptr, nullptr, &refused),
            MI_RESULT_INVALID_PARAMETER);
  auto closed_at = std::chrono::steady_clock::now();
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(closing.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(closing.get(), MI_RESULT_OK);
  EXPECT_LT(std::chrono::steady_clock::now() - closed_at, std::chrono::seconds(1));
  app_.ft = nullptr;  // closed above
}

TEST_F(ApplicationTest, CloseCancelsRunningOperations) {
  std::promise<void> started;
  std::promise<void> cancelled;
  winrm_->set_script([&started, &cancelled](const core::OperationRequest&, core::ResultSink& sink) {
    started.set_value();
    std::promise<void> aborted;
    sink.OnCancel([&aborted] { aborted.set_value(); });
    aborted.get_future().wait();
    cancelled.set_value();
  });
  MI_Session session = MI_SESSION_NULL;
  ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, "host", nullptr, nullptr, nullptr, &session), MI_RESULT_OK);
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_TestConnection(&session, 0, nullptr, &operation);
  // Close must find the operation running in the protocol; cancelled before
  // it starts, it would end without the protocol being called at all.
  ASSERT_EQ(started.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
  MI_Application app = app_;
  auto closing = std::async(std::launch::async, [&app] { return MI_Application_Close(&app); });
  ASSERT_EQ(cancelled.get_future().wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(closing.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  const MI_Instance* instance = nullptr;
  MI_Boolean more = MI_TRUE;
  MI_Result result = MI_RESULT_OK;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, &result, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(more, MI_FALSE);
  EXPECT_EQ(result, MI_RESULT_FAILED);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  EXPECT_EQ(MI_Session_Close(&session, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(closing.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(closing.get(), MI_RESULT_OK);
  app_.ft = nullptr;
}

TEST_F(ApplicationTest, NewInstanceAndNewInstanceFromClass) {
  MI_Instance* instance = nullptr;
  ASSERT_EQ(MI_Application_NewInstance(&app_, "Win32_Service", nullptr, &instance), MI_RESULT_OK);
  const MI_Char* name = nullptr;
  MI_Instance_GetClassName(instance, &name);
  EXPECT_STREQ(name, "Win32_Service");
  MI_Value value;
  value.uint32 = 7;
  EXPECT_EQ(MI_Instance_AddElement(instance, "Count", &value, MI_UINT32, 0), MI_RESULT_OK);
  MI_Class* cls = nullptr;
  ASSERT_EQ(MI_Instance_GetClass(instance, &cls), MI_RESULT_OK);
  MI_Instance* from_class = nullptr;
  ASSERT_EQ(MI_Application_NewInstanceFromClass(&app_, "Win32_Service", cls, &from_class), MI_RESULT_OK);
  MI_Class_Delete(cls);  // the new instance must not depend on the class
  MI_Uint32 count = 0;
  EXPECT_EQ(MI_Instance_GetElementCount(from_class, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  MI_Type type;
  MI_Uint32 flags = 0;
  EXPECT_EQ(MI_Instance_GetElement(from_class, "Count", nullptr, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  MI_Instance_Delete(from_class);
  MI_Instance_Delete(instance);
  EXPECT_EQ(MI_Application_NewInstance(&app_, nullptr, nullptr, &instance), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(ApplicationTest, ConcurrentNewSessionAndCloseAcrossThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([this, &failures] {
      for (int i = 0; i < 100; ++i) {
        MI_Session session = MI_SESSION_NULL;
        if (MI_Application_NewSession(&app_, nullptr, "host", nullptr, nullptr, nullptr, &session) != MI_RESULT_OK)
          ++failures;
        if (MI_Session_Close(&session, nullptr, nullptr) != MI_RESULT_OK) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(winrm_->sessions_opened, 800);
  EXPECT_EQ(winrm_->sessions_closed, 800);
}

TEST_F(ApplicationTest, CloseRacesWithSessionsBeingClosedOnOtherThreads) {
  std::vector<MI_Session> sessions(16);
  for (auto& session : sessions)
    ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, "h", nullptr, nullptr, nullptr, &session), MI_RESULT_OK);
  MI_Application app = app_;
  auto closing = std::async(std::launch::async, [&app] { return MI_Application_Close(&app); });
  std::vector<std::thread> closers;
  for (auto& session : sessions)
    closers.emplace_back([&session] { MI_Session_Close(&session, nullptr, nullptr); });
  for (auto& thread : closers) thread.join();
  ASSERT_EQ(closing.wait_for(std::chrono::seconds(5)), std::future_status::ready);
  EXPECT_EQ(closing.get(), MI_RESULT_OK);
  EXPECT_EQ(winrm_->sessions_closed, 16);
  app_.ft = nullptr;
}

}  // namespace
}  // namespace cimulate
