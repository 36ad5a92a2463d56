// Destination, environment override and destination options -> SessionSettings.
#include "wmidcom/session_settings.h"

#include <gtest/gtest.h>

#include <map>

#include "core/options.h"

namespace cimulate::wmidcom {
namespace {

std::shared_ptr<core::OptionBag> Bag() { return std::make_shared<core::OptionBag>(core::OptionsKind::kDestination); }

core::SessionConfig ConfigFor(const char* destination, std::shared_ptr<core::OptionBag> options = Bag()) {
  core::SessionConfig config;
  config.protocol = "WMIDCOM";
  if (destination) config.destination = destination;
  config.options = std::move(options);
  return config;
}

Environment EnvWith(std::map<std::string, std::string> values) {
  return [values](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

void AddCredentials(core::OptionBag& bag, const char* type, const char* domain, const char* user,
                    const char* password) {
  MI_UserCredentials c{};
  c.authenticationType = type;
  c.credentials.usernamePassword.domain = domain;
  c.credentials.usernamePassword.username = user;
  c.credentials.usernamePassword.password = password;
  ASSERT_EQ(bag.AddCredentials(core::option::kDestinationCredentials, &c, 0), MI_RESULT_OK);
}

void SetNumber(core::OptionBag& bag, const char* name, MI_Uint32 n) {
  MI_Value v;
  v.uint32 = n;
  ASSERT_EQ(bag.SetValue(name, MI_UINT32, v, 0), MI_RESULT_OK) << name;
}

TEST(WmidcomSettingsTest, NullDestinationIsTheLocalActivationPort) {
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.host, "127.0.0.1");
  EXPECT_EQ(s.port, 135);
  EXPECT_EQ(s.destination, "127.0.0.1:135");
  EXPECT_TRUE(s.credentials.anonymous());
  EXPECT_EQ(s.protection, Protection::kPrivacy);
  EXPECT_EQ(s.timeout, kDefaultTimeout);
}

TEST(WmidcomSettingsTest, EnvironmentOverridesOnlyTheNullDestination) {
  SessionSettings s;
  core::ErrorInfo error;
  auto env = EnvWith({{kEndpointEnvironment, "127.0.0.1:40135"}});
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr), env, &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.destination, "127.0.0.1:40135");
  ASSERT_EQ(BuildSessionSettings(ConfigFor("server01"), env, &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.destination, "server01:135");
}

TEST(WmidcomSettingsTest, MalformedEnvironmentIsAClearError) {
  SessionSettings s;
  core::ErrorInfo error;
  auto env = EnvWith({{kEndpointEnvironment, "127.0.0.1:99999"}});
  EXPECT_EQ(BuildSessionSettings(ConfigFor(nullptr), env, &s, &error), MI_RESULT_INVALID_PARAMETER);
  EXPECT_NE(error.message.find(kEndpointEnvironment), std::string::npos) << error.message;
}

TEST(WmidcomSettingsTest, DestinationForms) {
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor("host.example:2135"), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.host, "host.example");
  EXPECT_EQ(s.port, 2135);
  ASSERT_EQ(BuildSessionSettings(ConfigFor("[::1]:1350"), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.host, "::1");
  EXPECT_EQ(s.destination, "[::1]:1350");
  ASSERT_EQ(BuildSessionSettings(ConfigFor("fe80::1"), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.host, "fe80::1");
  EXPECT_EQ(s.port, 135);
  for (const char* bad : {"", ":135", "host:0", "host:", "[::1", "a b", "host:12x", "\\\\server"}) {
    EXPECT_EQ(BuildSessionSettings(ConfigFor(bad), EnvWith({}), &s, &error), MI_RESULT_INVALID_PARAMETER) << bad;
  }
}

TEST(WmidcomSettingsTest, PortOptionAppliesWhenTheDestinationHasNone) {
  auto bag = Bag();
  SetNumber(*bag, core::option::kDestinationPort, 4135);
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor("server01", bag), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.port, 4135);
  ASSERT_EQ(BuildSessionSettings(ConfigFor("server01:99", bag), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.port, 99);
}

TEST(WmidcomSettingsTest, CredentialsWithDomainOrBackslash) {
  auto bag = Bag();
  AddCredentials(*bag, MI_AUTH_TYPE_DEFAULT, "FAKEDOM", "alice", "Passw0rd!");
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, bag), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.credentials.domain, "FAKEDOM");
  EXPECT_EQ(s.credentials.user, "alice");
  EXPECT_EQ(s.credentials.password, "Passw0rd!");
  EXPECT_FALSE(s.credentials.anonymous());

  auto slash = Bag();
  AddCredentials(*slash, MI_AUTH_TYPE_NTLM, nullptr, "FAKEDOM\\bob", "pw");
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, slash), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.credentials.domain, "FAKEDOM");
  EXPECT_EQ(s.credentials.user, "bob");
}

TEST(WmidcomSettingsTest, AuthTypeNoneIsAnonymousAndBasicIsRefused) {
  auto none = Bag();
  AddCredentials(*none, MI_AUTH_TYPE_NONE, nullptr, "ignored", "x");
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, none), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_TRUE(s.credentials.anonymous());

  auto basic = Bag();
  AddCredentials(*basic, MI_AUTH_TYPE_BASIC, nullptr, "alice", "pw");
  EXPECT_EQ(BuildSessionSettings(ConfigFor(nullptr, basic), EnvWith({}), &s, &error), MI_RESULT_NOT_SUPPORTED);
  EXPECT_NE(error.message.find("Basic"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("pw"), std::string::npos) << "no password in messages";
}

TEST(WmidcomSettingsTest, PrivacyOffMeansIntegrity) {
  auto bag = Bag();
  SetNumber(*bag, core::option::kPacketPrivacy, 0);
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, bag), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.protection, Protection::kIntegrity);
  auto on = Bag();
  SetNumber(*on, core::option::kPacketPrivacy, 1);
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, on), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.protection, Protection::kPrivacy);
}

TEST(WmidcomSettingsTest, TimeoutFromOptions) {
  auto bag = Bag();
  MI_Value v{};
  v.datetime.isTimestamp = MI_FALSE;
  v.datetime.u.interval.seconds = 3;
  v.datetime.u.interval.microseconds = 500000;
  ASSERT_EQ(bag->SetValue(core::option::kTimeout, MI_DATETIME, v, 0), MI_RESULT_OK);
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, bag), EnvWith({}), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.timeout, std::chrono::milliseconds(3500));
}

}  // namespace
}  // namespace cimulate::wmidcom
