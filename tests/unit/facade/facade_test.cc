// The C++ facade driven against the session core with scripted protocols: RAII
// order, errors as values, typed instance values, streaming, moved-from objects.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "../core/fake_protocol.h"
#include "MI.h"
#include "cimulate/mi.h"
#include "core/application.h"
#include "core/error.h"
#include "core/options.h"

namespace cimulate {
namespace {

using namespace std::chrono_literals;
using testing::ScriptedProtocol;

// Runs `body` on another thread; a hang is reported and ends the process at
// once instead of waiting for the ctest timeout.
void RunsWithin(std::chrono::seconds limit, const std::function<void()>& body) {
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread runner([&] {
    body();
    done.set_value();
  });
  if (finished.wait_for(limit) != std::future_status::ready) {
    std::fprintf(stderr, "hung for more than %llds\n", static_cast<long long>(limit.count()));
    std::_Exit(1);
  }
  runner.join();
}

core::InstancePtr NumberedInstance(MI_Uint32 index) {
  core::InstancePtr instance = testing::MakeInstance("Sample", std::to_string(index).c_str());
  MI_Value value;
  value.uint32 = index;
  MI_Instance_AddElement(instance.get(), "Index", &value, MI_UINT32, 0);
  return instance;
}

core::InstancePtr CloneOf(const MI_Instance* instance) {
  MI_Instance* copy = nullptr;
  if (instance == nullptr || MI_Instance_Clone(instance, &copy) != MI_RESULT_OK) return nullptr;
  return core::InstancePtr(copy);
}

class FacadeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    protocol_ = std::make_shared<ScriptedProtocol>("WINRM");
    MI_Application raw{};
    ASSERT_EQ(core::InitializeApplication(0, "facade-test", nullptr, &raw, testing::RegistryWith({protocol_})),
              MI_RESULT_OK);
    app_ = Application::Adopt(raw);
    ASSERT_TRUE(app_);
  }

  Session OpenSession() {
    Session session;
    Result result = app_.NewSession("WINRM", "server1", &session);
    EXPECT_TRUE(result.ok()) << result.ToString();
    return session;
  }

  std::shared_ptr<ScriptedProtocol> protocol_;
  Application app_;  // declared last among owners that sessions depend on
};

TEST_F(FacadeTest, TestConnectionSucceeds) {
  Session session = OpenSession();
  Result result = session.TestConnection();
  EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_FALSE(result.error);
  EXPECT_EQ(protocol_->executions, 1);
}

TEST_F(FacadeTest, RaiiClosesOperationThenSessionThenApplication) {
  std::atomic<int> sessions_closed_at_cancel{-1};
  protocol_->set_script([&](const core::OperationRequest&, core::ResultSink& sink) {
    // Produces until the client goes away: only closing the operation ends this.
    for (MI_Uint32 i = 0;; ++i) {
      if (!sink.PostInstance(NumberedInstance(i))) break;
    }
    sessions_closed_at_cancel = protocol_->sessions_closed.load();
    sink.PostFinal(MI_RESULT_FAILED, core::BuildError(MI_RESULT_FAILED, "cancelled"));
  });

  MI_Application raw_copy = *app_.get();  // handles are values: probes the closed application later
  RunsWithin(30s, [&] {
    Application app = std::move(app_);
    Session session;
    ASSERT_TRUE(app.NewSession("WINRM", "server1", &session).ok());
    Operation operation = session.StartEnumerateInstances("root/test", "Sample");
    InstanceView first;
    bool more = false;
    ASSERT_TRUE(operation.NextInstance(&first, &more).ok());
    ASSERT_TRUE(more);
    EXPECT_EQ(first.GetUint32("Index"), 0u);
    // Leaving the scope destroys operation, session, application in that order.
  });

  EXPECT_EQ(sessions_closed_at_cancel, 0) << "the operation must close before its session";
  EXPECT_EQ(protocol_->sessions_closed, 1);
  MI_DestinationOptions probe{};
  EXPECT_EQ(MI_Application_NewDestinationOptions(&raw_copy, &probe), MI_RESULT_INVALID_PARAMETER)
      << "the application must be closed";
}

