#include "wmidcom/dcom_connection.h"

#include <algorithm>
#include <limits>
#include <map>
#include <mutex>
#include <utility>

#include "dcom/activation_properties.h"
#include "dcom/guids.h"
#include "dcom/objref.h"
#include "dcom/remote_scm_activator.h"
#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi/wbem_status.h"
#include "wmi/wmi_ids.h"
#include "wmidcom/object_conversion.h"
#include "wmidcom/rpc_channel.h"
#include "wmio/codec.h"
#include "wmio/object.h"

namespace cimulate::wmidcom {
namespace {

using dcerpc::Guid;

// Releases at session close must not hold the caller up for a full time-out.
constexpr std::chrono::milliseconds kReleaseTimeout{5000};

std::u16string Utf16(const std::string& utf8) {
  std::u16string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    char32_t code = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < utf8.size(); ++k) code = (code << 6) | (utf8[i + k] & 0x3F);
    i += extra + 1;
    if (code >= 0x10000) {
      code -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (code >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (code & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(code));
    }
  }
  return out;
}

CallStatus Unreadable(const std::string& what, const std::string& why) {
  return CallStatus::Failed(CallFailure::kProtocol, what + ": " + why);
}

CallStatus FromHresult(wmi::HResult hresult, const std::string& what) {
  return CallStatus::Hresult(hresult, what + " returned " + wmi::DescribeWbemStatus(hresult));
}

// A remote object: where it lives, its IPID and the references we hold.
struct RemoteRef {
  Guid ipid;
  std::uint32_t refs = 0;
};

// The IPID and references of an OBJREF_STANDARD in an MInterfacePointer.
CallStatus ReadStandardRef(const std::optional<dcom::MInterfacePointer>& pointer, const std::string& what,
                           RemoteRef* ref) {
  if (!pointer) return Unreadable(what, "the reply carries no interface pointer");
  dcom::ObjRef objref;
  dcerpc::Status status = dcom::DecodeObjRef(pointer->data, &objref);
  if (!status.ok()) return Unreadable(what, status.ToString());
  if (objref.flags != dcom::kObjRefStandard) return Unreadable(what, "the interface pointer is not OBJREF_STANDARD");
  *ref = {objref.std.ipid, objref.std.public_refs};
  return CallStatus::Ok();
}

// The MI instance in a by-value IWbemClassObject (OBJREF_CUSTOM, MS-WMIO).
CallStatus ReadObject(const dcom::MInterfacePointer& pointer, const std::string& what, core::InstancePtr* out) {
  dcom::ObjRef objref;
  dcerpc::Status status = dcom::DecodeObjRef(pointer.data, &objref);
  if (!status.ok()) return Unreadable(what, status.ToString());
  if (objref.flags != dcom::kObjRefCustom) return Unreadable(what, "the object is not OBJREF_CUSTOM");
  wmio::Object object;
  wmio::Status decoded = wmio::DecodeEncodingUnit(objref.object_data, &object);
  if (!decoded.ok()) return Unreadable(what, decoded.ToString());
  if (!object.instance) return Unreadable(what, "the server returned a class where an instance was expected");
  std::string error;
  if (!ToMiInstance(*object.instance, out, &error)) return Unreadable(what, error);
  return CallStatus::Ok();
}

// What IRemoteSCMActivator::RemoteCreateInstance told us.
struct Activation {
  RemoteRef login;
  std::uint64_t oxid = 0;
  dcom::DualStringArray bindings;
  Guid ipid_rem_unknown;
  std::uint32_t authn_hint = dcom::kAuthnLevelPktIntegrity;
};

class EnumStream : public InstanceStream {
 public:
  EnumStream(std::shared_ptr<RpcChannel> channel, RemoteRef ref, std::chrono::milliseconds release_timeout)
      : channel_(std::move(channel)), ref_(ref), release_timeout_(release_timeout) {}

