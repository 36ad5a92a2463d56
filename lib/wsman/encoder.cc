// EncodeMessage: Message -> bytes, in the shape Windows writes.

#include <new>
#include <sstream>

#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/time.h"

namespace cimulate::wsman {
namespace {

struct PrefixRow {
  const char* prefix;
  const char* ns;
};

// Declared on every Envelope: the Windows set.
constexpr PrefixRow kEnvelopePrefixes[] = {
    {"s", ns::kSoap},        {"a", ns::kAddressing}, {"x", ns::kTransfer},   {"w", ns::kWsman},
    {"n", ns::kEnumeration}, {"p", ns::kMsWsman},    {"b", ns::kCimBinding},
};

Status Invalid(std::string what) { return Status(ErrorCode::kInvalidArgument, std::move(what)); }

void MustUnderstand(pugi::xml_node e, bool value) { e.append_attribute("s:mustUnderstand") = value ? "true" : "false"; }

void Text(pugi::xml_node parent, const char* name, const std::string& text) {
  parent.append_child(name).text() = text.c_str();
}

const char* DefaultAction(MessageKind kind) {
  switch (kind) {
    case MessageKind::kGet: return action::kGet;
    case MessageKind::kGetResponse: return action::kGetResponse;
    case MessageKind::kPut: return action::kPut;
    case MessageKind::kPutResponse: return action::kPutResponse;
    case MessageKind::kCreate: return action::kCreate;
    case MessageKind::kCreateResponse: return action::kCreateResponse;
    case MessageKind::kDelete: return action::kDelete;
    case MessageKind::kDeleteResponse: return action::kDeleteResponse;
    case MessageKind::kEnumerate: return action::kEnumerate;
    case MessageKind::kEnumerateResponse: return action::kEnumerateResponse;
    case MessageKind::kPull: return action::kPull;
    case MessageKind::kPullResponse: return action::kPullResponse;
    case MessageKind::kRelease: return action::kRelease;
    case MessageKind::kReleaseResponse: return action::kReleaseResponse;
    default: return nullptr;
  }
}

Status ActionOf(const Message& m, std::string* out) {
  if (!m.headers.action.empty()) {
    *out = m.headers.action;
    return Status::Ok();
  }
  if (const char* a = DefaultAction(m.kind)) {
    *out = a;
    return Status::Ok();
  }
  switch (m.kind) {
    case MessageKind::kIdentify:
    case MessageKind::kIdentifyResponse: out->clear(); return Status::Ok();
    case MessageKind::kInvoke:
    case MessageKind::kInvokeResponse: {
      const InvokeBody* b = std::get_if<InvokeBody>(&m.body);
      if (b == nullptr || m.headers.resource_uri.empty()) {
        return Invalid("Invoke needs headers.action or a ResourceURI and an InvokeBody");
      }
      *out = m.headers.resource_uri + "/" + b->method + (m.kind == MessageKind::kInvokeResponse ? "Response" : "");
      return Status::Ok();
    }
    case MessageKind::kFault: {
      const Fault* f = std::get_if<Fault>(&m.body);
      *out = DefaultFaultAction(f ? f->subcode : QName());
      return Status::Ok();
    }
    default: return Invalid(std::string("no Action for a ") + MessageKindName(m.kind) + " message");
  }
}

void WriteHeaders(pugi::xml_node header, const Message& m, const std::string& action_uri, const EncodeOptions& o) {
  const Headers& h = m.headers;
  bool request = IsRequest(m.kind);
  if (!action_uri.empty()) {
    pugi::xml_node a = header.append_child("a:Action");
    if (request) MustUnderstand(a, true);
    a.text() = action_uri.c_str();
  }
  if (h.message_id) Text(header, "a:MessageID", *h.message_id);
  if (!h.to.empty()) {
    Text(header, "a:To", h.to);
  } else if (!request && m.kind != MessageKind::kIdentifyResponse) {
    Text(header, "a:To", uri::kAnonymous);
  }
  if (h.relates_to) Text(header, "a:RelatesTo", *h.relates_to);
  if (h.operation_id) {
    pugi::xml_node e = header.append_child("p:OperationID");
    MustUnderstand(e, false);
    e.text() = h.operation_id->c_str();
  }
  if (h.sequence_id) {
    pugi::xml_node e = header.append_child("p:SequenceId");
    MustUnderstand(e, false);
    e.text() = std::to_string(*h.sequence_id).c_str();
  }
  if (!h.resource_uri.empty()) {
    pugi::xml_node e = header.append_child("w:ResourceURI");
    MustUnderstand(e, true);
    e.text() = h.resource_uri.c_str();
  }
  if (!h.reply_to.empty()) {
    pugi::xml_node address = header.append_child("a:ReplyTo").append_child("a:Address");
    MustUnderstand(address, true);
    address.text() = h.reply_to.c_str();
  }
  if (h.max_envelope_size) {
    pugi::xml_node e = header.append_child("w:MaxEnvelopeSize");
    MustUnderstand(e, true);
    e.text() = std::to_string(*h.max_envelope_size).c_str();
  }
  if (h.locale) {
    pugi::xml_node e = header.append_child("w:Locale");
    e.append_attribute("xml:lang") = h.locale->c_str();
    MustUnderstand(e, false);
  }
  if (h.data_locale) {
    pugi::xml_node e = header.append_child("p:DataLocale");
    e.append_attribute("xml:lang") = h.data_locale->c_str();
    MustUnderstand(e, false);
  }
  if (h.session_id) {
    pugi::xml_node e = header.append_child("p:SessionId");
    MustUnderstand(e, false);
    e.text() = h.session_id->c_str();
  }
  if (h.operation_timeout_ms) Text(header, "w:OperationTimeout", MillisecondsToDuration(*h.operation_timeout_ms));
  WriteSelectorSet(header, h.selectors, EprWriteOptions{false});
  if (!h.options.empty()) {
    pugi::xml_node set = header.append_child("w:OptionSet");
    MustUnderstand(set, true);
    for (const Option& option : h.options) {
      pugi::xml_node e = set.append_child("w:Option");
      e.append_attribute("Name") = option.name.c_str();
      if (!option.type.empty()) e.append_attribute("Type") = option.type.c_str();
      if (option.must_comply) e.append_attribute("MustComply") = "true";
      e.text() = option.value.c_str();
    }
  }
  (void)o;
}

Status WriteItems(pugi::xml_node items, const std::vector<Item>& list, const EncodeOptions& o) {
  for (const Item& item : list) {
    pugi::xml_node parent = items;
    if (item.instance && item.epr) parent = items.append_child("w:Item");
    if (item.instance) {
      Status s = WriteInstance(parent, item.instance.get(), item.resource_uri, o.cim);
      if (!s.ok()) return s;
    }
    if (item.epr) WriteEprContent(parent.append_child("a:EndpointReference"), *item.epr, o.cim.epr);
    if (!item.instance && !item.epr) return Invalid("enumeration item with neither instance nor EPR");
  }
  return Status::Ok();
}

// Writes a QName in text, declaring a prefix for namespaces outside the envelope set.
std::string QNameText(pugi::xml_node element, const QName& q) {
  for (const PrefixRow& row : kEnvelopePrefixes) {
    if (q.ns == row.ns) return std::string(row.prefix) + ":" + q.local;
  }
  if (q.ns.empty()) return q.local;
  element.append_attribute("xmlns:q") = q.ns.c_str();
  return "q:" + q.local;
}

Status WriteFault(pugi::xml_node body, const Fault& f, const EncodeOptions& o) {
  if (f.code.empty()) return Invalid("fault without a code");
  pugi::xml_node fault = body.append_child("s:Fault");
  pugi::xml_node code = fault.append_child("s:Code");
  pugi::xml_node value = code.append_child("s:Value");
  value.text() = QNameText(value, f.code).c_str();
  if (!f.subcode.empty()) {
    pugi::xml_node sub = code.append_child("s:Subcode").append_child("s:Value");
    sub.text() = QNameText(sub, f.subcode).c_str();
  }
  pugi::xml_node text = fault.append_child("s:Reason").append_child("s:Text");
  text.append_attribute("xml:lang") = f.reason_lang.empty() ? "en-US" : f.reason_lang.c_str();
  text.text() = f.reason.c_str();
  if (f.fault_detail.empty() && !f.wsman_fault && !f.cim_error) return Status::Ok();
  pugi::xml_node detail = fault.append_child("s:Detail");
  if (!f.fault_detail.empty()) Text(detail, "w:FaultDetail", f.fault_detail);
  if (f.wsman_fault) {
    const WsmanFaultInfo& w = *f.wsman_fault;
    pugi::xml_node e = detail.append_child("f:WSManFault");
    e.append_attribute("xmlns:f") = ns::kWsmanFault;
    e.append_attribute("Code") = std::to_string(w.code).c_str();
    if (!w.machine.empty()) e.append_attribute("Machine") = w.machine.c_str();
    pugi::xml_node message = e.append_child("f:Message");
    if (w.provider.empty()) {
      message.text() = w.message.c_str();
    } else {
      // Windows wraps a provider's failure in a second WSManFault.
      pugi::xml_node provider = message.append_child("f:ProviderFault");
      provider.append_attribute("provider") = w.provider.c_str();
      if (!w.provider_path.empty()) provider.append_attribute("path") = w.provider_path.c_str();
      pugi::xml_node inner = provider.append_child("f:WSManFault");
      inner.append_attribute("Code") = std::to_string(w.code).c_str();
      if (!w.machine.empty()) inner.append_attribute("Machine") = w.machine.c_str();
      inner.append_child("f:Message").text() = w.message.c_str();
    }
  }
  if (f.cim_error) {
    Status s = WriteInstance(detail, f.cim_error.get(), f.cim_error_resource_uri, o.cim);
    if (!s.ok()) return s;
    detail.last_child().prepend_attribute("b:IsCIM_Error") = "true";
  }
  return Status::Ok();
}

void WriteFilter(pugi::xml_node parent, const Filter& f, const EncodeOptions& o) {
  pugi::xml_node e = parent.append_child("w:Filter");
  if (!f.dialect.empty()) e.append_attribute("Dialect") = f.dialect.c_str();
  if (f.association) {
    const AssociationFilter& a = *f.association;
    pugi::xml_node node = e.append_child(a.association_instances ? "b:AssociationInstances" : "b:AssociatedInstances");
    WriteEprContent(node.append_child("b:Object"), a.object, o.cim.epr);
    if (!a.association_class_name.empty()) Text(node, "b:AssociationClassName", a.association_class_name);
    if (!a.role.empty()) Text(node, "b:Role", a.role);
    if (!a.result_class_name.empty()) Text(node, "b:ResultClassName", a.result_class_name);
    if (!a.result_role.empty()) Text(node, "b:ResultRole", a.result_role);
  } else if (!f.selectors.empty()) {
    WriteSelectorSet(e, f.selectors, EprWriteOptions{false});
  } else {
    e.text() = f.query.c_str();
  }
}

const char* PolymorphismText(PolymorphismMode mode) {
  switch (mode) {
    case PolymorphismMode::kIncludeSubClassProperties: return "IncludeSubClassProperties";
    case PolymorphismMode::kExcludeSubClassProperties: return "ExcludeSubClassProperties";
    case PolymorphismMode::kNone: return "None";
    default: return nullptr;
  }
}

template <typename T>
const T* BodyAs(const Message& m, Status* s) {
  const T* b = std::get_if<T>(&m.body);
  if (b == nullptr) *s = Invalid(std::string(MessageKindName(m.kind)) + " message has the wrong body type");
  return b;
}

Status WriteBody(pugi::xml_node body, const Message& m, const EncodeOptions& o) {
  Status s;
  switch (m.kind) {
    case MessageKind::kIdentify:
      body.append_child("wsmid:Identify").append_attribute("xmlns:wsmid") = ns::kIdentity;
      return s;
    case MessageKind::kIdentifyResponse: {
      const auto* b = BodyAs<IdentifyResponseBody>(m, &s);
      if (!b) return s;
      // GLPI checks xmlns:wsmid on this element itself.
      pugi::xml_node e = body.append_child("wsmid:IdentifyResponse");
      e.append_attribute("xmlns:wsmid") = ns::kIdentity;
      Text(e, "wsmid:ProtocolVersion", b->protocol_version);
      Text(e, "wsmid:ProductVendor", b->product_vendor);
      Text(e, "wsmid:ProductVersion", b->product_version);
      if (!b->security_profiles.empty()) {
        pugi::xml_node profiles = e.append_child("wsmid:SecurityProfiles");
        for (const std::string& p : b->security_profiles) Text(profiles, "wsmid:SecurityProfileName", p);
      }
      return s;
    }
    case MessageKind::kGetResponse:
    case MessageKind::kPut:
    case MessageKind::kPutResponse:
    case MessageKind::kCreate: {
      const auto* b = std::get_if<InstanceBody>(&m.body);
      if (b == nullptr || !b->instance) {
        if (m.kind == MessageKind::kPutResponse) return s;  // an empty PutResponse is allowed
        return Invalid(std::string(MessageKindName(m.kind)) + " needs an InstanceBody with an instance");
      }
      return WriteInstance(body, b->instance.get(), b->resource_uri, o.cim);
    }
    case MessageKind::kCreateResponse: {
      const auto* b = BodyAs<CreateResponseBody>(m, &s);
      if (!b) return s;
      WriteEprContent(body.append_child("x:ResourceCreated"), b->created, o.cim.epr);
      return s;
    }
    case MessageKind::kEnumerate: {
      const auto* b = BodyAs<EnumerateBody>(m, &s);
      if (!b) return s;
      pugi::xml_node e = body.append_child("n:Enumerate");
      if (b->optimize) e.append_child("w:OptimizeEnumeration");
      if (b->max_elements) Text(e, "w:MaxElements", std::to_string(*b->max_elements));
      if (b->mode == EnumerationMode::kEprs) Text(e, "w:EnumerationMode", "EnumerateEPR");
      if (b->mode == EnumerationMode::kObjectsAndEprs) Text(e, "w:EnumerationMode", "EnumerateObjectAndEPR");
      if (b->filter) WriteFilter(e, *b->filter, o);
      if (const char* poly = PolymorphismText(b->polymorphism)) Text(e, "b:PolymorphismMode", poly);
      return s;
    }
    case MessageKind::kEnumerateResponse: {
      const auto* b = BodyAs<EnumerateResponseBody>(m, &s);
      if (!b) return s;
      pugi::xml_node e = body.append_child("n:EnumerateResponse");
      Text(e, "n:EnumerationContext", b->context);
      if (b->optimized || !b->items.empty()) s = WriteItems(e.append_child("w:Items"), b->items, o);
      if (b->end_of_sequence) e.append_child("w:EndOfSequence");
      return s;
    }
    case MessageKind::kPull: {
      const auto* b = BodyAs<PullBody>(m, &s);
      if (!b) return s;
      pugi::xml_node e = body.append_child("n:Pull");
      Text(e, "n:EnumerationContext", b->context);
      if (b->max_time_ms) Text(e, "n:MaxTime", MillisecondsToDuration(*b->max_time_ms));
      if (b->max_elements) Text(e, "n:MaxElements", std::to_string(*b->max_elements));
      return s;
    }
    case MessageKind::kPullResponse: {
      const auto* b = BodyAs<PullResponseBody>(m, &s);
      if (!b) return s;
      pugi::xml_node e = body.append_child("n:PullResponse");
      if (b->context) Text(e, "n:EnumerationContext", *b->context);
      if (!b->items.empty()) s = WriteItems(e.append_child("n:Items"), b->items, o);
      if (b->end_of_sequence) e.append_child("n:EndOfSequence");
      return s;
    }
    case MessageKind::kRelease: {
      const auto* b = BodyAs<ReleaseBody>(m, &s);
      if (!b) return s;
      Text(body.append_child("n:Release"), "n:EnumerationContext", b->context);
      return s;
    }
    case MessageKind::kInvoke:
    case MessageKind::kInvokeResponse: {
      const auto* b = BodyAs<InvokeBody>(m, &s);
      if (!b) return s;
      if (b->method.empty()) return Invalid("InvokeBody without a method name");
      std::string uri = b->resource_uri.empty() ? m.headers.resource_uri : b->resource_uri;
      std::string name = b->method + (m.kind == MessageKind::kInvoke ? "_INPUT" : "_OUTPUT");
      if (!b->parameters) {
        body.append_child(("p:" + name).c_str()).append_attribute("xmlns:p") = uri.c_str();
        return s;
      }
      return WriteInstance(body, b->parameters.get(), uri, o.cim, name, false);
    }
    case MessageKind::kFault: {
      const auto* b = BodyAs<Fault>(m, &s);
      if (!b) return s;
      return WriteFault(body, *b, o);
    }
    default:
      return s;  // Get, Delete, DeleteResponse, ReleaseResponse, kOther: empty or raw_body
  }
}

}  // namespace

const char* MessageKindName(MessageKind kind) {
  switch (kind) {
    case MessageKind::kUnknown: return "Unknown";
    case MessageKind::kIdentify: return "Identify";
    case MessageKind::kIdentifyResponse: return "IdentifyResponse";
    case MessageKind::kGet: return "Get";
    case MessageKind::kGetResponse: return "GetResponse";
    case MessageKind::kPut: return "Put";
    case MessageKind::kPutResponse: return "PutResponse";
    case MessageKind::kCreate: return "Create";
    case MessageKind::kCreateResponse: return "CreateResponse";
    case MessageKind::kDelete: return "Delete";
    case MessageKind::kDeleteResponse: return "DeleteResponse";
    case MessageKind::kEnumerate: return "Enumerate";
    case MessageKind::kEnumerateResponse: return "EnumerateResponse";
    case MessageKind::kPull: return "Pull";
    case MessageKind::kPullResponse: return "PullResponse";
    case MessageKind::kRelease: return "Release";
    case MessageKind::kReleaseResponse: return "ReleaseResponse";
    case MessageKind::kInvoke: return "Invoke";
    case MessageKind::kInvokeResponse: return "InvokeResponse";
    case MessageKind::kFault: return "Fault";
    case MessageKind::kOther: return "Other";
  }
  return "Unknown";
}

bool IsRequest(MessageKind kind) {
  switch (kind) {
    case MessageKind::kIdentify:
    case MessageKind::kGet:
    case MessageKind::kPut:
    case MessageKind::kCreate:
    case MessageKind::kDelete:
    case MessageKind::kEnumerate:
    case MessageKind::kPull:
    case MessageKind::kRelease:
    case MessageKind::kInvoke:
    case MessageKind::kOther: return true;
    default: return false;
  }
}

Status EncodeMessage(const Message& m, std::string* out, const EncodeOptions& o) try {
  if (m.kind == MessageKind::kUnknown) return Invalid("message kind not set");
  std::string action_uri;
  Status s = ActionOf(m, &action_uri);
  if (!s.ok()) return s;
  pugi::xml_document doc;
  pugi::xml_node env = doc.append_child("s:Envelope");
  env.append_attribute("xml:lang") = "en-US";
  for (const PrefixRow& row : kEnvelopePrefixes) {
    env.append_attribute((std::string("xmlns:") + row.prefix).c_str()) = row.ns;
  }
  WriteHeaders(env.append_child("s:Header"), m, action_uri, o);
  pugi::xml_node body = env.append_child("s:Body");
  if (std::holds_alternative<std::monostate>(m.body) && !m.raw_body.empty() && m.kind != MessageKind::kIdentify) {
    pugi::xml_document fragment;
    s = ParseXml(m.raw_body, ParseLimits{}, &fragment);
    if (!s.ok()) return Status(ErrorCode::kInvalidArgument, "raw_body: " + s.message());
    body.append_copy(fragment.document_element());
  } else {
    s = WriteBody(body, m, o);
    if (!s.ok()) return s;
  }
  std::ostringstream stream;
  doc.save(stream, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  *out = stream.str();
  return Status::Ok();
} catch (const std::bad_alloc&) {
  return Status(ErrorCode::kInternal, "out of memory while encoding");
} catch (...) {
  return Status(ErrorCode::kInternal, "unexpected exception while encoding");
}

Status FuzzDecode(const uint8_t* data, size_t size) {
  Message m;
  Status s = DecodeMessage(std::string_view(reinterpret_cast<const char*>(data), size), &m);
  if (s.ok()) {
    std::string again;
    (void)EncodeMessage(m, &again);
  }
  return s;
}

}  // namespace cimulate::wsman
