// Test doubles for the protocol-handler seam: a GoogleMock handler and session for
// interaction checks, and a scripted protocol whose operations run a test-supplied
// function, for life-cycle tests.
#ifndef CIMULATE_TESTS_UNIT_CORE_FAKE_PROTOCOL_H_
#define CIMULATE_TESTS_UNIT_CORE_FAKE_PROTOCOL_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <gmock/gmock.h>

#include "core/application.h"
#include "core/protocol.h"

namespace cimulate::testing {

class MockProtocolSession : public core::ProtocolSession {
 public:
  MOCK_METHOD(void, Execute, (const core::OperationRequest& request, core::ResultSink& sink), (override));
  MOCK_METHOD(void, Close, (), (override));
};

class MockProtocolHandler : public core::ProtocolHandler {
 public:
  explicit MockProtocolHandler(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  MOCK_METHOD(MI_Result, OpenSession,
              (const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
               core::ErrorInfo* error),
              (override));

 private:
  std::string name_;
};

using Script = std::function<void(const core::OperationRequest&, core::ResultSink&)>;

// Sessions whose operations run `script`; counts what happened for assertions.
class ScriptedProtocol : public core::ProtocolHandler {
 public:
  explicit ScriptedProtocol(std::string name, Script script = {})
      : name_(std::move(name)), script_(std::move(script)) {}
  std::string name() const override { return name_; }

  MI_Result OpenSession(const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
                        core::ErrorInfo*) override {
    ++sessions_opened;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last_config_ = config;
    }
    if (on_open) on_open(config);
    *session = std::make_unique<Session>(this);
    return MI_RESULT_OK;
  }

  void set_script(Script script) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_ = std::move(script);
  }
  core::SessionConfig last_config() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_config_;
  }

  std::function<void(const core::SessionConfig&)> on_open;
  std::atomic<int> sessions_opened{0};
  std::atomic<int> sessions_closed{0};
  std::atomic<int> executions{0};

 private:
  class Session : public core::ProtocolSession {
   public:
    explicit Session(ScriptedProtocol* owner) : owner_(owner) {}
    void Execute(const core::OperationRequest& request, core::ResultSink& sink) override {
      ++owner_->executions;
      Script script;
      {
        std::lock_guard<std::mutex> lock(owner_->mutex_);
        script = owner_->script_;
      }
      if (script) script(request, sink);
      else sink.PostFinal(MI_RESULT_OK, nullptr);
    }
    void Close() override { ++owner_->sessions_closed; }

   private:
    ScriptedProtocol* owner_;
  };

  std::string name_;
  std::mutex mutex_;
  Script script_;
  core::SessionConfig last_config_;
};

// A registry with the given handlers, for core::InitializeApplication.
inline std::shared_ptr<core::ProtocolRegistry> RegistryWith(std::vector<std::shared_ptr<core::ProtocolHandler>> all) {
  auto registry = std::make_shared<core::ProtocolRegistry>();
  for (auto& handler : all) registry->Register(handler);
  return registry;
}

// A dynamic instance with one string key, for inbound arguments and results.
inline core::InstancePtr MakeInstance(const char* class_name, const char* key = "k1") {
  MI_Instance* raw = nullptr;
  core::NewDynamicInstance(class_name, MI_FLAG_CLASS, &raw);
  MI_Value value;
  value.string = const_cast<MI_Char*>(key);
  MI_Instance_AddElement(raw, "Name", &value, MI_STRING, MI_FLAG_KEY);
  return core::InstancePtr(raw);
}

}  // namespace cimulate::testing

#endif  // CIMULATE_TESTS_UNIT_CORE_FAKE_PROTOCOL_H_
