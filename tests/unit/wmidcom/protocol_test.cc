// The WMIDCOM handler through the MI C ABI, with the wire replaced by mocks:
// deferral, which IWbemServices call each MI operation becomes, streaming,
// error mapping, cancellation and connection sharing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "MI.h"
#include "core/application.h"
#include "core/instance.h"
#include "wmidcom/operations.h"
#include "wmidcom/wmidcom_protocol.h"

namespace cimulate::wmidcom {
namespace {

using ::testing::_;
using ::testing::Invoke;
using ::testing::Return;
using ::testing::StrictMock;

class MockStream : public InstanceStream {
 public:
  MOCK_METHOD(CallStatus, Next,
              (std::uint32_t count, CallControl& control, std::vector<core::InstancePtr>* instances, bool* finished),
              (override));
};

class MockServices : public WbemServices {
 public:
  MOCK_METHOD(CallStatus, ExecQuery, (const std::string& wql, CallControl&, std::unique_ptr<InstanceStream>*),
              (override));
  MOCK_METHOD(CallStatus, GetObject, (const std::string& path, CallControl&, core::InstancePtr*), (override));
  MOCK_METHOD(CallStatus, PutInstance, (const MI_Instance&, std::uint32_t flags, CallControl&), (override));
  MOCK_METHOD(CallStatus, DeleteInstance, (const std::string& path, CallControl&), (override));
  MOCK_METHOD(CallStatus, ExecMethod,
              (const std::string& path, const std::string& method, const MI_Instance* in, CallControl&,
               core::InstancePtr* out),
              (override));
};

class MockConnection : public WbemConnection {
 public:
  MOCK_METHOD(CallStatus, Login, (const std::string& ns, CallControl&, std::shared_ptr<WbemServices>*),
              (override));
  MOCK_METHOD(void, Shutdown, (), (override));
};

// The session owns its connection; this one forwards to the test's mock.
class ForwardingConnection : public WbemConnection {
 public:
  explicit ForwardingConnection(std::shared_ptr<MockConnection> mock) : mock_(std::move(mock)) {}
  CallStatus Login(const std::string& ns, CallControl& c, std::shared_ptr<WbemServices>* s) override {
    return mock_->Login(ns, c, s);
  }
  void Shutdown() override { mock_->Shutdown(); }

 private:
  std::shared_ptr<MockConnection> mock_;
};

core::InstancePtr NewInstance(const char* class_name, const char* key = nullptr) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
  if (key != nullptr) {
    MI_Value v;
    v.string = const_cast<MI_Char*>(key);
    EXPECT_EQ(MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY), MI_RESULT_OK);
  }
  return core::InstancePtr(raw);
}

struct Result {
  MI_Result result = MI_RESULT_OK;
  std::vector<core::InstancePtr> instances;
  core::InstancePtr error;
};

Result Drain(MI_Operation* operation) {
  Result out;
  MI_Boolean more = MI_TRUE;
  while (more) {
    const MI_Instance* instance = nullptr;
    const MI_Char* message = nullptr;
    const MI_Instance* details = nullptr;
    MI_Result result = MI_RESULT_OK;
    if (MI_Operation_GetInstance(operation, &instance, &more, &result, &message, &details) != MI_RESULT_OK) break;
    if (instance != nullptr) out.instances.push_back(core::CloneInstance(instance));
    if (!more) {
      out.result = result;
      out.error = core::CloneInstance(details);
    }
  }
  EXPECT_EQ(MI_Operation_Close(operation), MI_RESULT_OK);
  return out;
}

class WmidcomProtocolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = std::make_shared<core::ProtocolRegistry>();
    auto mock = connection_;
    registry->Register(std::make_shared<WmidcomProtocol>(
        [mock](const SessionSettings& settings) {
          return std::make_unique<ForwardingConnection>(mock);
        },
        [](const char*) { return std::optional<std::string>(); }));
    ASSERT_EQ(core::InitializeApplication(0, "wmidcom-test", nullptr, &app_, registry), MI_RESULT_OK);
    MI_Instance* error = nullptr;
    ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, nullptr, nullptr, nullptr, &error, &session_),
              MI_RESULT_OK);
  }

  void TearDown() override {
    EXPECT_CALL(*connection_, Shutdown()).Times(1);
    MI_Session_Close(&session_, nullptr, nullptr);
    MI_Application_Close(&app_);
  }

  void ExpectLogin(const std::string& ns = "//./root/cimv2") {
    EXPECT_CALL(*connection_, Login(ns, _, _))
        .WillRepeatedly(Invoke([this](const std::string&, CallControl&, std::shared_ptr<WbemServices>* out) {
          *out = services_;
          return CallStatus::Ok();
        }));
  }

  std::shared_ptr<StrictMock<MockConnection>> connection_ = std::make_shared<StrictMock<MockConnection>>();
  std::shared_ptr<StrictMock<MockServices>> services_ = std::make_shared<StrictMock<MockServices>>();
  MI_Application app_ = MI_APPLICATION_NULL;
  MI_Session session_ = MI_SESSION_NULL;
};

