// endpoint.rules: match, respond (instances, method output, WS-Man fault,
// raw XML, raw HTTP), transport faults and state transitions.
#include <algorithm>
#include <set>

#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

const std::vector<std::string_view> kActionNames = {"Identify", "Get",     "Put",     "Create", "Delete",
                                                    "Enumerate", "Pull",   "Release", "Invoke", "Command",
                                                    "Receive",  "Send",    "Signal",  "End"};

const char* const kFaultDetailPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

const StateMachine* CheckMachine(const YamlNode& node, const std::string& path, const std::string& name,
                                 const Endpoint& endpoint, ParseContext* ctx) {
  const StateMachine* m = endpoint.FindStateMachine(name);
  if (m == nullptr) ctx->reader.Error(node, path, "undefined state machine " + Quote(name));
  return m;
}

void CheckState(const YamlNode& node, const std::string& path, const StateMachine& m, const std::string& state,
                ParseContext* ctx) {
  if (std::find(m.states.begin(), m.states.end(), state) != m.states.end()) return;
  std::vector<std::string_view> names(m.states.begin(), m.states.end());
  std::string near = NearestName(state, names);
  ctx->reader.Error(node, path, "undefined state " + Quote(state) + " of state machine " + Quote(m.name) +
                                    (near.empty() ? "" : " (did you mean " + Quote(near) + "?)"));
}

void ParseStateCondition(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                         std::optional<StateCondition>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"machine", "in"})) return;
  StateCondition c;
  const YamlNode* machine = r.Required(node, path, "machine");
  const YamlNode* in = r.Required(node, path, "in");
  if (machine == nullptr || in == nullptr || !r.Name(*machine, JoinPath(path, "machine"), &c.machine)) return;
  if (in->IsSequence()) {
    if (!r.StringList(*in, JoinPath(path, "in"), &c.in)) return;
  } else {
    std::string state;
    if (!r.Name(*in, JoinPath(path, "in"), &state)) return;
    c.in.push_back(state);
  }
  const StateMachine* m = CheckMachine(*machine, JoinPath(path, "machine"), c.machine, endpoint, ctx);
  if (m == nullptr) return;
  for (size_t i = 0; i < c.in.size(); ++i) {
    const YamlNode& at = in->IsSequence() ? in->items[i] : *in;
    CheckState(at, in->IsSequence() ? IndexPath(JoinPath(path, "in"), i) : JoinPath(path, "in"), *m, c.in[i], ctx);
  }
  *out = std::move(c);
}

void ParseMatch(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                Match* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"listener", "action", "resource_uri", "class", "method", "namespace", "selectors",
                          "filter", "http_headers", "soap_headers", "user", "nth", "state"})) {
    return;
  }
  if (const YamlNode* n = node.Find("listener")) {
    ListenerKind kind;
    if (ParseListenerKind(*n, JoinPath(path, "listener"), ctx, &kind)) out->listener = kind;
  }
  if (const YamlNode* n = node.Find("action")) {
    Action action;
    if (ParseAction(*n, JoinPath(path, "action"), ctx, &action, &out->action_uri)) out->action = action;
  }
  if (const YamlNode* n = node.Find("resource_uri")) r.Name(*n, JoinPath(path, "resource_uri"), &out->resource_uri);
  if (const YamlNode* n = node.Find("class")) r.Name(*n, JoinPath(path, "class"), &out->class_name);
  if (const YamlNode* n = node.Find("method")) r.Name(*n, JoinPath(path, "method"), &out->method);
  if (const YamlNode* n = node.Find("namespace")) r.Name(*n, JoinPath(path, "namespace"), &out->name_space);
  if (const YamlNode* n = node.Find("selectors")) ParseNameValues(*n, JoinPath(path, "selectors"), ctx, &out->selectors);
  if (const YamlNode* n = node.Find("http_headers")) ParseNameValues(*n, JoinPath(path, "http_headers"), ctx, &out->http_headers);
  if (const YamlNode* n = node.Find("soap_headers")) ParseNameValues(*n, JoinPath(path, "soap_headers"), ctx, &out->soap_headers);
  if (const YamlNode* n = node.Find("filter"); n && r.Map(*n, JoinPath(path, "filter"), {"dialect", "text", "contains"})) {
    FilterMatch f;
    if (const YamlNode* d = n->Find("dialect")) r.Name(*d, JoinPath(path, "filter.dialect"), &f.dialect);
    if (const YamlNode* t = n->Find("text")) r.String(*t, JoinPath(path, "filter.text"), &f.text);
    if (const YamlNode* c = n->Find("contains")) r.String(*c, JoinPath(path, "filter.contains"), &f.contains);
    out->filter = std::move(f);
  }
  if (const YamlNode* n = node.Find("user"); n && r.Name(*n, JoinPath(path, "user"), &out->user)) {
    bool known = std::any_of(endpoint.auth.accounts.begin(), endpoint.auth.accounts.end(),
                             [&](const Account& a) { return a.user == out->user; });
    if (!known) r.Error(*n, JoinPath(path, "user"), "undefined account " + Quote(out->user));
  }
  if (const YamlNode* n = node.Find("nth"); n && r.Uint32(*n, JoinPath(path, "nth"), &out->nth) && out->nth == 0) {
    r.Error(*n, JoinPath(path, "nth"), "nth counts from 1");
  }
  if (const YamlNode* n = node.Find("state")) ParseStateCondition(*n, JoinPath(path, "state"), endpoint, ctx, &out->state);
  if (!out->method.empty() && out->action && *out->action != Action::kInvoke) {
    r.Error(*node.Find("method"), JoinPath(path, "method"), "a method only matches action Invoke");
  }
}

