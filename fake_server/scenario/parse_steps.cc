// steps: and expect: for the conformance runner.
#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

const std::vector<std::string_view> kStepNames = {
    "initialize",          "new_session",        "get_instance",     "modify_instance", "create_instance",
    "delete_instance",     "enumerate_instances", "query_instances", "associator_instances",
    "reference_instances", "invoke",             "get_class",        "enumerate_classes", "subscribe",
    "test_connection",     "cancel",             "close_operation",  "close_session",   "close_application"};

// The handles defined so far, by kind, in definition order.
struct Handles {
  std::vector<std::string> applications, sessions, operations;
  std::set<std::string> steps;  // every `as:` name
};

// Resolves an optional handle key to a name defined earlier (the last one when omitted).
void UseHandle(const YamlNode& params, const std::string& path, const char* key, const char* kind,
               const std::vector<std::string>& defined, ParseContext* ctx, const YamlNode& step, std::string* out) {
  const YamlNode* n = params.IsMap() ? params.Find(key) : nullptr;
  if (n == nullptr) {
    if (defined.empty()) ctx->reader.Error(step, path, std::string("no ") + kind + " has been created by an earlier step");
    else *out = defined.back();
    return;
  }
  if (!ctx->reader.Name(*n, JoinPath(path, key), out)) return;
  if (std::find(defined.begin(), defined.end(), *out) == defined.end()) {
    ctx->reader.Error(*n, JoinPath(path, key), std::string("undefined ") + kind + " " + Quote(*out));
  }
}

