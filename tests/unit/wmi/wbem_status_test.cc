#include "wmi/wbem_status.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cimulate::wmi {
namespace {

TEST(WbemStatus, TableIsSortedAndUniqueSoLookupsFindEveryEntry) {
  auto all = AllWbemStatuses();
  ASSERT_GT(all.size(), 40u);
  std::set<std::string_view> names;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(all[i - 1].code, all[i].code) << all[i].name;
    }
    EXPECT_TRUE(names.insert(all[i].name).second) << all[i].name;
    EXPECT_FALSE(all[i].message.empty()) << all[i].name;
    EXPECT_EQ(FindWbemStatus(all[i].code), &all[i]);
    EXPECT_EQ(WbemStatusByName(all[i].name), all[i].code);
  }
}

TEST(WbemStatus, KnownCodes) {
  struct Case {
    HResult code;
    const char* name;
  };
  const Case cases[] = {
      {0x00000000, "WBEM_S_NO_ERROR"},          {0x00000001, "WBEM_S_FALSE"},
      {0x80041001, "WBEM_E_FAILED"},            {0x80041002, "WBEM_E_NOT_FOUND"},
      {0x80041003, "WBEM_E_ACCESS_DENIED"},     {0x80041008, "WBEM_E_INVALID_PARAMETER"},
      {0x8004100C, "WBEM_E_NOT_SUPPORTED"},     {0x8004100E, "WBEM_E_INVALID_NAMESPACE"},
      {0x80041010, "WBEM_E_INVALID_CLASS"},     {0x80041017, "WBEM_E_INVALID_QUERY"},
      {0x80041018, "WBEM_E_INVALID_QUERY_TYPE"}, {0x8004102E, "WBEM_E_INVALID_METHOD"},
      {0x80070005, "E_ACCESSDENIED"},           {0x80004001, "E_NOTIMPL"},
      {0x80070057, "E_INVALIDARG"},             {0x80004005, "E_FAIL"},
  };
  for (const auto& c : cases) {
    const WbemStatusInfo* info = FindWbemStatus(c.code);
    ASSERT_NE(info, nullptr) << c.name;
    EXPECT_EQ(info->name, c.name);
    EXPECT_EQ(WbemStatusName(c.code), c.name);
  }
}

TEST(WbemStatus, DescribeGivesNameCodeAndMessage) {
  EXPECT_EQ(DescribeWbemStatus(kWbemENotFound),
            "WBEM_E_NOT_FOUND (0x80041002): the object was not found");
  EXPECT_EQ(DescribeWbemStatus(0x80041234), "HRESULT 0x80041234: unknown status");
  EXPECT_EQ(WbemStatusName(0x80041234), "HRESULT 0x80041234");
  EXPECT_EQ(FindWbemStatus(0x80041234), nullptr);
  EXPECT_EQ(WbemStatusByName("WBEM_E_NO_SUCH_THING"), std::nullopt);
  EXPECT_EQ(WbemStatusByName("wbem_e_not_found"), std::nullopt);
}

TEST(WbemStatus, SuccessIsTheSeverityBit) {
  EXPECT_TRUE(WbemSucceeded(kWbemSNoError));
  EXPECT_TRUE(WbemSucceeded(kWbemSFalse));
  EXPECT_TRUE(WbemSucceeded(kWbemSTimedOut));
  EXPECT_FALSE(WbemSucceeded(kWbemEFailed));
  EXPECT_FALSE(WbemSucceeded(kEAccessDenied));
}

}  // namespace
}  // namespace cimulate::wmi