void ParseWsmanFault(const YamlNode& node, const std::string& path, ParseContext* ctx, std::optional<WsmanFault>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"code", "machine", "message", "provider_fault"})) return;
  WsmanFault f;
  if (const YamlNode* n = r.Required(node, path, "code")) r.Uint32(*n, JoinPath(path, "code"), &f.code);
  if (const YamlNode* n = node.Find("machine")) r.String(*n, JoinPath(path, "machine"), &f.machine);
  if (const YamlNode* n = node.Find("message")) r.String(*n, JoinPath(path, "message"), &f.message);
  if (const YamlNode* n = node.Find("provider_fault"); n && r.Map(*n, JoinPath(path, "provider_fault"), {"provider", "path"})) {
    ProviderFault p;
    if (const YamlNode* v = n->Find("provider")) r.String(*v, JoinPath(path, "provider_fault.provider"), &p.provider);
    if (const YamlNode* v = n->Find("path")) r.String(*v, JoinPath(path, "provider_fault.path"), &p.path);
    f.provider_fault = std::move(p);
  }
  *out = std::move(f);
}

void ParseCimError(const YamlNode& node, const std::string& path, ParseContext* ctx, std::optional<InstanceValue>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"class", "properties"})) return;
  InstanceValue error;
  error.mark = node.mark;
  size_t index = 0;
  const YamlNode* cls = r.Required(node, path, "class");
  const std::vector<std::string_view> classes = {"MSFT_WmiError", "CIM_Error", "OMI_Error"};
  if (cls == nullptr || !r.Enum(*cls, JoinPath(path, "class"), classes, &index)) return;
  error.class_name = std::string(classes[index]);
  const ClassDecl* decl = FindErrorClass(error.class_name);
  std::vector<const PropertyDecl*> decls;
  for (const PropertyDecl& p : decl->properties) decls.push_back(&p);
  if (const YamlNode* props = node.Find("properties")) {
    ParseProperties(*props, JoinPath(path, "properties"), decls, "", ctx, &error.properties);
  }
  *out = std::move(error);
}

void ParseFault(const YamlNode& node, const std::string& path, ParseContext* ctx, Fault* out) {
  Reader& r = ctx->reader;
  out->mark = node.mark;
  if (!r.Map(node, path, {"http_status", "action", "code", "subcode", "reason", "detail", "wsman_fault", "cim_error"})) {
    return;
  }
  if (const YamlNode* n = node.Find("http_status")) {
    std::uint64_t status;
    if (r.Uint(*n, JoinPath(path, "http_status"), 599, &status)) {
      if (status < 100) r.Error(*n, JoinPath(path, "http_status"), "expected an HTTP status from 100 to 599");
      out->http_status = static_cast<int>(status);
    }
  }
  if (const YamlNode* n = node.Find("action")) r.Name(*n, JoinPath(path, "action"), &out->action);
  if (const YamlNode* n = node.Find("code")) {
    const std::vector<std::string_view> codes = {"Sender", "Receiver", "VersionMismatch", "MustUnderstand",
                                                 "DataEncodingUnknown"};
    size_t index;
    if (r.Enum(*n, JoinPath(path, "code"), codes, &index)) out->code = std::string(codes[index]);
  }
  if (const YamlNode* n = node.Find("subcode"); n && r.Name(*n, JoinPath(path, "subcode"), &out->subcode)) {
    static const std::set<std::string> kPrefixes = {"w", "wsman", "a", "wsa", "n", "wsen", "x", "wxf", "e", "rsp", "p"};
    size_t colon = out->subcode.find(':');
    if (colon == std::string::npos || colon + 1 == out->subcode.size() || !kPrefixes.count(out->subcode.substr(0, colon))) {
      r.Error(*n, JoinPath(path, "subcode"),
              "expected a QName with prefix w, a, n, x, e, rsp or p (e.g. \"w:InvalidSelectors\") but found " + Describe(*n));
    }
  }
  if (const YamlNode* n = node.Find("reason")) r.String(*n, JoinPath(path, "reason"), &out->reason);
  if (const YamlNode* n = node.Find("detail"); n && r.Name(*n, JoinPath(path, "detail"), &out->detail)) {
    if (out->detail.find('/') == std::string::npos) out->detail = kFaultDetailPrefix + out->detail;
  }
  if (const YamlNode* n = node.Find("wsman_fault")) ParseWsmanFault(*n, JoinPath(path, "wsman_fault"), ctx, &out->wsman_fault);
  if (const YamlNode* n = node.Find("cim_error")) ParseCimError(*n, JoinPath(path, "cim_error"), ctx, &out->cim_error);
}

