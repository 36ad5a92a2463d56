// Association filters served from the scenario's data: associators, references,
// their class/role filters, EPR mode and a source that is not there.
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::MessageKind;

// WinRM depends on RPCSS and HTTP; Dhcp depends on RPCSS.  Win32_Holder is
// not an association: its reference to RPCSS must not count.
constexpr char kEndpoint[] = R"(
  auth:
    accounts:
      - {user: alice, password: pw}
  data:
    root/cimv2:
      classes:
        Win32_Service:
          properties: {Name: {type: string, key: true}}
        Win32_Driver:
          properties: {Name: {type: string, key: true}}
        Win32_DependentService:
          association: true
          properties:
            Antecedent: {type: reference, class: Win32_Service, key: true}
            Dependent: {type: reference, class: Win32_Service, key: true}
        Win32_DriverDependency:
          association: true
          properties:
            Antecedent: {type: reference, class: Win32_Driver, key: true}
            Dependent: {type: reference, class: Win32_Service, key: true}
        Win32_Holder:
          properties:
            Id: {type: string, key: true}
            Held: {type: reference, class: Win32_Service}
      instances:
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM}}
        - {id: rpcss, class: Win32_Service, properties: {Name: RpcSs}}
        - {id: dhcp, class: Win32_Service, properties: {Name: Dhcp}}
        - {id: http, class: Win32_Driver, properties: {Name: HTTP}}
        - {id: d1, class: Win32_DependentService, properties: {Antecedent: {ref: rpcss}, Dependent: {ref: winrm}}}
        - {id: d2, class: Win32_DependentService, properties: {Antecedent: {ref: rpcss}, Dependent: {ref: dhcp}}}
        - {id: d3, class: Win32_DriverDependency, properties: {Antecedent: {ref: http}, Dependent: {ref: winrm}}}
        - {id: h1, class: Win32_Holder, properties: {Id: h, Held: {ref: rpcss}}}
)";

wsman::AssociationFilter Of(const std::string& class_name, const std::string& name) {
  wsman::AssociationFilter f;
  f.object.address = wsman::uri::kAnonymous;
  f.object.resource_uri = wsman::WmiResourceUri("root/cimv2", class_name);
  f.object.selectors.push_back({"Name", name, nullptr});
  return f;
}

class AssociationTest : public ::testing::Test {
 protected:
  wsman::Message Run(const wsman::AssociationFilter& filter, wsman::EnumerationMode mode = {}) {
    wsman::Message req = NewRequest(MessageKind::kEnumerate, wsman::QueryResourceUri("root/cimv2"));
    wsman::EnumerateBody body;
    body.optimize = true;
    body.max_elements = 100;
    body.mode = mode;
    body.filter = wsman::Filter{wsman::dialect::kAssociation, "", {}, filter};
    req.body = std::move(body);
    return Decode(Send(engine_, req));
  }

  // "Class:Name" (or "Class:Antecedent>Dependent" for associations) of each item.
  std::vector<std::string> Names(const wsman::AssociationFilter& filter) {
    wsman::Message m = Run(filter);
    auto* e = std::get_if<wsman::EnumerateResponseBody>(&m.body);
    std::vector<std::string> out;
    if (e == nullptr) {
      ADD_FAILURE() << "no EnumerateResponse";
      return out;
    }
    EXPECT_TRUE(e->end_of_sequence);
    for (const auto& item : e->items) {
      const MI_Instance* i = item.instance.get();
      const MI_Char* cls = nullptr;
      MI_Instance_GetClassName(i, &cls);
      std::string name = StringProp(i, "Name");
      if (name == "<missing>") name = RefName(i, "Antecedent") + ">" + RefName(i, "Dependent");
      out.push_back(std::string(cls ? cls : "?") + ":" + name);
    }
    return out;
  }

