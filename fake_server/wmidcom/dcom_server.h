// DcomServer: the calls of the fake WMIDCOM endpoint, from an RPC request
// (interface, IPID, opnum, stub) to its reply.
//
//   activation port: IRemoteSCMActivator::RemoteCreateInstance (WbemLevel1Login
//                    only; others REGDB_E_CLASSNOTREG), IObjectExporter
//                    (ServerAlive, ServerAlive2, ResolveOxid2, SimplePing, ComplexPing)
//   object port:     IRemUnknown(2) RemAddRef/RemRelease on ipidRemUnknown,
//                    IWbemLevel1Login::NTLMLogin, IWbemServices GetObject,
//                    ExecQuery, CreateInstanceEnum, DeleteInstance,
//                    IEnumWbemClassObject Reset/Next/Clone/Skip
//
// The scenario's faults (endpoint.wmidcom.faults) are looked up for every
// call; a transport fault comes back as a PduAction for the listener.
// Every call is journalled (interface, method, namespace, query or path,
// the user name; never a secret).
//
// Thread-safe: one instance serves every connection of both ports.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_DCOM_SERVER_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_DCOM_SERVER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "journal/journal.h"
#include "rpc/server_association.h"
#include "dcom/objref.h"
#include "scenario/scenario.h"
#include "wmidcom/fault_book.h"
#include "wmidcom/object_table.h"
#include "wmidcom/pdu_listener.h"
#include "wmidcom/served_objects.h"
#include "wmidcom/wmi_store.h"
#include "wmidcom/wmio_mapping.h"

namespace cimulate::fake::wmidcom {

// "IWbemServices" for its IID; "{uuid}" for interfaces the fake does not know.
std::string InterfaceName(const dcerpc::Guid& iid);

struct DcomCall {
  const PduConnectionInfo* connection = nullptr;
  const rpc::CallContext* rpc = nullptr;
  std::uint64_t sequence = 0;  // 1-based position on its connection
};

struct DcomReply {
  rpc::CallReply reply;
  PduAction action;  // what the listener does after sending (or instead of) the reply
};

class DcomServer {
 public:
  DcomServer(const scenario::Scenario& scenario, Journal* journal, std::uint64_t seed);

  DcomServer(const DcomServer&) = delete;
  DcomServer& operator=(const DcomServer&) = delete;

  // The object exporter's port, once its listener is bound.
  void set_object_port(std::uint16_t port) { object_port_ = port; }
  const scenario::WmidcomConfig& config() const { return config_; }
  ObjectTable& objects() { return objects_; }
  const scenario::AuthConfig& auth() const { return auth_; }

  DcomReply Dispatch(const DcomCall& call);
  // A bind or alter_context was answered: journalled, and reset_after_bind faults act here.
  PduAction OnBind(const PduConnectionInfo& connection, const rpc::BindEvent& bind);
  // An auth3 was processed: journalled with the user name (never a secret).
  void OnAuth(const PduConnectionInfo& connection, const rpc::AuthEvent& auth);

 private:
  DcomReply Activate(const DcomCall& call, const std::string& user);
  DcomReply RemUnknown(const DcomCall& call);
  DcomReply Login(const DcomCall& call, const std::string& user);
  DcomReply ServicesCall(const DcomCall& call, const ServicesObject& services, const std::string& user);
  DcomReply EnumCall(const DcomCall& call, EnumObject& enumerator, const std::string& user);

  // The objects as MInterfacePointers (OBJREF_CUSTOM, MS-WMIO inside).
  std::vector<std::uint8_t> ObjectPointer(const WmiObject& object, std::string* error) const;
  // A new IPID for `object`, as an OBJREF_STANDARD MInterfacePointer.
  std::vector<std::uint8_t> Export(const dcerpc::Guid& iid, std::shared_ptr<ServedObject> object,
                                   const PduConnectionInfo& connection);
  std::string AdvertisedHost(const PduConnectionInfo& connection) const;
  // The object exporter's string and security bindings, as a client that came in on `connection` reaches it.
  dcom::DualStringArray Bindings(const PduConnectionInfo& connection) const;
  DcomReply ObjectExporter(const DcomCall& call);

  // Looks the call up in the fault book: true when an RPC or transport fault
  // answers it (*out set); a scripted WBEM result goes to *hresult instead,
  // for the call to send in its own reply layout.
  bool Faulted(const CallFacts& facts, DcomReply* out, std::optional<std::uint32_t>* hresult);
  void Record(const DcomCall& call, const CallFacts& facts, const std::string& outcome);
  void RecordOn(const PduConnectionInfo& connection, std::uint64_t sequence, const CallFacts& facts,
                const std::string& outcome);

  const scenario::WmidcomConfig config_;
  const scenario::AuthConfig auth_;
  const scenario::DataSet data_;
  fake::Journal* journal_;
  WmiStore store_;
  ObjectTable objects_;
  FaultBook faults_;
  DecorationInfo decoration_;
  std::atomic<std::uint16_t> object_port_{0};
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_DCOM_SERVER_H_