// The data method a rule's output answers: match.class + match.method, declared in data.
const MethodDecl* OutputMethod(const Match& match, const Endpoint& endpoint, std::string* name_space) {
  for (const NamespaceData& ns : endpoint.data.namespaces) {
    if (!match.name_space.empty() && ns.name != match.name_space) continue;
    if (const MethodDecl* m = endpoint.data.FindMethod(ns.name, match.class_name, match.method)) {
      *name_space = ns.name;
      return m;
    }
  }
  return nullptr;
}

void ParseOutput(const YamlNode& node, const std::string& path, const Match& match, const Endpoint& endpoint,
                 ParseContext* ctx, Response* out) {
  std::string name_space;
  const MethodDecl* method = OutputMethod(match, endpoint, &name_space);
  if (method == nullptr) {
    ctx->reader.Error(node, path, "output needs match.class and match.method naming a method declared in data");
    return;
  }
  PropertyDecl ret;
  ret.name = "ReturnValue";
  ret.type = method->return_type;
  std::vector<const PropertyDecl*> decls{&ret};
  for (const PropertyDecl& p : method->out) decls.push_back(&p);
  ParseProperties(node, path, decls, name_space, ctx, &out->output);
}

void ParseResponse(const YamlNode& node, const std::string& path, const Match& match, const Endpoint& endpoint,
                   ParseContext* ctx, std::optional<Response>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"instances", "instances_of", "batches", "output", "fault", "xml", "status", "http"})) return;
  Response resp;
  resp.mark = node.mark;
  int kinds = 0;
  for (const char* k : {"instances", "instances_of", "output", "fault", "xml", "http"}) kinds += node.Find(k) != nullptr;
  if (kinds != 1) {
    r.Error(node, path, "give exactly one of instances, instances_of, output, fault, xml, http");
    return;
  }
  if (const YamlNode* n = node.Find("instances"); n && r.StringList(*n, JoinPath(path, "instances"), &resp.instance_ids)) {
    resp.kind = Response::Kind::kInstances;
    for (size_t i = 0; i < resp.instance_ids.size(); ++i) {
      if (endpoint.data.FindInstance(resp.instance_ids[i]) == nullptr) {
        r.Error(n->items[i], IndexPath(JoinPath(path, "instances"), i), "undefined instance " + Quote(resp.instance_ids[i]));
      }
    }
  }
  if (const YamlNode* n = node.Find("instances_of"); n && r.Name(*n, JoinPath(path, "instances_of"), &resp.instances_of)) {
    resp.kind = Response::Kind::kInstances;
    bool found = std::any_of(endpoint.data.namespaces.begin(), endpoint.data.namespaces.end(),
                             [&](const NamespaceData& ns) { return endpoint.data.FindClass(ns.name, resp.instances_of); });
    if (!found) r.Error(*n, JoinPath(path, "instances_of"), "undefined class " + Quote(resp.instances_of));
  }
  if (const YamlNode* n = node.Find("batches")) {
    std::string bpath = JoinPath(path, "batches");
    if (resp.kind != Response::Kind::kInstances || kinds != 1 || (!node.Find("instances") && !node.Find("instances_of"))) {
      r.Error(*n, bpath, "batches go with instances or instances_of");
    } else if (r.Sequence(*n, bpath)) {
      for (size_t i = 0; i < n->items.size(); ++i) {
        std::uint32_t size;
        if (r.Uint32(n->items[i], IndexPath(bpath, i), &size)) resp.batches.push_back(size);
      }
    }
  }
  if (const YamlNode* n = node.Find("output")) {
    resp.kind = Response::Kind::kOutput;
    ParseOutput(*n, JoinPath(path, "output"), match, endpoint, ctx, &resp);
  }
  if (const YamlNode* n = node.Find("fault")) {
    resp.kind = Response::Kind::kFault;
    ParseFault(*n, JoinPath(path, "fault"), ctx, &resp.fault);
  }
  if (const YamlNode* n = node.Find("xml")) {
    resp.kind = Response::Kind::kXml;
    r.String(*n, JoinPath(path, "xml"), &resp.xml);
  }
  if (const YamlNode* n = node.Find("status")) {
    std::uint64_t status = 200;
    if (!node.Find("xml")) r.Error(*n, JoinPath(path, "status"), "status goes with xml (use http for other responses)");
    else if (r.Uint(*n, JoinPath(path, "status"), 599, &status)) resp.http.status = static_cast<int>(status);
  }
  if (const YamlNode* n = node.Find("http"); n && r.Map(*n, JoinPath(path, "http"), {"status", "headers", "body"})) {
    resp.kind = Response::Kind::kHttp;
    std::string hpath = JoinPath(path, "http");
    std::uint64_t status = 0;
    if (const YamlNode* s = r.Required(*n, hpath, "status"); s && r.Uint(*s, JoinPath(hpath, "status"), 599, &status)) {
      resp.http.status = static_cast<int>(status);
    }
    if (const YamlNode* h = n->Find("headers")) ParseNameValues(*h, JoinPath(hpath, "headers"), ctx, &resp.http.headers);
    if (const YamlNode* b = n->Find("body")) r.String(*b, JoinPath(hpath, "body"), &resp.http.body);
  }
  *out = std::move(resp);
}

