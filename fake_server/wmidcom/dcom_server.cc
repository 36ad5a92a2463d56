#include "wmidcom/dcom_server.h"

#include <cstdio>

#include "dcom/activation_properties.h"
#include "dcom/guids.h"
#include "dcom/object_exporter.h"
#include "dcom/objref.h"
#include "dcom/rem_unknown.h"
#include "dcom/remote_scm_activator.h"
#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi/wmi_ids.h"
#include "wmidcom/enumerator.h"
#include "wmi/wbem_status.h"

namespace cimulate::fake::wmidcom {
namespace {

constexpr std::uint32_t kNcaOpRangeError = 0x1C010002;
// OR_INVALID_OXID: the error_status_t Windows' exporter answers for an OXID it does not know.
constexpr std::uint32_t kOrInvalidOxid = 1910;
constexpr std::uint32_t kNcaUnknownInterface = 0x1C010003;
constexpr std::uint32_t kNcaFaultNdr = 0x000006F7;
constexpr std::uint32_t kPublicRefs = 5;

std::string Hex(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08X", value);
  return text;
}

std::string Narrow(const std::optional<std::u16string>& text) {
  std::string out;
  if (!text) return out;
  for (char16_t c : *text) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

rpc::CallReply Stub(std::vector<std::uint8_t> stub) { return rpc::CallReply::Stub(std::move(stub)); }

}  // namespace

std::string InterfaceName(const dcerpc::Guid& iid) {
  if (iid == dcom::kIidIRemoteScmActivator) return "IRemoteSCMActivator";
  if (iid == dcom::kIidIObjectExporter) return "IObjectExporter";
  if (iid == dcom::kIidIRemUnknown) return "IRemUnknown";
  if (iid == dcom::kIidIRemUnknown2) return "IRemUnknown2";
  if (iid == wmi::kIidIWbemLevel1Login) return "IWbemLevel1Login";
  if (iid == wmi::kIidIWbemServices) return "IWbemServices";
  if (iid == wmi::kIidIEnumWbemClassObject) return "IEnumWbemClassObject";
  return "{" + iid.ToString() + "}";
}

DcomServer::DcomServer(const scenario::Scenario& scenario, fake::Journal* journal, std::uint64_t seed)
    : config_(scenario.endpoint.wmidcom),
      auth_(scenario.endpoint.auth),
      data_(scenario.endpoint.data),
      journal_(journal),
      store_(data_),
      objects_(seed),
      faults_(scenario.endpoint.wmidcom.faults) {}

std::string DcomServer::AdvertisedHost(const PduConnectionInfo& connection) const {
  return config_.advertised_address.empty() ? connection.local_host : config_.advertised_address;
}

dcom::DualStringArray DcomServer::Bindings(const PduConnectionInfo& connection) const {
  dcom::DualStringArray bindings;
  bindings.string_bindings.push_back(
      dcom::StringBinding{dcom::kTowerIdTcp, dcom::TcpBindingAddress(AdvertisedHost(connection), object_port_)});
  bindings.security_bindings.push_back(dcom::SecurityBinding{dcom::kAuthnWinNt, dcom::kAuthzNone, u""});
  return bindings;
}

std::vector<std::uint8_t> DcomServer::Export(const dcerpc::Guid& iid, std::shared_ptr<ServedObject> object,
                                             const PduConnectionInfo& connection) {
  ExportedRef ref = objects_.Export(iid, std::move(object), kPublicRefs);
  dcom::StdObjRef std{dcom::kSorfNoPing, kPublicRefs, objects_.oxid(), ref.oid, ref.ipid};
  return dcom::EncodeObjRef(dcom::StandardObjRef(iid, std, Bindings(connection)));
}

std::vector<std::uint8_t> DcomServer::ObjectPointer(const WmiObject& object, std::string* error) const {
  std::vector<std::uint8_t> unit = EncodeWmiObject(data_, object, decoration_, error);
  if (unit.empty()) return unit;
  return dcom::EncodeObjRef(dcom::CustomObjRef(wmi::kIidIWbemClassObject, wmi::kClsidWbemClassObject, std::move(unit)));
}

bool DcomServer::Faulted(const CallFacts& facts, DcomReply* out, std::optional<std::uint32_t>* hresult) {
  std::optional<scenario::WmidcomFault> fault = faults_.Match(facts);
  if (!fault) return false;
  if (fault->hresult) {
    *hresult = fault->hresult;
    return false;
  }
  if (fault->rpc_fault) {
    out->reply = rpc::CallReply::Fault(*fault->rpc_fault);
    return true;
  }
  if (fault->transport) {
    using K = scenario::WmidcomTransportKind;
    out->reply.no_reply = true;
    out->action.detail = fault->name;
    switch (*fault->transport) {
      case K::kReset: case K::kResetAfterBind: out->action.kind = PduAction::Kind::kReset; break;
      case K::kClose: out->action.kind = PduAction::Kind::kClose; break;
      case K::kGarbage: out->action.kind = PduAction::Kind::kGarbageThenClose; out->action.bytes = fault->bytes; break;
      case K::kStall: out->action.kind = PduAction::Kind::kStall; out->action.ms = fault->ms; break;
    }
    return true;
  }
  return false;
}

void DcomServer::Record(const DcomCall& call, const CallFacts& facts, const std::string& outcome) {
  RecordOn(*call.connection, call.sequence, facts, outcome);
}

void DcomServer::RecordOn(const PduConnectionInfo& connection, std::uint64_t sequence, const CallFacts& facts,
                          const std::string& outcome) {
  if (journal_ == nullptr) return;
  RequestRecord r;
  r.connection_id = connection.id;
  r.sequence = sequence;
  r.listener = connection.listener;
  r.method = "RPC";
  r.path = facts.interface_name + "." + facts.method;
  r.body = facts.text;
  r.note.action = facts.method;
  r.note.resource_uri = facts.name_space;
  r.note.outcome = outcome;
  r.note.user = facts.user;
  r.time_us = journal_->NowMicros();
  journal_->Record(std::move(r));
}

PduAction DcomServer::OnBind(const PduConnectionInfo& connection, const rpc::BindEvent& bind) {
  PduAction action;
  for (size_t i = 0; i < bind.offered.size(); ++i) {
    const dcerpc::ContextElement& element = bind.offered[i];
    CallFacts facts{InterfaceName(element.abstract_syntax.uuid), "bind", "", "", ""};
    bool accepted = i < bind.results.size() && bind.results[i].result == dcerpc::ContextResultCode::kAcceptance;
    RecordOn(connection, 0, facts,
             std::string(bind.type == dcerpc::PduType::kBind ? "bind " : "alter_context ") +
                 (accepted ? "accepted" : "rejected"));
    std::optional<scenario::WmidcomFault> fault = faults_.Match(facts);
    if (fault && fault->transport == scenario::WmidcomTransportKind::kResetAfterBind) {
      action.kind = PduAction::Kind::kReset;
      action.detail = fault->name + " on " + connection.listener;
    }
  }
  return action;
}

void DcomServer::OnAuth(const PduConnectionInfo& connection, const rpc::AuthEvent& auth) {
  std::string user;
  if (auth.identity) user = auth.identity->anonymous ? "(anonymous)" : auth.identity->user;
  CallFacts facts{"NTLM", "auth3", "", "context " + std::to_string(auth.auth_context_id), user};
  RecordOn(connection, 0, facts, auth.ok ? "ok" : "denied: " + auth.error);
}

DcomReply DcomServer::Dispatch(const DcomCall& call) {
  const rpc::CallContext& ctx = *call.rpc;
  std::string user;
  if (ctx.identity) user = ctx.identity->anonymous ? "(anonymous)" : ctx.identity->user;
  const dcerpc::Guid& iface = ctx.abstract_syntax.uuid;
  if (iface == dcom::kIidIRemoteScmActivator) return Activate(call, user);
  if (iface == dcom::kIidIRemUnknown || iface == dcom::kIidIRemUnknown2) return RemUnknown(call);
  if (iface == dcom::kIidIObjectExporter) return ObjectExporter(call);
  std::optional<ExportedRef> target = ctx.object ? objects_.Find(*ctx.object) : std::nullopt;
  if (!target || target->iid != iface) {
    CallFacts facts{InterfaceName(iface), "opnum " + std::to_string(ctx.opnum), "", "", user};
    Record(call, facts, "fault unknown IPID");
    return DcomReply{rpc::CallReply::Fault(iface == dcom::kIidIObjectExporter ? kNcaOpRangeError : kNcaUnknownInterface), {}};
  }
  if (iface == wmi::kIidIWbemLevel1Login) return Login(call, user);
  if (iface == wmi::kIidIWbemServices) return ServicesCall(call, static_cast<const ServicesObject&>(*target->object), user);
  if (iface == wmi::kIidIEnumWbemClassObject) return EnumCall(call, static_cast<EnumObject&>(*target->object), user);
  return DcomReply{rpc::CallReply::Fault(kNcaUnknownInterface), {}};
}

DcomReply DcomServer::Activate(const DcomCall& call, const std::string& user) {
  const rpc::CallContext& ctx = *call.rpc;
  CallFacts facts{"IRemoteSCMActivator", "RemoteCreateInstance", "", "", user};
  if (ctx.opnum == dcom::kOpnumRemoteGetClassObject) {
    facts.method = "RemoteGetClassObject";
    Record(call, facts, Hex(wmi::kENoInterface));
    return DcomReply{Stub(dcom::EncodeRemoteGetClassObjectError(static_cast<std::int32_t>(wmi::kENoInterface))), {}};
  }
  if (ctx.opnum != dcom::kOpnumRemoteCreateInstance) return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  dcom::RemoteCreateInstanceRequest request;
  dcom::ActivationPropertiesIn in;
  if (!dcom::DecodeRemoteCreateInstanceRequest(ctx.stub, &request).ok() || !request.properties ||
      !dcom::DecodeActivationPropertiesIn(request.properties->data, &in).ok()) {
    Record(call, facts, "fault nca_s_fault_ndr");
    return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  }
  facts.text = "{" + in.instantiation.clsid.ToString() + "}";
  DcomReply out;
  std::optional<std::uint32_t> scripted;
  if (Faulted(facts, &out, &scripted)) {
    Record(call, facts, out.reply.fault ? "fault " + Hex(*out.reply.fault) : "transport " + out.action.detail);
    return out;
  }
  dcom::RemoteCreateInstanceResponse response;
  if (scripted) {
    response.hresult = static_cast<std::int32_t>(*scripted);
  } else if (in.instantiation.clsid != wmi::kClsidWbemLevel1Login) {
    response.hresult = static_cast<std::int32_t>(wmi::kRegdbEClassNotReg);
  } else {
    dcom::ActivationPropertiesOut props;
    for (const Guid& iid : in.instantiation.iids) {
      props.props_out.iids.push_back(iid);
      if (iid == wmi::kIidIWbemLevel1Login || iid == dcom::kIidIUnknown) {
        props.props_out.hresults.push_back(0);
        props.props_out.interfaces.push_back(
            dcom::MInterfacePointer{Export(wmi::kIidIWbemLevel1Login, std::make_shared<Level1LoginObject>(), *call.connection)});
      } else {
        props.props_out.hresults.push_back(static_cast<std::int32_t>(wmi::kENoInterface));
        props.props_out.interfaces.push_back(std::nullopt);
      }
    }
    props.scm_reply.oxid = objects_.oxid();
    props.scm_reply.oxid_bindings = Bindings(*call.connection);
    props.scm_reply.ipid_rem_unknown = objects_.ipid_rem_unknown();
    props.scm_reply.authn_hint = config_.authn_hint;
    response.properties = dcom::MInterfacePointer{dcom::EncodeActivationPropertiesOut(props)};
  }
  Record(call, facts, Hex(static_cast<std::uint32_t>(response.hresult)));
  return DcomReply{Stub(dcom::EncodeRemoteCreateInstanceResponse(response)), {}};
}

DcomReply DcomServer::ObjectExporter(const DcomCall& call) {
  const rpc::CallContext& ctx = *call.rpc;
  CallFacts facts{"IObjectExporter", "", "", "", ""};
  std::vector<std::uint8_t> stub;
  std::uint32_t status = 0;
  bool decoded = true;
  switch (ctx.opnum) {
    case dcom::kOpnumServerAlive:
      facts.method = "ServerAlive";
      stub = dcom::EncodeErrorStatusResponse(0);
      break;
    case dcom::kOpnumServerAlive2: {
      facts.method = "ServerAlive2";
      dcom::ServerAlive2Response response;
      response.bindings = Bindings(*call.connection);
      stub = dcom::EncodeServerAlive2Response(response);
      break;
    }
    case dcom::kOpnumSimplePing: {
      facts.method = "SimplePing";
      std::uint64_t set_id = 0;
      decoded = dcom::DecodeSimplePingRequest(ctx.stub, &set_id).ok();
      facts.text = "set " + std::to_string(set_id);
      stub = dcom::EncodeErrorStatusResponse(0);
      break;
    }
    case dcom::kOpnumComplexPing: {
      facts.method = "ComplexPing";
      dcom::ComplexPingRequest request;
      decoded = dcom::DecodeComplexPingRequest(ctx.stub, &request).ok();
      facts.text = "set " + std::to_string(request.set_id);
      // Objects are exported with SORF_NOPING and never collected, so any set
      // is fine (impacket's ComplexPing even sends its set id in the wrong field).
      dcom::ComplexPingResponse response;
      response.set_id = request.set_id != 0 ? request.set_id : objects_.oxid();
      response.ping_backoff_factor = 2;
      stub = dcom::EncodeComplexPingResponse(response);
      break;
    }
    case dcom::kOpnumResolveOxid2: {
      facts.method = "ResolveOxid2";
      dcom::ResolveOxidRequest request;
      decoded = dcom::DecodeResolveOxidRequest(ctx.stub, &request).ok();
      facts.text = "oxid " + std::to_string(request.oxid);
      dcom::ResolveOxidResponse response;
      if (request.oxid == objects_.oxid()) {
        response.bindings = Bindings(*call.connection);
        response.ipid_rem_unknown = objects_.ipid_rem_unknown();
        response.authn_hint = config_.authn_hint;
      } else {
        response.error = status = kOrInvalidOxid;
      }
      stub = dcom::EncodeResolveOxid2Response(response);
      break;
    }
    default:
      facts.method = "opnum " + std::to_string(ctx.opnum);
      Record(call, facts, "fault nca_s_op_rng_error");
      return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  }
  if (!decoded) return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  Record(call, facts, Hex(status));
  return DcomReply{Stub(std::move(stub)), {}};
}

DcomReply DcomServer::RemUnknown(const DcomCall& call) {
  const rpc::CallContext& ctx = *call.rpc;
  CallFacts facts{InterfaceName(ctx.abstract_syntax.uuid), "", "", "", ""};
  if (ctx.opnum != dcom::kOpnumRemAddRef && ctx.opnum != dcom::kOpnumRemRelease) {
    facts.method = "opnum " + std::to_string(ctx.opnum);
    Record(call, facts, "fault nca_s_op_rng_error");
    return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  }
  facts.method = ctx.opnum == dcom::kOpnumRemAddRef ? "RemAddRef" : "RemRelease";
  dcom::RemRefCountRequest request;
  if (!dcom::DecodeRemRefCountRequest(ctx.stub, &request).ok()) {
    Record(call, facts, "fault nca_s_fault_ndr");
    return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  }
  for (const dcom::RemInterfaceRef& ref : request.refs) {
    facts.text += (facts.text.empty() ? "" : " ") + ref.ipid.ToString();
    if (ctx.opnum == dcom::kOpnumRemAddRef) objects_.AddRef(ref.ipid, ref.public_refs);
    else objects_.Release(ref.ipid, ref.public_refs);  // tolerant of over-release
  }
  Record(call, facts, Hex(wmi::kWbemSNoError));
  // RemAddRef's reply has per-reference results; clients send RemRelease in practice.
  return DcomReply{Stub(dcom::EncodeRemReleaseResponse(dcom::OrpcThat{}, 0)), {}};
}

DcomReply DcomServer::Login(const DcomCall& call, const std::string& user) {
  const rpc::CallContext& ctx = *call.rpc;
  CallFacts facts{"IWbemLevel1Login", "NTLMLogin", "", "", user};
  if (ctx.opnum != wmi::login_op::kNtlmLogin) {
    facts.method = "opnum " + std::to_string(ctx.opnum);
    Record(call, facts, "fault nca_s_op_rng_error");
    return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  }
  wmi::NtlmLoginRequest request;
  if (!wmi::Decode(ctx.stub, &request).ok()) {
    Record(call, facts, "fault nca_s_fault_ndr");
    return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  }
  facts.text = Narrow(request.network_resource);
  facts.name_space = WmiNamespace(facts.text);
  DcomReply out;
  std::optional<std::uint32_t> scripted;
  if (Faulted(facts, &out, &scripted)) {
    Record(call, facts, out.reply.fault ? "fault " + Hex(*out.reply.fault) : "transport " + out.action.detail);
    return out;
  }
  wmi::NtlmLoginResponse response;
  std::string name_space;
  response.hresult = scripted ? *scripted : store_.OpenNamespace(facts.text, &name_space);
  if (response.hresult == wmi::kWbemSNoError) {
    response.services =
        dcom::MInterfacePointer{Export(wmi::kIidIWbemServices, std::make_shared<ServicesObject>(name_space), *call.connection)};
  }
  Record(call, facts, Hex(response.hresult));
  return DcomReply{Stub(wmi::Encode(response)), {}};
}

}  // namespace cimulate::fake::wmidcom
