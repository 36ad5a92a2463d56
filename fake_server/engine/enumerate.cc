// WS-Enumeration: Enumerate (optimized or not, three modes, WQL, selector and
// association filters), Pull with paging that respects MaxEnvelopeSize, and Release.
#include <algorithm>

#include "core/instance.h"
#include "engine/associations.h"
#include "engine/faults.h"
#include "engine/operations.h"
#include "engine/present.h"
#include "engine/reply.h"
#include "engine/text.h"
#include "engine/values.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

using wsman::MessageKind;

bool KnownProperty(const EngineState& st, const std::string& ns, const std::string& class_name,
                   const std::string& name) {
  return st.repository.data().FindProperty(ns, class_name, name) != nullptr;
}

// WMI refuses a query that names properties the class lacks ("Invalid query").
bool CheckQuery(const EngineState& st, const std::string& ns, const std::string& class_name, const WqlQuery& q,
                std::string* error) {
  for (const std::string& p : q.properties) {
    if (!KnownProperty(st, ns, class_name, p)) *error = "Invalid query: " + class_name + " has no property " + p;
  }
  for (const WqlCondition& c : q.where) {
    if (!KnownProperty(st, ns, class_name, c.property)) {
      *error = "Invalid query: " + class_name + " has no property " + c.property;
    }
  }
  return error->empty();
}

// SELECT a, b: those properties plus the keys (which the EPR needs).
SharedInstance Project(const MI_Instance* source, const std::vector<std::string>& properties) {
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(ClassNameOf(source).c_str(), 0, &raw) != MI_RESULT_OK) return nullptr;
  const MI_Char* ns = nullptr;
  if (MI_Instance_GetNameSpace(source, &ns) == MI_RESULT_OK && ns != nullptr) MI_Instance_SetNameSpace(raw, ns);
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(source, &count);
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(source, i, &name, &v, &type, &flags) != MI_RESULT_OK) continue;
    bool wanted = (flags & MI_FLAG_KEY) || std::any_of(properties.begin(), properties.end(), [&](const std::string& p) {
                    return EqualsIgnoreCase(p, name);
                  });
    if (wanted) MI_Instance_AddElement(raw, name, (flags & MI_FLAG_NULL) ? nullptr : &v, type, flags);
  }
  return Share(raw);
}

bool SelectorsMatch(const MI_Instance* instance, const std::vector<wsman::Selector>& selectors) {
  for (const wsman::Selector& s : selectors) {
    if (EqualsIgnoreCase(s.name, wsman::uri::kCimNamespaceSelector)) continue;
    if (s.epr != nullptr || !SelectorValueMatches(instance, s.name.c_str(), s.value)) return false;
  }
  return true;
}

std::string NamespaceOf(const MI_Instance* instance, const std::string& fallback) {
  const MI_Char* ns = nullptr;
  if (MI_Instance_GetNameSpace(instance, &ns) == MI_RESULT_OK && ns != nullptr && *ns != 0) return ns;
  return fallback;
}

EnumItem ItemFor(const RequestInfo& info, wsman::EnumerationMode mode, SharedInstance instance) {
  EnumItem item;
  std::string ns = NamespaceOf(instance.get(), info.name_space);
  item.resource_uri = InstanceUri(info, ns, ClassNameOf(instance.get()));
  if (mode != wsman::EnumerationMode::kObjects) item.epr = EprOf(info, ns, instance.get());
  if (mode != wsman::EnumerationMode::kEprs) item.instance = std::move(instance);
  return item;
}

// The data's instances the request selects, or a fault.
bool Select(EngineState& st, const RequestInfo& info, const wsman::EnumerateBody& body,
            std::vector<SharedInstance>* out, Outcome* fault) {
  const std::optional<wsman::Filter>& filter = body.filter;
  if (filter && filter->dialect == wsman::dialect::kWql && !info.wql) {
    *fault = FaultReply(CannotProcessFilter(info.wql_error));
    return false;
  }
  if (filter && filter->dialect != wsman::dialect::kWql && filter->dialect != wsman::dialect::kSelector) {
    *fault = FaultReply(FilterDialectUnavailable(filter->dialect));
    return false;
  }
  const scenario::NamespaceData* ns = st.repository.FindNamespace(info.name_space);
  const scenario::ClassDecl* c = st.repository.FindClass(info.name_space, info.class_name);
  if (ns == nullptr || c == nullptr) {
    *fault = FaultReply(LookupFault(ns == nullptr ? LookupResult::kNoSuchNamespace : LookupResult::kNoSuchClass,
                                    info.name_space + ":" + info.class_name));
    return false;
  }
  std::string error;
  if (info.wql && !CheckQuery(st, ns->name, c->name, *info.wql, &error)) {
    *fault = FaultReply(CannotProcessFilter(error));
    return false;
  }
  for (const StoredInstance* s : st.repository.InstancesOf(ns->name, c->name)) {
    const MI_Instance* i = s->instance.get();
    if (info.wql && !WqlMatches(*info.wql, i)) continue;
    if (filter && filter->dialect == wsman::dialect::kSelector && !SelectorsMatch(i, filter->selectors)) continue;
    bool project = info.wql && !info.wql->properties.empty();
    out->push_back(project ? Project(i, info.wql->properties) : s->instance);
  }
  return true;
}

