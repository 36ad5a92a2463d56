// Invoke: Action <ResourceURI>/<Method>, body <Method>_INPUT; the answer's
// <Method>_OUTPUT (ReturnValue and out parameters) is the operation's result.
#include "winrm/operations.h"

namespace cimulate::winrm {

void RunInvoke(OperationContext& op) {
  const core::OperationRequest& request = op.request;
  std::string class_name = ClassOf(request);
  if (class_name.empty() || !request.method_name || request.method_name->empty()) {
    return Finish(op.sink, InvalidRequest(MI_RESULT_INVALID_PARAMETER, "Invoke needs a class and a method name."));
  }
  ResourceTarget target = ClassTarget(request, class_name);
  if (request.instance) {  // an instance method: its keys select the target
    std::vector<wsman::Selector> keys;
    wsman::Status s = AppendKeySelectors(request.instance.get(), &keys);
    if (!s.ok()) {
      return Finish(op.sink, InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The instance's keys: " + s.message() + "."));
    }
    keys.insert(keys.end(), target.selectors.begin(), target.selectors.end());
    target.selectors = std::move(keys);
  }
  wsman::Message message = op.NewMessage(wsman::MessageKind::kInvoke, target);
  message.body = wsman::InvokeBody{*request.method_name, core::CloneInstance(request.parameters.get()), target.uri};
  wsman::Message response;
  Outcome outcome = op.exchange.Run(message, wsman::MessageKind::kInvokeResponse, &response);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  auto* body = std::get_if<wsman::InvokeBody>(&response.body);
  core::InstancePtr output = body ? std::move(body->parameters) : nullptr;
  if (!output) {
    MI_Instance* empty = nullptr;
    if (core::NewDynamicInstance((*request.method_name).c_str(), 0, &empty) == MI_RESULT_OK) output.reset(empty);
  }
  Finish(op.sink, Outcome::Ok(), std::move(output));
}

}  // namespace cimulate::winrm
