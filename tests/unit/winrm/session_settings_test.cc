// Destination strings and destination options -> the transport configuration.
#include <gtest/gtest.h>

#include "core/options.h"
#include "winrm/destination.h"
#include "winrm/session_settings.h"

namespace cimulate::winrm {
namespace {

TEST(DestinationTest, ParsesEveryForm) {
  Destination d;
  std::string error;
  ASSERT_TRUE(ParseDestination("server01", &d, &error));
  EXPECT_EQ(d.host, "server01");
  EXPECT_FALSE(d.port);
  ASSERT_TRUE(ParseDestination("server01:8080", &d, &error));
  EXPECT_EQ(d.port, 8080);
  ASSERT_TRUE(ParseDestination("[::1]:5986", &d, &error));
  EXPECT_EQ(d.host, "::1");
  EXPECT_EQ(d.port, 5986);
  ASSERT_TRUE(ParseDestination("fe80::1", &d, &error));
  EXPECT_EQ(d.host, "fe80::1");
  EXPECT_FALSE(d.port);
  ASSERT_TRUE(ParseDestination("https://host.example:1234/custom/wsman", &d, &error));
  EXPECT_EQ(d.host, "host.example");
  EXPECT_EQ(d.port, 1234);
  EXPECT_EQ(d.https, true);
  EXPECT_EQ(d.path, "/custom/wsman");
  ASSERT_TRUE(ParseDestination("HTTP://[::1]", &d, &error));
  EXPECT_EQ(d.https, false);
  EXPECT_EQ(d.host, "::1");
}

TEST(DestinationTest, RejectsWhatNamesNoHost) {
  Destination d;
  for (const char* bad : {"", ":5985", "host:0", "host:70000", "host:", "[::1", "[::1]x", "ftp://host", "a b",
                          "http:///wsman", "host:12ab"}) {
    std::string error;
    EXPECT_FALSE(ParseDestination(bad, &d, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(DestinationTest, HostPortBracketsIpv6) {
  EXPECT_EQ(HostPort("::1", 5985), "[::1]:5985");
  EXPECT_EQ(HostPort("h", 1), "h:1");
}

core::SessionConfig ConfigFor(const char* destination, std::shared_ptr<core::OptionBag> options) {
  core::SessionConfig config;
  config.protocol = "WINRM";
  if (destination) config.destination = destination;
  config.options = std::move(options);
  return config;
}

std::shared_ptr<core::OptionBag> Bag() { return std::make_shared<core::OptionBag>(core::OptionsKind::kDestination); }

void SetString(core::OptionBag& bag, const char* name, const char* text) {
  MI_Value v;
  v.string = const_cast<MI_Char*>(text);
  ASSERT_EQ(bag.SetValue(name, MI_STRING, v, 0), MI_RESULT_OK) << name;
}

void SetNumber(core::OptionBag& bag, const char* name, MI_Uint32 n) {
  MI_Value v;
  v.uint32 = n;
  ASSERT_EQ(bag.SetValue(name, MI_UINT32, v, 0), MI_RESULT_OK) << name;
}

TEST(SessionSettingsTest, DefaultsForAPlainHost) {
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor("server01", Bag()), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.http.host, "server01");
  EXPECT_EQ(s.http.port, 5985);
  EXPECT_FALSE(s.http.https);
  EXPECT_EQ(s.http.path, "/wsman");
  EXPECT_EQ(s.url, "http://server01:5985/wsman");
  EXPECT_EQ(s.max_envelope_size, 512000u);
  EXPECT_EQ(s.timeout, std::chrono::milliseconds(60000));
  EXPECT_TRUE(s.http.user.empty());
}

TEST(SessionSettingsTest, NullDestinationIsLocalhost) {
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor(nullptr, Bag()), &s, &error), MI_RESULT_OK);
  EXPECT_EQ(s.http.host, "localhost");
}

// TRUSTED_CERTS_DIR names the CA bundle; a folder or a missing file is
// refused at NewSession rather than failing every HTTPS operation later.
TEST(SessionSettingsTest, TrustedCertificatesMustBeAFile) {
  const std::string file = std::string(CIMULATE_SOURCE_DIR) + "/tests/unit/winrm/scenario.yaml";
  for (const std::string& path : {file, std::string(CIMULATE_SOURCE_DIR), std::string("/nonexistent.pem")}) {
    auto bag = Bag();
    SetString(*bag, core::option::kTrustedCertsDir, path.c_str());
    SessionSettings s;
    core::ErrorInfo error;
    MI_Result r = BuildSessionSettings(ConfigFor("server01", bag), &s, &error);
    if (path == file) {
      EXPECT_EQ(r, MI_RESULT_OK) << error.message;
      EXPECT_EQ(s.http.ca_file, file);
    } else {
      EXPECT_EQ(r, MI_RESULT_INVALID_PARAMETER) << path;
      EXPECT_NE(error.message.find(path), std::string::npos) << error.message;
    }
  }
}

TEST(SessionSettingsTest, OptionsReachTheTransportConfig) {
  auto bag = Bag();
  SetString(*bag, core::option::kTransport, "HTTPS");
  SetNumber(*bag, core::option::kDestinationPort, 4443);
  SetNumber(*bag, core::option::kCertCaCheck, 0);
  SetNumber(*bag, core::option::kCertCnCheck, 0);
  SetNumber(*bag, core::option::kMaxEnvelopeSize, 150);
  SetString(*bag, core::option::kUiLocale, "de-DE");
  SetString(*bag, core::option::kDataLocale, "fr-FR");
  SetString(*bag, core::option::kHttpUrlPrefix, "custom");
  MI_Value interval{};
  interval.datetime.isTimestamp = MI_FALSE;
  interval.datetime.u.interval.seconds = 7;
  ASSERT_EQ(bag->SetValue(core::option::kTimeout, MI_DATETIME, interval, 0), MI_RESULT_OK);
  MI_UserCredentials credentials{};
  credentials.authenticationType = MI_AUTH_TYPE_BASIC;
  credentials.credentials.usernamePassword.domain = "CONTOSO";
  credentials.credentials.usernamePassword.username = "bob";
  credentials.credentials.usernamePassword.password = "secret";
  ASSERT_EQ(bag->AddCredentials(core::option::kDestinationCredentials, &credentials, 0), MI_RESULT_OK);

  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor("[::1]", bag), &s, &error), MI_RESULT_OK) << error.message;
  EXPECT_TRUE(s.http.https);
  EXPECT_EQ(s.http.port, 4443);
  EXPECT_FALSE(s.http.check_ca);
  EXPECT_FALSE(s.http.check_cn);
  EXPECT_EQ(s.http.path, "/custom");
  EXPECT_EQ(s.http.user, "CONTOSO\\bob");
  EXPECT_EQ(s.http.password, "secret");
  EXPECT_EQ(s.max_envelope_size, 150u * 1024);
  EXPECT_EQ(s.ui_locale, "de-DE");
  EXPECT_EQ(s.data_locale, "fr-FR");
  EXPECT_EQ(s.timeout, std::chrono::milliseconds(7000));
  EXPECT_LE(s.http.connect_timeout, std::chrono::milliseconds(7000));
  EXPECT_EQ(s.url, "https://[::1]:4443/custom");
}

TEST(SessionSettingsTest, HttpsSchemeDefaultsToPort5986) {
  SessionSettings s;
  core::ErrorInfo error;
  ASSERT_EQ(BuildSessionSettings(ConfigFor("https://host", Bag()), &s, &error), MI_RESULT_OK);
  EXPECT_TRUE(s.http.https);
  EXPECT_EQ(s.http.port, 5986);
}

TEST(SessionSettingsTest, BadDestinationAndUnsupportedAuthFail) {
  SessionSettings s;
  core::ErrorInfo error;
  EXPECT_EQ(BuildSessionSettings(ConfigFor("host:99999", Bag()), &s, &error), MI_RESULT_INVALID_PARAMETER);
  EXPECT_NE(error.message.find("host:99999"), std::string::npos) << error.message;

  auto bag = Bag();
  MI_UserCredentials credentials{};
  credentials.authenticationType = MI_AUTH_TYPE_KERBEROS;
  credentials.credentials.usernamePassword.username = "bob";
  credentials.credentials.usernamePassword.password = "secret";
  ASSERT_EQ(bag->AddCredentials(core::option::kDestinationCredentials, &credentials, 0), MI_RESULT_OK);
  core::ErrorInfo auth_error;
  EXPECT_EQ(BuildSessionSettings(ConfigFor("host", bag), &s, &auth_error), MI_RESULT_NOT_SUPPORTED);
  EXPECT_NE(auth_error.message.find("Kerberos"), std::string::npos);
  EXPECT_EQ(auth_error.message.find("secret"), std::string::npos);

  auto contradiction = Bag();
  SetString(*contradiction, core::option::kTransport, "HTTP");
  core::ErrorInfo scheme_error;
  EXPECT_EQ(BuildSessionSettings(ConfigFor("https://host", contradiction), &s, &scheme_error),
            MI_RESULT_INVALID_PARAMETER);
}

}  // namespace
}  // namespace cimulate::winrm
