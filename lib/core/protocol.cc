#include "core/protocol.h"

#include "core/value.h"

namespace cimulate::core {

const char* OperationKindName(OperationKind kind) {
  switch (kind) {
    case OperationKind::kGetInstance: return "GetInstance";
    case OperationKind::kModifyInstance: return "ModifyInstance";
    case OperationKind::kCreateInstance: return "CreateInstance";
    case OperationKind::kDeleteInstance: return "DeleteInstance";
    case OperationKind::kInvoke: return "Invoke";
    case OperationKind::kEnumerateInstances: return "EnumerateInstances";
    case OperationKind::kQueryInstances: return "QueryInstances";
    case OperationKind::kAssociatorInstances: return "AssociatorInstances";
    case OperationKind::kReferenceInstances: return "ReferenceInstances";
    case OperationKind::kSubscribe: return "Subscribe";
    case OperationKind::kGetClass: return "GetClass";
    case OperationKind::kEnumerateClasses: return "EnumerateClasses";
    case OperationKind::kTestConnection: return "TestConnection";
  }
  return "Unknown";
}

ResultKind ResultKindOf(OperationKind kind) {
  switch (kind) {
    case OperationKind::kGetClass:
    case OperationKind::kEnumerateClasses: return ResultKind::kClass;
    case OperationKind::kSubscribe: return ResultKind::kIndication;
    default: return ResultKind::kInstance;
  }
}

void ProtocolRegistry::Register(std::shared_ptr<ProtocolHandler> handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& existing : handlers_) {
    if (NamesEqual(existing->name().c_str(), handler->name().c_str())) {
      existing = std::move(handler);
      return;
    }
  }
  handlers_.push_back(std::move(handler));
}

std::shared_ptr<ProtocolHandler> ProtocolRegistry::Find(std::string_view name) const {
  std::string key(name);
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& handler : handlers_)
    if (NamesEqual(handler->name().c_str(), key.c_str())) return handler;
  return nullptr;
}

std::vector<std::string> ProtocolRegistry::Names() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (const auto& handler : handlers_) names.push_back(handler->name());
  return names;
}

std::string SelectProtocol(const MI_Char* protocol, const MI_Char* destination) {
  if (protocol != nullptr) return protocol;
  return destination == nullptr ? "WMIDCOM" : "WINRM";
}

}  // namespace cimulate::core
