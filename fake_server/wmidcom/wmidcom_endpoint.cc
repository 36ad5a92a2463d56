#include "wmidcom/wmidcom_endpoint.h"

#include "dcom/guids.h"
#include "rpc/server_association.h"
#include "wmi/wmi_ids.h"

namespace cimulate::fake::wmidcom {
namespace {

// One connection: its server association and the action a call or bind asked for.
class RpcSession : public PduSession {
 public:
  RpcSession(DcomServer* server, PduConnectionInfo info, rpc::ServerOptions options)
      : server_(server), info_(std::move(info)) {
    options.hooks.on_bind = [this](const rpc::BindEvent& bind) {
      PduAction a = server_->OnBind(info_, bind);
      if (a.kind != PduAction::Kind::kContinue) pending_ = a;
    };
    options.hooks.on_auth = [this](const rpc::AuthEvent& auth) { server_->OnAuth(info_, auth); };
    association_ = std::make_unique<rpc::ServerAssociation>(std::move(options), [this](const rpc::CallContext& ctx) {
      DcomReply reply = server_->Dispatch(DcomCall{&info_, &ctx, ++calls_});
      if (reply.action.kind != PduAction::Kind::kContinue) pending_ = reply.action;
      return reply.reply;
    });
  }

  PduAction OnPdu(std::span<const std::uint8_t> pdu, std::vector<std::vector<std::uint8_t>>* replies) override {
    std::vector<std::uint8_t> fragment(pdu.begin(), pdu.end());
    pending_ = PduAction{};
    rpc::ServerOutput out = association_->HandleFragment(fragment);
    *replies = std::move(out.fragments);
    if (pending_.kind != PduAction::Kind::kContinue) return pending_;
    if (out.close) return PduAction{PduAction::Kind::kClose, 0, 0, out.close_reason};
    return PduAction{};
  }

 private:
  DcomServer* server_;
  PduConnectionInfo info_;
  std::unique_ptr<rpc::ServerAssociation> association_;
  PduAction pending_;
  std::uint64_t calls_ = 0;
};

ntlm::AccountTable AccountsOf(const scenario::AuthConfig& auth) {
  ntlm::AccountTable table;
  for (const scenario::Account& a : auth.accounts) {
    if (a.password) {
      // A password the NTLM layer cannot hash (bad UTF-8) leaves the account out: logins as it fail.
      (void)table.AddPassword(a.user, *a.password);
    } else if (a.nt_hash && a.nt_hash->size() == 16) {
      ntlm::NtHash hash{};
      std::copy(a.nt_hash->begin(), a.nt_hash->end(), hash.begin());
      table.AddNtHash(a.user, hash);
    }
  }
  table.set_allow_anonymous(auth.anonymous);
  return table;
}

}  // namespace

WmidcomEndpoint::WmidcomEndpoint(const scenario::Scenario& scenario, WmidcomEndpointOptions options, Journal* journal)
    : options_(std::move(options)),
      journal_(journal),
      server_(std::make_unique<DcomServer>(scenario, journal, options_.seed)) {
  for (const scenario::ConnectionFault& f : scenario.endpoint.connection_faults) {
    if (f.listener == scenario::ListenerKind::kWmidcom) connection_faults_.push_back(f);
  }
}

WmidcomEndpoint::~WmidcomEndpoint() { Stop(); }

std::unique_ptr<PduSession> WmidcomEndpoint::NewSession(const PduConnectionInfo& info) {
  rpc::ServerOptions options;
  options.accounts = AccountsOf(server_->auth());
  // authnHint 1 tells the client to use no authentication on the object port.
  bool object_port = info.listener == "wmidcom_object";
  options.allow_unauthenticated = object_port && server_->config().authn_hint == 1;
  options.secondary_address = std::to_string(info.local_port);
  if (object_port) {
    options.interface_filter = [](const dcerpc::SyntaxId& s) {
      return s.uuid == dcom::kIidIRemUnknown || s.uuid == dcom::kIidIRemUnknown2 || s.uuid == wmi::kIidIWbemLevel1Login ||
             s.uuid == wmi::kIidIWbemServices || s.uuid == wmi::kIidIEnumWbemClassObject;
    };
  } else {
    options.interface_filter = [](const dcerpc::SyntaxId& s) {
      return s.uuid == dcom::kIidIRemoteScmActivator || s.uuid == dcom::kIidIObjectExporter;
    };
  }
  return std::make_unique<RpcSession>(server_.get(), info, std::move(options));
}

bool WmidcomEndpoint::Start(std::string* error) {
  PduListenerOptions object_options;
  object_options.name = "wmidcom_object";
  object_options.host = options_.host;
  object_options.port = server_->config().object_port;
  object_options.idle_timeout_ms = options_.idle_timeout_ms;
  PduSessionFactory factory = [this](const PduConnectionInfo& info) { return NewSession(info); };
  object_ = std::make_unique<PduListener>(object_options, factory, journal_);
  if (!object_->Start(error)) {
    *error = "wmidcom object port: " + *error;
    return false;
  }
  server_->set_object_port(object_->port());
  PduListenerOptions activation_options = object_options;
  activation_options.name = "wmidcom";
  activation_options.port = options_.port;
  // The scenario's `listener: wmidcom` faults hit the activation port, where a client comes first.
  activation_options.connection_faults = connection_faults_;
  activation_ = std::make_unique<PduListener>(activation_options, factory, journal_);
  if (!activation_->Start(error)) {
    *error = "wmidcom: " + *error;
    object_->Stop();
    return false;
  }
  return true;
}

void WmidcomEndpoint::Stop() {
  if (activation_) activation_->Stop();
  if (object_) object_->Stop();
}

std::uint16_t WmidcomEndpoint::activation_port() const { return activation_ ? activation_->port() : 0; }
std::uint16_t WmidcomEndpoint::object_port() const { return object_ ? object_->port() : 0; }
std::string WmidcomEndpoint::activation_address() const { return activation_ ? activation_->address() : ""; }
std::string WmidcomEndpoint::object_address() const { return object_ ? object_->address() : ""; }

}  // namespace cimulate::fake::wmidcom
