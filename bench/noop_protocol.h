// A protocol handler that does nothing, so that benchmarks measure the MI core
// (handles, sessions, the operation machinery) rather than a wire protocol.
#ifndef CIMULATE_BENCH_NOOP_PROTOCOL_H_
#define CIMULATE_BENCH_NOOP_PROTOCOL_H_

#include <memory>
#include <string>

#include "MI.h"
#include "core/application.h"
#include "core/protocol.h"

namespace cimulate::bench {

class NoopProtocol : public core::ProtocolHandler {
 public:
  std::string name() const override { return "NOOP"; }

  MI_Result OpenSession(const core::SessionConfig&, std::unique_ptr<core::ProtocolSession>* session,
                        core::ErrorInfo*) override {
    *session = std::make_unique<Session>();
    return MI_RESULT_OK;
  }

 private:
  class Session : public core::ProtocolSession {
   public:
    // Every operation succeeds at once with no result instance.
    void Execute(const core::OperationRequest&, core::ResultSink& sink) override {
      sink.PostFinal(MI_RESULT_OK, nullptr);
    }
    void Close() override {}
  };
};

// An MI_Application whose only protocol is NOOP; close it with MI_Application_Close.
inline MI_Result InitializeNoopApplication(MI_Application* out) {
  auto registry = std::make_shared<core::ProtocolRegistry>();
  registry->Register(std::make_shared<NoopProtocol>());
  return core::InitializeApplication(0, "cimulate-bench", nullptr, out, std::move(registry));
}

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_NOOP_PROTOCOL_H_