void ParseTransition(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                     std::optional<Transition>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"machine", "to"})) return;
  Transition t;
  const YamlNode* machine = r.Required(node, path, "machine");
  const YamlNode* to = r.Required(node, path, "to");
  if (machine == nullptr || to == nullptr || !r.Name(*machine, JoinPath(path, "machine"), &t.machine) ||
      !r.Name(*to, JoinPath(path, "to"), &t.to)) {
    return;
  }
  if (const StateMachine* m = CheckMachine(*machine, JoinPath(path, "machine"), t.machine, endpoint, ctx)) {
    CheckState(*to, JoinPath(path, "to"), *m, t.to, ctx);
  }
  *out = std::move(t);
}

}  // namespace

bool ParseAction(const YamlNode& node, const std::string& path, ParseContext* ctx, Action* action, std::string* uri) {
  if (node.IsScalar() && (StartsWith(node.text, "http://") || StartsWith(node.text, "https://"))) {
    *action = Action::kUri;
    *uri = node.text;
    return true;
  }
  size_t index;
  if (!ctx->reader.Enum(node, path, kActionNames, &index)) return false;
  *action = static_cast<Action>(index);
  return true;
}

bool ParseTransportFault(const YamlNode& node, const std::string& path, bool connection_level, ParseContext* ctx,
                         TransportFault* out) {
  Reader& r = ctx->reader;
  if (!r.AnyMap(node, path)) return false;
  const YamlNode* kind_node = r.Required(node, path, "kind");
  const std::vector<std::string_view> kinds = {"refuse", "accept_then_close", "reset", "garbage_then_close",
                                               "truncated_body", "stall_before_headers", "dribble", "delay", "hang"};
  size_t index;
  if (kind_node == nullptr || !r.Enum(*kind_node, JoinPath(path, "kind"), kinds, &index)) return false;
  TransportFault f;
  f.kind = static_cast<TransportFaultKind>(index);
  f.mark = node.mark;
  using K = TransportFaultKind;
  bool request_only = f.kind == K::kTruncatedBody || f.kind == K::kStallBeforeHeaders || f.kind == K::kDribble;
  if (connection_level && request_only) {
    r.Error(*kind_node, JoinPath(path, "kind"), std::string(kinds[index]) + " applies to a response; use it in a rule");
    return false;
  }
  if (!connection_level && f.kind == K::kRefuse) {
    r.Error(*kind_node, JoinPath(path, "kind"), "refuse applies to connections; use it in connection_faults");
    return false;
  }
  bool ok = false;
  switch (f.kind) {
    case K::kRefuse: ok = r.Map(node, path, {"kind"}); break;
    case K::kAcceptThenClose: case K::kReset: ok = r.Map(node, path, {"kind", "ms"}); break;
    case K::kGarbageThenClose: ok = r.Map(node, path, {"kind", "bytes"}); f.bytes = 64; break;
    case K::kTruncatedBody: ok = r.Map(node, path, {"kind", "bytes", "percent"}); break;
    case K::kStallBeforeHeaders: ok = r.Map(node, path, {"kind", "ms"}) && r.Required(node, path, "ms"); break;
    case K::kDribble: ok = r.Map(node, path, {"kind", "chunk_bytes", "interval_ms"}); f.interval_ms = 10; break;
    case K::kDelay: ok = r.Map(node, path, {"kind", "ms", "jitter_ms"}) && r.Required(node, path, "ms"); break;
    case K::kHang: ok = r.Map(node, path, {"kind", "until"}); break;
  }
  if (const YamlNode* n = node.Find("ms")) ok &= r.Uint32(*n, JoinPath(path, "ms"), &f.ms);
  if (const YamlNode* n = node.Find("jitter_ms")) ok &= r.Uint32(*n, JoinPath(path, "jitter_ms"), &f.jitter_ms);
  if (const YamlNode* n = node.Find("bytes")) ok &= r.Uint32(*n, JoinPath(path, "bytes"), &f.bytes);
  if (const YamlNode* n = node.Find("interval_ms")) ok &= r.Uint32(*n, JoinPath(path, "interval_ms"), &f.interval_ms);
  if (const YamlNode* n = node.Find("chunk_bytes"); n && r.Uint32(*n, JoinPath(path, "chunk_bytes"), &f.chunk_bytes) &&
                                                    f.chunk_bytes == 0) {
    r.Error(*n, JoinPath(path, "chunk_bytes"), "chunk_bytes must be at least 1");
    ok = false;
  }
  if (const YamlNode* n = node.Find("percent")) {
    std::uint64_t percent = 0;
    ok &= r.Uint(*n, JoinPath(path, "percent"), 99, &percent);
    f.percent = static_cast<std::uint32_t>(percent);
  }
  if (f.kind == K::kTruncatedBody && (node.Find("bytes") != nullptr) == (node.Find("percent") != nullptr)) {
    r.Error(node, path, "truncated_body takes exactly one of bytes or percent");
    ok = false;
  }
  if (const YamlNode* n = node.Find("until")) {
    size_t until;
    if (r.Enum(*n, JoinPath(path, "until"), {"client_disconnect", "release"}, &until)) {
      f.until = static_cast<TransportFault::Until>(until);
    } else {
      ok = false;
    }
  }
  if (ok) *out = f;
  return ok;
}