bool ParseResult(const YamlNode& node, const std::string& path, ParseContext* ctx, MI_Result* out) {
  std::uint64_t number;
  bool negative;
  if (node.IsScalar() && !node.quoted && ParseInteger(node.text, 0, 0xFFFFFFFFu, &negative, &number)) {
    *out = static_cast<MI_Result>(number);
    return true;
  }
  std::vector<std::string> names;
  for (unsigned r = 0; r <= 1004; ++r) {
    const char* name = core::ResultName(static_cast<MI_Result>(r));
    if (std::string(name) != "MI_RESULT_UNKNOWN") names.push_back(name);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  size_t index;
  if (!ctx->reader.Enum(node, path, views, &index)) return false;
  for (unsigned r = 0; r <= 1004; ++r) {
    if (names[index] == core::ResultName(static_cast<MI_Result>(r))) *out = static_cast<MI_Result>(r);
  }
  return true;
}

void ParseSessionParams(const YamlNode& p, const std::string& path, ParseContext* ctx, Step* step) {
  Reader& r = ctx->reader;
  if (const YamlNode* n = p.Find("protocol"); n && !n->IsNull()) {
    std::string protocol;
    if (r.String(*n, JoinPath(path, "protocol"), &protocol)) step->protocol = protocol;
  }
  if (const YamlNode* n = p.Find("destination")) {
    std::string dpath = JoinPath(path, "destination");
    if (n->IsNull()) {
      step->destination.kind = Destination::Kind::kNull;
    } else if (n->IsMap()) {
      if (r.Map(*n, dpath, {"listener"})) {
        if (const YamlNode* l = r.Required(*n, dpath, "listener")) {
          ParseListenerKind(*l, JoinPath(dpath, "listener"), ctx, &step->destination.listener);
        }
      }
    } else if (r.String(*n, dpath, &step->destination.text)) {
      step->destination.kind = Destination::Kind::kText;
    }
  }
  if (const YamlNode* n = p.Find("callbacks")) r.Bool(*n, JoinPath(path, "callbacks"), &step->callbacks);
  const YamlNode* o = p.Find("options");
  std::string opath = JoinPath(path, "options");
  if (o == nullptr || !r.Map(*o, opath, {"user", "password", "domain", "auth", "transport", "timeout_ms"})) return;
  SessionOptions& s = step->options;
  if (const YamlNode* n = o->Find("user")) r.String(*n, JoinPath(opath, "user"), &s.user);
  if (const YamlNode* n = o->Find("password")) r.String(*n, JoinPath(opath, "password"), &s.password);
  if (const YamlNode* n = o->Find("domain")) r.String(*n, JoinPath(opath, "domain"), &s.domain);
  size_t index;
  const std::vector<std::string_view> auths = {"default", "basic", "ntlm", "negotiate", "kerberos"};
  if (const YamlNode* n = o->Find("auth"); n && r.Enum(*n, JoinPath(opath, "auth"), auths, &index)) s.auth = auths[index];
  const std::vector<std::string_view> transports = {"http", "https"};
  if (const YamlNode* n = o->Find("transport"); n && r.Enum(*n, JoinPath(opath, "transport"), transports, &index)) {
    s.transport = transports[index];
  }
  if (const YamlNode* n = o->Find("timeout_ms")) {
    std::uint32_t ms;
    if (r.Uint32(*n, JoinPath(opath, "timeout_ms"), &ms)) s.timeout_ms = ms;
  }
}

void ParseOperationParams(const YamlNode& p, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                          Step* step) {
  Reader& r = ctx->reader;
  if (const YamlNode* n = p.Find("async")) r.Bool(*n, JoinPath(path, "async"), &step->async);
  if (const YamlNode* n = p.Find("namespace")) r.Name(*n, JoinPath(path, "namespace"), &step->name_space);
  if (const YamlNode* n = p.Find("class")) r.Name(*n, JoinPath(path, "class"), &step->class_name);
  if (const YamlNode* n = p.Find("method")) r.Name(*n, JoinPath(path, "method"), &step->method);
  if (const YamlNode* n = p.Find("instance"); n && r.Name(*n, JoinPath(path, "instance"), &step->instance)) {
    const InstanceValue* target = endpoint.data.FindInstance(step->instance);
    if (target == nullptr) {
      r.Error(*n, JoinPath(path, "instance"), "undefined instance " + Quote(step->instance));
    } else {
      if (step->class_name.empty()) step->class_name = target->class_name;
      if (step->name_space.empty()) step->name_space = target->name_space;
    }
  }
  if (const YamlNode* n = p.Find("query"); n && r.Map(*n, JoinPath(path, "query"), {"dialect", "text"})) {
    std::string qpath = JoinPath(path, "query");
    step->query_dialect = "WQL";
    if (const YamlNode* d = n->Find("dialect")) r.Name(*d, JoinPath(qpath, "dialect"), &step->query_dialect);
    if (const YamlNode* t = r.Required(*n, qpath, "text")) r.Name(*t, JoinPath(qpath, "text"), &step->query);
  }
  if (const YamlNode* n = p.Find("parameters")) {
    const MethodDecl* method = endpoint.data.FindMethod(step->name_space, step->class_name, step->method);
    if (method == nullptr) {
      r.Error(*n, JoinPath(path, "parameters"), "parameters need class and method naming a method declared in data");
    } else {
      std::vector<const PropertyDecl*> decls;
      for (const PropertyDecl& d : method->in) decls.push_back(&d);
      ParseProperties(*n, JoinPath(path, "parameters"), decls, step->name_space, ctx, &step->parameters);
    }
  }
  if (step->kind == StepKind::kInvoke && step->method.empty()) r.Error(p, path, "invoke needs a method");
  if (step->kind == StepKind::kQueryInstances && step->query.empty()) r.Error(p, path, "query_instances needs a query");
}

void ParseErrorExpectation(const YamlNode& node, const std::string& path, ParseContext* ctx,
                           std::optional<ErrorExpectation>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"present", "class", "properties"})) return;
  ErrorExpectation e;
  if (const YamlNode* n = node.Find("present")) {
    bool present;
    if (r.Bool(*n, JoinPath(path, "present"), &present)) e.present = present;
  }
  e.class_name = "MSFT_WmiError";
  if (const YamlNode* n = node.Find("class")) {
    size_t index;
    const std::vector<std::string_view> classes = {"MSFT_WmiError", "CIM_Error", "OMI_Error"};
    if (r.Enum(*n, JoinPath(path, "class"), classes, &index)) e.class_name = classes[index];
  }
  if (const YamlNode* n = node.Find("properties")) {
    std::vector<const PropertyDecl*> decls;
    for (const PropertyDecl& p : FindErrorClass(e.class_name)->properties) decls.push_back(&p);
    ParseProperties(*n, JoinPath(path, "properties"), decls, "", ctx, &e.properties);
  }
  *out = std::move(e);
}