TEST_F(WmidcomProtocolTest, NewSessionLogsOnToNothing) {
  // StrictMock: any Login during SetUp would have failed the test.
  SUCCEED();
}

TEST_F(WmidcomProtocolTest, EnumerateStreamsEveryBatch) {
  ExpectLogin();
  EXPECT_CALL(*services_, ExecQuery("SELECT * FROM Win32_Service", _, _))
      .WillOnce(Invoke([](const std::string&, CallControl&, std::unique_ptr<InstanceStream>* out) {
        auto stream = std::make_unique<StrictMock<MockStream>>();
        EXPECT_CALL(*stream, Next(kNextBatch, _, _, _))
            .WillOnce(Invoke([](std::uint32_t, CallControl&, std::vector<core::InstancePtr>* v, bool* done) {
              v->push_back(NewInstance("Win32_Service", "a"));
              v->push_back(NewInstance("Win32_Service", "b"));
              *done = false;
              return CallStatus::Ok();
            }))
            .WillOnce(Invoke([](std::uint32_t, CallControl&, std::vector<core::InstancePtr>* v, bool* done) {
              v->push_back(NewInstance("Win32_Service", "c"));
              *done = true;
              return CallStatus::Ok();
            }));
        *out = std::move(stream);
        return CallStatus::Ok();
      }));
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, nullptr, nullptr, "Win32_Service", MI_FALSE, nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 3u);
}

TEST_F(WmidcomProtocolTest, QueryRunsWqlInTheRequestedNamespace) {
  ExpectLogin("//./root/standardcimv2");
  EXPECT_CALL(*services_, ExecQuery("SELECT Name FROM X WHERE A = 1", _, _))
      .WillOnce(Return(CallStatus::Hresult(0x80041010)));
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_QueryInstances(&session_, 0, nullptr, "root\\standardcimv2", "WQL", "SELECT Name FROM X WHERE A = 1",
                            nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_INVALID_CLASS);
  EXPECT_NE(r.error, nullptr);
}

TEST_F(WmidcomProtocolTest, OtherDialectsAreNotSupportedWithoutContactingTheServer) {
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_QueryInstances(&session_, 0, nullptr, nullptr, "CQL", "SELECT * FROM X", nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_NOT_SUPPORTED);
}

TEST_F(WmidcomProtocolTest, GetInstanceAsksForThePathOfTheKeys) {
  ExpectLogin();
  EXPECT_CALL(*services_, GetObject("Win32_Service.Name=\"WinRM\"", _, _))
      .WillOnce(Invoke([](const std::string&, CallControl&, core::InstancePtr* out) {
        *out = NewInstance("Win32_Service", "WinRM");
        return CallStatus::Ok();
      }));
  auto keys = NewInstance("Win32_Service", "WinRM");
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(&session_, 0, nullptr, nullptr, keys.get(), nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_OK);
  ASSERT_EQ(r.instances.size(), 1u);
}

TEST_F(WmidcomProtocolTest, RefusedLogonIsAccessDenied) {
  EXPECT_CALL(*connection_, Login(_, _, _))
      .WillOnce(Return(CallStatus::Failed(CallFailure::kAccessDenied, "bad NTLMv2 response")));
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, nullptr, nullptr, "Win32_Service", MI_FALSE, nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_ACCESS_DENIED);
  ASSERT_NE(r.error, nullptr);
}

