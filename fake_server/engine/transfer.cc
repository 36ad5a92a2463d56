// Identify and WS-Transfer (Get, Put, Create, Delete) answered from the data.
#include "core/instance.h"
#include "engine/faults.h"
#include "engine/operations.h"
#include "engine/present.h"
#include "engine/text.h"
#include "engine/values.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

using wsman::MessageKind;

// "root/cimv2:Win32_Service Name=Nope" for fault messages.
std::string Describe(const RequestInfo& info) {
  std::string out = info.name_space + ":" + info.class_name;
  for (const wsman::Selector& s : info.message.headers.selectors) {
    if (!EqualsIgnoreCase(s.name, wsman::uri::kCimNamespaceSelector)) out += " " + s.name + "=" + s.value;
  }
  return out;
}

Outcome Missing(LookupResult r, const RequestInfo& info, const std::string& detail) {
  return FaultReply(LookupFault(r, Describe(info) + (detail.empty() ? "" : ": " + detail)));
}

// Sets `name` on `target` from an incoming value, converting text to the
// declared type (bodies without xsi:type carry every value as a string).
bool SetOne(MI_Instance* target, const char* name, const MI_Value& value, MI_Type type, MI_Uint32 flags,
            std::string* error) {
  MI_Value current;
  MI_Type want;
  MI_Uint32 current_flags = 0;
  if (MI_Instance_GetElement(target, name, &current, &want, &current_flags, nullptr) != MI_RESULT_OK) {
    return MI_Instance_AddElement(target, name, (flags & MI_FLAG_NULL) ? nullptr : &value, type,
                                  flags & MI_FLAG_NULL) == MI_RESULT_OK;
  }
  if (flags & MI_FLAG_NULL) return MI_Instance_ClearElement(target, name) == MI_RESULT_OK;
  if (want == type) return MI_Instance_SetElement(target, name, &value, type, 0) == MI_RESULT_OK;
  MI_Value converted;
  std::string storage;
  if (type == MI_STRING && ParseScalar(want, value.string, &converted, &storage)) {
    return MI_Instance_SetElement(target, name, &converted, want, 0) == MI_RESULT_OK;
  }
  *error = std::string("property ") + name + ": the value does not fit its type";
  return false;
}

// Copies every property of `incoming` onto `target`; properties the class
// does not declare are refused.
bool Merge(const EngineState& st, const std::string& ns, const std::string& class_name, MI_Instance* target,
           const MI_Instance* incoming, std::string* error) {
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(incoming, &count);
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(incoming, i, &name, &v, &type, &flags) != MI_RESULT_OK) continue;
    if (st.repository.data().FindProperty(ns, class_name, name) == nullptr) {
      *error = std::string("class ") + class_name + " has no property " + name;
      return false;
    }
    if (!SetOne(target, name, v, type, flags, error)) return false;
  }
  return true;
}

const MI_Instance* BodyInstance(const RequestInfo& info) {
  const auto* b = std::get_if<wsman::InstanceBody>(&info.message.body);
  return b != nullptr ? b->instance.get() : nullptr;
}

// A new instance of the class with every declared property NULL, keys flagged.
core::InstancePtr Blank(const EngineState& st, const scenario::NamespaceData& ns, const scenario::ClassDecl& c) {
  MI_Instance* raw = nullptr;
  if (core::NewDynamicInstance(c.name.c_str(), 0, &raw) != MI_RESULT_OK) return nullptr;
  core::InstancePtr instance(raw);
  MI_Instance_SetNameSpace(raw, ns.name.c_str());
  for (const scenario::PropertyDecl* p : st.repository.data().AllProperties(ns.name, c.name)) {
    MI_Instance_AddElement(raw, p->name.c_str(), nullptr, p->type, MI_FLAG_NULL | (p->key ? MI_FLAG_KEY : 0));
  }
  return instance;
}

}  // namespace

