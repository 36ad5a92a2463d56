#include "wmidcom/operations.h"

#include <string>
#include <vector>

#include "core/error.h"
#include "core/value.h"
#include "wmidcom/errors.h"
#include "wmidcom/object_path.h"
#include "wmidcom/outcome.h"

namespace cimulate::wmidcom {
namespace {

void Fail(OperationContext& op, MI_Result result, const std::string& message) {
  core::ErrorInfo info;
  info.result = result;
  info.message = message;
  info.error_source = op.settings.destination;
  Finish(op.sink, Outcome::Failure(info));
}

bool Check(OperationContext& op, const CallStatus& status) {
  if (status.ok()) return true;
  Finish(op.sink, FromCallStatus(status, op.settings.destination));
  return false;
}

// Logs on to the operation's namespace; false when it failed (result posted).
bool Services(OperationContext& op, std::shared_ptr<WbemServices>* services) {
  return Check(op, op.connection.Login(NamespacePath(op.request.name_space), op.control, services));
}

bool PathOfRequest(OperationContext& op, const MI_Instance* instance, std::string* path) {
  if (instance == nullptr) {
    Fail(op, MI_RESULT_INVALID_PARAMETER, "The operation needs an instance to name its target.");
    return false;
  }
  std::string error;
  if (!InstancePath(*instance, path, &error)) {
    Fail(op, MI_RESULT_INVALID_PARAMETER, "Cannot name the instance in a WMI object path: " + error + ".");
    return false;
  }
  return true;
}

// Streams every instance of `stream` to the client, `kNextBatch` at a time,
// then posts the final result.
void Drain(OperationContext& op, InstanceStream& stream) {
  bool finished = false;
  while (!finished) {
    std::vector<core::InstancePtr> batch;
    if (!Check(op, stream.Next(kNextBatch, op.control, &batch, &finished))) return;
    for (auto& instance : batch) {
      if (!op.sink.PostInstance(std::move(instance))) return;  // cancelled or closed
    }
  }
  Finish(op.sink, Outcome::Ok());
}

void RunQuery(OperationContext& op, const std::string& wql) {
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  std::unique_ptr<InstanceStream> stream;
  if (!Check(op, services->ExecQuery(wql, op.control, &stream))) return;
  if (!stream) return Fail(op, MI_RESULT_FAILED, "The WMI server returned no enumerator.");
  Drain(op, *stream);
}

bool NameOption(OperationContext& op, const std::optional<std::string>& value, const char* what) {
  if (!value || IsCimName(*value)) return true;
  Fail(op, MI_RESULT_INVALID_PARAMETER, std::string("The ") + what + " '" + *value + "' is not a CIM name.");
  return false;
}

void RunEnumerate(OperationContext& op) {
  const auto& name = op.request.class_name;
  if (!name || !IsCimName(*name)) {
    return Fail(op, MI_RESULT_INVALID_PARAMETER,
                "EnumerateInstances needs a class name made of letters, digits and '_'.");
  }
  RunQuery(op, "SELECT * FROM " + *name);
}

void RunQueryInstances(OperationContext& op) {
  const auto& dialect = op.request.query_dialect;
  if (!dialect || !core::NamesEqual(dialect->c_str(), "WQL")) {
    return Fail(op, MI_RESULT_NOT_SUPPORTED,
                "The WMIDCOM protocol runs WQL queries only; the dialect '" + dialect.value_or("") +
                    "' is not supported.");
  }
  if (!op.request.query_expression || op.request.query_expression->empty()) {
    return Fail(op, MI_RESULT_INVALID_PARAMETER, "QueryInstances needs a query expression.");
  }
  RunQuery(op, *op.request.query_expression);
}

// ASSOCIATORS OF / REFERENCES OF with the optional WHERE clauses (WQL).
void RunAssociation(OperationContext& op, bool associators) {
  std::string path;
  if (!PathOfRequest(op, op.request.instance.get(), &path)) return;
  const auto& r = op.request;
  if (!NameOption(op, r.association_class, "association class") ||
      !NameOption(op, r.result_class, "result class") || !NameOption(op, r.role, "role") ||
      !NameOption(op, r.result_role, "result role")) {
    return;
  }
  std::string where;
  auto add = [&where](const char* keyword, const std::optional<std::string>& value) {
    if (value && !value->empty()) where += std::string(" ") + keyword + " = " + *value;
  };
  if (associators) {
    add("AssocClass", r.association_class);
    add("ResultClass", r.result_class);
    add("Role", r.role);
    add("ResultRole", r.result_role);
  } else {
    add("ResultClass", r.result_class);
    add("Role", r.role);
  }
  if (r.keys_only) where += " KeysOnly";
  std::string wql = std::string(associators ? "ASSOCIATORS OF {" : "REFERENCES OF {") + path + "}";
  if (!where.empty()) wql += " WHERE" + where;
  RunQuery(op, wql);
}

void RunGet(OperationContext& op) {
  std::string path;
  if (!PathOfRequest(op, op.request.instance.get(), &path)) return;
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  core::InstancePtr object;
  if (!Check(op, services->GetObject(path, op.control, &object))) return;
  if (!object) return Fail(op, MI_RESULT_FAILED, "The WMI server returned no object for " + path + ".");
  Finish(op.sink, Outcome::Ok(), std::move(object));
}

void RunPut(OperationContext& op, std::uint32_t flags) {
  const MI_Instance* instance = op.request.instance.get();
  std::string path;
  if (!PathOfRequest(op, instance, &path)) return;  // also validates the class name
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  if (!Check(op, services->PutInstance(*instance, flags, op.control))) return;
  // PutInstance answers with no object; the instance as sent is the result.
  Finish(op.sink, Outcome::Ok(), core::CloneInstance(instance));
}

void RunDelete(OperationContext& op) {
  std::string path;
  if (!PathOfRequest(op, op.request.instance.get(), &path)) return;
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  if (!Check(op, services->DeleteInstance(path, op.control))) return;
  Finish(op.sink, Outcome::Ok());
}

// A static method targets the class, an instance method the instance's path.
void RunInvoke(OperationContext& op) {
  const auto& r = op.request;
  if (!r.method_name || !IsCimName(*r.method_name)) {
    return Fail(op, MI_RESULT_INVALID_PARAMETER, "Invoke needs a method name made of letters, digits and '_'.");
  }
  std::string path;
  if (r.instance) {
    if (!PathOfRequest(op, r.instance.get(), &path)) return;
  } else if (r.class_name && IsCimName(*r.class_name)) {
    path = *r.class_name;
  } else {
    return Fail(op, MI_RESULT_INVALID_PARAMETER, "Invoke needs a class name or an instance.");
  }
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  core::InstancePtr out;
  if (!Check(op, services->ExecMethod(path, *r.method_name, r.parameters.get(), op.control, &out))) return;
  Finish(op.sink, Outcome::Ok(), std::move(out));
}

void RunTestConnection(OperationContext& op) {
  std::shared_ptr<WbemServices> services;
  if (!Services(op, &services)) return;
  Finish(op.sink, Outcome::Ok());
}

}  // namespace

void RunOperation(OperationContext& op) {
  switch (op.request.kind) {
    case core::OperationKind::kTestConnection: return RunTestConnection(op);
    case core::OperationKind::kGetInstance: return RunGet(op);
    case core::OperationKind::kCreateInstance: return RunPut(op, kWbemFlagCreateOnly);
    case core::OperationKind::kModifyInstance: return RunPut(op, kWbemFlagUpdateOnly);
    case core::OperationKind::kDeleteInstance: return RunDelete(op);
    case core::OperationKind::kInvoke: return RunInvoke(op);
    case core::OperationKind::kEnumerateInstances: return RunEnumerate(op);
    case core::OperationKind::kQueryInstances: return RunQueryInstances(op);
    case core::OperationKind::kAssociatorInstances: return RunAssociation(op, true);
    case core::OperationKind::kReferenceInstances: return RunAssociation(op, false);
    default:
      return Fail(op, MI_RESULT_NOT_SUPPORTED,
                  std::string(core::OperationKindName(op.request.kind)) +
                      " is not supported by cimulate's WMIDCOM protocol handler.");
  }
}

}  // namespace cimulate::wmidcom