TEST_F(FacadeTest, FailingOperationYieldsCodeAndErrorInstance) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    sink.PostFinal(MI_RESULT_NOT_FOUND, core::BuildError(MI_RESULT_NOT_FOUND, "No such disk."));
  });
  Session session = OpenSession();
  Instance keys = app_.NewInstance("Win32_LogicalDisk");
  ASSERT_EQ(keys.SetString("DeviceID", "Q:", MI_FLAG_KEY), MI_RESULT_OK);

  Instance disk = app_.NewInstance("Stale");  // must be emptied by the failure
  Result result = session.GetInstance("root/cimv2", keys, &disk);

  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.code, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(result.message, "No such disk.");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error.GetUint32("CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_NOT_FOUND));
  EXPECT_FALSE(disk);
  EXPECT_NE(result.ToString().find("MI_RESULT_NOT_FOUND (6)"), std::string::npos);
}

TEST_F(FacadeTest, ErrorWithoutMessageTakesTheErrorInstanceMessage) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    sink.PostFinal(MI_RESULT_ACCESS_DENIED, nullptr);  // the core builds the error
  });
  Session session = OpenSession();
  Result result = session.DeleteInstance("root/cimv2", app_.NewInstance("Thing"));
  EXPECT_EQ(result.code, MI_RESULT_ACCESS_DENIED);
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error.GetUint32("CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_ACCESS_DENIED));
  EXPECT_FALSE(result.message.empty());
}

TEST_F(FacadeTest, NewSessionFailureIsAValue) {
  Session session;
  Result result = app_.NewSession("NOSUCHPROTOCOL", "server1", &session);
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(session);
  EXPECT_EQ(session.TestConnection().code, MI_RESULT_INVALID_PARAMETER);
}

