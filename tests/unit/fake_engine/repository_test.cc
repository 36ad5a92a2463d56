// The repository's index: lookups by key after Put, Create and Delete,
// case-insensitive names, base-class lookups of subclass instances, and each
// way a lookup can fail.
#include "engine/repository.h"

#include "core/instance.h"
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::Selector;

constexpr char kData[] = R"(
  data:
    root/cimv2:
      classes:
        CIM_Service:
          properties: {Name: {type: string, key: true}}
        Win32_Service:
          superclass: CIM_Service
          properties: {State: string}
        Win32_Listener:
          properties: {Address: {type: string, key: true}, Port: {type: uint32, key: true}}
        Win32_Note:
          properties: {Text: string, Level: uint32}
      instances:
        - {id: base, class: CIM_Service, properties: {Name: Base}}
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM, State: Running}}
        - {id: spooler, class: Win32_Service, properties: {Name: Spooler, State: Stopped}}
        - {id: http, class: Win32_Listener, properties: {Address: "*", Port: 5985}}
        - {id: https, class: Win32_Listener, properties: {Address: "*", Port: 5986}}
        - {id: n1, class: Win32_Note, properties: {Text: first, Level: 1}}
        - {id: n2, class: Win32_Note, properties: {Text: second, Level: 2}}
)";

// A Win32_Service with this Name, as Create or Put would store it.
SharedInstance Service(const char* name) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance("Win32_Service", 0, &raw), MI_RESULT_OK);
  MI_Value v;
  v.string = const_cast<MI_Char*>(name);
  EXPECT_EQ(MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY), MI_RESULT_OK);
  return Share(raw);
}

class RepositoryTest : public ::testing::Test {
 protected:
  // The id of the instance the selectors name, or the failure.
  std::string Find(const std::string& ns, const std::string& class_name, std::vector<Selector> selectors,
                   LookupResult* result = nullptr) {
    const StoredInstance* found = nullptr;
    std::string detail;
    LookupResult r = repo_.Lookup(ns, class_name, selectors, &found, &detail);
    if (result != nullptr) *result = r;
    if (r != LookupResult::kFound) return "(" + detail + ")";
    return found == nullptr ? "(null)" : found->id;
  }

  std::vector<std::string> Ids(const std::string& class_name) {
    std::vector<std::string> ids;
    for (const StoredInstance* s : repo_.InstancesOf("root/cimv2", class_name)) ids.push_back(s->id);
    return ids;
  }

  scenario::Scenario scenario_ = LoadScenario(kData);
  Repository repo_{scenario_.endpoint.data};
};

TEST_F(RepositoryTest, BuildsEveryInstance) {
  EXPECT_TRUE(repo_.errors().empty());
  EXPECT_EQ(Ids("CIM_Service"), (std::vector<std::string>{"base", "winrm", "spooler"}));
  EXPECT_EQ(Ids("Win32_Service"), (std::vector<std::string>{"winrm", "spooler"}));
  EXPECT_TRUE(Ids("No_Such").empty());
  ASSERT_NE(repo_.FindById("https"), nullptr);
  EXPECT_EQ(repo_.FindById("https")->class_name, "Win32_Listener");
  EXPECT_EQ(repo_.FindById("nope"), nullptr);
}

TEST_F(RepositoryTest, NamesAndKeyValuesCompareCaseInsensitively) {
  EXPECT_EQ(Find("ROOT\\CIMV2", "win32_SERVICE", {{"name", "winrm"}}), "winrm");
  EXPECT_EQ(Find("/root/cimv2/", "Win32_Service", {{"NAME", " SPOOLER "}}), "spooler");
  EXPECT_NE(repo_.FindNamespace("Root/CimV2"), nullptr);
  ASSERT_NE(repo_.FindClass("root/cimv2", "cim_service"), nullptr);
  EXPECT_EQ(repo_.FindClass("root/cimv2", "cim_service")->name, "CIM_Service");
  EXPECT_EQ(repo_.KeysOf("root/cimv2", "WIN32_SERVICE"), (std::vector<std::string>{"Name"}));
}

