#include "server/fake_server.h"

#include <unistd.h>

#include <filesystem>
#include <utility>

#include "journal/json_writer.h"
#include "net/connection_faults.h"
#include "server/admin_api.h"
#include "server/engine_handler.h"
#include "server/listen_address.h"

namespace cimulate::fake {
namespace {

using scenario::ListenerKind;

constexpr ListenerKind kServedKinds[] = {ListenerKind::kWinrmHttp, ListenerKind::kWinrmHttps, ListenerKind::kAdmin};

// Uploaded scenarios can be large data sets; anything past this is a mistake.
constexpr std::size_t kAdminMaxBody = 4 * 1024 * 1024;

const std::optional<std::string>& OverrideOf(ListenerKind kind, const FakeServerOptions& options) {
  static const std::optional<std::string> kNone;
  switch (kind) {
    case ListenerKind::kWinrmHttp: return options.winrm_http;
    case ListenerKind::kWinrmHttps: return options.winrm_https;
    case ListenerKind::kAdmin: return options.admin;
    case ListenerKind::kWmidcom: return options.wmidcom;
  }
  return kNone;
}

// Where `kind` listens: the override if given, else the scenario's listener
// if enabled; nullopt when it does not run.
bool PlanAddress(ListenerKind kind, const scenario::Scenario& scenario, const FakeServerOptions& options,
                 std::optional<ListenAddress>* out, std::string* error) {
  const std::string name = scenario::ListenerName(kind);
  if (const auto& text = OverrideOf(kind, options)) {
    ListenAddress address;
    if (!ParseListenAddress(*text, &address, error)) {
      *error = name + ": " + *error;
      return false;
    }
    *out = address;
  } else if (const scenario::Listener& l = scenario.endpoint.listeners.Get(kind); l.enabled) {
    *out = ListenAddress{l.host, l.port};
  } else {
    *out = std::nullopt;
    return true;
  }
  if (kind == ListenerKind::kAdmin && !IsLoopbackHost((*out)->host)) {
    *error = "admin: refusing to bind " + (*out)->host + ": the admin API binds loopback addresses only";
    return false;
  }
  return true;
}

std::string Resolve(const std::string& dir, const std::string& path) {
  if (path.empty() || dir.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(dir) / path).string();
}

}  // namespace

std::unique_ptr<FakeServer> FakeServer::Start(const scenario::Scenario& scenario, FakeServerOptions options,
                                              std::string* error) {
  std::unique_ptr<FakeServer> server(new FakeServer());
  server->engine_ = std::make_shared<Engine>(scenario);
  for (ListenerKind kind : kServedKinds) {
    if (!server->StartListener(kind, scenario, options, error)) {
      server->Stop();
      return nullptr;
    }
  }
  if (!server->StartWmidcom(scenario, options, error)) {
    server->Stop();
    return nullptr;
  }
  server->InstallConnectionFaults(scenario);
  return server;
}

FakeServer::~FakeServer() { Stop(); }

bool FakeServer::StartListener(ListenerKind kind, const scenario::Scenario& scenario,
                               const FakeServerOptions& options, std::string* error) {
  std::optional<ListenAddress> address;
  if (!PlanAddress(kind, scenario, options, &address, error)) return false;
  if (!address) return true;
  ListenerOptions lo;
  lo.name = scenario::ListenerName(kind);
  lo.host = address->host;
  lo.port = address->port;
  Handler handler;
  Journal* journal = &journal_;
  if (kind == ListenerKind::kAdmin) {
    // The admin API's own traffic stays out of the journal tests assert on.
    journal = nullptr;
    lo.max_body_bytes = kAdminMaxBody;
    handler = AdminHandler(this);
  } else {
    handler = [this](const Request& request, ConnectionContext&) { return HandleWinrm(request); };
    lo.split_headers_and_body = options.split_headers_and_body;
  }
  if (kind == ListenerKind::kWinrmHttps) {
    lo.tls = true;
    if (scenario.endpoint.tls) {
      lo.cert_file = Resolve(options.scenario_dir, scenario.endpoint.tls->cert);
      lo.key_file = Resolve(options.scenario_dir, scenario.endpoint.tls->key);
    }
  }
  auto listener = std::make_unique<HttpListener>(std::move(lo), std::move(handler), journal);
  if (!listener->Start(error)) {
    *error = std::string(scenario::ListenerName(kind)) + ": " + *error;
    return false;
  }
  listeners_[static_cast<std::size_t>(kind)] = std::move(listener);
  return true;
}

bool FakeServer::StartWmidcom(const scenario::Scenario& scenario, const FakeServerOptions& options,
                              std::string* error) {
  std::optional<ListenAddress> address;
  if (!PlanAddress(ListenerKind::kWmidcom, scenario, options, &address, error)) return false;
  if (!address) return true;
  wmidcom::WmidcomEndpointOptions wo;
  wo.host = address->host;
  wo.port = address->port;
  wo.seed = engine_->seed();
  wmidcom_ = std::make_unique<wmidcom::WmidcomEndpoint>(scenario, wo, &journal_);
  return wmidcom_->Start(error);
}

void FakeServer::InstallConnectionFaults(const scenario::Scenario& scenario) {
  for (ListenerKind kind : {ListenerKind::kWinrmHttp, ListenerKind::kWinrmHttps}) {
    HttpListener* l = listener(kind);
    if (l == nullptr) continue;
    l->SetAcceptHook(ConnectionFaultHook(scenario.endpoint.connection_faults, kind));
    // The engine draws a connection fault's jitter and garbage too: one
    // seeded source for the whole endpoint.
    l->SetFaultDrawer([this](const scenario::TransportFault& f) { return ToFaultDraws(engine()->DrawFault(f)); });
  }
}

std::shared_ptr<Engine> FakeServer::engine() const {
  std::lock_guard<std::mutex> lock(mu_);
  return engine_;
}

Reply FakeServer::HandleWinrm(const Request& request) {
  // Our own reference: a Reload() meanwhile does not pull the engine away
  // from a request it is handling.
  const std::shared_ptr<Engine> e = engine();
  return ToReply(e->Handle(ToEngineRequest(request)));
}

HttpListener* FakeServer::listener(ListenerKind kind) const { return listeners_[static_cast<std::size_t>(kind)].get(); }

std::string FakeServer::wmidcom_object_address() const { return wmidcom_ ? wmidcom_->object_address() : ""; }

std::string FakeServer::address(ListenerKind kind) const {
  if (kind == ListenerKind::kWmidcom) return wmidcom_ ? wmidcom_->activation_address() : "";
  const HttpListener* l = listener(kind);
  return l ? l->address() : std::string();
}

std::uint16_t FakeServer::port(ListenerKind kind) const {
  if (kind == ListenerKind::kWmidcom) return wmidcom_ ? wmidcom_->activation_port() : 0;
  const HttpListener* l = listener(kind);
  return l ? l->port() : 0;
}

std::string FakeServer::certificate_pem() const {
  const HttpListener* l = listener(ListenerKind::kWinrmHttps);
  return l ? l->certificate_pem() : std::string();
}

bool FakeServer::Reload(const scenario::Scenario& scenario, std::string* /*error*/) {
  // A loaded scenario is valid as a whole, so nothing here can fail yet; the
  // error parameter is for checks a later version may add.
  auto fresh = std::make_shared<Engine>(scenario);
  {
    std::lock_guard<std::mutex> lock(mu_);
    engine_ = std::move(fresh);
  }
  InstallConnectionFaults(scenario);
  return true;
}

void FakeServer::Reset() {
  engine()->Reset();
  Release();
  journal_.Clear();
}

void FakeServer::Release() {
  for (auto& l : listeners_) {
    if (l) l->Release();
  }
}

void FakeServer::Stop() {
  for (auto& l : listeners_) {
    if (l) l->Stop();
  }
  if (wmidcom_) wmidcom_->Stop();
}

std::string FakeServer::ReadyJson() const {
  JsonWriter w;
  w.BeginObject();
  for (ListenerKind kind : kServedKinds) {
    if (const HttpListener* l = listener(kind)) w.Key(scenario::ListenerName(kind)).String(l->address());
  }
  if (wmidcom_) {
    w.Key("wmidcom").String(wmidcom_->activation_address());
    w.Key("wmidcom_object").String(wmidcom_->object_address());
  }
  w.Key("pid").Int(static_cast<std::int64_t>(::getpid()));
  w.EndObject();
  return w.Take();
}

std::uint64_t FakeServer::seed() const { return engine()->seed(); }

std::string FakeServer::scenario_name() const { return engine()->scenario().name; }

}  // namespace cimulate::fake