TEST_F(FacadeTest, InstanceRoundTripsTypedValues) {
  Instance instance = app_.NewInstance("Cim_Sample");
  ASSERT_TRUE(instance);
  const MI_Datetime when = MakeTimestamp(2024, 2, 29, 23, 59, 58, 123456, -300);
  const MI_Datetime span = MakeInterval(1h + 2min + 3s + 4us);
  Instance embedded = app_.NewInstance("Cim_Part");
  ASSERT_EQ(embedded.SetString("Label", "inner"), MI_RESULT_OK);

  EXPECT_EQ(instance.SetString("Name", "alpha", MI_FLAG_KEY), MI_RESULT_OK);
  EXPECT_EQ(instance.SetBool("Enabled", true), MI_RESULT_OK);
  EXPECT_EQ(instance.SetUint8("U8", 250), MI_RESULT_OK);
  EXPECT_EQ(instance.SetSint8("S8", -7), MI_RESULT_OK);
  EXPECT_EQ(instance.SetUint16("U16", 65000), MI_RESULT_OK);
  EXPECT_EQ(instance.SetSint16("S16", -32000), MI_RESULT_OK);
  EXPECT_EQ(instance.SetUint32("U32", 4000000000u), MI_RESULT_OK);
  EXPECT_EQ(instance.SetSint32("S32", -2000000000), MI_RESULT_OK);
  EXPECT_EQ(instance.SetUint64("U64", 18000000000000000000ull), MI_RESULT_OK);
  EXPECT_EQ(instance.SetSint64("S64", -9000000000000000000ll), MI_RESULT_OK);
  EXPECT_EQ(instance.SetReal32("R32", 1.5f), MI_RESULT_OK);
  EXPECT_EQ(instance.SetReal64("R64", -2.25), MI_RESULT_OK);
  EXPECT_EQ(instance.SetDatetime("When", when), MI_RESULT_OK);
  EXPECT_EQ(instance.SetDatetime("Span", span), MI_RESULT_OK);
  EXPECT_EQ(instance.SetStringArray("Tags", {"a", "", "c"}), MI_RESULT_OK);
  EXPECT_EQ(instance.SetInstance("Part", embedded), MI_RESULT_OK);
  EXPECT_EQ(instance.SetNull("Missing", MI_STRING), MI_RESULT_OK);

  // Through the protocol and back: CreateInstance echoes the inbound instance.
  protocol_->set_script([](const core::OperationRequest& request, core::ResultSink& sink) {
    sink.PostFinal(MI_RESULT_OK, nullptr, CloneOf(request.instance.get()));
  });
  Session session = OpenSession();
  Instance echoed;
  Result result = session.CreateInstance("root/test", instance, &echoed);
  ASSERT_TRUE(result.ok()) << result.ToString();
  ASSERT_TRUE(echoed);

  for (const InstanceView* view :
       {static_cast<const InstanceView*>(&instance), static_cast<const InstanceView*>(&echoed)}) {
    SCOPED_TRACE(view == &instance ? "local" : "echoed");
    EXPECT_EQ(view->ClassName(), "Cim_Sample");
    EXPECT_EQ(view->ElementCount(), 17u);
    EXPECT_EQ(view->GetString("Name"), "alpha");
    EXPECT_EQ(view->GetBool("Enabled"), true);
    EXPECT_EQ(view->GetUint8("U8"), 250);
    EXPECT_EQ(view->GetSint8("S8"), -7);
    EXPECT_EQ(view->GetUint16("U16"), 65000);
    EXPECT_EQ(view->GetSint16("S16"), -32000);
    EXPECT_EQ(view->GetUint32("U32"), 4000000000u);
    EXPECT_EQ(view->GetSint32("S32"), -2000000000);
    EXPECT_EQ(view->GetUint64("U64"), 18000000000000000000ull);
    EXPECT_EQ(view->GetSint64("S64"), -9000000000000000000ll);
    EXPECT_EQ(view->GetReal32("R32"), 1.5f);
    EXPECT_EQ(view->GetReal64("R64"), -2.25);
    ASSERT_TRUE(view->GetDatetime("When").has_value());
    EXPECT_TRUE(DatetimeEquals(*view->GetDatetime("When"), when));
    ASSERT_TRUE(view->GetDatetime("Span").has_value());
    EXPECT_TRUE(DatetimeEquals(*view->GetDatetime("Span"), span));
    EXPECT_EQ(view->GetDatetime("Span")->u.interval.hours, 1u);
    EXPECT_EQ(view->GetStringArray("Tags"), (std::vector<std::string>{"a", "", "c"}));
    EXPECT_EQ(view->GetInstance("Part").GetString("Label"), "inner");
    EXPECT_EQ(view->GetInstance("Part").ClassName(), "Cim_Part");
    EXPECT_TRUE(view->Has("Missing"));
    EXPECT_TRUE(view->IsNull("Missing"));
    EXPECT_EQ(view->GetString("Missing"), std::nullopt);
    EXPECT_EQ(view->TypeOf("Tags"), MI_STRINGA);
    // No conversions: the wrong getter and an unknown name both give nullopt.
    EXPECT_EQ(view->GetUint32("U16"), std::nullopt);
    EXPECT_EQ(view->GetString("U32"), std::nullopt);
    EXPECT_EQ(view->GetUint32("NoSuchProperty"), std::nullopt);
    EXPECT_FALSE(view->GetInstance("Name"));
  }

  // Setting again replaces; the type of a property is fixed.
  EXPECT_EQ(instance.SetString("Name", "beta", MI_FLAG_KEY), MI_RESULT_OK);
  EXPECT_EQ(instance.GetString("Name"), "beta");
  EXPECT_EQ(instance.SetUint32("Name", 1), MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(instance.ElementCount(), 17u);
  EXPECT_EQ(instance.Clear("U8"), MI_RESULT_OK);
  EXPECT_TRUE(instance.IsNull("U8"));

  // Clones are independent.
  Instance copy = instance.Clone();
  ASSERT_EQ(copy.SetString("Name", "gamma"), MI_RESULT_OK);
  EXPECT_EQ(instance.GetString("Name"), "beta");
  EXPECT_EQ(copy.GetString("Name"), "gamma");
  EXPECT_EQ(echoed.GetString("Name"), "alpha");
}

TEST_F(FacadeTest, EnumerationStreamsManyInstancesInOrder) {
  // More than the core buffers for a synchronous operation, so the producer has
  // to wait for the consumer.
  constexpr MI_Uint32 kCount = 3 * 64 + 5;
  std::atomic<bool> cancelled{false};
  core::OperationRequest seen;
  std::mutex seen_mutex;
  protocol_->set_script([&](const core::OperationRequest& request, core::ResultSink& sink) {
    {
      std::lock_guard<std::mutex> lock(seen_mutex);
      seen.class_name = request.class_name;
      seen.keys_only = request.keys_only;
      seen.query_dialect = request.query_dialect;
      seen.query_expression = request.query_expression;
    }
    for (MI_Uint32 i = 0; i < kCount; ++i) {
      if (!sink.PostInstance(NumberedInstance(i))) {
        cancelled = true;
        return;
      }
    }
    sink.PostFinal(MI_RESULT_OK, nullptr);
  });
  Session session = OpenSession();

  std::vector<Instance> all;
  Result result = session.EnumerateInstances("root/test", "Sample", /*keys_only=*/true, &all);
  ASSERT_TRUE(result.ok()) << result.ToString();
  ASSERT_EQ(all.size(), kCount);
  for (MI_Uint32 i = 0; i < kCount; ++i) EXPECT_EQ(all[i].GetUint32("Index"), i);
  {
    std::lock_guard<std::mutex> lock(seen_mutex);
    EXPECT_EQ(seen.class_name, "Sample");
    EXPECT_TRUE(seen.keys_only);
  }

  MI_Uint32 next = 0;
  result = session.EnumerateInstances("root/test", "Sample", false, [&](const InstanceView& instance) {
    EXPECT_EQ(instance.GetUint32("Index"), next);
    ++next;
    return true;
  });
  EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(next, kCount);

  // Stopping early cancels the producer and is not an error.
  next = 0;
  result = session.QueryInstances("root/test", MI_QUERY_DIALECT_WQL, "SELECT * FROM Sample",
                                  [&](const InstanceView&) { return ++next < 3; });
  EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(next, 3u);
  EXPECT_TRUE(cancelled);
  {
    std::lock_guard<std::mutex> lock(seen_mutex);
    EXPECT_EQ(seen.query_dialect, "WQL");
    EXPECT_EQ(seen.query_expression, "SELECT * FROM Sample");
  }
}

TEST_F(FacadeTest, EnumerationFailureLeavesVectorUnchanged) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    if (!sink.PostInstance(NumberedInstance(1))) return;
    sink.PostFinal(MI_RESULT_INVALID_CLASS, core::BuildError(MI_RESULT_INVALID_CLASS, "No such class."));
  });
  Session session = OpenSession();
  std::vector<Instance> out;
  out.push_back(app_.NewInstance("Earlier"));
  Result result = session.EnumerateInstances("root/test", "Nope", false, &out);
  EXPECT_EQ(result.code, MI_RESULT_INVALID_CLASS);
  EXPECT_EQ(result.error.GetUint32("CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_INVALID_CLASS));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].ClassName(), "Earlier");
}

TEST_F(FacadeTest, InvokePassesMethodAndReturnsOutParameters) {
  std::mutex mutex;
  std::string method, class_name;
  bool had_target = true;
  std::optional<std::string> command;
  protocol_->set_script([&](const core::OperationRequest& request, core::ResultSink& sink) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      method = request.method_name.value_or("");
      class_name = request.class_name.value_or("");
      had_target = request.instance != nullptr;
      InstanceView parameters(request.parameters.get());
      command = parameters.GetString("CommandLine");
    }
    MI_Instance* out = nullptr;
    core::NewDynamicInstance("__PARAMETERS", MI_FLAG_CLASS, &out);
    MI_Value value;
    value.uint32 = 42;
    MI_Instance_AddElement(out, "ProcessId", &value, MI_UINT32, MI_FLAG_OUT);
    value.uint32 = 0;
    MI_Instance_AddElement(out, "ReturnValue", &value, MI_UINT32, MI_FLAG_OUT);
    sink.PostFinal(MI_RESULT_OK, nullptr, core::InstancePtr(out));
  });
  Session session = OpenSession();
  Instance in = app_.NewParameters();
  ASSERT_EQ(in.SetString("CommandLine", "notepad.exe"), MI_RESULT_OK);
  Instance out;
  Result result = session.Invoke("root/cimv2", "Win32_Process", "Create", in, &out);
  ASSERT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(out.GetUint32("ProcessId"), 42u);
  EXPECT_EQ(out.GetUint32("ReturnValue"), 0u);
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(method, "Create");
  EXPECT_EQ(class_name, "Win32_Process");
  EXPECT_FALSE(had_target);
  EXPECT_EQ(command, "notepad.exe");
}