TEST_F(RepositoryTest, BaseClassFindsSubclassInstancesButNotTheReverse) {
  EXPECT_EQ(Find("root/cimv2", "CIM_Service", {{"Name", "WinRM"}}), "winrm");
  EXPECT_EQ(Find("root/cimv2", "CIM_Service", {{"Name", "Base"}}), "base");
  LookupResult r;
  Find("root/cimv2", "Win32_Service", {{"Name", "Base"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
}

TEST_F(RepositoryTest, CompoundKeysNeedEveryKey) {
  EXPECT_EQ(Find("root/cimv2", "Win32_Listener", {{"Port", "5986"}, {"Address", "*"}}), "https");
  EXPECT_EQ(Find("root/cimv2", "Win32_Listener", {{"Address", "*"}, {"Port", "5985"}}), "http");
  LookupResult r;
  Find("root/cimv2", "Win32_Listener", {{"Address", "*"}, {"Port", "80"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
}

TEST_F(RepositoryTest, EachFailureIsClassified) {
  LookupResult r;
  Find("root/nope", "Win32_Service", {{"Name", "WinRM"}}, &r);
  EXPECT_EQ(r, LookupResult::kNoSuchNamespace);
  Find("root/cimv2", "Win32_Nope", {{"Name", "WinRM"}}, &r);
  EXPECT_EQ(r, LookupResult::kNoSuchClass);
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}, {"State", "Running"}}, &r),
            "('State' is not a key of Win32_Service)");
  EXPECT_EQ(r, LookupResult::kUnexpectedSelectors);
  Find("root/cimv2", "Win32_Listener", {{"Address", "*"}}, &r);
  EXPECT_EQ(r, LookupResult::kInsufficientSelectors);
  Find("root/cimv2", "Win32_Service", {}, &r);
  EXPECT_EQ(r, LookupResult::kInsufficientSelectors);
  Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}, {"name", "WinRM"}}, &r);
  EXPECT_EQ(r, LookupResult::kDuplicateSelectors);
  Find("root/cimv2", "Win32_Service", {{"Name", "Nope"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
}

TEST_F(RepositoryTest, CimNamespaceSelectorIsIgnoredAndEprSelectorsMatchNothing) {
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"__cimnamespace", "root/cimv2"}, {"Name", "WinRM"}}), "winrm");
  Selector epr{"Name", "WinRM", std::make_shared<wsman::EndpointReference>()};
  LookupResult r;
  Find("root/cimv2", "Win32_Service", {epr}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
}

TEST_F(RepositoryTest, KeylessClassesMatchOnAnyProperty) {
  EXPECT_EQ(Find("root/cimv2", "Win32_Note", {{"Text", "SECOND"}}), "n2");
  EXPECT_EQ(Find("root/cimv2", "Win32_Note", {}), "n1");
  LookupResult r;
  Find("root/cimv2", "Win32_Note", {{"Text", "second"}, {"Level", "1"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
  EXPECT_EQ(repo_.FindSameKeys("root/cimv2", "Win32_Note", repo_.FindById("n1")->instance.get()), nullptr);
}

TEST_F(RepositoryTest, AddedInstancesAreFoundUnderTheirClassAndAncestors) {
  repo_.Add(StoredInstance{"created-1", "root/cimv2", "Win32_Service", Service("Fresh")});
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "fresh"}}), "created-1");
  EXPECT_EQ(Find("root/cimv2", "CIM_Service", {{"Name", "Fresh"}}), "created-1");
  EXPECT_EQ(Ids("CIM_Service"), (std::vector<std::string>{"base", "winrm", "spooler", "created-1"}));
  ASSERT_NE(repo_.FindById("created-1"), nullptr);
  const StoredInstance* same = repo_.FindSameKeys("root/cimv2", "CIM_Service", Service(" FRESH ").get());
  ASSERT_NE(same, nullptr);
  EXPECT_EQ(same->id, "created-1");
}

TEST_F(RepositoryTest, ReplaceReindexesChangedKeysAndKeepsDataOrder) {
  repo_.Replace(repo_.FindById("winrm"), Service("WinRM2"));
  LookupResult r;
  Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
  EXPECT_EQ(Find("root/cimv2", "CIM_Service", {{"Name", "WinRM2"}}), "winrm");
  EXPECT_EQ(Ids("Win32_Service"), (std::vector<std::string>{"winrm", "spooler"}));
}

TEST_F(RepositoryTest, RemovedInstancesAreGoneEverywhere) {
  repo_.Remove(repo_.FindById("spooler"));
  LookupResult r;
  Find("root/cimv2", "CIM_Service", {{"Name", "Spooler"}}, &r);
  EXPECT_EQ(r, LookupResult::kNotFound);
  EXPECT_EQ(repo_.FindById("spooler"), nullptr);
  EXPECT_EQ(Ids("CIM_Service"), (std::vector<std::string>{"base", "winrm"}));
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}}), "winrm");
}

TEST_F(RepositoryTest, RepeatedKeysAnswerWithTheFirstInDataOrder) {
  repo_.Add(StoredInstance{"twin", "root/cimv2", "Win32_Service", Service("WinRM")});
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}}), "winrm");
  // Replacing the first keeps its place ahead of the twin.
  repo_.Replace(repo_.FindById("winrm"), Service("winrm"));
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}}), "winrm");
  repo_.Remove(repo_.FindById("winrm"));
  EXPECT_EQ(Find("root/cimv2", "Win32_Service", {{"Name", "WinRM"}}), "twin");
}

TEST(RepositoryScaleTest, ManyInstancesAreFoundByKey) {
  std::string yaml = R"(
  data:
    root/cimv2:
      classes:
        Win32_Item:
          properties: {Name: {type: string, key: true}}
      instances:
)";
  constexpr int kCount = 2000;
  for (int i = 0; i < kCount; ++i) {
    yaml += "        - {id: i" + std::to_string(i) + ", class: Win32_Item, properties: {Name: n" + std::to_string(i) +
            "}}\n";
  }
  scenario::Scenario s = LoadScenario(yaml);
  Repository repo(s.endpoint.data);
  for (int i = 0; i < kCount; i += 97) {
    const StoredInstance* found = nullptr;
    std::string detail;
    ASSERT_EQ(repo.Lookup("root/cimv2", "Win32_Item", {{"Name", "N" + std::to_string(i)}}, &found, &detail),
              LookupResult::kFound);
    EXPECT_EQ(found->id, "i" + std::to_string(i));
  }
}

}  // namespace
}  // namespace cimulate::fake
