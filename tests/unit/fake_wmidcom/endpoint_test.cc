// The fake WMIDCOM endpoint end to end on loopback, driven by the project's
// own client stack (lib/rpc + lib/dcom + lib/wmi + lib/wmio), no impacket.
#include "wmidcom/wmidcom_endpoint.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "dcom/rem_unknown.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_scenario.h"
#include "wmi_client.h"
#include "wmi/wbem_status.h"

namespace cimulate::fake::wmidcom {
namespace {

using ::testing::HasSubstr;

constexpr const char* kAuth = R"(  auth:
    anonymous: true
    accounts:
      - {user: alice, domain: FAKEDOM, password: "Passw0rd!"}
)";

class EndpointTest : public ::testing::Test {
 protected:
  void Start(const std::string& wmidcom_section = "") {
    scenario_ = LoadEndpoint(std::string(kAuth) + kServicesData + wmidcom_section);
    endpoint_ = std::make_unique<WmidcomEndpoint>(scenario_, WmidcomEndpointOptions{"127.0.0.1", 0, 3, 5000}, &journal_);
    std::string error;
    ASSERT_TRUE(endpoint_->Start(&error)) << error;
  }

  // Activation + NTLMLogin: the IWbemServices IPID on `conn`.
  dcerpc::Guid Login(ObjectConnection* conn, const std::string& name_space = "//./root/cimv2",
                     std::uint32_t* hresult = nullptr) {
    Activation a;
    rpc::Status s = Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"), wmi::kClsidWbemLevel1Login, &a);
    EXPECT_TRUE(s.ok()) << s.ToString();
    wmi::NtlmLoginRequest login;
    login.network_resource = std::u16string(name_space.begin(), name_space.end());
    std::vector<std::uint8_t> stub;
    s = conn->Call(wmi::kIidIWbemLevel1Login, a.login.std.ipid, wmi::login_op::kNtlmLogin, wmi::Encode(login), &stub);
    EXPECT_TRUE(s.ok()) << s.ToString();
    wmi::NtlmLoginResponse response;
    EXPECT_TRUE(wmi::Decode(stub, &response).ok());
    if (hresult != nullptr) *hresult = response.hresult;
    return response.services ? IpidOf(response.services) : dcerpc::Guid{};
  }

  // ExecQuery: the enumerator's IPID, or the HRESULT.
  std::uint32_t Query(ObjectConnection* conn, const dcerpc::Guid& services, const std::string& wql,
                      dcerpc::Guid* enumerator) {
    wmi::ExecQueryRequest q;
    q.query_language = u"WQL";
    q.query = std::u16string(wql.begin(), wql.end());
    std::vector<std::uint8_t> stub;
    rpc::Status s = conn->Call(wmi::kIidIWbemServices, services, wmi::services_op::kExecQuery, wmi::Encode(q), &stub);
    EXPECT_TRUE(s.ok()) << s.ToString();
    wmi::ExecQueryResponse response;
    EXPECT_TRUE(wmi::Decode(stub, &response).ok());
    if (response.enumerator) *enumerator = IpidOf(response.enumerator);
    return response.hresult;
  }

  rpc::Status Next(ObjectConnection* conn, const dcerpc::Guid& enumerator, std::uint32_t count,
                   wmi::NextResponse* response) {
    wmi::NextRequest next;
    next.count = count;
    std::vector<std::uint8_t> stub;
    rpc::Status s = conn->Call(wmi::kIidIEnumWbemClassObject, enumerator, wmi::enum_op::kNext, wmi::Encode(next), &stub);
    if (s.ok()) {
      EXPECT_TRUE(wmi::Decode(stub, response).ok());
    }
    return s;
  }

  std::uint16_t object_port() const { return endpoint_->object_port(); }