void ParseRules(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                std::vector<Rule>* out) {
  Reader& r = ctx->reader;
  if (!r.Sequence(node, path)) return;
  std::set<std::string> names;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    std::string p = IndexPath(path, i);
    Rule rule;
    rule.mark = item.mark;
    rule.name = p;
    if (!r.Map(item, p, {"name", "match", "respond", "transport", "transition", "times"})) continue;
    if (const YamlNode* n = item.Find("name"); n && r.Name(*n, JoinPath(p, "name"), &rule.name)) {
      if (!names.insert(rule.name).second) r.Error(*n, JoinPath(p, "name"), "duplicate rule name " + Quote(rule.name));
    }
    if (const YamlNode* n = item.Find("match")) ParseMatch(*n, JoinPath(p, "match"), endpoint, ctx, &rule.match);
    if (const YamlNode* n = item.Find("respond")) ParseResponse(*n, JoinPath(p, "respond"), rule.match, endpoint, ctx, &rule.respond);
    if (const YamlNode* n = item.Find("transport")) {
      TransportFault f;
      if (ParseTransportFault(*n, JoinPath(p, "transport"), false, ctx, &f)) rule.transport = f;
    }
    if (const YamlNode* n = item.Find("transition")) ParseTransition(*n, JoinPath(p, "transition"), endpoint, ctx, &rule.transition);
    if (const YamlNode* n = item.Find("times")) r.Uint32(*n, JoinPath(p, "times"), &rule.times);
    if (!item.Find("respond") && !item.Find("transport") && !item.Find("transition")) {
      r.Error(item, p, "a rule needs respond, transport or transition");
    }
    out->push_back(std::move(rule));
  }
}

}  // namespace cimulate::scenario
