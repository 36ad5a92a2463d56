// DecodeMessage: bytes -> Message.  Everything is matched by namespace URI.

#include <charconv>
#include <cstring>
#include <new>
#include <unordered_set>

#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/time.h"

namespace cimulate::wsman {
namespace {

Status Malformed(std::string what, pugi::xml_node where) {
  return Status(ErrorCode::kMalformed, std::move(what) + " at " + PathOf(where));
}

template <typename T>
Status ReadNumber(pugi::xml_node element, T* out) {
  std::string text = TrimmedText(element);
  T value{};
  auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size()) {
    return Malformed("'" + text.substr(0, 32) + "' is not a valid number", element);
  }
  *out = value;
  return Status::Ok();
}

bool MustUnderstand(pugi::xml_node header) {
  // pywinrm 0.3.0 and winrm-client send it unqualified.
  pugi::xml_attribute a = Attribute(header, ns::kSoap, "mustUnderstand");
  if (!a) a = Attribute(header, nullptr, "mustUnderstand");
  std::string_view v = a.value();
  return v == "true" || v == "1";
}

std::string Lang(pugi::xml_node element) { return Attribute(element, ns::kXml, "lang").value(); }

// The subtree of `node` as standalone XML: the copy declares every namespace in
// scope at `node`, so prefixes declared on the Envelope keep their meaning.
std::string Standalone(pugi::xml_node node) {
  pugi::xml_document copy;
  pugi::xml_node root = copy.append_copy(node);
  std::unordered_set<std::string> declared;
  for (pugi::xml_attribute a : root.attributes()) {
    std::string_view name = a.name();
    if (name == "xmlns" || name.starts_with("xmlns:")) declared.insert(std::string(name));
  }
  for (pugi::xml_node n = node.parent(); n && n.type() == pugi::node_element; n = n.parent()) {
    for (pugi::xml_attribute a : n.attributes()) {
      std::string name = a.name();
      if (name != "xmlns" && !name.starts_with("xmlns:")) continue;
      if (declared.insert(name).second) root.append_attribute(name.c_str()) = a.value();
    }
  }
  return NodeToString(root);
}

Status DecodeHeaders(pugi::xml_node header, Headers* h) {
  for (pugi::xml_node e = FirstElement(header); e; e = NextElement(e)) {
    const char* uri = NamespaceOf(e);
    std::string_view local = LocalName(e.name());
    Status s;
    if (std::strcmp(uri, ns::kAddressing) == 0) {
      if (local == "To") {
        h->to = TrimmedText(e);
        continue;
      }
      if (local == "Action") {
        h->action = TrimmedText(e);
        continue;
      }
      if (local == "MessageID") {
        h->message_id = TrimmedText(e);
        continue;
      }
      if (local == "RelatesTo") {
        h->relates_to = TrimmedText(e);
        continue;
      }
      if (local == "ReplyTo") {
        h->reply_to = TrimmedText(Child(e, ns::kAddressing, "Address"));
        continue;
      }
    } else if (std::strcmp(uri, ns::kWsman) == 0) {
      if (local == "ResourceURI") {
        h->resource_uri = TrimmedText(e);
        continue;
      }
      if (local == "SelectorSet") {
        s = ReadSelectorSet(e, &h->selectors);
        if (!s.ok()) return s;
        continue;
      }
      if (local == "OptionSet") {
        for (pugi::xml_node o = FirstElement(e); o; o = NextElement(o)) {
          if (!Is(o, ns::kWsman, "Option")) continue;
          Option option;
          option.name = Attribute(o, nullptr, "Name").value();
          if (option.name.empty()) return Malformed("w:Option without Name", o);
          option.type = Attribute(o, nullptr, "Type").value();
          std::string_view comply = Attribute(o, nullptr, "MustComply").value();
          option.must_comply = comply == "true" || comply == "1";
          option.value = TrimmedText(o);
          h->options.push_back(std::move(option));
        }
        continue;
      }
      if (local == "MaxEnvelopeSize") {
        uint32_t v = 0;
        s = ReadNumber(e, &v);
        if (!s.ok()) return s;
        h->max_envelope_size = v;
        continue;
      }
      if (local == "OperationTimeout") {
        uint64_t ms = 0;
        s = DurationToMilliseconds(TrimmedText(e), &ms);
        if (!s.ok()) return Status(s.code(), s.message() + " at " + PathOf(e));
        h->operation_timeout_ms = ms;
        continue;
      }
      if (local == "Locale") {
        h->locale = Lang(e);
        continue;
      }
    } else if (std::strcmp(uri, ns::kMsWsman) == 0) {
      if (local == "DataLocale") {
        h->data_locale = Lang(e);
        continue;
      }
      if (local == "SessionId") {
        h->session_id = TrimmedText(e);
        continue;
      }
      if (local == "OperationID") {
        h->operation_id = TrimmedText(e);
        continue;
      }
      if (local == "SequenceId") {
        uint64_t v = 0;
        s = ReadNumber(e, &v);
        if (!s.ok()) return s;
        h->sequence_id = v;
        continue;
      }
    }
    h->unknown.push_back(UnknownHeader{uri, std::string(local), MustUnderstand(e), TrimmedText(e)});
  }
  return Status::Ok();
}

MessageKind KindFromAction(std::string_view a) {
  struct Row {
    const char* action;
    MessageKind kind;
  };
  static constexpr Row kRows[] = {
      {action::kGet, MessageKind::kGet},
      {action::kGetResponse, MessageKind::kGetResponse},
      {action::kPut, MessageKind::kPut},
      {action::kPutResponse, MessageKind::kPutResponse},
      {action::kCreate, MessageKind::kCreate},
      {action::kCreateResponse, MessageKind::kCreateResponse},
      {action::kDelete, MessageKind::kDelete},
      {action::kDeleteResponse, MessageKind::kDeleteResponse},
      {action::kEnumerate, MessageKind::kEnumerate},
      {action::kEnumerateResponse, MessageKind::kEnumerateResponse},
      {action::kPull, MessageKind::kPull},
      {action::kPullResponse, MessageKind::kPullResponse},
      {action::kRelease, MessageKind::kRelease},
      {action::kReleaseResponse, MessageKind::kReleaseResponse},
  };
  for (const Row& row : kRows) {
    if (a == row.action) return row.kind;
  }
  // OMI spells the fault actions with the wrong year; any .../fault is a fault.
  if (a.ends_with("/fault")) return MessageKind::kFault;
  return MessageKind::kUnknown;
}

MessageKind DetermineKind(const Headers& h, pugi::xml_node body_child) {
  if (Is(body_child, ns::kSoap, "Fault")) return MessageKind::kFault;
  MessageKind kind = KindFromAction(h.action);
  if (kind != MessageKind::kUnknown) return kind;
  std::string_view local = body_child ? LocalName(body_child.name()) : std::string_view();
  if (local.size() > 6 && local.ends_with("_INPUT")) return MessageKind::kInvoke;
  if (local.size() > 7 && local.ends_with("_OUTPUT")) return MessageKind::kInvokeResponse;
  if (h.action.empty()) {
    if (Is(body_child, ns::kIdentity, "Identify")) return MessageKind::kIdentify;
    // OMI puts IdentifyResponse in the SOAP namespace.
    if (local == "IdentifyResponse") return MessageKind::kIdentifyResponse;
  }
  return MessageKind::kOther;
}

Status DecodeItems(pugi::xml_node items, std::vector<Item>* out) {
  for (pugi::xml_node e = FirstElement(items); e; e = NextElement(e)) {
    Item item;
    Status s;
    if (Is(e, ns::kAddressing, "EndpointReference")) {
      item.epr.emplace();
      s = ReadEpr(e, &*item.epr);
    } else if (Is(e, ns::kWsman, "Item")) {
      for (pugi::xml_node c = FirstElement(e); c && s.ok(); c = NextElement(c)) {
        if (Is(c, ns::kAddressing, "EndpointReference")) {
          item.epr.emplace();
          s = ReadEpr(c, &*item.epr);
        } else if (!item.instance) {
          s = ReadInstance(c, &item.instance, &item.resource_uri);
        }
      }
    } else {
      s = ReadInstance(e, &item.instance, &item.resource_uri);
    }
    if (!s.ok()) return s;
    out->push_back(std::move(item));
  }
  return Status::Ok();
}

Status DecodeFilter(pugi::xml_node e, Filter* f) {
  f->dialect = Attribute(e, nullptr, "Dialect").value();
  if (f->dialect == dialect::kSelector) {
    pugi::xml_node set = Child(e, ns::kWsman, "SelectorSet");
    if (!set) return Malformed("selector filter without w:SelectorSet", e);
    return ReadSelectorSet(set, &f->selectors);
  }
  if (f->dialect == dialect::kAssociation) {
    pugi::xml_node a = Child(e, ns::kCimBinding, "AssociatedInstances");
    AssociationFilter af;
    if (!a) {
      a = Child(e, ns::kCimBinding, "AssociationInstances");
      af.association_instances = true;
    }
    if (!a) return Malformed("association filter without b:AssociatedInstances or b:AssociationInstances", e);
    pugi::xml_node object = Child(a, ns::kCimBinding, "Object");
    if (!object) return Malformed("association filter without b:Object", a);
    Status s = ReadEpr(object, &af.object);
    if (!s.ok()) return s;
    af.association_class_name = TrimmedText(Child(a, ns::kCimBinding, "AssociationClassName"));
    af.role = TrimmedText(Child(a, ns::kCimBinding, "Role"));
    af.result_class_name = TrimmedText(Child(a, ns::kCimBinding, "ResultClassName"));
    af.result_role = TrimmedText(Child(a, ns::kCimBinding, "ResultRole"));
    f->association = std::move(af);
    return Status::Ok();
  }
  f->query = TrimmedText(e);
  return Status::Ok();
}

Status DecodeEnumerate(pugi::xml_node e, EnumerateBody* b) {
  for (pugi::xml_node c = FirstElement(e); c; c = NextElement(c)) {
    Status s;
    if (Is(c, ns::kWsman, "OptimizeEnumeration")) {
      b->optimize = true;
    } else if (Is(c, ns::kWsman, "MaxElements")) {
      uint32_t v = 0;
      s = ReadNumber(c, &v);
      b->max_elements = v;
    } else if (Is(c, ns::kWsman, "EnumerationMode")) {
      std::string mode = TrimmedText(c);
      if (mode == "EnumerateEPR") {
        b->mode = EnumerationMode::kEprs;
      } else if (mode == "EnumerateObjectAndEPR") {
        b->mode = EnumerationMode::kObjectsAndEprs;
      } else {
        return Malformed("unknown EnumerationMode '" + mode.substr(0, 64) + "'", c);
      }
    } else if (Is(c, ns::kWsman, "Filter") || Is(c, ns::kEnumeration, "Filter")) {
      b->filter.emplace();
      s = DecodeFilter(c, &*b->filter);
    } else if (Is(c, ns::kCimBinding, "PolymorphismMode")) {
      std::string mode = TrimmedText(c);
      if (mode == "IncludeSubClassProperties") {
        b->polymorphism = PolymorphismMode::kIncludeSubClassProperties;
      } else if (mode == "ExcludeSubClassProperties") {
        b->polymorphism = PolymorphismMode::kExcludeSubClassProperties;
      } else if (mode == "None") {
        b->polymorphism = PolymorphismMode::kNone;
      } else {
        return Malformed("unknown PolymorphismMode '" + mode.substr(0, 64) + "'", c);
      }
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status DecodeWsmanFault(pugi::xml_node e, WsmanFaultInfo* f) {
  std::string_view code = Attribute(e, nullptr, "Code").value();
  if (!code.empty()) {
    auto r = std::from_chars(code.data(), code.data() + code.size(), f->code);
    if (r.ec != std::errc() || r.ptr != code.data() + code.size()) {
      return Malformed("WSManFault Code '" + std::string(code.substr(0, 32)) + "' is not a number", e);
    }
  }
  f->machine = Attribute(e, nullptr, "Machine").value();
  pugi::xml_node message = Child(e, ns::kWsmanFault, "Message");
  if (!message) return Status::Ok();
  pugi::xml_node provider = Child(message, ns::kWsmanFault, "ProviderFault");
  if (!provider) {
    f->message = TrimmedText(message);
    return Status::Ok();
  }
  f->provider = Attribute(provider, nullptr, "provider").value();
  f->provider_path = Attribute(provider, nullptr, "path").value();
  pugi::xml_node inner = Child(provider, ns::kWsmanFault, "WSManFault");
  if (inner) {
    WsmanFaultInfo nested;
    Status s = DecodeWsmanFault(inner, &nested);
    if (!s.ok()) return s;
    f->message = nested.message;
  } else {
    f->message = TrimmedText(provider);
  }
  return Status::Ok();
}

bool IsCimError(pugi::xml_node e) {
  pugi::xml_attribute flag = Attribute(e, ns::kCimBinding, "IsCIM_Error");
  if (flag) {
    std::string_view v = flag.value();
    if (v == "true" || v == "1") return true;
  }
  std::string_view local = LocalName(e.name());
  return local.size() > 6 && local.ends_with("_Error");  // MSFT_WmiError, OMI_Error, CIM_Error
}

Status DecodeFault(pugi::xml_node e, Fault* f) {
  pugi::xml_node code = Child(e, ns::kSoap, "Code");
  pugi::xml_node value = Child(code, ns::kSoap, "Value");
  if (!value) return Malformed("s:Fault without s:Code/s:Value", e);
  if (!ResolveQName(value, TrimmedText(value), &f->code.ns, &f->code.local)) {
    return Malformed("fault code '" + TrimmedText(value).substr(0, 64) + "' is not a resolvable QName", value);
  }
  pugi::xml_node subcode = Child(Child(code, ns::kSoap, "Subcode"), ns::kSoap, "Value");
  if (subcode && !ResolveQName(subcode, TrimmedText(subcode), &f->subcode.ns, &f->subcode.local)) {
    return Malformed("fault subcode '" + TrimmedText(subcode).substr(0, 64) + "' is not a resolvable QName",
                     subcode);
  }
  pugi::xml_node text = Child(Child(e, ns::kSoap, "Reason"), ns::kSoap, "Text");
  f->reason = TrimmedText(text);
  f->reason_lang = text ? Lang(text) : std::string();
  pugi::xml_node detail = Child(e, ns::kSoap, "Detail");
  for (pugi::xml_node d = FirstElement(detail); d; d = NextElement(d)) {
    Status s;
    if (Is(d, ns::kWsman, "FaultDetail")) {
      f->fault_detail = TrimmedText(d);
    } else if (Is(d, ns::kWsmanFault, "WSManFault")) {
      f->wsman_fault.emplace();
      s = DecodeWsmanFault(d, &*f->wsman_fault);
    } else if (!f->cim_error && IsCimError(d)) {
      s = ReadInstance(d, &f->cim_error, &f->cim_error_resource_uri);
    }
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status DecodeBody(Message* m, pugi::xml_node c) {
  Status s;
  switch (m->kind) {
    case MessageKind::kGetResponse:
    case MessageKind::kPut:
    case MessageKind::kPutResponse:
    case MessageKind::kCreate: {
      InstanceBody b;
      if (c) s = ReadInstance(c, &b.instance, &b.resource_uri);
      m->body = std::move(b);
      break;
    }
    case MessageKind::kCreateResponse: {
      pugi::xml_node created = c;
      while (created && !Is(created, ns::kTransfer, "ResourceCreated")) created = NextElement(created);
      if (!created) return Status(ErrorCode::kMalformed, "CreateResponse without x:ResourceCreated");
      CreateResponseBody b;
      s = ReadEpr(created, &b.created);
      m->body = std::move(b);
      break;
    }
    case MessageKind::kEnumerate: {
      if (!Is(c, ns::kEnumeration, "Enumerate")) return Status(ErrorCode::kMalformed, "Enumerate without n:Enumerate");
      EnumerateBody b;
      s = DecodeEnumerate(c, &b);
      m->body = std::move(b);
      break;
    }
    case MessageKind::kEnumerateResponse: {
      if (!Is(c, ns::kEnumeration, "EnumerateResponse")) {
        return Status(ErrorCode::kMalformed, "EnumerateResponse without n:EnumerateResponse");
      }
      EnumerateResponseBody b;
      b.context = TrimmedText(Child(c, ns::kEnumeration, "EnumerationContext"));
      pugi::xml_node items = Child(c, ns::kWsman, "Items");
      if (!items) items = Child(c, ns::kEnumeration, "Items");
      if (items) {
        b.optimized = true;
        s = DecodeItems(items, &b.items);
      }
      b.end_of_sequence = Child(c, ns::kWsman, "EndOfSequence") || Child(c, ns::kEnumeration, "EndOfSequence");
      m->body = std::move(b);
      break;
    }
    case MessageKind::kPull: {
      if (!Is(c, ns::kEnumeration, "Pull")) return Status(ErrorCode::kMalformed, "Pull without n:Pull");
      PullBody b;
      pugi::xml_node context = Child(c, ns::kEnumeration, "EnumerationContext");
      if (!context) return Malformed("Pull without n:EnumerationContext", c);
      b.context = TrimmedText(context);
      if (pugi::xml_node max = Child(c, ns::kEnumeration, "MaxElements")) {
        uint32_t v = 0;
        s = ReadNumber(max, &v);
        b.max_elements = v;
      }
      if (pugi::xml_node time = Child(c, ns::kEnumeration, "MaxTime"); time && s.ok()) {
        uint64_t ms = 0;
        s = DurationToMilliseconds(TrimmedText(time), &ms);
        if (!s.ok()) s = Status(s.code(), s.message() + " at " + PathOf(time));
        b.max_time_ms = ms;
      }
      m->body = std::move(b);
      break;
    }
    case MessageKind::kPullResponse: {
      if (!Is(c, ns::kEnumeration, "PullResponse")) {
        return Status(ErrorCode::kMalformed, "PullResponse without n:PullResponse");
      }
      PullResponseBody b;
      if (pugi::xml_node context = Child(c, ns::kEnumeration, "EnumerationContext")) b.context = TrimmedText(context);
      pugi::xml_node items = Child(c, ns::kEnumeration, "Items");
      if (!items) items = Child(c, ns::kWsman, "Items");
      if (items) s = DecodeItems(items, &b.items);
      b.end_of_sequence = Child(c, ns::kEnumeration, "EndOfSequence") || Child(c, ns::kWsman, "EndOfSequence");
      m->body = std::move(b);
      break;
    }
    case MessageKind::kRelease: {
      pugi::xml_node context = Child(c, ns::kEnumeration, "EnumerationContext");
      if (!Is(c, ns::kEnumeration, "Release") || !context) {
        return Status(ErrorCode::kMalformed, "Release without n:Release/n:EnumerationContext");
      }
      m->body = ReleaseBody{TrimmedText(context)};
      break;
    }
    case MessageKind::kInvoke:
    case MessageKind::kInvokeResponse: {
      std::string_view local = LocalName(c.name());
      InvokeBody b;
      b.method = std::string(local.substr(0, local.size() - (m->kind == MessageKind::kInvoke ? 6 : 7)));
      b.resource_uri = NamespaceOf(c);
      s = ReadInstanceAs(c, b.method, &b.parameters);
      m->body = std::move(b);
      break;
    }
    case MessageKind::kFault: {
      if (!Is(c, ns::kSoap, "Fault")) return Status(ErrorCode::kMalformed, "fault action without s:Fault body");
      Fault f;
      s = DecodeFault(c, &f);
      m->body = std::move(f);
      break;
    }
    case MessageKind::kIdentifyResponse: {
      IdentifyResponseBody b;
      for (pugi::xml_node e = FirstElement(c); e; e = NextElement(e)) {
        std::string_view local = LocalName(e.name());
        if (local == "ProtocolVersion") b.protocol_version = TrimmedText(e);
        if (local == "ProductVendor") b.product_vendor = TrimmedText(e);
        if (local == "ProductVersion") b.product_version = TrimmedText(e);
        if (local == "SecurityProfiles") {
          for (pugi::xml_node p = FirstElement(e); p; p = NextElement(p)) b.security_profiles.push_back(TrimmedText(p));
        }
      }
      m->body = std::move(b);
      break;
    }
    default:
      break;  // Identify, Get, Delete, *Response without a body, kOther: raw_body only
  }
  return s;
}

}  // namespace

Status DecodeMessage(std::string_view bytes, Message* out, const DecodeOptions& options) try {
  pugi::xml_document doc;
  Status s = ParseXml(bytes, options.limits, &doc);
  if (!s.ok()) return s;
  pugi::xml_node root = doc.document_element();
  if (!Is(root, ns::kSoap, "Envelope")) {
    std::string uri = NamespaceOf(root);
    if (LocalName(root.name()) == "Envelope") {
      return Status(ErrorCode::kVersionMismatch,
                    "Envelope is in namespace '" + uri + "', not SOAP 1.2 (" + ns::kSoap + ")");
    }
    return Status(ErrorCode::kVersionMismatch, "root element " + std::string(root.name()) + " is not a SOAP Envelope");
  }
  pugi::xml_node body = Child(root, ns::kSoap, "Body");
  if (!body) return Status(ErrorCode::kMalformed, "s:Body missing in the Envelope");
  Message m;
  if (pugi::xml_node header = Child(root, ns::kSoap, "Header")) {
    s = DecodeHeaders(header, &m.headers);
    if (!s.ok()) return s;
  }
  pugi::xml_node first = FirstElement(body);
  if (first) m.raw_body = Standalone(first);
  m.kind = DetermineKind(m.headers, first);
  s = DecodeBody(&m, first);
  if (!s.ok()) return s;
  *out = std::move(m);
  return Status::Ok();
} catch (const std::bad_alloc&) {
  return Status(ErrorCode::kInternal, "out of memory while decoding");
} catch (...) {
  return Status(ErrorCode::kInternal, "unexpected exception while decoding");
}

}  // namespace cimulate::wsman