  scenario::Scenario scenario_;
  Journal journal_;
  std::unique_ptr<WmidcomEndpoint> endpoint_;
};

TEST_F(EndpointTest, ActivationAdvertisesTheObjectPortAndAuthnHint) {
  Start("  wmidcom: {authn_hint: 6}\n");
  Activation a;
  rpc::Status s = Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"), wmi::kClsidWbemLevel1Login, &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.hresult, 0u);
  EXPECT_EQ(a.props.scm_reply.authn_hint, 6u);
  EXPECT_EQ(a.props.scm_reply.oxid, endpoint_->server().objects().oxid());
  EXPECT_EQ(a.props.scm_reply.ipid_rem_unknown, endpoint_->server().objects().ipid_rem_unknown());
  ASSERT_TRUE(a.props.scm_reply.oxid_bindings.has_value());
  ASSERT_FALSE(a.props.scm_reply.oxid_bindings->string_bindings.empty());
  std::optional<dcom::TcpEndpoint> where =
      dcom::ParseTcpBindingAddress(a.props.scm_reply.oxid_bindings->string_bindings[0].network_address);
  ASSERT_TRUE(where.has_value());
  EXPECT_EQ(where->host, "127.0.0.1");  // the address the client reached us on
  EXPECT_EQ(where->port, object_port());
  EXPECT_EQ(a.login.iid, wmi::kIidIWbemLevel1Login);
  EXPECT_EQ(a.login.std.oxid, a.props.scm_reply.oxid);
  EXPECT_TRUE(endpoint_->server().objects().Find(a.login.std.ipid).has_value());
}

TEST_F(EndpointTest, OtherClassesAreNotRegistered) {
  Start();
  Activation a;
  rpc::Status s = Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"),
                           *dcerpc::Guid::Parse("00000000-1111-2222-3333-444444444444"), &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.hresult, wmi::kRegdbEClassNotReg);
}

TEST_F(EndpointTest, WrongPasswordIsAccessDenied) {
  Start();
  Activation a;
  rpc::Status s = Activate(endpoint_->activation_port(), ClientWith("alice", "wrong"), wmi::kClsidWbemLevel1Login, &a);
  EXPECT_EQ(s.code(), rpc::ErrorCode::kAccessDenied) << s.ToString();
}

TEST_F(EndpointTest, AnonymousLoginWorksWhenAllowed) {
  Start();
  Activation a;
  rpc::Status s = Activate(endpoint_->activation_port(), ClientWith("", ""), wmi::kClsidWbemLevel1Login, &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.hresult, 0u);
}

TEST_F(EndpointTest, QueryAndNextServeTheScenarioData) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!", dcerpc::AuthLevel::kPktIntegrity));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT Name, State FROM Win32_Service WHERE State = 'Running'", &enumerator), 0u);
  std::vector<std::string> names;
  for (int i = 0; i < 5; ++i) {
    wmi::NextResponse r;
    ASSERT_TRUE(Next(&conn, enumerator, 1, &r).ok());
    for (const auto& p : r.objects) {
      wmio::Object o = DecodeObject(p);
      ASSERT_TRUE(o.is_instance());
      EXPECT_EQ(o.cls->name, "Win32_Service");
      EXPECT_EQ(o.cls->properties.size(), 2u);  // projected to the SELECT list
      names.push_back(o.instance->Get("Name")->as_string());
      EXPECT_EQ(o.instance->Get("State")->as_string(), "Running");
    }
    if (r.hresult == wmi::kWbemSFalse) break;
    EXPECT_EQ(r.hresult, 0u);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"WinRM", "Dhcp"}));
}

TEST_F(EndpointTest, NextWithALargeCountReturnsWhatIsLeftAndSFalse) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator), 0u);
  wmi::NextResponse r;
  ASSERT_TRUE(Next(&conn, enumerator, 100, &r).ok());
  EXPECT_EQ(r.hresult, wmi::kWbemSFalse);
  ASSERT_EQ(r.objects.size(), 3u);
  wmio::Object last = DecodeObject(r.objects[2]);
  EXPECT_EQ(last.instance->Get("ProcessId")->as_uint64(), 0u);
  EXPECT_EQ(last.instance->Get("DisplayName")->as_string(), "Print Spooler");
}

TEST_F(EndpointTest, LoginToAnUnknownNamespaceIsInvalidNamespace) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  std::uint32_t hresult = 0;
  dcerpc::Guid services = Login(&conn, "//./root/nothere", &hresult);
  EXPECT_EQ(hresult, wmi::kWbemEInvalidNamespace);
  EXPECT_TRUE(services.IsNil());
}

TEST_F(EndpointTest, GetObjectReturnsTheClassAndErrorsAsHresults) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  wmi::GetObjectRequest get;
  get.object_path = u"Win32_Service";
  std::vector<std::uint8_t> stub;
  ASSERT_TRUE(conn.Call(wmi::kIidIWbemServices, services, wmi::services_op::kGetObject, wmi::Encode(get), &stub).ok());
  wmi::GetObjectResponse response;
  ASSERT_TRUE(wmi::Decode(stub, &response).ok());
  ASSERT_EQ(response.hresult, 0u);
  ASSERT_TRUE(response.object.value.has_value());
  wmio::Object cls = DecodeObject(*response.object.value);
  ASSERT_TRUE(cls.is_class());
  EXPECT_EQ(cls.cls->name, "Win32_Service");
  EXPECT_EQ(cls.cls->superclass(), "CIM_Service");
  ASSERT_NE(cls.cls->FindProperty("Name"), nullptr);
  EXPECT_NE(wmio::FindQualifier(cls.cls->FindProperty("Name")->qualifiers, "key"), nullptr);
  EXPECT_TRUE(cls.cls->FindProperty("Name")->inherited);
  ASSERT_NE(cls.parent, nullptr);  // the ParentClass part names the superclass
  EXPECT_EQ(cls.parent->name, "CIM_Service");
  get.object_path = u"NoSuchClass";
  ASSERT_TRUE(conn.Call(wmi::kIidIWbemServices, services, wmi::services_op::kGetObject, wmi::Encode(get), &stub).ok());
  ASSERT_TRUE(wmi::Decode(stub, &response).ok());
  EXPECT_EQ(response.hresult, wmi::kWbemENotFound);
}