  ~EnumStream() override {
    if (!channel_->alive()) return;  // cancelled or broken: the server collects it
    CallControl control(release_timeout_);
    channel_->Release(ref_.ipid, ref_.refs, control);
  }

  CallStatus Next(std::uint32_t count, CallControl& control, std::vector<core::InstancePtr>* instances,
                  bool* finished) override {
    wmi::NextRequest request;
    const auto left = control.remaining().count();
    request.timeout = static_cast<std::int32_t>(std::min<std::int64_t>(left, std::numeric_limits<std::int32_t>::max()));
    request.count = count;
    std::vector<std::uint8_t> stub;
    CallStatus status = channel_->Call(ObjectInterface::kEnumerator, wmi::enum_op::kNext, ref_.ipid,
                                       wmi::Encode(request), control, "IEnumWbemClassObject::Next", &stub);
    if (!status.ok()) return status;
    wmi::NextResponse response;
    dcerpc::Status decoded = wmi::Decode(stub, &response);
    if (!decoded.ok()) return Unreadable("IEnumWbemClassObject::Next", decoded.ToString());
    if (!wmi::WbemSucceeded(response.hresult)) return FromHresult(response.hresult, "IEnumWbemClassObject::Next");
    for (const auto& pointer : response.objects) {
      core::InstancePtr instance;
      status = ReadObject(pointer, "IEnumWbemClassObject::Next", &instance);
      if (!status.ok()) return status;
      instances->push_back(std::move(instance));
    }
    *finished = response.hresult == wmi::kWbemSFalse;
    if (!*finished && response.objects.empty() && control.remaining().count() == 0) {
      // WBEM_S_TIMEDOUT with nothing: the operation's time is up.
      return CallStatus::Failed(CallFailure::kTimedOut, "IEnumWbemClassObject::Next: no objects within the time-out");
    }
    return CallStatus::Ok();
  }

 private:
  const std::shared_ptr<RpcChannel> channel_;
  const RemoteRef ref_;
  const std::chrono::milliseconds release_timeout_;
};

class DcomServices : public WbemServices {
 public:
  DcomServices(std::shared_ptr<RpcChannel> channel, RemoteRef ref, std::chrono::milliseconds release_timeout)
      : channel_(std::move(channel)), ref_(ref), release_timeout_(release_timeout) {}

  CallStatus ExecQuery(const std::string& wql, CallControl& control,
                       std::unique_ptr<InstanceStream>* stream) override {
    wmi::ExecQueryRequest request;
    request.query_language = u"WQL";
    request.query = Utf16(wql);
    // Semisynchronous and forward-only, as Windows clients ask: the server
    // may drop what has been read.
    request.flags = wmi::kWbemFlagReturnImmediately | wmi::kWbemFlagForwardOnly;
    wmi::ExecQueryResponse response;
    CallStatus status = Run(wmi::services_op::kExecQuery, wmi::Encode(request), control, "IWbemServices::ExecQuery",
                            &response);
    if (!status.ok()) return status;
    RemoteRef enumerator;
    status = ReadStandardRef(response.enumerator, "IWbemServices::ExecQuery", &enumerator);
    if (!status.ok()) return status;
    *stream = std::make_unique<EnumStream>(channel_, enumerator, release_timeout_);
    return CallStatus::Ok();
  }

  CallStatus GetObject(const std::string& path, CallControl& control, core::InstancePtr* object) override {
    wmi::GetObjectRequest request;
    request.object_path = Utf16(path);
    wmi::GetObjectResponse response;
    CallStatus status =
        Run(wmi::services_op::kGetObject, wmi::Encode(request), control, "IWbemServices::GetObject", &response);
    if (!status.ok()) return status;
    if (!response.object.value) return Unreadable("IWbemServices::GetObject", "the reply carries no object");
    return ReadObject(*response.object.value, "IWbemServices::GetObject", object);
  }

