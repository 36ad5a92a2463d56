#include "api/unavailable_protocol.h"

namespace cimulate::api {
namespace {

class UnavailableSession : public core::ProtocolSession {
 public:
  explicit UnavailableSession(std::string name) : name_(std::move(name)) {}

  void Execute(const core::OperationRequest& request, core::ResultSink& sink) override {
    sink.PostFinal(MI_RESULT_NOT_SUPPORTED,
                   core::BuildError(MI_RESULT_NOT_SUPPORTED, std::string("The ") + name_ +
                                                                 " protocol is not available in this build of "
                                                                 "cimulate; " +
                                                                 core::OperationKindName(request.kind) +
                                                                 " cannot reach the destination."));
  }
  void Close() override {}

 private:
  std::string name_;
};

}  // namespace

MI_Result UnavailableProtocol::OpenSession(const core::SessionConfig&, std::unique_ptr<core::ProtocolSession>* session,
                                           core::ErrorInfo*) {
  *session = std::make_unique<UnavailableSession>(name_);
  return MI_RESULT_OK;
}

}  // namespace cimulate::api