wsman::Message BatchMessage(bool enumerate, const std::string& id, const Enumeration& e, size_t count) {
  wsman::Message m;
  bool end = e.next + count >= e.items.size();
  if (enumerate) {
    m.kind = MessageKind::kEnumerateResponse;
    // An empty context once the sequence ends: Dell wsl pulls while it sees one.
    m.body = wsman::EnumerateResponseBody{end ? std::string() : id, ItemsOf(e, count), true, end};
  } else {
    m.kind = MessageKind::kPullResponse;
    wsman::PullResponseBody b;
    if (!end) b.context = id;
    b.items = ItemsOf(e, count);
    b.end_of_sequence = end;
    m.body = std::move(b);
  }
  return m;
}

// The next batch, as many of `want` items as fit in the client's
// MaxEnvelopeSize; w:EncodingLimit when not even one does.
Outcome SendBatch(EngineState& st, const RequestInfo& info, const std::string& id, Enumeration* e, size_t want,
                  bool enumerate) {
  size_t count = std::min(want, e->items.size() - std::min(e->next, e->items.size()));
  std::optional<uint32_t> limit = info.message.headers.max_envelope_size;
  std::string message_id = st.NewGuid();
  while (true) {
    Outcome o;
    o.message = BatchMessage(enumerate, id, *e, count);
    RelateTo(&info.message.headers, message_id, &o.message);
    wsman::Status s = wsman::EncodeMessage(o.message, &o.encoded);
    if (!s.ok()) o.encoded.clear();  // Finish reports the encoder's error
    if (!limit || o.encoded.size() <= *limit || count == 0) {
      e->next += count;
      if (count > 0) ++e->responses;
      if (e->done()) st.enumerations.Erase(id);
      return o;
    }
    if (count == 1) {
      st.enumerations.Erase(id);
      return FaultReply(EncodingLimit("MaxEnvelopeSizeExceeded", "one item needs more than MaxEnvelopeSize (" +
                                                                     std::to_string(*limit) + " bytes)"));
    }
    // Shrink in proportion to the overshoot, by at least one item.
    size_t scaled = count * *limit / o.encoded.size();
    count = std::max<size_t>(1, std::min(count - 1, scaled));
  }
}

}  // namespace

Outcome Enumerate(EngineState& st, RequestInfo& info, const std::vector<SharedInstance>* scripted,
                  const std::vector<std::uint32_t>& batches) {
  const auto* body = std::get_if<wsman::EnumerateBody>(&info.message.body);
  if (body == nullptr) return FaultReply(SchemaValidation("Enumerate without an n:Enumerate body"));
  std::vector<SharedInstance> selected;
  Outcome fault;
  if (scripted != nullptr) {
    selected = *scripted;
  } else if (body->filter && body->filter->dialect == wsman::dialect::kAssociation) {
    if (!body->filter->association) return FaultReply(CannotProcessFilter("an association filter without its object"));
    if (!SelectAssociations(st.repository, info.name_space, *body->filter->association, &selected, &fault)) {
      return fault;
    }
  } else if (!Select(st, info, *body, &selected, &fault)) {
    return fault;
  }
  Enumeration e;
  e.batches = batches;
  for (SharedInstance& i : selected) e.items.push_back(ItemFor(info, body->mode, std::move(i)));
  std::string id = "uuid:" + st.NewGuid();
  info.keys.enumeration = id;
  size_t want = e.NextBatch(body->max_elements);
  st.enumerations.Add(id, std::move(e));
  Enumeration* stored = st.enumerations.Find(id);
  if (body->optimize) return SendBatch(st, info, id, stored, want, true);
  return Reply(MessageKind::kEnumerateResponse, wsman::EnumerateResponseBody{id, {}, false, false});
}

Outcome Pull(EngineState& st, RequestInfo& info) {
  const auto* body = std::get_if<wsman::PullBody>(&info.message.body);
  Enumeration* e = body ? st.enumerations.Find(body->context) : nullptr;
  if (e == nullptr) return FaultReply(InvalidEnumerationContext(body ? body->context : ""));
  return SendBatch(st, info, body->context, e, e->NextBatch(body->max_elements), false);
}

Outcome Release(EngineState& st, RequestInfo& info) {
  const auto* body = std::get_if<wsman::ReleaseBody>(&info.message.body);
  if (body == nullptr || !st.enumerations.Erase(body->context)) {
    return FaultReply(InvalidEnumerationContext(body ? body->context : ""));
  }
  return Reply(MessageKind::kReleaseResponse);
}

}  // namespace cimulate::fake
