#include "wmidcom/fault_book.h"

#include "gtest/gtest.h"
#include "test_scenario.h"

namespace cimulate::fake::wmidcom {
namespace {

FaultBook BookOf(const std::string& faults) {
  return FaultBook(LoadEndpoint("  wmidcom:\n    faults:\n" + faults).endpoint.wmidcom.faults);
}

TEST(FaultBook, MatchesOnEveryFieldCaseInsensitively) {
  FaultBook book = BookOf(
      "      - {match: {interface: IWbemServices, method: ExecQuery, contains: win32_service, user: alice}, "
      "hresult: WBEM_E_ACCESS_DENIED}\n");
  CallFacts call{"IWbemServices", "execquery", "root/cimv2", "SELECT * FROM Win32_Service", "alice"};
  std::optional<scenario::WmidcomFault> f = book.Match(call);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->hresult, 0x80041003u);
  call.user = "bob";
  EXPECT_FALSE(book.Match(call).has_value());
  call.user = "alice";
  call.text = "SELECT * FROM Win32_Process";
  EXPECT_FALSE(book.Match(call).has_value());
}

TEST(FaultBook, NthAndTimesCountMatchingCalls) {
  FaultBook book = BookOf("      - {match: {method: Next, nth: 2}, transport: close}\n"
                          "      - {match: {method: GetObject}, hresult: 1, times: 1}\n");
  CallFacts next{"IEnumWbemClassObject", "Next", "", "", ""};
  EXPECT_FALSE(book.Match(next).has_value());
  EXPECT_TRUE(book.Match(next).has_value());
  EXPECT_FALSE(book.Match(next).has_value());
  CallFacts get{"IWbemServices", "GetObject", "", "", ""};
  EXPECT_TRUE(book.Match(get).has_value());
  EXPECT_FALSE(book.Match(get).has_value());
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
