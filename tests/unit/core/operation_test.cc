// MI_Operation and MI_Session life cycle: synchronous and asynchronous results,
// manual acknowledgement, bounded buffering, cancel, close ordering, and the rule
// that no callback runs after MI_Operation_Close returns.
#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "MI.h"
#include "core/application.h"
#include "core/operation.h"
#include "fake_protocol.h"

namespace cimulate {
namespace {

using namespace std::chrono_literals;
using testing::MakeInstance;
using testing::ScriptedProtocol;

// Posts `count` instances of Sample, then OK.
testing::Script Produce(int count) {
  return [count](const core::OperationRequest&, core::ResultSink& sink) {
    for (int i = 0; i < count; ++i)
      if (!sink.PostInstance(MakeInstance("Sample", std::to_string(i).c_str()))) return;
    sink.PostFinal(MI_RESULT_OK, nullptr);
  };
}

std::string KeyOf(const MI_Instance* instance) {
  MI_Value value;
  if (MI_Instance_GetElement(instance, "Name", &value, nullptr, nullptr, nullptr) != MI_RESULT_OK) return "?";
  return value.string;
}

class OperationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    protocol_ = std::make_shared<ScriptedProtocol>("WINRM");
    ASSERT_EQ(core::InitializeApplication(0, nullptr, nullptr, &app_, testing::RegistryWith({protocol_})),
              MI_RESULT_OK);
    ASSERT_EQ(MI_Application_NewSession(&app_, nullptr, "host", nullptr, nullptr, nullptr, &session_), MI_RESULT_OK);
  }
  void TearDown() override {
    MI_Session_Close(&session_, nullptr, nullptr);
    MI_Application_Close(&app_);
  }

  void Enumerate(MI_OperationCallbacks* callbacks, MI_Operation* operation, MI_Uint32 flags = 0) {
    MI_Session_EnumerateInstances(&session_, flags, nullptr, "root/cimv2", "Sample", MI_FALSE, callbacks, operation);
  }

  std::shared_ptr<ScriptedProtocol> protocol_;
  MI_Application app_ = MI_APPLICATION_NULL;
  MI_Session session_ = MI_SESSION_NULL;
};

// Collects asynchronous instance results.
struct Collector {
  std::mutex mutex;
  std::condition_variable done_cv;
  std::vector<std::string> keys;
  std::vector<std::thread::id> threads;
  std::vector<bool> had_ack;
  MI_Result final_result = MI_RESULT_OK;
  std::string final_message;
  bool done = false;
  int finals = 0;

  static void MI_CALL OnInstance(MI_Operation*, void* context, const MI_Instance* instance, MI_Boolean more,
                                 MI_Result result, const MI_Char* message, const MI_Instance*,
                                 MI_Result(MI_CALL* ack)(MI_Operation*)) {
    auto* self = static_cast<Collector*>(context);
    std::lock_guard<std::mutex> lock(self->mutex);
    self->threads.push_back(std::this_thread::get_id());
    self->had_ack.push_back(ack != nullptr);
    if (instance) self->keys.push_back(KeyOf(instance));
    if (!more) {
      self->final_result = result;
      self->final_message = message ? message : "";
      self->done = true;
      ++self->finals;
      self->done_cv.notify_all();
    }
  }
  bool WaitDone(std::chrono::milliseconds limit = 5s) {
    std::unique_lock<std::mutex> lock(mutex);
    return done_cv.wait_for(lock, limit, [this] { return done; });
  }
  MI_OperationCallbacks Callbacks() {
    MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
    callbacks.callbackContext = this;
    callbacks.instanceResult = OnInstance;
    return callbacks;
  }
};