TEST_F(EndpointTest, PutInstanceCreatesAndUpdatesAsFlagsAllow) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  wmi::GetObjectRequest get;
  get.object_path = u"Win32_Service";
  std::vector<std::uint8_t> stub;
  ASSERT_TRUE(conn.Call(wmi::kIidIWbemServices, services, wmi::services_op::kGetObject, wmi::Encode(get), &stub).ok());
  wmi::GetObjectResponse got;
  ASSERT_TRUE(wmi::Decode(stub, &got).ok());
  ASSERT_TRUE(got.object.value.has_value());
  wmio::Object cls = DecodeObject(*got.object.value);
  auto put = [&](const std::string& name, const std::string& state, std::int32_t flags) {
    wmio::Instance instance;
    EXPECT_TRUE(wmio::Instance::Make(cls.cls, {{"Name", wmio::Value::String(name)}, {"State", wmio::Value::String(state)}},
                                     &instance).ok());
    std::vector<std::uint8_t> unit;
    EXPECT_TRUE(wmio::EncodeEncodingUnit(wmio::Object::ForInstance(instance), &unit).ok());
    wmi::PutInstanceRequest request;
    request.instance = dcom::MInterfacePointer{dcom::EncodeObjRef(
        dcom::CustomObjRef(wmi::kIidIWbemClassObject, wmi::kClsidWbemClassObject, std::move(unit)))};
    request.flags = flags;
    std::vector<std::uint8_t> reply;
    EXPECT_TRUE(conn.Call(wmi::kIidIWbemServices, services, wmi::services_op::kPutInstance, wmi::Encode(request), &reply).ok());
    wmi::PutInstanceResponse response;
    EXPECT_TRUE(wmi::Decode(reply, &response).ok());
    return response.hresult;
  };
  EXPECT_EQ(put("NewSvc", "Running", wmi::kWbemFlagCreateOnly), 0u);
  EXPECT_EQ(put("NewSvc", "Running", wmi::kWbemFlagCreateOnly), wmi::kWbemEAlreadyExists);
  EXPECT_EQ(put("Other", "Running", wmi::kWbemFlagUpdateOnly), wmi::kWbemENotFound);
  EXPECT_EQ(put("Spooler", "Running", wmi::kWbemFlagCreateOrUpdate), 0u);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT Name FROM Win32_Service WHERE State = 'Running'", &enumerator), 0u);
  wmi::NextResponse r;
  ASSERT_TRUE(Next(&conn, enumerator, 10, &r).ok());
  std::vector<std::string> names;
  for (const auto& p : r.objects) names.push_back(DecodeObject(p).instance->Get("Name")->as_string());
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("WinRM", "Dhcp", "Spooler", "NewSvc"));
}

TEST_F(EndpointTest, ScriptedHresultAndRpcFault) {
  Start(R"(  wmidcom:
    faults:
      - {match: {method: ExecQuery, contains: Win32_OperatingSystem}, hresult: WBEM_E_ACCESS_DENIED}
      - {match: {method: Next}, rpc_fault: nca_s_fault_unspec}
)");
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  EXPECT_EQ(Query(&conn, services, "SELECT * FROM Win32_OperatingSystem", &enumerator), wmi::kWbemEAccessDenied);
  ASSERT_EQ(Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator), 0u);
  wmi::NextResponse r;
  rpc::Status s = Next(&conn, enumerator, 1, &r);
  EXPECT_EQ(s.code(), rpc::ErrorCode::kFault);
  EXPECT_EQ(s.detail(), 0x1C000012u);
}

