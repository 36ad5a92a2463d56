// Invoke of static and instance methods declared in the data.
#include "engine/faults.h"
#include "engine/operations.h"
#include "scenario/instance_builder.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

// What a method returns when no rule scripts it: ReturnValue 0 (of the
// declared return type) and each out parameter's declared default.
std::vector<scenario::PropertyValue> DefaultOutput(const scenario::MethodDecl& m) {
  std::vector<scenario::PropertyValue> out;
  scenario::PropertyValue rv;
  rv.name = "ReturnValue";
  rv.value.type = m.return_type;
  bool scalar = (m.return_type & MI_ARRAY) == 0 && m.return_type != MI_REFERENCE && m.return_type != MI_INSTANCE;
  rv.value.null = !scalar;
  out.push_back(std::move(rv));
  for (const scenario::PropertyDecl& p : m.out) {
    if (!p.default_value.null) out.push_back({p.name, p.default_value, p.mark});
  }
  return out;
}

}  // namespace

Outcome InvokeReply(const RequestInfo& info, const std::vector<scenario::PropertyValue>& output,
                    const scenario::DataSet& data) {
  scenario::InstanceValue value;
  value.class_name = info.method;
  value.properties = output;
  wsman::InvokeBody b;
  b.method = info.method;
  b.resource_uri = info.message.headers.resource_uri;
  MI_Result r = scenario::ToInstance(value, data, &b.parameters);
  if (r != MI_RESULT_OK) {
    return FaultReply(MakeFault("Receiver", wsman::ns::kWsman, "InternalError",
                                "The method output could not be built: MI result " + std::to_string(r), "", 0));
  }
  Outcome o = Reply(wsman::MessageKind::kInvokeResponse, std::move(b));
  o.message.headers.action = info.message.headers.resource_uri + "/" + info.method + "Response";
  return o;
}

Outcome Invoke(EngineState& st, RequestInfo& info) {
  const scenario::NamespaceData* ns = st.repository.FindNamespace(info.name_space);
  const scenario::ClassDecl* c = st.repository.FindClass(info.name_space, info.class_name);
  if (ns == nullptr || c == nullptr) {
    return FaultReply(LookupFault(ns == nullptr ? LookupResult::kNoSuchNamespace : LookupResult::kNoSuchClass,
                                  info.name_space + ":" + info.class_name));
  }
  const scenario::MethodDecl* m = st.repository.data().FindMethod(ns->name, c->name, info.method);
  if (m == nullptr) return FaultReply(ActionNotSupported(info.message.headers.action));
  if (!m->is_static) {
    const StoredInstance* found = nullptr;
    std::string detail;
    LookupResult r = st.repository.Lookup(ns->name, c->name, info.message.headers.selectors, &found, &detail);
    if (r != LookupResult::kFound) return FaultReply(LookupFault(r, info.name_space + ":" + info.class_name + ": " + detail));
  }
  return InvokeReply(info, DefaultOutput(*m), st.repository.data());
}

}  // namespace cimulate::fake
