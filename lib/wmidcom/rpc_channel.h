// RpcChannel: one bound DCE/RPC association to a WMI object exporter, shared
// by every object of a session that lives there (IWbemLevel1Login,
// IRemUnknown, IWbemServices, IEnumWbemClassObject, bound in one bind).
//
// ClientAssociation runs one call at a time, so calls are serialised here.
// Each call obeys its operation's CallControl: the deadline bounds it and a
// cancel aborts the association, which is then dead for good (a later Login
// opens a new channel).
#ifndef CIMULATE_WMIDCOM_RPC_CHANNEL_H_
#define CIMULATE_WMIDCOM_RPC_CHANNEL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "dcerpc/guid.h"
#include "rpc/client_association.h"
#include "rpc/status.h"
#include "wmidcom/call_control.h"
#include "wmidcom/call_status.h"

namespace cimulate::wmidcom {

// The presentation contexts of an object exporter channel.
enum class ObjectInterface { kLevel1Login = 0, kRemUnknown, kServices, kEnumerator, kCount };

// An rpc::Status as the error table's terms; `what` names the step.
CallStatus FromRpcStatus(const rpc::Status& status, const std::string& what);

// Runs `step` (a Connect, Bind or Call on `association`) with `control`'s
// cancel armed to abort it.
CallStatus Guarded(rpc::ClientAssociation& association, CallControl& control, const std::string& what,
                   const std::function<rpc::Status()>& step);

class RpcChannel {
 public:
  RpcChannel(std::unique_ptr<rpc::ClientAssociation> association, std::vector<std::uint16_t> context_ids,
             std::uint64_t oxid, dcerpc::Guid ipid_rem_unknown);

  // One request with `ipid` as the object UUID.
  CallStatus Call(ObjectInterface iface, std::uint16_t opnum, const dcerpc::Guid& ipid,
                  std::span<const std::uint8_t> stub, CallControl& control, const std::string& what,
                  std::vector<std::uint8_t>* response);

  // IRemUnknown::RemRelease of `refs` references to `ipid`; failures are
  // ignored (the server collects what it is not told about).
  void Release(const dcerpc::Guid& ipid, std::uint32_t refs, CallControl& control);

  bool alive();
  void Close();
  std::uint64_t oxid() const { return oxid_; }

 private:
  std::mutex mu_;  // one call at a time on the association
  const std::unique_ptr<rpc::ClientAssociation> association_;
  const std::vector<std::uint16_t> context_ids_;
  const std::uint64_t oxid_;
  const dcerpc::Guid ipid_rem_unknown_;
  bool broken_ = false;  // guarded by mu_
};

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_RPC_CHANNEL_H_
