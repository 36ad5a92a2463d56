#include "engine/engine.h"

#include <random>

#include "engine/auth.h"
#include "engine/engine_state.h"
#include "engine/faults.h"
#include "engine/operations.h"
#include "engine/reply.h"
#include "engine/request_info.h"
#include "engine/rule_book.h"
#include "engine/scripted.h"
#include "engine/text.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

using scenario::Action;

std::uint64_t DrawSeed(const scenario::Scenario& s) {
  if (s.seed) return *s.seed;
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) | device();
}

// POST /wsman, case-insensitive, with an optional trailing slash (§6.1).
bool IsWsmanPath(const std::string& path) {
  std::string p = path.substr(0, path.find('?'));
  if (p.size() > 1 && p.back() == '/') p.pop_back();
  return EqualsIgnoreCase(p, "/wsman");
}

bool IsSoapContentType(const std::string* value) {
  if (value == nullptr) return false;
  std::string type = Trim(std::string_view(*value).substr(0, value->find(';')));
  return EqualsIgnoreCase(type, "application/soap+xml");
}

EngineReply Status(int status, std::string note_outcome) {
  EngineReply r;
  r.http_status = status;
  r.note.outcome = std::move(note_outcome);
  return r;
}

// The fault Windows sends for input the codec refused (reference §2.2).
wsman::Fault DecodeFault(const wsman::Status& s) {
  switch (s.code()) {
    case wsman::ErrorCode::kVersionMismatch: return VersionMismatch(s.message());
    case wsman::ErrorCode::kLimitExceeded: return EncodingLimit("ServiceEnvelopeLimit", s.message());
    default: return SchemaValidation(s.ToString());
  }
}

Outcome Dispatch(EngineState& st, RequestInfo& info, bool authenticated) {
  const std::string& uri = info.message.headers.resource_uri;
  switch (info.action.value_or(Action::kUri)) {
    case Action::kIdentify: return Identify(st, authenticated);
    case Action::kGet: return Get(st, info);
    case Action::kPut: return Put(st, info);
    case Action::kCreate: return IsShellUri(uri) ? ShellCreate(st, info) : Create(st, info);
    case Action::kDelete: return IsShellUri(uri) ? ShellDelete(st, info) : Delete(st, info);
    case Action::kEnumerate: return Enumerate(st, info, nullptr, {});
    case Action::kPull: return Pull(st, info);
    case Action::kRelease: return Release(st, info);
    case Action::kInvoke: return Invoke(st, info);
    case Action::kCommand: return ShellCommand(st, info);
    case Action::kReceive: return ShellReceive(st, info);
    case Action::kSend: return ShellSend(st, info);
    case Action::kSignal: return ShellSignal(st, info);
    case Action::kEnd: return End();
    case Action::kUri: break;
  }
  return FaultReply(ActionNotSupported(info.message.headers.action));
}

// An unmatched request the data could not answer either: say which rule came
// closest, so the scenario author sees why in the client's error.
void ExplainMiss(const RuleChoice& choice, Outcome* o) {
  auto* f = std::get_if<wsman::Fault>(&o->message.body);
  if (choice.nearest.empty() || f == nullptr || !f->wsman_fault) return;
  f->wsman_fault->message += " [cimulate: no rule matched; nearest rule '" + choice.nearest + "': " + choice.why + "]";
}

void ApplyTransport(const scenario::TransportFault& t, std::mt19937& rng, EngineReply* reply) {
  reply->fault = t;
  reply->fault_wait_ms = t.ms;
  if (t.jitter_ms > 0) reply->fault_wait_ms += static_cast<std::uint32_t>(rng() % (t.jitter_ms + 1ull));
  if (t.kind == scenario::TransportFaultKind::kGarbageThenClose) {
    reply->garbage.resize(t.bytes ? t.bytes : 64);
    for (char& c : reply->garbage) c = static_cast<char>(rng() & 0xff);
  }
}

void Transition(EngineState& st, const scenario::Rule& rule, const RequestInfo& info) {
  if (!rule.transition) return;
  const scenario::StateMachine* m = st.scenario.endpoint.FindStateMachine(rule.transition->machine);
  if (m == nullptr) return;
  if (std::optional<std::string> key = StateMachines::KeyOf(*m, info)) st.machines.Set(*m, *key, rule.transition->to);
}

void NoteRequest(const RequestInfo& info, JournalNote* note) {
  note->action = ActionLabel(info);
  note->resource_uri = info.message.headers.resource_uri;
  for (const wsman::Selector& s : info.message.headers.selectors) {
    note->selectors.emplace_back(s.name, s.epr ? "(EPR)" : s.value);
  }
  note->user = info.user;
}

}  // namespace

