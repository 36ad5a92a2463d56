#include "wmidcom/wmidcom_protocol.h"

#include "core/options.h"
#include "wmidcom/dcom_connection.h"
#include "wmidcom/operations.h"

namespace cimulate::wmidcom {
namespace {

std::chrono::milliseconds OperationTimeout(const SessionSettings& settings, const core::OptionBag& options) {
  if (auto interval = options.Interval(core::option::kOperationTimeout)) {
    const MI_Interval& i = *interval;
    std::uint64_t ms = ((static_cast<std::uint64_t>(i.days) * 24 + i.hours) * 60 + i.minutes) * 60000ull +
                       static_cast<std::uint64_t>(i.seconds) * 1000 + i.microseconds / 1000;
    if (ms > 0) return std::chrono::milliseconds(ms);
  }
  return settings.timeout;
}

class WmidcomSession : public core::ProtocolSession {
 public:
  WmidcomSession(SessionSettings settings, std::unique_ptr<WbemConnection> connection)
      : settings_(std::move(settings)), connection_(std::move(connection)) {}

  void Execute(const core::OperationRequest& request, core::ResultSink& sink) override {
    // Shared: the core may run the cancel hook after this frame is gone.
    auto control = std::make_shared<CallControl>(OperationTimeout(settings_, *request.options));
    sink.OnCancel([control] { control->Cancel(); });
    OperationContext op{request, sink, settings_, *connection_, *control};
    RunOperation(op);
  }

  void Close() override { connection_->Shutdown(); }

 private:
  const SessionSettings settings_;
  const std::unique_ptr<WbemConnection> connection_;
};

}  // namespace

WmidcomProtocol::WmidcomProtocol(ConnectionFactory factory, Environment environment)
    : factory_(std::move(factory)), environment_(std::move(environment)) {}

MI_Result WmidcomProtocol::OpenSession(const core::SessionConfig& config,
                                       std::unique_ptr<core::ProtocolSession>* session, core::ErrorInfo* error) {
  SessionSettings settings;
  MI_Result result = BuildSessionSettings(config, environment_, &settings, error);
  if (result != MI_RESULT_OK) return result;
  std::unique_ptr<WbemConnection> connection = factory_ ? factory_(settings) : nullptr;
  if (!connection) {
    error->result = MI_RESULT_FAILED;
    error->message = "The WMIDCOM connection to " + settings.destination + " could not be created.";
    return MI_RESULT_FAILED;
  }
  *session = std::make_unique<WmidcomSession>(std::move(settings), std::move(connection));
  return MI_RESULT_OK;
}

std::shared_ptr<core::ProtocolHandler> NewWmidcomProtocol() {
  return std::make_shared<WmidcomProtocol>(NewDcomConnection, ProcessEnvironment());
}

}  // namespace cimulate::wmidcom