TEST_F(EndpointTest, TransportResetOnTheNthNext) {
  Start("  wmidcom:\n    faults:\n      - {match: {method: Next, nth: 2}, transport: reset}\n");
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator), 0u);
  wmi::NextResponse r;
  ASSERT_TRUE(Next(&conn, enumerator, 1, &r).ok());
  rpc::Status s = Next(&conn, enumerator, 1, &r);
  EXPECT_EQ(s.code(), rpc::ErrorCode::kReset) << s.ToString();
  EXPECT_EQ(journal_.CountEvents(ConnectionEventKind::kResetByServer, "wmidcom_object"), 1u);
}

TEST_F(EndpointTest, StallInNextTimesTheClientOut) {
  Start("  wmidcom:\n    faults:\n      - {match: {method: Next}, transport: stall, ms: 3000}\n");
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator), 0u);
  // The client's own 5 s deadline is longer than the stall: it gets nothing,
  // then the stall ends and the connection goes on without a reply.
  wmi::NextRequest next;
  std::vector<std::uint8_t> stub;
  rpc::ClientAssociation probe(ClientWith("alice", "Passw0rd!"));
  ASSERT_TRUE(probe.Connect("127.0.0.1", object_port(), Soon()).ok());
  std::vector<std::uint16_t> ids;
  ASSERT_TRUE(probe.Bind({Syntax(wmi::kIidIEnumWbemClassObject)}, Soon(), &ids).ok());
  rpc::Status s = probe.Call(ids[0], wmi::enum_op::kNext, enumerator, wmi::Encode(next),
                             rpc::DeadlineIn(std::chrono::milliseconds(300)), &stub);
  EXPECT_EQ(s.code(), rpc::ErrorCode::kTimeout) << s.ToString();
}

TEST_F(EndpointTest, NextTimesOutWhenTheStallOutlastsLTimeout) {
  Start("  wmidcom:\n    faults:\n      - {match: {method: Next}, transport: stall, ms: 10000, times: 1}\n");
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  ASSERT_EQ(Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator), 0u);
  wmi::NextRequest next;
  next.timeout = 100;
  next.count = 1;
  std::vector<std::uint8_t> stub;
  auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(conn.Call(wmi::kIidIEnumWbemClassObject, enumerator, wmi::enum_op::kNext, wmi::Encode(next), &stub).ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));  // not the 10 s stall
  wmi::NextResponse r;
  ASSERT_TRUE(wmi::Decode(stub, &r).ok());
  EXPECT_EQ(r.hresult, wmi::kWbemSTimedOut);
  EXPECT_TRUE(r.objects.empty());
  ASSERT_TRUE(Next(&conn, enumerator, 1, &r).ok());  // the fault fired once; the data is there now
  EXPECT_EQ(r.hresult, 0u);
  EXPECT_EQ(r.objects.size(), 1u);
}

TEST_F(EndpointTest, ConnectionFaultResetsTheFirstActivationConnectionOnly) {
  Start("  connection_faults:\n    - {listener: wmidcom, nth: 1, fault: {kind: reset}}\n");
  Activation a;
  rpc::Status first = Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"), wmi::kClsidWbemLevel1Login, &a);
  EXPECT_FALSE(first.ok());
  rpc::Status second = Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"), wmi::kClsidWbemLevel1Login, &a);
  EXPECT_TRUE(second.ok()) << second.ToString();
  EXPECT_EQ(journal_.CountEvents(ConnectionEventKind::kResetByServer, "wmidcom"), 1u);
}

TEST_F(EndpointTest, ResetAfterBindOfTheActivator) {
  Start("  wmidcom:\n    faults:\n      - {match: {method: bind, interface: IRemoteSCMActivator}, transport: reset_after_bind}\n");
  rpc::ClientAssociation rpc(ClientWith("alice", "Passw0rd!"));
  ASSERT_TRUE(rpc.Connect("127.0.0.1", endpoint_->activation_port(), Soon()).ok());
  std::vector<std::uint16_t> ids;
  rpc::Status s = rpc.Bind({Syntax(dcom::kIidIRemoteScmActivator)}, Soon(), &ids);
  if (s.ok()) {  // the bind_ack arrived before the reset: the next exchange sees it
    std::vector<std::uint8_t> reply;
    s = rpc.Call(ids[0], dcom::kOpnumRemoteCreateInstance, std::nullopt, {}, Soon(), &reply);
  }
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(journal_.CountEvents(ConnectionEventKind::kResetByServer, "wmidcom"), 1u);
}

