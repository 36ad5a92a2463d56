// An impacket-free WMIDCOM client for the fake's tests, built from lib/rpc,
// lib/dcom, lib/wmi and lib/wmio: activation on the activation port, then
// NTLMLogin, ExecQuery, CreateInstanceEnum, GetObject and Next on the object
// port, as wmiquery.py does them.
#ifndef CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_WMI_CLIENT_H_
#define CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_WMI_CLIENT_H_

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "dcom/activation_properties.h"
#include "dcom/guids.h"
#include "dcom/objref.h"
#include "dcom/remote_scm_activator.h"
#include "gtest/gtest.h"
#include "rpc/client_association.h"
#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi/wmi_ids.h"
#include "wmio/codec.h"
#include "wmio/instance.h"
#include "wmio/object.h"

namespace cimulate::fake::wmidcom {

inline rpc::Deadline Soon() { return rpc::DeadlineIn(std::chrono::seconds(5)); }

inline dcerpc::SyntaxId Syntax(const dcerpc::Guid& iid) { return dcerpc::SyntaxId{iid, 0, 0}; }

inline rpc::ClientOptions ClientWith(const std::string& user, const std::string& password,
                                     dcerpc::AuthLevel level = dcerpc::AuthLevel::kPktPrivacy) {
  rpc::ClientOptions options;
  rpc::ClientAuth auth;
  auth.ntlm.credentials.domain = "FAKEDOM";
  auth.ntlm.credentials.user = user;
  auth.ntlm.credentials.password = password;
  auth.level = level;
  options.auth = auth;
  return options;
}

struct Activation {
  std::uint32_t hresult = 0;
  dcom::ActivationPropertiesOut props;
  dcom::ObjRef login;  // the IWbemLevel1Login OBJREF
};

// RemoteCreateInstance of `clsid` on the activation port.
inline rpc::Status Activate(std::uint16_t port, const rpc::ClientOptions& options, const dcerpc::Guid& clsid,
                            Activation* out) {
  rpc::ClientAssociation rpc(options);
  rpc::Status s = rpc.Connect("127.0.0.1", port, Soon());
  std::vector<std::uint16_t> ids;
  if (s.ok()) s = rpc.Bind({Syntax(dcom::kIidIRemoteScmActivator)}, Soon(), &ids);
  if (!s.ok()) return s;
  dcom::ActivationPropertiesIn in;
  in.instantiation.clsid = clsid;
  in.instantiation.iids = {wmi::kIidIWbemLevel1Login};
  in.scm_request = dcom::ScmRequestInfo{};
  dcom::RemoteCreateInstanceRequest request;
  request.properties = dcom::MInterfacePointer{dcom::EncodeActivationPropertiesIn(in)};
  std::vector<std::uint8_t> stub;
  s = rpc.Call(ids[0], dcom::kOpnumRemoteCreateInstance, std::nullopt, dcom::EncodeRemoteCreateInstanceRequest(request),
               Soon(), &stub);
  if (!s.ok()) return s;
  dcom::RemoteCreateInstanceResponse response;
  EXPECT_TRUE(dcom::DecodeRemoteCreateInstanceResponse(stub, &response).ok());
  out->hresult = static_cast<std::uint32_t>(response.hresult);
  if (response.hresult != 0) return s;
  EXPECT_TRUE(response.properties.has_value());
  if (!response.properties) return s;
  EXPECT_TRUE(dcom::DecodeActivationPropertiesOut(response.properties->data, &out->props).ok());
  EXPECT_EQ(out->props.props_out.interfaces.size(), 1u);
  if (!out->props.props_out.interfaces.empty() && out->props.props_out.interfaces[0]) {
    EXPECT_TRUE(dcom::DecodeObjRef(out->props.props_out.interfaces[0]->data, &out->login).ok());
  }
  return s;
}

// The object port connection: one bind per interface on first use, as impacket alters contexts.
class ObjectConnection {
 public:
  ObjectConnection(std::uint16_t port, rpc::ClientOptions options) : rpc_(std::move(options)) {
    connect_status_ = rpc_.Connect("127.0.0.1", port, Soon());
  }

  rpc::Status Call(const dcerpc::Guid& iid, const dcerpc::Guid& ipid, std::uint16_t opnum,
                   const std::vector<std::uint8_t>& stub, std::vector<std::uint8_t>* reply) {
    if (!connect_status_.ok()) return connect_status_;
    std::uint16_t id = 0;
    auto it = contexts_.find(iid);
    if (it != contexts_.end()) {
      id = it->second;
    } else if (!rpc_.bound()) {
      std::vector<std::uint16_t> ids;
      rpc::Status s = rpc_.Bind({Syntax(iid)}, Soon(), &ids);
      if (!s.ok()) return s;
      id = contexts_[iid] = ids[0];
    } else {
      rpc::Status s = rpc_.AlterContext(Syntax(iid), Soon(), &id);
      if (!s.ok()) return s;
      contexts_[iid] = id;
    }
    return rpc_.Call(id, opnum, ipid, stub, Soon(), reply);
  }

 private:
  rpc::ClientAssociation rpc_;
  rpc::Status connect_status_;
  std::map<dcerpc::Guid, std::uint16_t> contexts_;
};

inline dcerpc::Guid IpidOf(const wmi::InterfacePtr& pointer) {
  dcom::ObjRef ref;
  EXPECT_TRUE(pointer.has_value());
  if (pointer) {
    EXPECT_TRUE(dcom::DecodeObjRef(pointer->data, &ref).ok());
  }
  return ref.std.ipid;
}

inline wmio::Object DecodeObject(const dcom::MInterfacePointer& pointer) {
  dcom::ObjRef ref;
  wmio::Object object;
  EXPECT_TRUE(dcom::DecodeObjRef(pointer.data, &ref).ok());
  EXPECT_EQ(ref.flags, dcom::kObjRefCustom);
  EXPECT_TRUE(wmio::DecodeEncodingUnit(ref.object_data, &object).ok());
  return object;
}

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_WMI_CLIENT_H_
