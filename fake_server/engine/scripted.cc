#include "engine/scripted.h"

#include "core/instance.h"
#include "engine/faults.h"
#include "engine/operations.h"
#include "engine/present.h"
#include "engine/reply.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

using scenario::Action;
using wsman::MessageKind;

// `instances_of` is read in the request's namespace, as the class name in
// the request is: a class of the same name elsewhere is another class.
std::vector<SharedInstance> Instances(const EngineState& st, const RequestInfo& info, const scenario::Response& r) {
  std::vector<SharedInstance> out;
  for (const std::string& id : r.instance_ids) {
    if (const StoredInstance* s = st.repository.FindById(id)) out.push_back(s->instance);
  }
  if (!r.instances_of.empty()) {
    for (const StoredInstance* s : st.repository.InstancesOf(info.name_space, r.instances_of)) {
      out.push_back(s->instance);
    }
  }
  return out;
}

Outcome Raw(int status, const std::vector<scenario::NameValue>& headers, std::string body, bool soap) {
  Outcome o;
  o.raw = true;
  o.http_status = status;
  if (soap) o.raw_headers.Set("Content-Type", kSoapContentType);
  for (const auto& [name, value] : headers) o.raw_headers.Set(name, value);
  o.raw_body = std::move(body);
  return o;
}

Outcome FaultFromFields(const EngineState& st, const scenario::Fault& fields) {
  wsman::Fault f;
  wsman::Status s = ScenarioFault(fields, st.repository.data(), &f);
  if (!s.ok()) {
    return FaultReply(MakeFault("Receiver", wsman::ns::kWsman, "InternalError",
                                "The scenario's fault could not be built: " + s.ToString(), "", 0));
  }
  Outcome o = FaultReply(std::move(f), fields.http_status);
  o.message.headers.action = fields.action;
  return o;
}

// Pull answered with scripted instances: one last batch, then the context ends.
Outcome PullWith(EngineState& st, RequestInfo& info, std::vector<SharedInstance> list) {
  if (!st.enumerations.Erase(info.keys.enumeration)) {
    return FaultReply(InvalidEnumerationContext(info.keys.enumeration));
  }
  wsman::PullResponseBody b;
  for (SharedInstance& i : list) {
    b.items.push_back({core::CloneInstance(i.get()), InstanceUri(info, info.name_space, ClassNameOf(i.get())), {}});
  }
  b.end_of_sequence = true;
  return Reply(MessageKind::kPullResponse, std::move(b));
}

std::optional<Outcome> FromInstances(EngineState& st, RequestInfo& info, const scenario::Response& r) {
  std::vector<SharedInstance> list = Instances(st, info, r);
  switch (info.action.value_or(Action::kUri)) {
    case Action::kGet:
    case Action::kPut: {
      if (list.empty()) return FaultReply(LookupFault(LookupResult::kNotFound, "the rule's instance list is empty"));
      const MI_Instance* first = list.front().get();
      wsman::InstanceBody b{core::CloneInstance(first), InstanceUri(info, info.name_space, ClassNameOf(first))};
      return Reply(info.action == Action::kGet ? MessageKind::kGetResponse : MessageKind::kPutResponse, std::move(b));
    }
    case Action::kEnumerate: return Enumerate(st, info, &list, r.batches);
    case Action::kPull: return PullWith(st, info, std::move(list));
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<Outcome> Scripted(EngineState& st, RequestInfo& info, const scenario::Response& r) {
  using Kind = scenario::Response::Kind;
  switch (r.kind) {
    case Kind::kFault: return FaultFromFields(st, r.fault);
    case Kind::kXml: return Raw(r.http.status, {}, r.xml, true);
    case Kind::kHttp: return Raw(r.http.status, r.http.headers, r.http.body, false);
    case Kind::kOutput:
      if (info.action != Action::kInvoke) return std::nullopt;
      return InvokeReply(info, r.output, st.repository.data());
    case Kind::kInstances: return FromInstances(st, info, r);
  }
  return std::nullopt;
}

}  // namespace cimulate::fake
