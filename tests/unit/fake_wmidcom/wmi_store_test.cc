#include "wmidcom/wmi_store.h"

#include "engine/values.h"
#include "gtest/gtest.h"
#include "test_scenario.h"
#include "wmidcom/enumerator.h"
#include "wmi/wbem_status.h"

namespace cimulate::fake::wmidcom {
namespace {

std::string NameOf(const WmiObject& o) {
  std::string text;
  PropertyText(o.instance.get(), "Name", &text);
  return text;
}

class WmiStoreTest : public ::testing::Test {
 protected:
  WmiStoreTest() : scenario_(LoadEndpoint(kServicesData)), store_(scenario_.endpoint.data) {}
  scenario::Scenario scenario_;
  WmiStore store_;
};

TEST(WmiNamespace, LoginFormsNormalise) {
  EXPECT_EQ(WmiNamespace("//./root/cimv2"), "root/cimv2");
  EXPECT_EQ(WmiNamespace(R"(\\.\root\cimv2)"), "root/cimv2");
  EXPECT_EQ(WmiNamespace(R"(root\cimv2)"), "root/cimv2");
  EXPECT_EQ(WmiNamespace("//host"), "");
}

TEST_F(WmiStoreTest, OpenNamespaceChecksTheData) {
  std::string ns;
  EXPECT_EQ(store_.OpenNamespace("//./ROOT/CIMV2", &ns), wmi::kWbemSNoError);
  EXPECT_EQ(ns, "root/cimv2");
  EXPECT_EQ(store_.OpenNamespace("//./root/nothere", &ns), wmi::kWbemEInvalidNamespace);
  EXPECT_EQ(store_.OpenNamespace("", &ns), wmi::kWbemEInvalidNamespace);
}

TEST_F(WmiStoreTest, ExecQuerySelectsFiltersAndProjects) {
  std::vector<WmiObject> out;
  ASSERT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM Win32_Service", &out), wmi::kWbemSNoError);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(NameOf(out[0]), "WinRM");
  EXPECT_EQ(out[0].class_decl->name, "Win32_Service");
  EXPECT_TRUE(out[0].properties.empty());
  ASSERT_EQ(store_.ExecQuery("root/cimv2", "wql", "SELECT Name, State FROM Win32_Service WHERE State = 'Running'", &out),
            wmi::kWbemSNoError);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(NameOf(out[1]), "Dhcp");
  EXPECT_EQ(out[1].properties, (std::vector<std::string>{"Name", "State"}));
  ASSERT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM CIM_Service", &out), wmi::kWbemSNoError);
  EXPECT_EQ(out.size(), 3u);  // subclasses included
}

TEST_F(WmiStoreTest, ExecQueryErrorsAreWbemResults) {
  std::vector<WmiObject> out;
  EXPECT_EQ(store_.ExecQuery("root/cimv2", "CQL", "SELECT * FROM Win32_Service", &out), wmi::kWbemEInvalidQueryType);
  EXPECT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELEKT * FROM Win32_Service", &out), wmi::kWbemEInvalidQuery);
  EXPECT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM NoSuchClass", &out), wmi::kWbemEInvalidClass);
  EXPECT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT Nope FROM Win32_Service", &out), wmi::kWbemEInvalidQuery);
  EXPECT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM Win32_Service WHERE Nope = 1", &out),
            wmi::kWbemEInvalidQuery);
}

TEST_F(WmiStoreTest, GetObjectClassAndInstance) {
  WmiObject o;
  ASSERT_EQ(store_.GetObject("root/cimv2", "Win32_Service", &o), wmi::kWbemSNoError);
  EXPECT_EQ(o.class_decl->name, "Win32_Service");
  EXPECT_EQ(o.instance, nullptr);
  ASSERT_EQ(store_.GetObject("root/cimv2", "Win32_Service.Name=\"spooler\"", &o), wmi::kWbemSNoError);
  EXPECT_EQ(NameOf(o), "Spooler");
  ASSERT_EQ(store_.GetObject("root/cimv2", "Win32_Service='Dhcp'", &o), wmi::kWbemSNoError);
  EXPECT_EQ(NameOf(o), "Dhcp");
  EXPECT_EQ(store_.GetObject("root/cimv2", "NoSuchClass", &o), wmi::kWbemENotFound);
  EXPECT_EQ(store_.GetObject("root/cimv2", "Win32_Service.Name=\"Nope\"", &o), wmi::kWbemENotFound);
  EXPECT_EQ(store_.GetObject("root/cimv2", "Win32_Service.Bogus=\"x\"", &o), wmi::kWbemEInvalidObjectPath);
  EXPECT_EQ(store_.GetObject("root/cimv2", "Win32_Service.Name=\"x", &o), wmi::kWbemEInvalidObjectPath);
}

TEST_F(WmiStoreTest, CreateInstanceEnumDeepAndShallow) {
  std::vector<WmiObject> out;
  ASSERT_EQ(store_.CreateInstanceEnum("root/cimv2", "CIM_Service", false, &out), wmi::kWbemSNoError);
  EXPECT_EQ(out.size(), 3u);
  ASSERT_EQ(store_.CreateInstanceEnum("root/cimv2", "CIM_Service", true, &out), wmi::kWbemSNoError);
  EXPECT_EQ(out.size(), 0u);
  EXPECT_EQ(store_.CreateInstanceEnum("root/cimv2", "Nope", false, &out), wmi::kWbemEInvalidClass);
}

TEST_F(WmiStoreTest, DeleteInstanceIsSeenByLaterQueries) {
  EXPECT_EQ(store_.DeleteInstance("root/cimv2", "Win32_Service.Name=\"Dhcp\""), wmi::kWbemSNoError);
  EXPECT_EQ(store_.DeleteInstance("root/cimv2", "Win32_Service.Name=\"Dhcp\""), wmi::kWbemENotFound);
  std::vector<WmiObject> out;
  ASSERT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM Win32_Service", &out), wmi::kWbemSNoError);
  EXPECT_EQ(out.size(), 2u);
}

TEST_F(WmiStoreTest, EnumeratorNextSkipResetClone) {
  std::vector<WmiObject> all;
  ASSERT_EQ(store_.ExecQuery("root/cimv2", "WQL", "SELECT * FROM Win32_Service", &all), wmi::kWbemSNoError);
  Enumerator e(all);
  std::vector<WmiObject> got;
  EXPECT_EQ(e.Next(1, &got), wmi::kWbemSNoError);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(NameOf(got[0]), "WinRM");
  std::unique_ptr<Enumerator> clone = e.Clone();
  EXPECT_EQ(e.Skip(1), wmi::kWbemSNoError);
  EXPECT_EQ(e.Next(5, &got), wmi::kWbemSFalse);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(NameOf(got[0]), "Spooler");
  EXPECT_EQ(e.Next(1, &got), wmi::kWbemSFalse);
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(e.Skip(1), wmi::kWbemSFalse);
  EXPECT_EQ(clone->Next(1, &got), wmi::kWbemSNoError);  // the clone kept its own cursor
  EXPECT_EQ(NameOf(got[0]), "Dhcp");
  e.Reset();
  EXPECT_EQ(e.remaining(), 3u);
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