  static std::string RefName(const MI_Instance* i, const char* property) {
    MI_Value v;
    MI_Type type;
    if (MI_Instance_GetElement(i, property, &v, &type, nullptr, nullptr) != MI_RESULT_OK || type != MI_REFERENCE) {
      return "?";
    }
    return StringProp(v.reference, "Name");
  }

  Engine engine_{LoadScenario(kEndpoint)};
};

TEST_F(AssociationTest, AssociatorsAreTheOtherEndsOfEveryAssociation) {
  EXPECT_EQ(Names(Of("Win32_Service", "WinRM")),
            (std::vector<std::string>{"Win32_Service:RpcSs", "Win32_Driver:HTTP"}));
  EXPECT_EQ(Names(Of("Win32_Service", "RpcSs")),
            (std::vector<std::string>{"Win32_Service:WinRM", "Win32_Service:Dhcp"}));
}

TEST_F(AssociationTest, AssociatorsHonourClassAndRoleFilters) {
  wsman::AssociationFilter f = Of("Win32_Service", "WinRM");
  f.association_class_name = "Win32_DriverDependency";
  EXPECT_EQ(Names(f), std::vector<std::string>{"Win32_Driver:HTTP"});

  f = Of("Win32_Service", "WinRM");
  f.result_class_name = "Win32_Service";
  EXPECT_EQ(Names(f), std::vector<std::string>{"Win32_Service:RpcSs"});

  f = Of("Win32_Service", "RpcSs");
  f.role = "Dependent";  // RpcSs is never the dependent one
  EXPECT_TRUE(Names(f).empty());

  f = Of("Win32_Service", "WinRM");
  f.result_role = "Antecedent";
  f.role = "Dependent";
  EXPECT_EQ(Names(f), (std::vector<std::string>{"Win32_Service:RpcSs", "Win32_Driver:HTTP"}));
}

TEST_F(AssociationTest, ReferencesAreTheAssociationInstances) {
  wsman::AssociationFilter f = Of("Win32_Service", "WinRM");
  f.association_instances = true;
  EXPECT_EQ(Names(f), (std::vector<std::string>{"Win32_DependentService:RpcSs>WinRM",
                                                "Win32_DriverDependency:HTTP>WinRM"}));
  f.result_class_name = "Win32_DependentService";
  EXPECT_EQ(Names(f), std::vector<std::string>{"Win32_DependentService:RpcSs>WinRM"});

  f = Of("Win32_Service", "RpcSs");
  f.association_instances = true;
  f.role = "Antecedent";
  EXPECT_EQ(Names(f), (std::vector<std::string>{"Win32_DependentService:RpcSs>WinRM",
                                                "Win32_DependentService:RpcSs>Dhcp"}));
}

TEST_F(AssociationTest, EprModeGivesTheResultsEndpointReferences) {
  wsman::Message m = Run(Of("Win32_Service", "Dhcp"), wsman::EnumerationMode::kEprs);
  auto* e = std::get_if<wsman::EnumerateResponseBody>(&m.body);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->items.size(), 1u);
  ASSERT_TRUE(e->items[0].epr);
  EXPECT_EQ(e->items[0].epr->resource_uri, wsman::WmiResourceUri("root/cimv2", "Win32_Service"));
  ASSERT_EQ(e->items[0].epr->selectors.size(), 1u);
  EXPECT_EQ(e->items[0].epr->selectors[0].value, "RpcSs");
}

TEST_F(AssociationTest, AMissingSourceIsAFault) {
  wsman::Message req = NewRequest(MessageKind::kEnumerate, wsman::QueryResourceUri("root/cimv2"));
  wsman::EnumerateBody body;
  body.filter = wsman::Filter{wsman::dialect::kAssociation, "", {}, Of("Win32_Service", "NoSuch")};
  req.body = std::move(body);
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, req))), "DestinationUnreachable");

  body.filter = wsman::Filter{wsman::dialect::kAssociation, "", {}, Of("Win32_Nothing", "x")};
  req.body = std::move(body);
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, req))), "DestinationUnreachable");
}

}  // namespace
}  // namespace cimulate::fake