TEST_F(WmidcomProtocolTest, InvokeStaticAndInstanceMethods) {
  ExpectLogin();
  EXPECT_CALL(*services_, ExecMethod("Win32_Process", "Create", _, _, _))
      .WillOnce(Invoke([](const std::string&, const std::string&, const MI_Instance* in, CallControl&,
                          core::InstancePtr* out) {
        EXPECT_NE(in, nullptr);
        *out = NewInstance("__PARAMETERS");
        return CallStatus::Ok();
      }));
  EXPECT_CALL(*services_, ExecMethod("Win32_Service.Name=\"WinRM\"", "StopService", _, _, _))
      .WillOnce(Return(CallStatus::Hresult(0x8004102E)));
  auto params = NewInstance("__PARAMETERS");
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_Invoke(&session_, 0, nullptr, nullptr, "Win32_Process", "Create", nullptr, params.get(), nullptr, &op);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_OK);
  EXPECT_EQ(r.instances.size(), 1u);
  auto target = NewInstance("Win32_Service", "WinRM");
  MI_Session_Invoke(&session_, 0, nullptr, nullptr, "Win32_Service", "StopService", target.get(), nullptr, nullptr,
                    &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_METHOD_NOT_FOUND);
}

TEST_F(WmidcomProtocolTest, CreateModifyDeleteUsePutAndDelete) {
  ExpectLogin();
  EXPECT_CALL(*services_, PutInstance(_, kWbemFlagCreateOnly, _)).WillOnce(Return(CallStatus::Ok()));
  EXPECT_CALL(*services_, PutInstance(_, kWbemFlagUpdateOnly, _)).WillOnce(Return(CallStatus::Hresult(0x80041002)));
  EXPECT_CALL(*services_, DeleteInstance("Win32_Service.Name=\"x\"", _)).WillOnce(Return(CallStatus::Ok()));
  auto instance = NewInstance("Win32_Service", "x");
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_CreateInstance(&session_, 0, nullptr, nullptr, instance.get(), nullptr, &op);
  Result created = Drain(&op);
  EXPECT_EQ(created.result, MI_RESULT_OK);
  EXPECT_EQ(created.instances.size(), 1u);
  MI_Session_ModifyInstance(&session_, 0, nullptr, nullptr, instance.get(), nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_NOT_FOUND);
  MI_Session_DeleteInstance(&session_, 0, nullptr, nullptr, instance.get(), nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_OK);
}

TEST_F(WmidcomProtocolTest, EnumerateRefusesAClassNameThatIsNotACimName) {
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, nullptr, nullptr, "X WHERE 1=1", MI_FALSE, nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_INVALID_PARAMETER);
}

TEST_F(WmidcomProtocolTest, CancelAbortsABlockedNext) {
  ExpectLogin();
  std::promise<void> blocked;
  EXPECT_CALL(*services_, ExecQuery(_, _, _))
      .WillOnce(Invoke([&blocked](const std::string&, CallControl&, std::unique_ptr<InstanceStream>* out) {
        auto stream = std::make_unique<MockStream>();
        EXPECT_CALL(*stream, Next(_, _, _, _))
            .WillOnce(Invoke([&blocked](std::uint32_t, CallControl& control, std::vector<core::InstancePtr>*,
                                        bool*) {
              // Stands for a socket read: the armed abort is what wakes it.
              std::promise<void> aborted;
              auto done = aborted.get_future();
              if (control.Arm([&aborted] { aborted.set_value(); })) {
                blocked.set_value();
                done.wait();
                control.Disarm();
              }
              return CallStatus::Cancelled();
            }));
        *out = std::move(stream);
        return CallStatus::Ok();
      }));
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, nullptr, nullptr, "Win32_Service", MI_FALSE, nullptr, &op);
  auto started = blocked.get_future();
  ASSERT_EQ(started.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_EQ(MI_Operation_Cancel(&op, MI_REASON_NONE), MI_RESULT_OK);
  Result r = Drain(&op);
  EXPECT_EQ(r.result, MI_RESULT_FAILED);
}

TEST_F(WmidcomProtocolTest, ClassOperationsAreNotSupported) {
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetClass(&session_, 0, nullptr, nullptr, "Win32_Service", nullptr, &op);
  const MI_Class* cls = nullptr;
  MI_Boolean more = MI_TRUE;
  MI_Result result = MI_RESULT_OK;
  const MI_Char* message = nullptr;
  const MI_Instance* details = nullptr;
  ASSERT_EQ(MI_Operation_GetClass(&op, &cls, &more, &result, &message, &details), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_NOT_SUPPORTED);
  EXPECT_EQ(MI_Operation_Close(&op), MI_RESULT_OK);
}

}  // namespace
}  // namespace cimulate::wmidcom