  CallStatus PutInstance(const MI_Instance&, std::uint32_t, CallControl&) override {
    // Sending an instance needs its class part in MS-WMIO, which the MI to
    // MS-WMIO direction of object_conversion does not produce yet.
    return CallStatus::Hresult(wmi::kENotImpl, "PutInstance is not supported by this client yet");
  }

  CallStatus DeleteInstance(const std::string& path, CallControl& control) override {
    wmi::DeleteInstanceRequest request;
    request.object_path = Utf16(path);
    wmi::DeleteInstanceResponse response;
    return Run(wmi::services_op::kDeleteInstance, wmi::Encode(request), control, "IWbemServices::DeleteInstance",
               &response);
  }

  CallStatus ExecMethod(const std::string& path, const std::string& method, const MI_Instance* in,
                        CallControl& control, core::InstancePtr* out) override {
    if (in != nullptr) {
      return CallStatus::Hresult(wmi::kENotImpl, "ExecMethod with input parameters is not supported by this client yet");
    }
    wmi::ExecMethodRequest request;
    request.object_path = Utf16(path);
    request.method_name = Utf16(method);
    wmi::ExecMethodResponse response;
    CallStatus status =
        Run(wmi::services_op::kExecMethod, wmi::Encode(request), control, "IWbemServices::ExecMethod", &response);
    if (!status.ok()) return status;
    if (!response.out_params.value) return CallStatus::Ok();  // a method without output
    return ReadObject(*response.out_params.value, "IWbemServices::ExecMethod", out);
  }

  void Release() {
    if (!channel_->alive()) return;
    CallControl control(release_timeout_);
    channel_->Release(ref_.ipid, ref_.refs, control);
  }

 private:
  // Sends one call and decodes the reply; a failing HRESULT is the status.
  template <typename Response>
  CallStatus Run(std::uint16_t opnum, const std::vector<std::uint8_t>& stub, CallControl& control,
                 const std::string& what, Response* response) {
    std::vector<std::uint8_t> reply;
    CallStatus status = channel_->Call(ObjectInterface::kServices, opnum, ref_.ipid, stub, control, what, &reply);
    if (!status.ok()) return status;
    dcerpc::Status decoded = wmi::Decode(reply, response);
    if (!decoded.ok()) return Unreadable(what, decoded.ToString());
    if (!wmi::WbemSucceeded(response->hresult)) return FromHresult(response->hresult, what);
    return CallStatus::Ok();
  }

  const std::shared_ptr<RpcChannel> channel_;
  const RemoteRef ref_;
  const std::chrono::milliseconds release_timeout_;
};

class DcomConnection : public WbemConnection {
 public:
  explicit DcomConnection(SessionSettings settings) : settings_(std::move(settings)) {}

  CallStatus Login(const std::string& name_space, CallControl& control,
                   std::shared_ptr<WbemServices>* services) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (channel_ && !channel_->alive()) {
      services_.clear();  // they lived on the dead channel
      channel_.reset();
    }
    auto found = services_.find(name_space);
    if (found != services_.end()) {
      *services = found->second;
      return CallStatus::Ok();
    }
    Activation activation;
    CallStatus status = Activate(control, &activation);
    if (!status.ok()) return status;
    if (!channel_ || channel_->oxid() != activation.oxid) {
      status = OpenChannel(activation, control);
      if (!status.ok()) return status;
    }
    RemoteRef services_ref;
    status = NtlmLogin(activation.login, name_space, control, &services_ref);
    // The login object has done its work, whether or not the logon worked.
    if (channel_->alive()) channel_->Release(activation.login.ipid, activation.login.refs, control);
    if (!status.ok()) return status;
    auto created = std::make_shared<DcomServices>(channel_, services_ref, ReleaseTimeout());
    services_[name_space] = created;
    *services = created;
    return CallStatus::Ok();
  }

