// endpoint.wmidcom: parsing, defaults and errors with their positions.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_scenario.h"

namespace cimulate::fake::wmidcom {
namespace {

using ::testing::HasSubstr;
using scenario::WmidcomTransportKind;

TEST(WmidcomSchema, DefaultsWhenAbsent) {
  scenario::Scenario s = LoadEndpoint("  listeners: {wmidcom: 127.0.0.1:0}\n");
  EXPECT_TRUE(s.endpoint.listeners.wmidcom.enabled);
  EXPECT_EQ(s.endpoint.wmidcom.authn_hint, 5u);
  EXPECT_EQ(s.endpoint.wmidcom.object_port, 0);
  EXPECT_TRUE(s.endpoint.wmidcom.faults.empty());
}

TEST(WmidcomSchema, ReadsEveryField) {
  scenario::Scenario s = LoadEndpoint(R"(  wmidcom:
    object_port: 49701
    advertised_address: 127.0.0.1
    authn_hint: 6
    faults:
      - name: denied
        match: {interface: IWbemServices, method: ExecQuery, namespace: root/cimv2, contains: Win32_Service, user: alice, nth: 2}
        hresult: WBEM_E_ACCESS_DENIED
        times: 1
      - match: {method: Next}
        rpc_fault: 0x1c010002
      - match: {method: bind, interface: IWbemServices}
        transport: reset_after_bind
      - match: {method: Next}
        transport: stall
        ms: 250
      - match: {method: GetObject}
        hresult: 0x80041010
)");
  const scenario::WmidcomConfig& w = s.endpoint.wmidcom;
  EXPECT_EQ(w.object_port, 49701);
  EXPECT_EQ(w.advertised_address, "127.0.0.1");
  EXPECT_EQ(w.authn_hint, 6u);
  ASSERT_EQ(w.faults.size(), 5u);
  EXPECT_EQ(w.faults[0].name, "denied");
  EXPECT_EQ(w.faults[0].match.interface_name, "IWbemServices");
  EXPECT_EQ(w.faults[0].match.contains, "Win32_Service");
  EXPECT_EQ(w.faults[0].match.user, "alice");
  EXPECT_EQ(w.faults[0].match.nth, 2u);
  EXPECT_EQ(w.faults[0].hresult, 0x80041003u);
  EXPECT_EQ(w.faults[0].times, 1u);
  EXPECT_EQ(w.faults[1].name, "wmidcom.faults[1]");
  EXPECT_EQ(w.faults[1].rpc_fault, 0x1c010002u);
  EXPECT_EQ(w.faults[2].transport, WmidcomTransportKind::kResetAfterBind);
  EXPECT_EQ(w.faults[3].transport, WmidcomTransportKind::kStall);
  EXPECT_EQ(w.faults[3].ms, 250u);
  EXPECT_EQ(w.faults[4].hresult, 0x80041010u);
}

TEST(WmidcomSchema, AuthnHintOutOfRangeIsAnErrorWithPosition) {
  std::string errors = LoadErrors("  wmidcom:\n    authn_hint: 7\n");
  EXPECT_THAT(errors, HasSubstr("t.yaml:4:17"));
  EXPECT_THAT(errors, HasSubstr("1 (none) to 6 (privacy)"));
}

TEST(WmidcomSchema, UnknownStatusNameSuggestsTheNearest) {
  std::string errors = LoadErrors("  wmidcom:\n    faults:\n      - hresult: WBEM_E_NOT_FOUNDD\n");
  EXPECT_THAT(errors, HasSubstr("t.yaml:5:18"));
  EXPECT_THAT(errors, HasSubstr("WBEM_E_NOT_FOUND?"));
}

TEST(WmidcomSchema, FaultNeedsExactlyOneOutcome) {
  EXPECT_THAT(LoadErrors("  wmidcom:\n    faults:\n      - match: {method: Next}\n"),
              HasSubstr("exactly one of hresult, rpc_fault or transport"));
  EXPECT_THAT(LoadErrors("  wmidcom:\n    faults:\n      - {hresult: 1, rpc_fault: 5}\n"),
              HasSubstr("exactly one of hresult, rpc_fault or transport"));
}

TEST(WmidcomSchema, ResetAfterBindOnlyMatchesBinds) {
  EXPECT_THAT(LoadErrors("  wmidcom:\n    faults:\n      - {match: {method: Next}, transport: reset_after_bind}\n"),
              HasSubstr("needs match.method: bind"));
  EXPECT_THAT(LoadErrors("  wmidcom:\n    faults:\n      - {match: {method: bind}, transport: close}\n"),
              HasSubstr("use reset_after_bind"));
}

TEST(WmidcomSchema, TyposInKeysAreReported) {
  EXPECT_THAT(LoadErrors("  wmidcom:\n    authn_hnt: 5\n"), HasSubstr("authn_hint"));
  EXPECT_THAT(LoadErrors("  wmidcom:\n    faults:\n      - {match: {nth: 0}, hresult: 1}\n"),
              HasSubstr("nth counts from 1"));
}

TEST(WmidcomSchema, AccountsByNtHashAndAnonymous) {
  scenario::Scenario s = LoadEndpoint(R"(  auth:
    anonymous: true
    accounts:
      - {user: alice, domain: FAKEDOM, nt_hash: 8846F7EAEE8FB117AD06BDD830B7586C}
)");
  EXPECT_TRUE(s.endpoint.auth.anonymous);
  ASSERT_EQ(s.endpoint.auth.accounts.size(), 1u);
  ASSERT_TRUE(s.endpoint.auth.accounts[0].nt_hash.has_value());
  EXPECT_EQ(s.endpoint.auth.accounts[0].nt_hash->at(0), 0x88);
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