TEST_F(EndpointTest, RemReleaseForgetsTheIpidAndToleratesOverRelease) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid rem_unknown = endpoint_->server().objects().ipid_rem_unknown();
  dcom::RemRefCountRequest release;
  release.refs.push_back(dcom::RemInterfaceRef{services, 5, 0});
  std::vector<std::uint8_t> stub;
  for (int i = 0; i < 2; ++i) {  // wmiquery releases twice
    rpc::Status s = conn.Call(dcom::kIidIRemUnknown, rem_unknown, dcom::kOpnumRemRelease,
                              dcom::EncodeRemRefCountRequest(release), &stub);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_FALSE(endpoint_->server().objects().Find(services).has_value());
  dcerpc::Guid enumerator;
  wmi::ExecQueryRequest q;
  q.query_language = u"WQL";
  q.query = u"SELECT * FROM Win32_Service";
  rpc::Status s = conn.Call(wmi::kIidIWbemServices, services, wmi::services_op::kExecQuery, wmi::Encode(q), &stub);
  EXPECT_EQ(s.code(), rpc::ErrorCode::kFault);  // a released IPID is gone
}

// The journal's call records, without the bind and auth3 records.
std::vector<RequestRecord> Calls(const Journal& journal) {
  std::vector<RequestRecord> calls;
  for (const RequestRecord& r : journal.Requests()) {
    if (r.note.action != "bind" && r.note.action != "auth3") calls.push_back(r);
  }
  return calls;
}

const RequestRecord* FindRecord(const std::vector<RequestRecord>& records, const std::string& path) {
  for (const RequestRecord& r : records) {
    if (r.path == path) return &r;
  }
  return nullptr;
}

TEST_F(EndpointTest, JournalRecordsBindsAuthAndCallsWithoutSecrets) {
  Start();
  ObjectConnection conn(object_port(), ClientWith("alice", "Passw0rd!"));
  dcerpc::Guid services = Login(&conn);
  dcerpc::Guid enumerator;
  Query(&conn, services, "SELECT * FROM Win32_Service", &enumerator);
  std::vector<RequestRecord> calls = Calls(journal_);
  ASSERT_GE(calls.size(), 3u);
  EXPECT_EQ(calls[0].path, "IRemoteSCMActivator.RemoteCreateInstance");
  EXPECT_EQ(calls[0].listener, "wmidcom");
  EXPECT_EQ(calls[1].path, "IWbemLevel1Login.NTLMLogin");
  EXPECT_EQ(calls[1].note.resource_uri, "root/cimv2");
  EXPECT_EQ(calls[1].note.user, "alice");
  EXPECT_EQ(calls[2].path, "IWbemServices.ExecQuery");
  EXPECT_EQ(calls[2].body, "SELECT * FROM Win32_Service");
  EXPECT_EQ(calls[2].note.outcome, "0x00000000");
  std::vector<RequestRecord> all = journal_.Requests();
  const RequestRecord* bind = FindRecord(all, "IWbemServices.bind");
  ASSERT_NE(bind, nullptr);
  EXPECT_EQ(bind->note.outcome, "alter_context accepted");
  const RequestRecord* auth = FindRecord(all, "NTLM.auth3");
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(auth->note.user, "alice");
  EXPECT_EQ(auth->note.outcome, "ok");
  EXPECT_GE(journal_.ConnectionsAccepted("wmidcom"), 1u);
  EXPECT_GE(journal_.ConnectionsAccepted("wmidcom_object"), 1u);
  EXPECT_THAT(journal_.ToJson(), ::testing::Not(HasSubstr("Passw0rd!")));
}

TEST_F(EndpointTest, JournalRecordsAFailedLogin) {
  Start();
  Activation a;
  EXPECT_FALSE(Activate(endpoint_->activation_port(), ClientWith("alice", "Wr0ng!"), wmi::kClsidWbemLevel1Login, &a).ok());
  std::vector<RequestRecord> records = journal_.Requests();
  const RequestRecord* auth = FindRecord(records, "NTLM.auth3");
  ASSERT_NE(auth, nullptr);
  EXPECT_THAT(auth->note.outcome, HasSubstr("denied"));
  EXPECT_THAT(journal_.ToJson(), ::testing::Not(HasSubstr("Wr0ng!")));
}

TEST_F(EndpointTest, GarbageIsRefusedWithoutHarm) {
  Start();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(endpoint_->activation_port());
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  const char garbage[] = "GET / HTTP/1.1\r\n\r\n";
  ASSERT_GT(send(fd, garbage, sizeof(garbage) - 1, 0), 0);
  char buf[16];
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  EXPECT_LE(recv(fd, buf, sizeof(buf), 0), 0);  // closed, nothing sent
  close(fd);
  Activation a;  // the endpoint still serves
  EXPECT_TRUE(Activate(endpoint_->activation_port(), ClientWith("alice", "Passw0rd!"), wmi::kClsidWbemLevel1Login, &a).ok());
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