TEST_F(FacadeTest, OptionsSettersReachTheHandles) {
  DestinationOptions destination = app_.NewDestinationOptions();
  ASSERT_TRUE(destination);
  EXPECT_EQ(destination.SetTransport(MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS), MI_RESULT_OK);
  EXPECT_EQ(destination.SetPort(5986), MI_RESULT_OK);
  EXPECT_EQ(destination.SetTimeout(90s), MI_RESULT_OK);
  EXPECT_EQ(destination.AddDestinationCredentials({.auth_type = MI_AUTH_TYPE_BASIC, .user = "bob", .password = "pw"}),
            MI_RESULT_OK);
  EXPECT_EQ(destination.GetString("__MI_DESTINATIONOPTIONS_TRANSPORT"), "HTTPS");
  EXPECT_EQ(destination.GetNumber("__MI_DESTINATIONOPTIONS_DESTINATION_PORT"), 5986u);
  EXPECT_EQ(destination.CredentialsCount(), 1u);
  MI_Interval timeout{};
  ASSERT_EQ(MI_DestinationOptions_GetTimeout(destination.get(), &timeout), MI_RESULT_OK);
  EXPECT_EQ(timeout.minutes, 1u);
  EXPECT_EQ(timeout.seconds, 30u);
  DestinationOptions copy = destination.Clone();
  EXPECT_EQ(copy.GetString("__MI_DESTINATIONOPTIONS_TRANSPORT"), "HTTPS");

  Session session;
  ASSERT_TRUE(app_.NewSession("WINRM", "server1", destination, &session).ok());
  core::SessionConfig config = protocol_->last_config();
  EXPECT_EQ(config.destination, "server1");
  EXPECT_EQ(config.options->String("__MI_DESTINATIONOPTIONS_TRANSPORT"), "HTTPS");
  EXPECT_EQ(config.options->CredentialCount(), 1u);

  OperationOptions operation = app_.NewOperationOptions();
  ASSERT_TRUE(operation);
  EXPECT_EQ(operation.SetResourceUri("http://schemas.example/wbem/Sample"), MI_RESULT_OK);
  EXPECT_EQ(operation.SetCustomString("Mode", "fast"), MI_RESULT_OK);
  EXPECT_EQ(operation.GetString("__MI_OPERATIONOPTIONS_RESOURCE_URI"), "http://schemas.example/wbem/Sample");
  std::mutex mutex;
  std::optional<std::string> uri, mode;
  protocol_->set_script([&](const core::OperationRequest& request, core::ResultSink& sink) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      uri = request.options->String("__MI_OPERATIONOPTIONS_RESOURCE_URI");
      mode = request.options->String("Mode");
    }
    sink.PostFinal(MI_RESULT_OK, nullptr);
  });
  std::vector<Instance> none;
  EXPECT_TRUE(session.EnumerateInstances("root/test", "Sample", false, &none, &operation).ok());
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(uri, "http://schemas.example/wbem/Sample");
  EXPECT_EQ(mode, "fast");
}