Outcome Identify(const EngineState& state, bool authenticated) {
  wsman::IdentifyResponseBody b;
  b.protocol_version = wsman::ns::kWsman;
  b.product_vendor = "Microsoft Corporation";
  b.product_version = authenticated ? "OS: 10.0.17763 SP: 0.0 Stack: 3.0" : "OS: 0.0.0 SP: 0.0 Stack: 3.0";
  if (state.scenario.endpoint.auth.basic) {
    b.security_profiles.push_back("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic");
  }
  b.security_profiles.push_back("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/spnego-kerberos");
  return Reply(MessageKind::kIdentifyResponse, std::move(b));
}

Outcome Get(EngineState& st, RequestInfo& info) {
  const StoredInstance* found = nullptr;
  std::string detail;
  LookupResult r = st.repository.Lookup(info.name_space, info.class_name, info.message.headers.selectors, &found,
                                        &detail);
  if (r != LookupResult::kFound) return Missing(r, info, detail);
  wsman::InstanceBody b{core::CloneInstance(found->instance.get()),
                        InstanceUri(info, found->name_space, found->class_name)};
  return Reply(MessageKind::kGetResponse, std::move(b));
}

Outcome Put(EngineState& st, RequestInfo& info) {
  const StoredInstance* found = nullptr;
  std::string detail;
  LookupResult r = st.repository.Lookup(info.name_space, info.class_name, info.message.headers.selectors, &found,
                                        &detail);
  if (r != LookupResult::kFound) return Missing(r, info, detail);
  const MI_Instance* incoming = BodyInstance(info);
  if (incoming == nullptr) return FaultReply(InvalidRepresentation("Put without an instance in the body"));
  core::InstancePtr updated = core::CloneInstance(found->instance.get());
  std::string error;
  if (!updated || !Merge(st, found->name_space, found->class_name, updated.get(), incoming, &error)) {
    return FaultReply(InvalidRepresentation(error));
  }
  wsman::InstanceBody b{core::CloneInstance(updated.get()), InstanceUri(info, found->name_space, found->class_name)};
  st.repository.Replace(found, Share(updated.release()));
  return Reply(MessageKind::kPutResponse, std::move(b));
}

Outcome Create(EngineState& st, RequestInfo& info) {
  const scenario::NamespaceData* ns = st.repository.FindNamespace(info.name_space);
  const scenario::ClassDecl* c = st.repository.FindClass(info.name_space, info.class_name);
  if (ns == nullptr || c == nullptr) {
    return Missing(ns == nullptr ? LookupResult::kNoSuchNamespace : LookupResult::kNoSuchClass, info, "");
  }
  const MI_Instance* incoming = BodyInstance(info);
  if (incoming == nullptr) return FaultReply(InvalidRepresentation("Create without an instance in the body"));
  core::InstancePtr created = Blank(st, *ns, *c);
  std::string error;
  if (!created || !Merge(st, ns->name, c->name, created.get(), incoming, &error)) {
    return FaultReply(InvalidRepresentation(error));
  }
  for (const std::string& k : st.repository.KeysOf(ns->name, c->name)) {
    std::string text;
    if (!PropertyText(created.get(), k.c_str(), &text)) {
      return FaultReply(InvalidRepresentation("key property " + k + " has no value"));
    }
  }
  if (st.repository.FindSameKeys(ns->name, c->name, created.get()) != nullptr) {
    return FaultReply(AlreadyExists(Describe(info)));
  }
  wsman::CreateResponseBody b;
  b.created = EprOf(info, ns->name, created.get());
  if (!info.message.headers.to.empty()) b.created.address = info.message.headers.to;
  st.repository.Add(StoredInstance{"created-" + st.NewGuid(), ns->name, c->name, Share(created.release())});
  return Reply(MessageKind::kCreateResponse, std::move(b));
}

Outcome Delete(EngineState& st, RequestInfo& info) {
  const StoredInstance* found = nullptr;
  std::string detail;
  LookupResult r = st.repository.Lookup(info.name_space, info.class_name, info.message.headers.selectors, &found,
                                        &detail);
  if (r != LookupResult::kFound) return Missing(r, info, detail);
  st.repository.Remove(found);
  return Reply(MessageKind::kDeleteResponse);
}

Outcome End() {
  Outcome o = Reply(MessageKind::kOther);
  o.message.headers.action = std::string(wsman::action::kEnd) + "Response";
  return o;
}

}  // namespace cimulate::fake
