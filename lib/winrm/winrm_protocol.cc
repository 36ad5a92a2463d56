#include "winrm/winrm_protocol.h"

#include "winrm/operations.h"
#include "winrm/session_settings.h"

namespace cimulate::winrm {
namespace {

class WinrmSession : public core::ProtocolSession {
 public:
  WinrmSession(SessionSettings settings, std::unique_ptr<Transport> transport)
      : settings_(std::move(settings)), transport_(std::move(transport)) {}

  void Execute(const core::OperationRequest& request, core::ResultSink& sink) override {
    if (IsUnsupported(request.kind)) return ReportUnsupported(request, sink);
    // Shared: the core may run a cancel hook after this frame is gone.
    auto cancel = std::make_shared<CancelSignal>();
    sink.OnCancel([cancel] { cancel->Cancel(); });
    RequestHeaderValues headers;
    headers.settings = &settings_;
    headers.timeout = OperationTimeout(settings_, *request.options);
    wsman::Status s = CustomOptions(*request.options, &headers.options);
    if (!s.ok()) return Finish(sink, InvalidRequest(MI_RESULT_INVALID_PARAMETER, s.message() + "."));
    Exchange exchange(settings_, *transport_, cancel, headers.timeout);
    OperationContext op{request, sink, exchange, std::move(headers)};
    Dispatch(op);
  }

  void Close() override { transport_->Shutdown(); }

 private:
  static bool IsUnsupported(core::OperationKind kind) {
    return kind == core::OperationKind::kGetClass || kind == core::OperationKind::kEnumerateClasses ||
           kind == core::OperationKind::kSubscribe;
  }

  static void ReportUnsupported(const core::OperationRequest& request, core::ResultSink& sink) {
    sink.PostFinal(MI_RESULT_NOT_SUPPORTED,
                   core::BuildError(MI_RESULT_NOT_SUPPORTED,
                                    std::string(core::OperationKindName(request.kind)) +
                                        " is not supported by cimulate's WINRM protocol handler."));
  }

  static void Dispatch(OperationContext& op) {
    switch (op.request.kind) {
      case core::OperationKind::kTestConnection: return RunTestConnection(op);
      case core::OperationKind::kGetInstance: return RunGetInstance(op);
      case core::OperationKind::kModifyInstance: return RunModifyInstance(op);
      case core::OperationKind::kCreateInstance: return RunCreateInstance(op);
      case core::OperationKind::kDeleteInstance: return RunDeleteInstance(op);
      case core::OperationKind::kInvoke: return RunInvoke(op);
      case core::OperationKind::kEnumerateInstances:
      case core::OperationKind::kQueryInstances:
      case core::OperationKind::kAssociatorInstances:
      case core::OperationKind::kReferenceInstances: return RunEnumeration(op);
      default: return ReportUnsupported(op.request, op.sink);
    }
  }

  const SessionSettings settings_;
  const std::unique_ptr<Transport> transport_;
};

}  // namespace

WinrmProtocol::WinrmProtocol(TransportFactory factory) : factory_(std::move(factory)) {}

MI_Result WinrmProtocol::OpenSession(const core::SessionConfig& config, std::unique_ptr<core::ProtocolSession>* session,
                                     core::ErrorInfo* error) {
  SessionSettings settings;
  MI_Result result = BuildSessionSettings(config, &settings, error);
  if (result != MI_RESULT_OK) return result;
  std::unique_ptr<Transport> transport = factory_ ? factory_(settings.http) : nullptr;
  if (!transport) {
    error->result = MI_RESULT_FAILED;
    error->message = "The WINRM transport to " + settings.destination + " could not be created.";
    return MI_RESULT_FAILED;
  }
  *session = std::make_unique<WinrmSession>(std::move(settings), std::move(transport));
  return MI_RESULT_OK;
}

}  // namespace cimulate::winrm