Engine::Engine(const scenario::Scenario& scenario, EngineOptions options)
    : scenario_(scenario), options_(options), seed_(DrawSeed(scenario)) {
  Reset();
}

Engine::~Engine() = default;

void Engine::Reset() {
  auto fresh = std::make_unique<EngineState>(scenario_, options_, seed_);
  std::lock_guard<std::mutex> lock(mu_);
  state_ = std::move(fresh);
}

EngineReply Engine::DrawFault(const scenario::TransportFault& fault) {
  EngineReply reply;
  std::lock_guard<std::mutex> lock(mu_);
  ApplyTransport(fault, state_->rng, &reply);
  return reply;
}

std::vector<std::string> Engine::errors() const {
  std::lock_guard<std::mutex> lock(mu_);
  return state_->repository.errors();
}

EngineReply Engine::Handle(const EngineRequest& request) {
  if (!IsWsmanPath(request.path)) return Status(404, "404 not /wsman");
  if (request.method != "POST") {
    EngineReply r = Status(405, "405 method " + request.method);
    r.headers.Set("Allow", "POST");
    return r;
  }
  const scenario::AuthConfig& auth_config = scenario_.endpoint.auth;
  AuthResult auth = Authenticate(auth_config, request);
  const std::string* identify = request.headers.Find("WSMANIDENTIFY");
  bool identify_only = !auth.ok && !auth.had_credentials && identify && EqualsIgnoreCase(Trim(*identify), "unauthenticated");
  if (!auth.ok && !identify_only) {
    EngineReply r = Status(401, "401 " + auth.why);
    r.headers.Set("WWW-Authenticate", AuthChallenge(auth_config));
    return r;
  }
  if (!IsSoapContentType(request.headers.Find("Content-Type"))) {
    return Status(415, "415 Content-Type is not application/soap+xml");
  }

  EngineReply reply;
  wsman::Message message;
  std::optional<Outcome> early;
  if (request.body.size() > options_.max_request_bytes) {
    early = FaultReply(EncodingLimit("ServiceEnvelopeLimit", "the request has " + std::to_string(request.body.size()) +
                                                                 " bytes; the limit is " +
                                                                 std::to_string(options_.max_request_bytes)));
  } else {
    wsman::DecodeOptions decode;
    decode.limits.max_bytes = options_.max_request_bytes;
    wsman::Status s = wsman::DecodeMessage(request.body, &message, decode);
    if (!s.ok()) early = FaultReply(DecodeFault(s));
  }
  if (early) {
    std::string id;
    {
      std::lock_guard<std::mutex> lock(mu_);
      id = state_->NewGuid();
    }
    reply.note.action = "(undecodable)";
    reply.note.outcome = Summary(*early);
    Finish(std::move(*early), nullptr, id, &reply);
    return reply;
  }
  // Windows answers only Identify without credentials, even with the header.
  if (identify_only && message.kind != wsman::MessageKind::kIdentify) {
    EngineReply r = Status(401, "401 WSMANIDENTIFY allows only Identify without credentials");
    r.headers.Set("WWW-Authenticate", AuthChallenge(auth_config));
    return r;
  }

  RequestInfo info = Describe(std::move(message), request, auth.user);
  NoteRequest(info, &reply.note);
  Outcome outcome;
  std::string message_id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    EngineState& st = *state_;
    RuleChoice choice = st.rules.Choose(info, st.machines);
    std::optional<Outcome> scripted;
    if (choice.rule != nullptr && choice.rule->respond) scripted = Scripted(st, info, *choice.rule->respond);
    outcome = scripted ? std::move(*scripted) : Dispatch(st, info, auth.ok && auth.had_credentials);
    if (choice.rule == nullptr) ExplainMiss(choice, &outcome);
    if (choice.rule != nullptr) {
      reply.note.rule = RuleName(scenario_.endpoint, *choice.rule);
      Transition(st, *choice.rule, info);
      if (choice.rule->transport) ApplyTransport(*choice.rule->transport, st.rng, &reply);
    }
    reply.note.nearest_rule = choice.nearest;
    reply.note.near_miss = choice.why;
    message_id = st.NewGuid();
  }
  reply.note.outcome = Summary(outcome);
  Finish(std::move(outcome), &info.message.headers, message_id, &reply);
  return reply;
}

}  // namespace cimulate::fake
