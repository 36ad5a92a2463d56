// TestConnection and the WS-Transfer operations: Get, Put, Create, Delete.
#include "core/value.h"
#include "winrm/operations.h"
#include "wsman/cim_xml.h"

namespace cimulate::winrm {

Outcome InvalidRequest(MI_Result result, const std::string& message) {
  return Outcome::Failure(result, core::BuildError(result, message));
}

std::string ClassOf(const core::OperationRequest& request) {
  if (request.class_name && !request.class_name->empty()) return *request.class_name;
  const MI_Char* name = nullptr;
  if (request.instance && MI_Instance_GetClassName(request.instance.get(), &name) == MI_RESULT_OK && name) {
    return name;
  }
  return std::string();
}

void DefaultNamespace(MI_Instance* instance, const std::string& name_space) {
  if (instance == nullptr) return;
  const MI_Char* current = nullptr;
  if (MI_Instance_GetNameSpace(instance, &current) == MI_RESULT_OK && current != nullptr && current[0] != '\0') return;
  MI_Instance_SetNameSpace(instance, name_space.c_str());
}

namespace {

// The target of an operation on one instance: its class URI plus its keys.
Outcome InstanceTarget(const OperationContext& op, ResourceTarget* target) {
  if (!op.request.instance) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The operation needs an instance.");
  std::string class_name = ClassOf(op.request);
  if (class_name.empty()) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The instance has no class name.");
  *target = ClassTarget(op.request, class_name);
  std::vector<wsman::Selector> keys;
  wsman::Status s = AppendKeySelectors(op.request.instance.get(), &keys);
  if (!s.ok()) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The instance's keys: " + s.message() + ".");
  keys.insert(keys.end(), target->selectors.begin(), target->selectors.end());
  target->selectors = std::move(keys);
  return Outcome::Ok();
}

core::InstancePtr TakeInstance(wsman::Message& response) {
  auto* body = std::get_if<wsman::InstanceBody>(&response.body);
  return body ? std::move(body->instance) : nullptr;
}

}  // namespace

void RunTestConnection(OperationContext& op) {
  wsman::Message request;
  request.kind = wsman::MessageKind::kIdentify;
  wsman::Message response;
  Finish(op.sink, op.exchange.Run(request, wsman::MessageKind::kIdentifyResponse, &response));
}

void RunGetInstance(OperationContext& op) {
  ResourceTarget target;
  Outcome outcome = InstanceTarget(op, &target);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  wsman::Message response;
  outcome = op.exchange.Run(op.NewMessage(wsman::MessageKind::kGet, target), wsman::MessageKind::kGetResponse,
                            &response);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  core::InstancePtr instance = TakeInstance(response);
  if (!instance) return Finish(op.sink, InvalidRequest(MI_RESULT_FAILED, "The GetResponse holds no instance."));
  DefaultNamespace(instance.get(), target.name_space);
  Finish(op.sink, Outcome::Ok(), std::move(instance));
}

void RunModifyInstance(OperationContext& op) {
  ResourceTarget target;
  Outcome outcome = InstanceTarget(op, &target);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  wsman::Message request = op.NewMessage(wsman::MessageKind::kPut, target);
  request.body = wsman::InstanceBody{core::CloneInstance(op.request.instance.get()), target.uri};
  wsman::Message response;
  outcome = op.exchange.Run(request, wsman::MessageKind::kPutResponse, &response);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  // An empty PutResponse is allowed; the caller then gets what it sent.
  core::InstancePtr instance = TakeInstance(response);
  if (!instance) instance = core::CloneInstance(op.request.instance.get());
  DefaultNamespace(instance.get(), target.name_space);
  Finish(op.sink, Outcome::Ok(), std::move(instance));
}

void RunCreateInstance(OperationContext& op) {
  if (!op.request.instance) {
    return Finish(op.sink, InvalidRequest(MI_RESULT_INVALID_PARAMETER, "CreateInstance needs an instance."));
  }
  std::string class_name = ClassOf(op.request);
  ResourceTarget target = ClassTarget(op.request, class_name);
  wsman::Message request = op.NewMessage(wsman::MessageKind::kCreate, target);
  request.body = wsman::InstanceBody{core::CloneInstance(op.request.instance.get()), target.uri};
  wsman::Message response;
  Outcome outcome = op.exchange.Run(request, wsman::MessageKind::kCreateResponse, &response);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  auto* body = std::get_if<wsman::CreateResponseBody>(&response.body);
  core::InstancePtr keys;
  wsman::Status s = body ? wsman::EprToReference(body->created, &keys)
                         : wsman::Status(wsman::ErrorCode::kMalformed, "no x:ResourceCreated");
  if (!s.ok()) {
    return Finish(op.sink, InvalidRequest(MI_RESULT_FAILED, "The CreateResponse is unusable: " + s.message() + "."));
  }
  DefaultNamespace(keys.get(), target.name_space);
  Finish(op.sink, Outcome::Ok(), std::move(keys));
}

void RunDeleteInstance(OperationContext& op) {
  ResourceTarget target;
  Outcome outcome = InstanceTarget(op, &target);
  if (!outcome.ok()) return Finish(op.sink, std::move(outcome));
  wsman::Message response;
  Finish(op.sink, op.exchange.Run(op.NewMessage(wsman::MessageKind::kDelete, target),
                                  wsman::MessageKind::kDeleteResponse, &response));
}

}  // namespace cimulate::winrm