void ParseJournalExpectation(const YamlNode& node, const std::string& path, ParseContext* ctx,
                             std::optional<JournalExpectation>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"connections", "requests"})) return;
  JournalExpectation j;
  if (const YamlNode* c = node.Find("connections"); c && r.AnyMap(*c, JoinPath(path, "connections"))) {
    for (const auto& [key, value] : c->entries) {
      ListenerKind kind;
      std::uint32_t count;
      if (ParseListenerKind(key, JoinPath(path, "connections"), ctx, &kind) &&
          r.Uint32(value, JoinPath(JoinPath(path, "connections"), key.text), &count)) {
        j.connections.emplace_back(kind, count);
      }
    }
  }
  if (const YamlNode* q = node.Find("requests"); q && r.Sequence(*q, JoinPath(path, "requests"))) {
    for (size_t i = 0; i < q->items.size(); ++i) {
      std::string rpath = IndexPath(JoinPath(path, "requests"), i);
      const YamlNode& item = q->items[i];
      if (!r.Map(item, rpath, {"action", "class", "listener"})) continue;
      RequestFact fact;
      std::string uri;
      Action action;
      if (const YamlNode* a = item.Find("action"); a && ParseAction(*a, JoinPath(rpath, "action"), ctx, &action, &uri)) {
        fact.action = action;
      }
      if (const YamlNode* c = item.Find("class")) r.Name(*c, JoinPath(rpath, "class"), &fact.class_name);
      ListenerKind kind;
      if (const YamlNode* l = item.Find("listener"); l && ParseListenerKind(*l, JoinPath(rpath, "listener"), ctx, &kind)) {
        fact.listener = kind;
      }
      j.requests.push_back(std::move(fact));
    }
  }
  *out = std::move(j);
}

void ParseCallbackExpectation(const YamlNode& node, const std::string& path, ParseContext* ctx,
                              std::optional<CallbackExpectation>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"count", "order", "thread"})) return;
  CallbackExpectation c;
  std::uint32_t count;
  if (const YamlNode* n = node.Find("count"); n && r.Uint32(*n, JoinPath(path, "count"), &count)) c.count = count;
  if (const YamlNode* n = node.Find("order"); n && n->IsSequence()) {
    std::vector<std::string> names;
    for (size_t i = 0; i < n->items.size(); ++i) {
      size_t index;
      if (r.Enum(n->items[i], IndexPath(JoinPath(path, "order"), i), CallbackNames(), &index)) {
        names.emplace_back(CallbackNames()[index]);
      }
    }
    c.order = std::move(names);
  } else if (n) {
    r.Sequence(*n, JoinPath(path, "order"));
  }
  if (const YamlNode* n = node.Find("thread")) {
    size_t index;
    if (r.Enum(*n, JoinPath(path, "thread"), {"caller", "other"}, &index)) {
      c.thread = index == 0 ? CallbackExpectation::Thread::kCaller : CallbackExpectation::Thread::kOther;
    }
  }
  *out = std::move(c);
}