TEST_F(FacadeTest, MovedFromObjectsAreInert) {
  Session session = OpenSession();
  Session moved_session = std::move(session);
  EXPECT_FALSE(session);  // NOLINT(bugprone-use-after-move): the point of the test
  EXPECT_EQ(session.TestConnection().code, MI_RESULT_INVALID_PARAMETER);
  std::vector<Instance> none;
  EXPECT_EQ(session.EnumerateInstances("root/test", "Sample", false, &none).code, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(session.Close(), MI_RESULT_OK);
  EXPECT_TRUE(moved_session.TestConnection().ok());

  Operation operation = moved_session.StartEnumerateInstances("root/test", "Sample");
  Operation moved_operation = std::move(operation);
  EXPECT_FALSE(operation);
  InstanceView instance;
  bool more = true;
  EXPECT_EQ(operation.NextInstance(&instance, &more).code, MI_RESULT_INVALID_PARAMETER);
  EXPECT_FALSE(more);
  EXPECT_FALSE(instance);
  EXPECT_EQ(operation.Cancel(), MI_RESULT_OK);
  EXPECT_EQ(operation.Close(), MI_RESULT_OK);
  Result last = moved_operation.NextInstance(&instance, &more);
  EXPECT_TRUE(last.ok());
  EXPECT_FALSE(more);
  moved_operation.Close();

  Instance value = app_.NewInstance("Sample");
  ASSERT_EQ(value.SetUint32("N", 7), MI_RESULT_OK);
  Instance moved_value = std::move(value);
  EXPECT_FALSE(value);
  EXPECT_EQ(value.ElementCount(), 0u);
  EXPECT_EQ(value.GetUint32("N"), std::nullopt);
  EXPECT_EQ(value.SetUint32("N", 8), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(value.ClassName(), "");
  EXPECT_FALSE(value.Clone());
  EXPECT_EQ(moved_value.GetUint32("N"), 7u);

  DestinationOptions options = app_.NewDestinationOptions();
  DestinationOptions moved_options = std::move(options);
  EXPECT_FALSE(options);
  EXPECT_EQ(options.SetPort(1), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(moved_options.SetPort(1), MI_RESULT_OK);
  OperationOptions operation_options = app_.NewOperationOptions();
  OperationOptions moved_operation_options = std::move(operation_options);
  EXPECT_EQ(operation_options.SetResourceUri("x"), MI_RESULT_INVALID_PARAMETER);

  Result failed = moved_session.GetInstance("root/test", Instance(), nullptr);
  Result moved_result = std::move(failed);
  EXPECT_FALSE(failed.error);  // NOLINT(bugprone-use-after-move)

  moved_session.Close();
  Application moved_app = std::move(app_);
  EXPECT_FALSE(app_);
  EXPECT_FALSE(app_.NewInstance("Sample"));
  EXPECT_FALSE(app_.NewDestinationOptions());
  Session none_session;
  EXPECT_EQ(app_.NewSession("WINRM", "server1", &none_session).code, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(app_.Close(), MI_RESULT_OK);
  EXPECT_TRUE(moved_app.NewInstance("Sample"));
  EXPECT_EQ(moved_app.Close(), MI_RESULT_OK);
  EXPECT_EQ(moved_app.Close(), MI_RESULT_OK);  // idempotent
}

}  // namespace
}  // namespace cimulate