TEST_F(OperationTest, SynchronousEnumerationDeliversEachInstanceThenTheFinalResult) {
  protocol_->set_script(Produce(3));
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  std::vector<std::string> keys;
  for (;;) {
    const MI_Instance* instance = nullptr;
    MI_Boolean more = MI_FALSE;
    MI_Result result = MI_RESULT_FAILED;
    ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, &result, nullptr, nullptr), MI_RESULT_OK);
    if (instance) keys.push_back(KeyOf(instance));
    if (!more) {
      EXPECT_EQ(result, MI_RESULT_OK);
      break;
    }
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"0", "1", "2"}));
  // After the final result there is nothing more to take.
  const MI_Instance* instance = nullptr;
  MI_Boolean more = MI_TRUE;
  EXPECT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, nullptr, nullptr, nullptr),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(more, MI_FALSE);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationTest, ASingleResultComesWithTheFinalResult) {
  protocol_->set_script([](const core::OperationRequest& request, core::ResultSink& sink) {
    EXPECT_EQ(request.kind, core::OperationKind::kGetInstance);
    ASSERT_TRUE(request.name_space.has_value());
    EXPECT_EQ(*request.name_space, "root/cimv2");
    ASSERT_NE(request.instance, nullptr);
    sink.PostFinal(MI_RESULT_OK, nullptr, core::CloneInstance(request.instance.get()));
  });
  auto keys = MakeInstance("Win32_Service", "WinRM");
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_GetInstance(&session_, 0, nullptr, "root/cimv2", keys.get(), nullptr, &operation);
  const MI_Instance* instance = nullptr;
  MI_Boolean more = MI_TRUE;
  MI_Result result = MI_RESULT_FAILED;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, &result, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(more, MI_FALSE);
  EXPECT_EQ(result, MI_RESULT_OK);
  ASSERT_NE(instance, nullptr);
  EXPECT_EQ(KeyOf(instance), "WinRM");
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
}

TEST_F(OperationTest, ErrorsCarryTheMessageAndTheExtendedError) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    sink.PostFinal(MI_RESULT_NOT_FOUND, core::BuildError(MI_RESULT_NOT_FOUND, "no such service"));
  });
  MI_Operation operation = MI_OPERATION_NULL;
  auto keys = MakeInstance("Win32_Service");
  MI_Session_GetInstance(&session_, 0, nullptr, nullptr, keys.get(), nullptr, &operation);
  const MI_Instance* instance = nullptr;
  const MI_Char* message = nullptr;
  const MI_Instance* details = nullptr;
  MI_Result result = MI_RESULT_OK;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, nullptr, &result, &message, &details), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(instance, nullptr);
  ASSERT_NE(message, nullptr);
  EXPECT_STREQ(message, "no such service");
  ASSERT_NE(details, nullptr);
  MI_Value code;
  ASSERT_EQ(MI_Instance_GetElement(details, "CIMStatusCode", &code, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(code.uint32, static_cast<MI_Uint32>(MI_RESULT_NOT_FOUND));
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
}

TEST_F(OperationTest, InvalidArgumentsFailTheOperationWithoutReachingTheProtocol) {
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_GetInstance(&session_, 0, nullptr, nullptr, nullptr, nullptr, &operation);
  const MI_Instance* instance = nullptr;
  const MI_Instance* details = nullptr;
  MI_Result result = MI_RESULT_OK;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, nullptr, &result, nullptr, &details), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_INVALID_PARAMETER);
  EXPECT_NE(details, nullptr);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  MI_Session_EnumerateInstances(&session_, 0, nullptr, nullptr, nullptr, MI_FALSE, nullptr, &operation);
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, nullptr, &result, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  EXPECT_EQ(protocol_->executions, 0);
}

TEST_F(OperationTest, AProtocolThatReturnsWithoutAResultStillEndsTheOperation) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink&) {});
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_TestConnection(&session_, 0, nullptr, &operation);
  const MI_Instance* instance = nullptr;
  MI_Result result = MI_RESULT_OK;
  MI_Boolean more = MI_TRUE;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, &result, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_FAILED);
  EXPECT_EQ(more, MI_FALSE);
  MI_Operation_Close(&operation);
}