void ParseExpectation(const YamlNode& node, const std::string& path, const Endpoint& endpoint, const Handles& handles,
                      ParseContext* ctx, std::optional<Expectation>* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"result", "error", "instances", "instance_count", "journal", "callbacks",
                          "returns_within_ms", "blocks_for_ms", "after"})) {
    return;
  }
  Expectation e;
  e.mark = node.mark;
  if (const YamlNode* n = node.Find("result")) {
    MI_Result result;
    if (ParseResult(*n, JoinPath(path, "result"), ctx, &result)) e.result = result;
  }
  if (const YamlNode* n = node.Find("error")) ParseErrorExpectation(*n, JoinPath(path, "error"), ctx, &e.error);
  if (const YamlNode* n = node.Find("instances")) {
    std::vector<std::string> ids;
    if (r.StringList(*n, JoinPath(path, "instances"), &ids)) {
      for (size_t i = 0; i < ids.size(); ++i) {
        if (!endpoint.data.FindInstance(ids[i])) {
          r.Error(n->items[i], IndexPath(JoinPath(path, "instances"), i), "undefined instance " + Quote(ids[i]));
        }
      }
      e.instances = std::move(ids);
    }
  }
  std::uint32_t value;
  if (const YamlNode* n = node.Find("instance_count"); n && r.Uint32(*n, JoinPath(path, "instance_count"), &value)) {
    e.instance_count = value;
  }
  if (const YamlNode* n = node.Find("journal")) ParseJournalExpectation(*n, JoinPath(path, "journal"), ctx, &e.journal);
  if (const YamlNode* n = node.Find("callbacks")) {
    ParseCallbackExpectation(*n, JoinPath(path, "callbacks"), ctx, &e.callbacks);
  }
  if (const YamlNode* n = node.Find("returns_within_ms"); n && r.Uint32(*n, JoinPath(path, "returns_within_ms"), &value)) {
    e.time.returns_within_ms = value;
  }
  if (const YamlNode* n = node.Find("blocks_for_ms"); n && r.Uint32(*n, JoinPath(path, "blocks_for_ms"), &value)) {
    e.time.blocks_for_ms = value;
  }
  if (const YamlNode* n = node.Find("after"); n && r.Map(*n, JoinPath(path, "after"), {"step", "within_ms"})) {
    std::string apath = JoinPath(path, "after");
    if (const YamlNode* s = r.Required(*n, apath, "step"); s && r.Name(*s, JoinPath(apath, "step"), &e.time.after_step)) {
      if (!handles.steps.count(e.time.after_step)) {
        r.Error(*s, JoinPath(apath, "step"), "undefined step " + Quote(e.time.after_step));
      }
    }
    if (const YamlNode* w = r.Required(*n, apath, "within_ms"); w && r.Uint32(*w, JoinPath(apath, "within_ms"), &value)) {
      e.time.within_ms = value;
    }
  }
  *out = std::move(e);
}

void ParseStepParams(const YamlNode& item, const YamlNode& params, const std::string& path, const Endpoint& endpoint,
                     Handles* handles, ParseContext* ctx, Step* step) {
  Reader& r = ctx->reader;
  switch (step->kind) {
    case StepKind::kInitialize:
      if (!params.IsNull()) r.Map(params, path, {});
      return;
    case StepKind::kNewSession:
      if (!params.IsNull() && !r.Map(params, path, {"application", "protocol", "destination", "options", "callbacks"})) return;
      UseHandle(params, path, "application", "application", handles->applications, ctx, item, &step->application);
      if (params.IsMap()) ParseSessionParams(params, path, ctx, step);
      return;
    case StepKind::kCancel:
    case StepKind::kCloseOperation:
      if (!params.IsNull() && !r.Map(params, path, {"operation"})) return;
      UseHandle(params, path, "operation", "operation", handles->operations, ctx, item, &step->operation);
      return;
    case StepKind::kCloseSession:
      if (!params.IsNull() && !r.Map(params, path, {"session", "completion_callback"})) return;
      UseHandle(params, path, "session", "session", handles->sessions, ctx, item, &step->session);
      if (const YamlNode* n = params.Find("completion_callback")) {
        r.Bool(*n, JoinPath(path, "completion_callback"), &step->completion_callback);
      }
      return;
    case StepKind::kCloseApplication:
      if (!params.IsNull() && !r.Map(params, path, {"application"})) return;
      UseHandle(params, path, "application", "application", handles->applications, ctx, item, &step->application);
      return;
    default:
      if (!params.IsNull() && !r.Map(params, path, {"session", "async", "namespace", "class", "instance", "method",
                                                    "query", "parameters"})) {
        return;
      }
      UseHandle(params, path, "session", "session", handles->sessions, ctx, item, &step->session);
      if (params.IsMap()) ParseOperationParams(params, path, endpoint, ctx, step);
      return;
  }
}