  void Shutdown() override {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [name, services] : services_) services->Release();
    services_.clear();
    if (channel_) channel_->Close();
    channel_.reset();
  }

 private:
  std::chrono::milliseconds ReleaseTimeout() const { return std::min(settings_.timeout, kReleaseTimeout); }

  rpc::ClientAuth Auth(dcerpc::AuthLevel level) const {
    rpc::ClientAuth auth;
    auth.ntlm.credentials.domain = settings_.credentials.domain;
    auth.ntlm.credentials.user = settings_.credentials.user;
    auth.ntlm.credentials.password = settings_.credentials.password;
    auth.level = level;
    return auth;
  }

  // RemoteCreateInstance(CLSID_WbemLevel1Login) on the activation port, over
  // NTLM with privacy as Windows clients use there.
  CallStatus Activate(CallControl& control, Activation* out) {
    rpc::ClientOptions options;
    options.auth = Auth(dcerpc::AuthLevel::kPktPrivacy);
    rpc::ClientAssociation scm(options);
    const std::string where = "activation at " + settings_.destination;
    CallStatus status = Guarded(scm, control, "connect to " + where, [&] {
      return scm.Connect(settings_.host, settings_.port, control.deadline());
    });
    if (!status.ok()) return status;
    std::vector<std::uint16_t> ids;
    status = Guarded(scm, control, "bind IRemoteSCMActivator", [&] {
      return scm.Bind({{dcom::kIidIRemoteScmActivator, 0, 0}}, control.deadline(), &ids);
    });
    if (!status.ok()) return status;

    dcom::ActivationPropertiesIn in;
    in.instantiation.clsid = dcom::kClsidWbemLevel1Login;
    in.instantiation.iids = {dcom::kIidIWbemLevel1Login};
    in.context = dcom::ActivationContextInfo{};
    in.location = dcom::ServerLocationInfo{};
    in.scm_request = dcom::ScmRequestInfo{};
    dcom::RemoteCreateInstanceRequest request;
    request.properties = dcom::MInterfacePointer{dcom::EncodeActivationPropertiesIn(in)};
    std::vector<std::uint8_t> reply;
    status = Guarded(scm, control, "RemoteCreateInstance", [&] {
      return scm.Call(ids[0], dcom::kOpnumRemoteCreateInstance, std::nullopt,
                      dcom::EncodeRemoteCreateInstanceRequest(request), control.deadline(), &reply);
    });
    scm.Close();
    if (!status.ok()) return status;
    return ReadActivation(reply, out);
  }

  static CallStatus ReadActivation(const std::vector<std::uint8_t>& reply, Activation* out) {
    const std::string what = "RemoteCreateInstance";
    dcom::RemoteCreateInstanceResponse response;
    dcerpc::Status decoded = dcom::DecodeRemoteCreateInstanceResponse(reply, &response);
    if (!decoded.ok()) return Unreadable(what, decoded.ToString());
    if (response.hresult < 0) return FromHresult(static_cast<wmi::HResult>(response.hresult), what);
    if (!response.properties) return Unreadable(what, "the reply carries no activation properties");
    dcom::ActivationPropertiesOut props;
    decoded = dcom::DecodeActivationPropertiesOut(response.properties->data, &props);
    if (!decoded.ok()) return Unreadable(what, decoded.ToString());
    const auto& info = props.props_out;
    if (info.hresults.empty() || info.interfaces.empty()) return Unreadable(what, "no interface in PropsOutInfo");
    if (info.hresults[0] < 0) return FromHresult(static_cast<wmi::HResult>(info.hresults[0]), what);
    CallStatus status = ReadStandardRef(info.interfaces[0], what, &out->login);
    if (!status.ok()) return status;
    if (!props.scm_reply.oxid_bindings) return Unreadable(what, "ScmReplyInfo has no OXID bindings");
    out->oxid = props.scm_reply.oxid;
    out->bindings = *props.scm_reply.oxid_bindings;
    out->ipid_rem_unknown = props.scm_reply.ipid_rem_unknown;
    out->authn_hint = props.scm_reply.authn_hint;
    return CallStatus::Ok();
  }

  // The tower-7 string binding on the host we reached the activation port
  // on, else the first one.
  std::optional<dcom::TcpEndpoint> ChooseBinding(const dcom::DualStringArray& bindings) const {
    std::optional<dcom::TcpEndpoint> first;
    for (const auto& binding : bindings.string_bindings) {
      if (binding.tower_id != dcom::kTowerIdTcp) continue;
      auto endpoint = dcom::ParseTcpBindingAddress(binding.network_address);
      if (!endpoint) continue;
      if (endpoint->host == settings_.host) return endpoint;
      if (!first) first = endpoint;
    }
    return first;
  }

  // Connects to the object exporter and binds its four interfaces in one bind
  // at the session's level (none when the server's authnHint says so).
  CallStatus OpenChannel(const Activation& activation, CallControl& control) {
    auto endpoint = ChooseBinding(activation.bindings);
    if (!endpoint) return Unreadable("RemoteCreateInstance", "no ncacn_ip_tcp binding for the object exporter");
    rpc::ClientOptions options;
    if (activation.authn_hint != dcom::kAuthnLevelNone) {
      options.auth = Auth(static_cast<dcerpc::AuthLevel>(settings_.protection));
    }
    auto association = std::make_unique<rpc::ClientAssociation>(options);
    const std::string where = "object exporter at " + JoinHostPort(endpoint->host, endpoint->port);
    CallStatus status = Guarded(*association, control, "connect to " + where, [&] {
      return association->Connect(endpoint->host, endpoint->port, control.deadline());
    });
    if (!status.ok()) return status;
    std::vector<std::uint16_t> ids;
    status = Guarded(*association, control, "bind at the " + where, [&] {
      return association->Bind({{dcom::kIidIWbemLevel1Login, 0, 0},
                                {dcom::kIidIRemUnknown, 0, 0},
                                {dcom::kIidIWbemServices, 0, 0},
                                {dcom::kIidIEnumWbemClassObject, 0, 0}},
                               control.deadline(), &ids);
    });
    if (!status.ok()) return status;
    if (channel_) channel_->Close();
    services_.clear();
    channel_ = std::make_shared<RpcChannel>(std::move(association), std::move(ids), activation.oxid,
                                            activation.ipid_rem_unknown);
    return CallStatus::Ok();
  }

  CallStatus NtlmLogin(const RemoteRef& login, const std::string& name_space, CallControl& control,
                       RemoteRef* services) {
    const std::string what = "IWbemLevel1Login::NTLMLogin(" + name_space + ")";
    wmi::NtlmLoginRequest request;
    request.network_resource = Utf16(name_space);
    std::vector<std::uint8_t> reply;
    CallStatus status = channel_->Call(ObjectInterface::kLevel1Login, wmi::login_op::kNtlmLogin, login.ipid,
                                       wmi::Encode(request), control, what, &reply);
    if (!status.ok()) return status;
    wmi::NtlmLoginResponse response;
    dcerpc::Status decoded = wmi::Decode(reply, &response);
    if (!decoded.ok()) return Unreadable(what, decoded.ToString());
    if (!wmi::WbemSucceeded(response.hresult)) return FromHresult(response.hresult, what);
    return ReadStandardRef(response.services, what, services);
  }

  const SessionSettings settings_;
  std::mutex mu_;  // guards channel_ and services_; serialises logons
  std::shared_ptr<RpcChannel> channel_;
  std::map<std::string, std::shared_ptr<DcomServices>> services_;
};

}  // namespace

std::unique_ptr<WbemConnection> NewDcomConnection(const SessionSettings& settings) {
  return std::make_unique<DcomConnection>(settings);
}

}  // namespace cimulate::wmidcom