TEST_F(OperationTest, SynchronousResultsAreBoundedWhileTheClientDoesNotRead) {
  std::atomic<int> posted{0};
  protocol_->set_script([&posted](const core::OperationRequest&, core::ResultSink& sink) {
    for (int i = 0; i < 1000; ++i) {
      if (!sink.PostInstance(MakeInstance("Sample", "x"))) return;
      ++posted;
    }
    sink.PostFinal(MI_RESULT_OK, nullptr);
  });
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  std::this_thread::sleep_for(200ms);
  EXPECT_LE(posted.load(), static_cast<int>(core::Operation::kMaxBuffered));
  int received = 0;
  for (;;) {
    const MI_Instance* instance = nullptr;
    MI_Boolean more = MI_FALSE;
    ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, &more, nullptr, nullptr, nullptr), MI_RESULT_OK);
    if (instance) ++received;
    if (!more) break;
  }
  EXPECT_EQ(received, 1000);
  MI_Operation_Close(&operation);
}

TEST_F(OperationTest, AsynchronousResultsArriveOnWorkerThreadsInOrder) {
  protocol_->set_script(Produce(5));
  Collector collector;
  MI_OperationCallbacks callbacks = collector.Callbacks();
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(&callbacks, &operation);
  ASSERT_TRUE(collector.WaitDone());
  EXPECT_EQ(collector.keys, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
  EXPECT_EQ(collector.final_result, MI_RESULT_OK);
  EXPECT_EQ(collector.finals, 1);
  for (auto id : collector.threads) EXPECT_NE(id, std::this_thread::get_id());
  for (bool ack : collector.had_ack) EXPECT_FALSE(ack);  // automatic acknowledgement
  // A synchronous getter on an asynchronous operation is refused.
  const MI_Instance* instance = nullptr;
  EXPECT_EQ(MI_Operation_GetInstance(&operation, &instance, nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
}

TEST_F(OperationTest, ManualAcknowledgementHoldsTheNextResult) {
  protocol_->set_script(Produce(2));
  struct State {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<MI_Result(MI_CALL*)(MI_Operation*)> acks;
    std::vector<MI_Operation*> operations;
    int delivered = 0;
  } state;
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &state;
  callbacks.instanceResult = [](MI_Operation* op, void* context, const MI_Instance*, MI_Boolean, MI_Result,
                                const MI_Char*, const MI_Instance*, MI_Result(MI_CALL* ack)(MI_Operation*)) {
    auto* s = static_cast<State*>(context);
    std::lock_guard<std::mutex> lock(s->mutex);
    ++s->delivered;
    s->acks.push_back(ack);
    s->operations.push_back(op);
    s->changed.notify_all();
  };
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(&callbacks, &operation, MI_OPERATIONFLAGS_MANUAL_ACK_RESULTS);
  auto wait_for = [&state](int n) {
    std::unique_lock<std::mutex> lock(state.mutex);
    return state.changed.wait_for(lock, 5s, [&] { return state.delivered >= n; });
  };
  ASSERT_TRUE(wait_for(1));
  std::this_thread::sleep_for(100ms);
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    EXPECT_EQ(state.delivered, 1) << "the second result must wait for the acknowledgement";
    ASSERT_NE(state.acks[0], nullptr);
  }
  EXPECT_EQ(state.acks[0](state.operations[0]), MI_RESULT_OK);
  ASSERT_TRUE(wait_for(2));
  EXPECT_EQ(state.acks[1](state.operations[1]), MI_RESULT_OK);
  ASSERT_TRUE(wait_for(3));  // the final result
  EXPECT_EQ(state.acks[2](state.operations[2]), MI_RESULT_OK);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
}

TEST_F(OperationTest, CancelUnblocksTheProtocolAndEndsWithAFailedResult) {
  std::promise<void> running;
  std::promise<void> hook_ran;
  protocol_->set_script([&running, &hook_ran](const core::OperationRequest&, core::ResultSink& sink) {
    running.set_value();
    std::promise<void> aborted;
    sink.OnCancel([&aborted] { aborted.set_value(); });
    aborted.get_future().wait();
    hook_ran.set_value();
  });
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  // Cancelled before it starts, the operation would never reach the protocol.
  ASSERT_EQ(running.get_future().wait_for(5s), std::future_status::ready);
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(MI_Operation_Cancel(&operation, MI_REASON_NONE), MI_RESULT_OK);
  ASSERT_EQ(hook_ran.get_future().wait_for(5s), std::future_status::ready);
  const MI_Instance* instance = nullptr;
  MI_Result result = MI_RESULT_OK;
  const MI_Instance* details = nullptr;
  ASSERT_EQ(MI_Operation_GetInstance(&operation, &instance, nullptr, &result, nullptr, &details), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_FAILED);
  ASSERT_NE(details, nullptr);
  MI_Value category;
  ASSERT_EQ(MI_Instance_GetElement(details, "error_Category", &category, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(category.uint32, static_cast<MI_Uint32>(MI_ERRORCATEGORY_OPERATION_STOPPED));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
}

TEST_F(OperationTest, CloseWithoutReadingCancelsAndReturns) {
  std::atomic<bool> stopped{false};
  protocol_->set_script([&stopped](const core::OperationRequest&, core::ResultSink& sink) {
    while (sink.PostInstance(MakeInstance("Sample"))) {
    }
    stopped = true;
  });
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  EXPECT_TRUE(stopped) << "Close returned while the protocol was still producing";
}

TEST_F(OperationTest, NoCallbackRunsAfterCloseReturns) {
  std::atomic<int> callbacks_seen{0};
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    while (sink.PostInstance(MakeInstance("Sample"))) std::this_thread::sleep_for(1ms);
    sink.PostFinal(MI_RESULT_OK, nullptr);
  });
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &callbacks_seen;
  callbacks.instanceResult = [](MI_Operation*, void* context, const MI_Instance*, MI_Boolean, MI_Result,
                                const MI_Char*, const MI_Instance*, MI_Result(MI_CALL*)(MI_Operation*)) {
    ++*static_cast<std::atomic<int>*>(context);
  };
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(&callbacks, &operation);
  while (callbacks_seen < 5) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  int at_close = callbacks_seen;
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(callbacks_seen.load(), at_close);
}

TEST_F(OperationTest, ClosingFromInsideTheFinalCallbackDoesNotDeadlock) {
  protocol_->set_script(Produce(1));
  std::promise<MI_Result> closed;
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &closed;
  callbacks.instanceResult = [](MI_Operation* op, void* context, const MI_Instance*, MI_Boolean more, MI_Result,
                                const MI_Char*, const MI_Instance*, MI_Result(MI_CALL*)(MI_Operation*)) {
    if (!more) static_cast<std::promise<MI_Result>*>(context)->set_value(MI_Operation_Close(op));
  };
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(&callbacks, &operation);
  auto future = closed.get_future();
  ASSERT_EQ(future.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(future.get(), MI_RESULT_OK);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_INVALID_PARAMETER);  // already closed
}

TEST_F(OperationTest, SessionCloseWaitsForEveryOperationToBeClosed) {
  protocol_->set_script(Produce(1));
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  MI_Session session = session_;
  auto closing = std::async(std::launch::async, [&session] { return MI_Session_Close(&session, nullptr, nullptr); });
  EXPECT_EQ(closing.wait_for(200ms), std::future_status::timeout);
  EXPECT_EQ(protocol_->sessions_closed, 0);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  ASSERT_EQ(closing.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(closing.get(), MI_RESULT_OK);
  EXPECT_EQ(protocol_->sessions_closed, 1);
  EXPECT_EQ(MI_Session_Close(&session_, nullptr, nullptr), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationTest, SessionCloseWithACallbackReturnsAtOnceAndCallsBackExactlyOnce) {
  protocol_->set_script(Produce(1));
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(nullptr, &operation);
  struct Done {
    std::atomic<int> calls{0};
    std::promise<void> called;
  } done;
  auto callback = [](void* context) {
    auto* d = static_cast<Done*>(context);
    if (++d->calls == 1) d->called.set_value();
  };
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(MI_Session_Close(&session_, &done, callback), MI_RESULT_OK);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  auto called = done.called.get_future();
  EXPECT_EQ(called.wait_for(100ms), std::future_status::timeout) << "completed before the operation was closed";
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  ASSERT_EQ(called.wait_for(5s), std::future_status::ready);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(done.calls.load(), 1);
  // A second close is refused (the completion of a refused close still runs).
  int again = 0;
  EXPECT_EQ(MI_Session_Close(&session_, &again, [](void* c) { ++*static_cast<int*>(c); }),
            MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationTest, OperationsOnAClosedSessionFailThroughTheCallback) {
  MI_Session stale = session_;
  ASSERT_EQ(MI_Session_Close(&session_, nullptr, nullptr), MI_RESULT_OK);
  Collector collector;
  MI_OperationCallbacks callbacks = collector.Callbacks();
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_TestConnection(&stale, 0, &callbacks, &operation);
  ASSERT_TRUE(collector.WaitDone(1s));
  EXPECT_EQ(collector.final_result, MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(operation.ft, nullptr);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationTest, GetSessionAndGetApplicationReturnTheOwningHandles) {
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_TestConnection(&session_, 0, nullptr, &operation);
  MI_Session owner = MI_SESSION_NULL;
  EXPECT_EQ(MI_Operation_GetSession(&operation, &owner), MI_RESULT_OK);
  EXPECT_EQ(owner.reserved1, session_.reserved1);
  MI_Application application = MI_APPLICATION_NULL;
  EXPECT_EQ(MI_Session_GetApplication(&owner, &application), MI_RESULT_OK);
  EXPECT_EQ(application.reserved1, app_.reserved1);
  const MI_Instance* instance = nullptr;
  MI_Operation_GetInstance(&operation, &instance, nullptr, nullptr, nullptr, nullptr);
  MI_Operation_Close(&operation);
}

TEST_F(OperationTest, OperationOptionsReachTheProtocolAsASnapshot) {
  std::promise<std::string> seen;
  protocol_->set_script([&seen](const core::OperationRequest& request, core::ResultSink& sink) {
    seen.set_value(request.options->String("custom").value_or("<none>"));
    sink.PostFinal(MI_RESULT_OK, nullptr);
  });
  MI_OperationOptions options = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(MI_Application_NewOperationOptions(&app_, MI_FALSE, &options), MI_RESULT_OK);
  MI_Value value;
  value.string = const_cast<MI_Char*>("v1");
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options, "custom", MI_STRING, &value, MI_TRUE), MI_RESULT_OK);
  MI_Operation operation = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(&session_, 0, &options, nullptr, "Sample", MI_FALSE, nullptr, &operation);
  MI_OperationOptions_Delete(&options);  // the operation keeps its own copy
  auto future = seen.get_future();
  ASSERT_EQ(future.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(future.get(), "v1");
  const MI_Instance* instance = nullptr;
  MI_Operation_GetInstance(&operation, &instance, nullptr, nullptr, nullptr, nullptr);
  MI_Operation_Close(&operation);
}

TEST_F(OperationTest, CancelAndCloseRacingFromTwoThreads) {
  protocol_->set_script([](const core::OperationRequest&, core::ResultSink& sink) {
    while (sink.PostInstance(MakeInstance("Sample"))) {
    }
  });
  for (int i = 0; i < 50; ++i) {
    MI_Operation operation = MI_OPERATION_NULL;
    Enumerate(nullptr, &operation);
    MI_Operation copy = operation;
    std::thread canceller([&copy] { MI_Operation_Cancel(&copy, MI_REASON_NONE); });
    EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
    canceller.join();
  }
}

TEST_F(OperationTest, ClosingWhileACallbackRunsWaitsForTheCallback) {
  protocol_->set_script(Produce(1));
  struct State {
    std::promise<void> entered;
    std::atomic<bool> finished{false};
  } state;
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &state;
  callbacks.instanceResult = [](MI_Operation*, void* context, const MI_Instance*, MI_Boolean more, MI_Result,
                                const MI_Char*, const MI_Instance*, MI_Result(MI_CALL*)(MI_Operation*)) {
    auto* s = static_cast<State*>(context);
    if (!more) return;
    s->entered.set_value();
    std::this_thread::sleep_for(100ms);
    s->finished = true;
  };
  MI_Operation operation = MI_OPERATION_NULL;
  Enumerate(&callbacks, &operation);
  ASSERT_EQ(state.entered.get_future().wait_for(5s), std::future_status::ready);
  EXPECT_EQ(MI_Operation_Close(&operation), MI_RESULT_OK);
  EXPECT_TRUE(state.finished) << "Close returned while a callback was still running";
}

}  // namespace
}  // namespace cimulate