void Define(const Step& step, Handles* handles) {
  if (step.as.empty()) return;
  if (step.kind == StepKind::kInitialize) handles->applications.push_back(step.as);
  else if (step.kind == StepKind::kNewSession) handles->sessions.push_back(step.as);
  else if (IsOperation(step.kind)) handles->operations.push_back(step.as);
}

}  // namespace

void ParseSteps(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                std::vector<StepEntry>* out) {
  Reader& r = ctx->reader;
  if (!r.Sequence(node, path)) return;
  Handles handles;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    std::string p = IndexPath(path, i);
    if (!r.AnyMap(item, p)) continue;
    StepEntry entry;
    entry.step.mark = item.mark;
    const YamlNode* params = nullptr;
    std::vector<std::string_view> keys = kStepNames;
    for (std::string_view k : {"as", "thread", "expect"}) keys.push_back(k);
    for (const auto& [key, value] : item.entries) {
      auto it = std::find(kStepNames.begin(), kStepNames.end(), key.text);
      if (it != kStepNames.end()) {
        if (params != nullptr) r.Error(key, p, "a step does one thing; found a second step kind " + Quote(key.text));
        params = &value;
        entry.step.kind = static_cast<StepKind>(it - kStepNames.begin());
      } else if (key.text != "as" && key.text != "thread" && key.text != "expect") {
        std::string near = NearestName(key.text, keys);
        r.Error(key, JoinPath(p, key.text),
                "unknown key; expected a step kind (initialize, new_session, get_instance, ..., close_application), "
                "as, thread or expect" + (near.empty() ? std::string() : " (did you mean " + Quote(near) + "?)"));
      }
    }
    if (params == nullptr) {
      r.Error(item, p, "missing the step kind (initialize, new_session, an operation, cancel, close_...)");
      continue;
    }
    if (const YamlNode* n = item.Find("thread")) r.Name(*n, JoinPath(p, "thread"), &entry.step.thread);
    ParseStepParams(item, *params, JoinPath(p, StepName(entry.step.kind)), endpoint, &handles, ctx, &entry.step);
    if (const YamlNode* n = item.Find("expect")) {
      ParseExpectation(*n, JoinPath(p, "expect"), endpoint, handles, ctx, &entry.expect);
    }
    if (const YamlNode* n = item.Find("as"); n && r.Name(*n, JoinPath(p, "as"), &entry.step.as)) {
      if (!handles.steps.insert(entry.step.as).second) {
        r.Error(*n, JoinPath(p, "as"), "duplicate step name " + Quote(entry.step.as));
      }
    } else if (entry.step.kind == StepKind::kInitialize || entry.step.kind == StepKind::kNewSession ||
               IsOperation(entry.step.kind)) {
      // Unnamed handles are still usable as "the last one".
      entry.step.as = "#" + std::to_string(i);
    }
    Define(entry.step, &handles);
    out->push_back(std::move(entry));
  }
}

const std::vector<std::string_view>& CallbackNames() {
  static const std::vector<std::string_view> kNames = {"instance",      "result",          "indication",
                                                       "class",         "write_error",     "write_message",
                                                       "session_error", "session_message", "completion"};
  return kNames;
}

const char* StepName(StepKind kind) { return kStepNames[static_cast<size_t>(kind)].data(); }

bool IsOperation(StepKind kind) { return kind >= StepKind::kGetInstance && kind <= StepKind::kTestConnection; }

}  // namespace cimulate::scenario
