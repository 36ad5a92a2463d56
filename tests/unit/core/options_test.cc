#include "core/options.h"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "MI.h"

namespace cimulate::core {
namespace {

class DestinationOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(NewDestinationOptions(&options_), MI_RESULT_OK); }
  void TearDown() override { MI_DestinationOptions_Delete(&options_); }

  MI_DestinationOptions options_ = MI_DESTINATIONOPTIONS_NULL;
};

MI_Interval MakeInterval(MI_Uint32 days, MI_Uint32 hours, MI_Uint32 minutes, MI_Uint32 seconds,
                         MI_Uint32 microseconds) {
  MI_Interval interval;
  std::memset(&interval, 0, sizeof(interval));
  interval.days = days;
  interval.hours = hours;
  interval.minutes = minutes;
  interval.seconds = seconds;
  interval.microseconds = microseconds;
  return interval;
}

bool SameInterval(const MI_Interval& a, const MI_Interval& b) {
  return a.days == b.days && a.hours == b.hours && a.minutes == b.minutes && a.seconds == b.seconds &&
         a.microseconds == b.microseconds;
}

MI_UserCredentials BasicCredentials(const char* domain, const char* user, const char* password) {
  MI_UserCredentials credentials;
  std::memset(&credentials, 0, sizeof(credentials));
  credentials.authenticationType = MI_AUTH_TYPE_BASIC;
  credentials.credentials.usernamePassword.domain = domain;
  credentials.credentials.usernamePassword.username = user;
  credentials.credentials.usernamePassword.password = password;
  return credentials;
}

// ---------------------------------------------------------------------------
// Destination options: well-known accessors
// ---------------------------------------------------------------------------

TEST_F(DestinationOptionsTest, TimeoutIntervalRoundTrips) {
  MI_Interval timeout = MakeInterval(1, 2, 3, 4, 5);
  ASSERT_EQ(MI_DestinationOptions_SetTimeout(&options_, &timeout), MI_RESULT_OK);
  MI_Interval read;
  std::memset(&read, 0xAB, sizeof(read));
  ASSERT_EQ(MI_DestinationOptions_GetTimeout(&options_, &read), MI_RESULT_OK);
  EXPECT_TRUE(SameInterval(read, timeout));
}

TEST_F(DestinationOptionsTest, BooleanOptionsRoundTrip) {
  using Setter = MI_Result (*)(MI_DestinationOptions*, MI_Boolean);
  using Getter = MI_Result (*)(const MI_DestinationOptions*, MI_Boolean*);
  struct Accessor {
    const char* name;
    Setter set;
    Getter get;
  };
  const Accessor accessors[] = {
      {"CertCACheck", MI_DestinationOptions_SetCertCACheck, MI_DestinationOptions_GetCertCACheck},
      {"CertCNCheck", MI_DestinationOptions_SetCertCNCheck, MI_DestinationOptions_GetCertCNCheck},
      {"CertRevocationCheck", MI_DestinationOptions_SetCertRevocationCheck,
       MI_DestinationOptions_GetCertRevocationCheck},
      {"PacketPrivacy", MI_DestinationOptions_SetPacketPrivacy, MI_DestinationOptions_GetPacketPrivacy},
      {"PacketIntegrity", MI_DestinationOptions_SetPacketIntegrity, MI_DestinationOptions_GetPacketIntegrity},
      {"EncodePortInSPN", MI_DestinationOptions_SetEncodePortInSPN, MI_DestinationOptions_GetEncodePortInSPN},
  };
  for (const Accessor& accessor : accessors) {
    for (MI_Boolean value : {MI_FALSE, MI_TRUE}) {
      ASSERT_EQ(accessor.set(&options_, value), MI_RESULT_OK) << accessor.name;
      MI_Boolean read = 2;
      ASSERT_EQ(accessor.get(&options_, &read), MI_RESULT_OK) << accessor.name;
      EXPECT_EQ(read, value) << accessor.name;
    }
  }
}

TEST_F(DestinationOptionsTest, StringOptionsRoundTrip) {
  using Setter = MI_Result (*)(MI_DestinationOptions*, const MI_Char*);
  using Getter = MI_Result (*)(const MI_DestinationOptions*, const MI_Char**);
  struct Accessor {
    const char* name;
    Setter set;
    Getter get;
    const char* value;
  };
  const Accessor accessors[] = {
      {"PacketEncoding", MI_DestinationOptions_SetPacketEncoding, MI_DestinationOptions_GetPacketEncoding, "UTF16"},
      {"DataLocale", MI_DestinationOptions_SetDataLocale, MI_DestinationOptions_GetDataLocale, "de-DE"},
      {"UILocale", MI_DestinationOptions_SetUILocale, MI_DestinationOptions_GetUILocale, "fr-FR"},
      {"HttpUrlPrefix", MI_DestinationOptions_SetHttpUrlPrefix, MI_DestinationOptions_GetHttpUrlPrefix, "/wsman-x"},
      {"Transport", MI_DestinationOptions_SetTransport, MI_DestinationOptions_GetTransport, "HTTPS"},
      {"ProxyType", MI_DestinationOptions_SetProxyType, MI_DestinationOptions_GetProxyType, "WinHTTP"},
      {"TrustedCertsDir", MI_DestinationOptions_SetTrustedCertsDir, MI_DestinationOptions_GetTrustedCertsDir,
       "/etc/ssl/certs"},
      {"CertFile", MI_DestinationOptions_SetCertFile, MI_DestinationOptions_GetCertFile, "/tmp/c.pem"},
      {"PrivateKeyFile", MI_DestinationOptions_SetPrivateKeyFile, MI_DestinationOptions_GetPrivateKeyFile,
       "/tmp/k.pem"},
  };
  for (const Accessor& accessor : accessors) {
    std::string value = accessor.value;
    ASSERT_EQ(accessor.set(&options_, value.c_str()), MI_RESULT_OK) << accessor.name;
    value.assign(value.size(), '?');  // the bag keeps its own copy
    const MI_Char* read = nullptr;
    ASSERT_EQ(accessor.get(&options_, &read), MI_RESULT_OK) << accessor.name;
    EXPECT_STREQ(read, accessor.value) << accessor.name;
  }
}

TEST_F(DestinationOptionsTest, NumberOptionsRoundTrip) {
  ASSERT_EQ(MI_DestinationOptions_SetMaxEnvelopeSize(&options_, 512000), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetMaxElements(&options_, 77), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 5986), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetSslOptions(&options_, 3), MI_RESULT_OK);
  MI_Uint32 value = 0;
  ASSERT_EQ(MI_DestinationOptions_GetMaxEnvelopeSize(&options_, &value), MI_RESULT_OK);
  EXPECT_EQ(value, 512000u);
  ASSERT_EQ(MI_DestinationOptions_GetMaxElements(&options_, &value), MI_RESULT_OK);
  EXPECT_EQ(value, 77u);
  ASSERT_EQ(MI_DestinationOptions_GetDestinationPort(&options_, &value), MI_RESULT_OK);
  EXPECT_EQ(value, 5986u);
  ASSERT_EQ(MI_DestinationOptions_GetSslOptions(&options_, &value), MI_RESULT_OK);
  EXPECT_EQ(value, 3u);
}

TEST_F(DestinationOptionsTest, ImpersonationTypeRoundTrips) {
  for (auto type : {MI_DestinationOptions_ImpersonationType_None, MI_DestinationOptions_ImpersonationType_Delegate,
                    MI_DestinationOptions_ImpersonationType_Identify}) {
    ASSERT_EQ(MI_DestinationOptions_SetImpersonationType(&options_, type), MI_RESULT_OK);
    MI_DestinationOptions_ImpersonationType read = MI_DestinationOptions_ImpersonationType_Default;
    ASSERT_EQ(MI_DestinationOptions_GetImpersonationType(&options_, &read), MI_RESULT_OK);
    EXPECT_EQ(read, type);
  }
  EXPECT_EQ(MI_DestinationOptions_SetImpersonationType(&options_, static_cast<MI_DestinationOptions_ImpersonationType>(5)),
            MI_RESULT_INVALID_PARAMETER);
}

TEST_F(DestinationOptionsTest, SettingAgainReplacesTheValue) {
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options_, MI_DESTINATIONOPTIONS_TRANSPORT_HTTP), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options_, MI_DESTINATIONOPTIONS_TRANSPORT_HTTPS), MI_RESULT_OK);
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_DestinationOptions_GetOptionCount(&options_, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  const MI_Char* read = nullptr;
  ASSERT_EQ(MI_DestinationOptions_GetTransport(&options_, &read), MI_RESULT_OK);
  EXPECT_STREQ(read, "HTTPS");
}

TEST_F(DestinationOptionsTest, InvalidValuesAreRefused) {
  EXPECT_EQ(MI_DestinationOptions_SetTransport(&options_, "FTP"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 70000), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetPacketEncoding(&options_, "EBCDIC"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetProxyType(&options_, "Carrier pigeon"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetCertCACheck(&options_, 2), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetTransport(&options_, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetTimeout(&options_, nullptr), MI_RESULT_INVALID_PARAMETER);
  // Nothing was stored by the refused calls.
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_DestinationOptions_GetOptionCount(&options_, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
}

TEST_F(DestinationOptionsTest, BoundaryPortsAreAccepted) {
  EXPECT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 1), MI_RESULT_OK);
  EXPECT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 65535), MI_RESULT_OK);
}

TEST_F(DestinationOptionsTest, WellKnownNamesRefuseTheWrongType) {
  EXPECT_EQ(MI_DestinationOptions_SetString(&options_, option::kDestinationPort, "5985"),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetNumber(&options_, option::kTransport, 1), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetNumber(&options_, option::kTimeout, 30), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(DestinationOptionsTest, MissingOptionIsNoSuchProperty) {
  const MI_Char* text = nullptr;
  MI_Uint32 number = 0;
  MI_Interval interval;
  EXPECT_EQ(MI_DestinationOptions_GetTransport(&options_, &text), MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_DestinationOptions_GetDestinationPort(&options_, &number), MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_DestinationOptions_GetTimeout(&options_, &interval), MI_RESULT_NO_SUCH_PROPERTY);
  MI_Value value;
  MI_Type type;
  EXPECT_EQ(MI_DestinationOptions_GetOption(&options_, "Nope", &value, &type, nullptr, nullptr),
            MI_RESULT_NO_SUCH_PROPERTY);
}

TEST_F(DestinationOptionsTest, GettingWithTheWrongTypeIsTypeMismatch) {
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 5985), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options_, "HTTP"), MI_RESULT_OK);
  MI_Interval timeout = MakeInterval(0, 0, 1, 0, 0);
  ASSERT_EQ(MI_DestinationOptions_SetTimeout(&options_, &timeout), MI_RESULT_OK);

  const MI_Char* text = nullptr;
  MI_Uint32 number = 0;
  MI_Interval interval;
  EXPECT_EQ(MI_DestinationOptions_GetString(&options_, option::kDestinationPort, &text, nullptr),
            MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(MI_DestinationOptions_GetNumber(&options_, option::kTransport, &number, nullptr),
            MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(options_.ft->GetInterval(&options_, option::kTransport, &interval, nullptr, nullptr),
            MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(MI_DestinationOptions_GetNumber(&options_, option::kTimeout, &number, nullptr), MI_RESULT_TYPE_MISMATCH);
}

TEST_F(DestinationOptionsTest, EnumerationListsNamesTypesAndValues) {
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options_, "HTTPS"), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&options_, 5986), MI_RESULT_OK);
  MI_Interval timeout = MakeInterval(0, 0, 0, 42, 0);
  ASSERT_EQ(MI_DestinationOptions_SetTimeout(&options_, &timeout), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetNumber(&options_, "VendorKnob", 9), MI_RESULT_OK);

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_DestinationOptions_GetOptionCount(&options_, &count), MI_RESULT_OK);
  ASSERT_EQ(count, 4u);
  std::set<std::string> seen;
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value value;
    MI_Type type;
    MI_Uint32 flags = 0;
    ASSERT_EQ(MI_DestinationOptions_GetOptionAt(&options_, i, &name, &value, &type, &flags), MI_RESULT_OK);
    ASSERT_NE(name, nullptr);
    seen.insert(name);
    std::string n = name;
    if (n == option::kTransport) {
      EXPECT_EQ(type, MI_STRING);
      EXPECT_STREQ(value.string, "HTTPS");
    } else if (n == option::kDestinationPort) {
      EXPECT_EQ(type, MI_UINT32);
      EXPECT_EQ(value.uint32, 5986u);
    } else if (n == option::kTimeout) {
      EXPECT_EQ(type, MI_DATETIME);
      EXPECT_EQ(value.datetime.isTimestamp, 0u);
      EXPECT_EQ(value.datetime.u.interval.seconds, 42u);
    } else if (n == "VendorKnob") {
      EXPECT_EQ(type, MI_UINT32);
      EXPECT_EQ(value.uint32, 9u);
    } else {
      ADD_FAILURE() << "unexpected option " << n;
    }
  }
  EXPECT_EQ(seen.size(), 4u);
  const MI_Char* name = nullptr;
  MI_Value value;
  MI_Type type;
  EXPECT_NE(MI_DestinationOptions_GetOptionAt(&options_, count, &name, &value, &type, nullptr), MI_RESULT_OK);
}

TEST_F(DestinationOptionsTest, GetOptionReturnsValueTypeAndIndex) {
  ASSERT_EQ(MI_DestinationOptions_SetDataLocale(&options_, "en-GB"), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetMaxElements(&options_, 5), MI_RESULT_OK);
  MI_Value value;
  MI_Type type;
  MI_Uint32 index = 99;
  ASSERT_EQ(MI_DestinationOptions_GetOption(&options_, option::kMaxElements, &value, &type, &index, nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(value.uint32, 5u);
  EXPECT_EQ(index, 1u);
  const MI_Char* name = nullptr;
  MI_Value at;
  MI_Type at_type;
  ASSERT_EQ(MI_DestinationOptions_GetOptionAt(&options_, index, &name, &at, &at_type, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(name, option::kMaxElements);
}

// ---------------------------------------------------------------------------
// Destination options: credentials
// ---------------------------------------------------------------------------

TEST_F(DestinationOptionsTest, CredentialsMaskThePassword) {
  std::string password = "s3cret!";
  MI_UserCredentials credentials = BasicCredentials("CORP", "alice", password.c_str());
  ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_OK);
  password.assign(password.size(), 'x');  // the bag keeps its own copy

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsCount(&options_, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);

  const MI_Char* name = nullptr;
  MI_UserCredentials read;
  std::memset(&read, 0, sizeof(read));
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsAt(&options_, 0, &name, &read, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(name, option::kDestinationCredentials);
  EXPECT_STREQ(read.authenticationType, MI_AUTH_TYPE_BASIC);
  EXPECT_STREQ(read.credentials.usernamePassword.domain, "CORP");
  EXPECT_STREQ(read.credentials.usernamePassword.username, "alice");
  EXPECT_STREQ(read.credentials.usernamePassword.password, "******");
}

TEST_F(DestinationOptionsTest, PasswordAtReportsLengthAndCopies) {
  MI_UserCredentials credentials = BasicCredentials(nullptr, "bob", "hunter2");
  ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_OK);
  const MI_Char* name = nullptr;
  MI_Uint32 length = 0;

  ASSERT_EQ(MI_DestinationOptions_GetCredentialsPasswordAt(&options_, 0, &name, nullptr, 0, &length, nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(length, 8u);  // "hunter2" and the terminator
  EXPECT_STREQ(name, option::kDestinationCredentials);

  char small[4] = {'z', 'z', 'z', 'z'};
  length = 0;
  EXPECT_NE(MI_DestinationOptions_GetCredentialsPasswordAt(&options_, 0, &name, small, sizeof(small), &length,
                                                           nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(length, 8u);

  char exact[8];
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsPasswordAt(&options_, 0, &name, exact, sizeof(exact), &length,
                                                           nullptr),
            MI_RESULT_OK);
  EXPECT_STREQ(exact, "hunter2");

  char big[64];
  std::memset(big, 'q', sizeof(big));
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsPasswordAt(&options_, 0, &name, big, sizeof(big), &length, nullptr),
            MI_RESULT_OK);
  EXPECT_STREQ(big, "hunter2");
  EXPECT_EQ(length, 8u);
}

TEST_F(DestinationOptionsTest, CredentialIndexOutOfRangeFails) {
  const MI_Char* name = nullptr;
  MI_UserCredentials read;
  MI_Uint32 length = 0;
  EXPECT_NE(MI_DestinationOptions_GetCredentialsAt(&options_, 0, &name, &read, nullptr), MI_RESULT_OK);
  EXPECT_NE(MI_DestinationOptions_GetCredentialsPasswordAt(&options_, 0, &name, nullptr, 0, &length, nullptr),
            MI_RESULT_OK);
}

TEST_F(DestinationOptionsTest, CertificateCredentialsKeepTheThumbprint) {
  MI_UserCredentials credentials;
  std::memset(&credentials, 0, sizeof(credentials));
  credentials.authenticationType = MI_AUTH_TYPE_CLIENT_CERTS;
  credentials.credentials.certificateThumbprint = "0123456789abcdef0123456789abcdef01234567";
  ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_OK);

  const MI_Char* name = nullptr;
  MI_UserCredentials read;
  std::memset(&read, 0, sizeof(read));
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsAt(&options_, 0, &name, &read, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(read.authenticationType, MI_AUTH_TYPE_CLIENT_CERTS);
  EXPECT_STREQ(read.credentials.certificateThumbprint, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_NE(read.credentials.certificateThumbprint, credentials.credentials.certificateThumbprint);

  credentials.credentials.certificateThumbprint = nullptr;
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(DestinationOptionsTest, ProxyCredentialsUseTheirOwnName) {
  MI_UserCredentials credentials = BasicCredentials(nullptr, "proxyuser", "pw");
  ASSERT_EQ(MI_DestinationOptions_AddProxyCredentials(&options_, &credentials), MI_RESULT_OK);
  const MI_Char* name = nullptr;
  MI_UserCredentials read;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsAt(&options_, 0, &name, &read, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(name, option::kProxyCredentials);
}

TEST_F(DestinationOptionsTest, UnknownAuthenticationTypeIsRefused) {
  MI_UserCredentials credentials = BasicCredentials(nullptr, "u", "p");
  credentials.authenticationType = "Telepathy";
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_INVALID_PARAMETER);
  credentials.authenticationType = nullptr;
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, &credentials), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options_, nullptr), MI_RESULT_INVALID_PARAMETER);
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsCount(&options_, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
}

// ---------------------------------------------------------------------------
// Destination options: clone, delete and the handle registry
// ---------------------------------------------------------------------------

TEST(DestinationOptionsLifetimeTest, CloneIsDeep) {
  MI_DestinationOptions original = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(NewDestinationOptions(&original), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&original, "HTTPS"), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&original, 5986), MI_RESULT_OK);
  MI_Interval timeout = MakeInterval(0, 1, 0, 0, 0);
  ASSERT_EQ(MI_DestinationOptions_SetTimeout(&original, &timeout), MI_RESULT_OK);
  MI_UserCredentials credentials = BasicCredentials("D", "carol", "pa55");
  ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&original, &credentials), MI_RESULT_OK);

  MI_DestinationOptions copy = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(MI_DestinationOptions_Clone(&original, &copy), MI_RESULT_OK);
  EXPECT_NE(copy.reserved1, original.reserved1);
  // A change to the original after cloning does not reach the clone.
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&original, "HTTP"), MI_RESULT_OK);
  MI_DestinationOptions_Delete(&original);

  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_DestinationOptions_GetTransport(&copy, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "HTTPS");
  MI_Uint32 port = 0;
  ASSERT_EQ(MI_DestinationOptions_GetDestinationPort(&copy, &port), MI_RESULT_OK);
  EXPECT_EQ(port, 5986u);
  MI_Interval read;
  ASSERT_EQ(MI_DestinationOptions_GetTimeout(&copy, &read), MI_RESULT_OK);
  EXPECT_TRUE(SameInterval(read, timeout));

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsCount(&copy, &count), MI_RESULT_OK);
  ASSERT_EQ(count, 1u);
  const MI_Char* name = nullptr;
  MI_UserCredentials read_credentials;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsAt(&copy, 0, &name, &read_credentials, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(read_credentials.credentials.usernamePassword.username, "carol");
  EXPECT_STREQ(read_credentials.credentials.usernamePassword.domain, "D");
  EXPECT_STREQ(read_credentials.credentials.usernamePassword.password, "******");
  char password[16];
  MI_Uint32 length = 0;
  ASSERT_EQ(MI_DestinationOptions_GetCredentialsPasswordAt(&copy, 0, &name, password, sizeof(password), &length,
                                                           nullptr),
            MI_RESULT_OK);
  EXPECT_STREQ(password, "pa55");
  MI_DestinationOptions_Delete(&copy);
}

TEST(DestinationOptionsLifetimeTest, CallsAfterDeleteReturnInvalidParameter) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(NewDestinationOptions(&options), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options, "HTTP"), MI_RESULT_OK);
  MI_DestinationOptions stale = options;  // a copy of the handle taken before Delete
  MI_DestinationOptions_Delete(&options);

  for (MI_DestinationOptions* handle : {&options, &stale}) {
    const MI_Char* text = nullptr;
    MI_Uint32 number = 0;
    EXPECT_EQ(MI_DestinationOptions_SetTransport(handle, "HTTPS"), MI_RESULT_INVALID_PARAMETER);
    EXPECT_EQ(MI_DestinationOptions_GetTransport(handle, &text), MI_RESULT_INVALID_PARAMETER);
    EXPECT_EQ(MI_DestinationOptions_SetDestinationPort(handle, 80), MI_RESULT_INVALID_PARAMETER);
    EXPECT_EQ(MI_DestinationOptions_GetOptionCount(handle, &number), MI_RESULT_INVALID_PARAMETER);
    EXPECT_EQ(MI_DestinationOptions_GetCredentialsCount(handle, &number), MI_RESULT_INVALID_PARAMETER);
    MI_UserCredentials credentials = BasicCredentials(nullptr, "u", "p");
    EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(handle, &credentials), MI_RESULT_INVALID_PARAMETER);
    MI_DestinationOptions copy = MI_DESTINATIONOPTIONS_NULL;
    EXPECT_EQ(MI_DestinationOptions_Clone(handle, &copy), MI_RESULT_INVALID_PARAMETER);
    MI_DestinationOptions_Delete(handle);  // a second Delete is harmless
  }
}

TEST(DestinationOptionsLifetimeTest, NullHandleIsInvalidParameter) {
  const MI_Char* text = nullptr;
  MI_Uint32 count = 0;
  EXPECT_EQ(MI_DestinationOptions_GetTransport(nullptr, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_GetOptionCount(nullptr, &count), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(NewDestinationOptions(nullptr), MI_RESULT_INVALID_PARAMETER);
  MI_DestinationOptions zeroed = MI_DESTINATIONOPTIONS_NULL;
  EXPECT_EQ(MI_DestinationOptions_SetTransport(&zeroed, "HTTP"), MI_RESULT_INVALID_PARAMETER);
  MI_DestinationOptions forged = MI_DESTINATIONOPTIONS_NULL;
  forged.reserved1 = 12345;
  forged.reserved2 = 678;
  forged.ft = &kDestinationOptionsFT;
  EXPECT_EQ(MI_DestinationOptions_SetTransport(&forged, "HTTP"), MI_RESULT_INVALID_PARAMETER);
}

TEST(DestinationOptionsLifetimeTest, NullOutArgumentsAreInvalidParameter) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(NewDestinationOptions(&options), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options, "HTTP"), MI_RESULT_OK);
  EXPECT_EQ(MI_DestinationOptions_GetOptionCount(&options, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_GetTransport(&options, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_GetOptionAt(&options, 0, nullptr, nullptr, nullptr, nullptr),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_Clone(&options, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetString(&options, nullptr, "x"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_DestinationOptions_SetString(&options, "", "x"), MI_RESULT_INVALID_PARAMETER);
  MI_DestinationOptions_Delete(&options);
}

// ---------------------------------------------------------------------------
// Operation options
// ---------------------------------------------------------------------------

class OperationOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(NewOperationOptions(MI_FALSE, &options_), MI_RESULT_OK); }
  void TearDown() override { MI_OperationOptions_Delete(&options_); }

  MI_OperationOptions options_ = MI_OPERATIONOPTIONS_NULL;
};

TEST_F(OperationOptionsTest, TimeoutAndResourceUriRoundTrip) {
  MI_Interval timeout = MakeInterval(0, 0, 5, 30, 250);
  ASSERT_EQ(MI_OperationOptions_SetTimeout(&options_, &timeout), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_SetResourceUriPrefix(&options_, "http://schemas.microsoft.com/wbem/wsman/1/wmi"),
            MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_SetResourceUri(&options_, "http://schemas.example.com/res/Widget"), MI_RESULT_OK);

  MI_Interval read;
  ASSERT_EQ(MI_OperationOptions_GetTimeout(&options_, &read), MI_RESULT_OK);
  EXPECT_TRUE(SameInterval(read, timeout));
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_OperationOptions_GetResourceUriPrefix(&options_, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "http://schemas.microsoft.com/wbem/wsman/1/wmi");
  ASSERT_EQ(MI_OperationOptions_GetResourceUri(&options_, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "http://schemas.example.com/res/Widget");
}

TEST_F(OperationOptionsTest, CustomOptionsOfSeveralTypesRoundTrip) {
  MI_Value value;
  std::memset(&value, 0, sizeof(value));
  value.uint64 = 0x1122334455667788ull;
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options_, "BigNumber", MI_UINT64, &value, MI_TRUE), MI_RESULT_OK);
  std::string text = "custom text";
  value.string = text.data();
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options_, "Text", MI_STRING, &value, MI_FALSE), MI_RESULT_OK);
  text.assign(text.size(), '#');
  value.boolean = MI_TRUE;
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options_, "Flag", MI_BOOLEAN, &value, MI_FALSE), MI_RESULT_OK);
  MI_Sint32 numbers[] = {-1, 0, 7};
  value.sint32a.data = numbers;
  value.sint32a.size = 3;
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options_, "List", MI_SINT32A, &value, MI_TRUE), MI_RESULT_OK);
  numbers[0] = 100;
  const MI_Char* strings[] = {"a", "bc"};
  value.stringa.data = const_cast<MI_Char**>(strings);
  value.stringa.size = 2;
  ASSERT_EQ(MI_OperationOptions_SetCustomOption(&options_, "Names", MI_STRINGA, &value, MI_FALSE), MI_RESULT_OK);

  MI_Value read;
  MI_Type type;
  ASSERT_EQ(MI_OperationOptions_GetOption(&options_, "BigNumber", &read, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT64);
  EXPECT_EQ(read.uint64, 0x1122334455667788ull);
  ASSERT_EQ(MI_OperationOptions_GetOption(&options_, "Text", &read, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_STRING);
  EXPECT_STREQ(read.string, "custom text");
  ASSERT_EQ(MI_OperationOptions_GetOption(&options_, "Flag", &read, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_BOOLEAN);
  EXPECT_EQ(read.boolean, MI_TRUE);
  ASSERT_EQ(MI_OperationOptions_GetOption(&options_, "List", &read, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_SINT32A);
  ASSERT_EQ(read.sint32a.size, 3u);
  EXPECT_EQ(read.sint32a.data[0], -1);
  EXPECT_EQ(read.sint32a.data[2], 7);
  ASSERT_EQ(MI_OperationOptions_GetOption(&options_, "Names", &read, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_STRINGA);
  ASSERT_EQ(read.stringa.size, 2u);
  EXPECT_STREQ(read.stringa.data[1], "bc");

  // mustComply is kept per option and the options are marked custom.
  auto bag = SnapshotOf(&options_);
  ASSERT_NE(bag, nullptr);
  int checked = 0;
  for (const auto& entry : bag->entries()) {
    EXPECT_TRUE(entry->custom) << entry->name;
    if (entry->name == "BigNumber" || entry->name == "List") {
      EXPECT_TRUE(entry->must_comply) << entry->name;
      ++checked;
    } else {
      EXPECT_FALSE(entry->must_comply) << entry->name;
    }
  }
  EXPECT_EQ(checked, 2);
}

TEST_F(OperationOptionsTest, CustomOptionIsRefusedForWellKnownNamesAndBadArguments) {
  MI_Value value;
  std::memset(&value, 0, sizeof(value));
  value.uint32 = 1;
  EXPECT_EQ(MI_OperationOptions_SetCustomOption(&options_, option::kResourceUri, MI_UINT32, &value, MI_FALSE),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_SetCustomOption(&options_, nullptr, MI_UINT32, &value, MI_FALSE),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_SetCustomOption(&options_, "x", MI_UINT32, nullptr, MI_FALSE),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_SetCustomOption(&options_, "x", static_cast<MI_Type>(77), &value, MI_FALSE),
            MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationOptionsTest, EnabledChannelsFollowEnableAndDisable) {
  ASSERT_EQ(MI_OperationOptions_EnableChannel(&options_, MI_WRITEMESSAGE_CHANNEL_WARNING), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_EnableChannel(&options_, MI_WRITEMESSAGE_CHANNEL_VERBOSE), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_EnableChannel(&options_, MI_WRITEMESSAGE_CHANNEL_DEBUG), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_EnableChannel(&options_, MI_WRITEMESSAGE_CHANNEL_VERBOSE), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_DisableChannel(&options_, MI_WRITEMESSAGE_CHANNEL_WARNING), MI_RESULT_OK);

  MI_Uint32 count = 0;
  MI_Uint32 flags = 99;
  ASSERT_EQ(MI_OperationOptions_GetEnabledChannels(&options_, nullptr, 0, &count, &flags), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
  MI_Uint32 channels[8] = {};
  ASSERT_EQ(MI_OperationOptions_GetEnabledChannels(&options_, channels, 8, &count, &flags), MI_RESULT_OK);
  ASSERT_EQ(count, 2u);
  std::set<MI_Uint32> enabled(channels, channels + count);
  EXPECT_EQ(enabled, (std::set<MI_Uint32>{MI_WRITEMESSAGE_CHANNEL_VERBOSE, MI_WRITEMESSAGE_CHANNEL_DEBUG}));
  MI_Uint32 one[1];
  EXPECT_NE(MI_OperationOptions_GetEnabledChannels(&options_, one, 1, &count, &flags), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
}

TEST_F(OperationOptionsTest, ModePairsRoundTrip) {
  ASSERT_EQ(MI_OperationOptions_SetWriteErrorMode(&options_, MI_CALLBACKMODE_INQUIRE), MI_RESULT_OK);
  MI_CallbackMode mode = MI_CALLBACKMODE_REPORT;
  ASSERT_EQ(MI_OperationOptions_GetWriteErrorMode(&options_, &mode), MI_RESULT_OK);
  EXPECT_EQ(mode, MI_CALLBACKMODE_INQUIRE);

  ASSERT_EQ(MI_OperationOptions_SetPromptUserMode(&options_, MI_CALLBACKMODE_IGNORE), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_GetPromptUserMode(&options_, &mode), MI_RESULT_OK);
  EXPECT_EQ(mode, MI_CALLBACKMODE_IGNORE);

  ASSERT_EQ(MI_OperationOptions_SetPromptUserRegularMode(&options_, MI_CALLBACKMODE_REPORT, MI_TRUE), MI_RESULT_OK);
  MI_Boolean ack = MI_FALSE;
  ASSERT_EQ(MI_OperationOptions_GetPromptUserRegularMode(&options_, &mode, &ack), MI_RESULT_OK);
  EXPECT_EQ(mode, MI_CALLBACKMODE_REPORT);
  EXPECT_EQ(ack, MI_TRUE);

  ASSERT_EQ(MI_OperationOptions_SetProviderArchitecture(&options_, MI_PROVIDER_ARCHITECTURE_32BIT, MI_TRUE),
            MI_RESULT_OK);
  MI_ProviderArchitecture architecture = MI_PROVIDER_ARCHITECTURE_64BIT;
  MI_Boolean must_comply = MI_FALSE;
  ASSERT_EQ(MI_OperationOptions_GetProviderArchitecture(&options_, &architecture, &must_comply), MI_RESULT_OK);
  EXPECT_EQ(architecture, MI_PROVIDER_ARCHITECTURE_32BIT);
  EXPECT_EQ(must_comply, MI_TRUE);

  EXPECT_EQ(MI_OperationOptions_SetWriteErrorMode(&options_, static_cast<MI_CallbackMode>(3)),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_SetProviderArchitecture(&options_, static_cast<MI_ProviderArchitecture>(2), MI_FALSE),
            MI_RESULT_INVALID_PARAMETER);
}

TEST_F(OperationOptionsTest, StringAndNumberSettersRoundTrip) {
  ASSERT_EQ(MI_OperationOptions_SetString(&options_, "Vendor", "v", 0), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_SetNumber(&options_, "Count", 12, 0), MI_RESULT_OK);
  const MI_Char* text = nullptr;
  MI_Uint32 number = 0;
  MI_Uint32 index = 99;
  ASSERT_EQ(MI_OperationOptions_GetString(&options_, "Vendor", &text, &index, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(text, "v");
  EXPECT_EQ(index, 0u);
  ASSERT_EQ(MI_OperationOptions_GetNumber(&options_, "Count", &number, &index, nullptr), MI_RESULT_OK);
  EXPECT_EQ(number, 12u);
  EXPECT_EQ(index, 1u);
  EXPECT_EQ(MI_OperationOptions_GetNumber(&options_, "Vendor", &number, nullptr, nullptr), MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(MI_OperationOptions_GetNumber(&options_, "Absent", &number, nullptr, nullptr),
            MI_RESULT_NO_SUCH_PROPERTY);
}

TEST(OperationOptionsLifetimeTest, CloneIsDeepAndDeleteInvalidatesHandles) {
  MI_OperationOptions original = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(NewOperationOptions(MI_TRUE, &original), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_SetResourceUri(&original, "http://x/y"), MI_RESULT_OK);
  ASSERT_EQ(MI_OperationOptions_EnableChannel(&original, 2), MI_RESULT_OK);
  MI_OperationOptions copy = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(MI_OperationOptions_Clone(&original, &copy), MI_RESULT_OK);
  MI_OperationOptions stale = original;
  MI_OperationOptions_Delete(&original);

  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_OperationOptions_GetResourceUri(&copy, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "http://x/y");
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_OperationOptions_GetEnabledChannels(&copy, nullptr, 0, &count, nullptr), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  auto bag = SnapshotOf(&copy);
  ASSERT_NE(bag, nullptr);
  EXPECT_TRUE(bag->custom_must_understand());

  EXPECT_EQ(MI_OperationOptions_GetResourceUri(&stale, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_SetResourceUri(&stale, "z"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_EnableChannel(&stale, 1), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_GetEnabledChannels(&stale, nullptr, 0, &count, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_OperationOptions_GetResourceUri(&original, &text), MI_RESULT_INVALID_PARAMETER);
  MI_OperationOptions_Delete(&stale);
  MI_OperationOptions_Delete(&copy);
}

// ---------------------------------------------------------------------------
// Subscription delivery options
// ---------------------------------------------------------------------------

class DeliveryOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(NewSubscriptionDeliveryOptions(MI_SubscriptionDeliveryType_Push, &options_), MI_RESULT_OK);
  }
  void TearDown() override { MI_SubscriptionDeliveryOptions_Delete(&options_); }

  MI_SubscriptionDeliveryOptions options_ = MI_SUBSCRIPTIONDELIVERYOPTIONS_NULL;
};

TEST_F(DeliveryOptionsTest, ExpirationTimeTimestampRoundTrips) {
  MI_Datetime expiration;
  std::memset(&expiration, 0, sizeof(expiration));
  expiration.isTimestamp = 1;
  expiration.u.timestamp.year = 2031;
  expiration.u.timestamp.month = 12;
  expiration.u.timestamp.day = 31;
  expiration.u.timestamp.hour = 23;
  expiration.u.timestamp.minute = 59;
  expiration.u.timestamp.second = 58;
  expiration.u.timestamp.microseconds = 123456;
  expiration.u.timestamp.utc = -300;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetExpirationTime(&options_, &expiration), MI_RESULT_OK);
  MI_Datetime read;
  std::memset(&read, 0, sizeof(read));
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetExpirationTime(&options_, &read), MI_RESULT_OK);
  EXPECT_EQ(read.isTimestamp, 1u);
  EXPECT_EQ(std::memcmp(&read.u.timestamp, &expiration.u.timestamp, sizeof(MI_Timestamp)), 0);

  MI_Datetime interval;
  std::memset(&interval, 0, sizeof(interval));
  interval.isTimestamp = 0;
  EXPECT_EQ(MI_SubscriptionDeliveryOptions_SetExpirationTime(&options_, &interval), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_SubscriptionDeliveryOptions_SetExpirationTime(&options_, nullptr), MI_RESULT_INVALID_PARAMETER);
}

TEST_F(DeliveryOptionsTest, IntervalsAndNumbersRoundTrip) {
  MI_Interval heartbeat = MakeInterval(0, 0, 0, 30, 0);
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetHeartbeatInterval(&options_, &heartbeat), MI_RESULT_OK);
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetDeliveryPortNumber(&options_, 8443), MI_RESULT_OK);
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetDeliveryDestination(&options_, "https://listener/events"),
            MI_RESULT_OK);
  MI_Interval read;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetHeartbeatInterval(&options_, &read), MI_RESULT_OK);
  EXPECT_TRUE(SameInterval(read, heartbeat));
  MI_Uint32 port = 0;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetDeliveryPortNumber(&options_, &port), MI_RESULT_OK);
  EXPECT_EQ(port, 8443u);
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetDeliveryDestination(&options_, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "https://listener/events");

  // An interval is not a timestamp.
  MI_Datetime datetime;
  EXPECT_EQ(MI_SubscriptionDeliveryOptions_GetDateTime(&options_, "__MI_SUBSCRIPTIONDELIVERYOPTIONS_SET_HEARTBEAT_INTERVAL",
                                                        &datetime, nullptr, nullptr),
            MI_RESULT_TYPE_MISMATCH);
}

TEST_F(DeliveryOptionsTest, DeliveryCredentialsAreStoredAndMasked) {
  MI_UserCredentials credentials = BasicCredentials("EV", "listener", "topsecret");
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_AddDeliveryCredentials(&options_, &credentials), MI_RESULT_OK);
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetCredentialsCount(&options_, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  const MI_Char* name = nullptr;
  MI_UserCredentials read;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetCredentialsAt(&options_, 0, &name, &read, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(name, "__MI_SUBSCRIPTIONDELIVERYOPTIONS_ADD_DELIVERY_CREDENTIALS");
  EXPECT_STREQ(read.credentials.usernamePassword.username, "listener");
  EXPECT_STREQ(read.credentials.usernamePassword.password, "******");
  MI_Uint32 length = 0;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetCredentialsPasswordAt(&options_, 0, &name, nullptr, 0, &length,
                                                                     nullptr),
            MI_RESULT_OK);
  EXPECT_EQ(length, 10u);
}

TEST_F(DeliveryOptionsTest, CloneIsDeep) {
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetDeliveryPortNumber(&options_, 1234), MI_RESULT_OK);
  MI_SubscriptionDeliveryOptions copy = MI_SUBSCRIPTIONDELIVERYOPTIONS_NULL;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_Clone(&options_, &copy), MI_RESULT_OK);
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_SetDeliveryPortNumber(&options_, 4321), MI_RESULT_OK);
  MI_Uint32 port = 0;
  ASSERT_EQ(MI_SubscriptionDeliveryOptions_GetDeliveryPortNumber(&copy, &port), MI_RESULT_OK);
  EXPECT_EQ(port, 1234u);
  EXPECT_EQ(MI_SubscriptionDeliveryOptions_Delete(&copy), MI_RESULT_OK);
  EXPECT_EQ(MI_SubscriptionDeliveryOptions_Delete(&copy), MI_RESULT_INVALID_PARAMETER);
}

TEST(DeliveryOptionsLifetimeTest, UnknownDeliveryTypeIsRefused) {
  MI_SubscriptionDeliveryOptions options = MI_SUBSCRIPTIONDELIVERYOPTIONS_NULL;
  EXPECT_EQ(NewSubscriptionDeliveryOptions(static_cast<MI_SubscriptionDeliveryType>(7), &options),
            MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(options.ft, nullptr);
}

// ---------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------

TEST(SnapshotTest, NullHandleGivesAnEmptyBag) {
  auto destination = SnapshotOf(static_cast<const MI_DestinationOptions*>(nullptr));
  ASSERT_NE(destination, nullptr);
  EXPECT_EQ(destination->OptionCount(), 0u);
  EXPECT_EQ(destination->kind(), OptionsKind::kDestination);
  auto operation = SnapshotOf(static_cast<const MI_OperationOptions*>(nullptr));
  ASSERT_NE(operation, nullptr);
  EXPECT_EQ(operation->kind(), OptionsKind::kOperation);
  auto delivery = SnapshotOf(static_cast<const MI_SubscriptionDeliveryOptions*>(nullptr));
  ASSERT_NE(delivery, nullptr);
  EXPECT_EQ(delivery->kind(), OptionsKind::kSubscriptionDelivery);
  MI_DestinationOptions zeroed = MI_DESTINATIONOPTIONS_NULL;
  auto from_zeroed = SnapshotOf(&zeroed);
  ASSERT_NE(from_zeroed, nullptr);
  EXPECT_EQ(from_zeroed->OptionCount(), 0u);
}

TEST(SnapshotTest, DeletedHandleGivesNullptr) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(NewDestinationOptions(&options), MI_RESULT_OK);
  MI_DestinationOptions stale = options;
  MI_DestinationOptions_Delete(&options);
  EXPECT_EQ(SnapshotOf(&stale), nullptr);

  MI_OperationOptions operation = MI_OPERATIONOPTIONS_NULL;
  ASSERT_EQ(NewOperationOptions(MI_FALSE, &operation), MI_RESULT_OK);
  MI_OperationOptions stale_operation = operation;
  MI_OperationOptions_Delete(&operation);
  EXPECT_EQ(SnapshotOf(&stale_operation), nullptr);
}

TEST(SnapshotTest, SnapshotIsIndependentOfLaterChanges) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  ASSERT_EQ(NewDestinationOptions(&options), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options, "HTTPS"), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&options, 5986), MI_RESULT_OK);
  MI_Interval timeout = MakeInterval(0, 0, 2, 0, 0);
  ASSERT_EQ(MI_DestinationOptions_SetTimeout(&options, &timeout), MI_RESULT_OK);
  MI_UserCredentials credentials = BasicCredentials(nullptr, "dave", "pw1");
  ASSERT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options, &credentials), MI_RESULT_OK);

  auto snapshot = SnapshotOf(&options);
  ASSERT_NE(snapshot, nullptr);

  ASSERT_EQ(MI_DestinationOptions_SetTransport(&options, "HTTP"), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetDestinationPort(&options, 80), MI_RESULT_OK);
  ASSERT_EQ(MI_DestinationOptions_SetUILocale(&options, "ja-JP"), MI_RESULT_OK);
  MI_DestinationOptions_Delete(&options);

  EXPECT_EQ(snapshot->OptionCount(), 3u);
  EXPECT_EQ(snapshot->String(option::kTransport), std::optional<std::string>("HTTPS"));
  EXPECT_EQ(snapshot->Number(option::kDestinationPort), std::optional<MI_Uint32>(5986));
  EXPECT_FALSE(snapshot->String(option::kUiLocale).has_value());
  auto interval = snapshot->Interval(option::kTimeout);
  ASSERT_TRUE(interval.has_value());
  EXPECT_EQ(interval->minutes, 2u);
  ASSERT_EQ(snapshot->CredentialCount(), 1u);
  EXPECT_EQ(snapshot->credentials()[0]->username, std::optional<std::string>("dave"));
  EXPECT_EQ(snapshot->credentials()[0]->password, std::optional<std::string>("pw1"));
  const MI_Char* name = nullptr;
  MI_UserCredentials masked;
  ASSERT_EQ(snapshot->GetCredentialsAt(0, &name, &masked, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(masked.credentials.usernamePassword.username, "dave");
  EXPECT_STREQ(masked.credentials.usernamePassword.password, "******");
}

TEST(OptionBagTest, TypedAccessorsRejectOtherTypes) {
  OptionBag bag(OptionsKind::kDestination);
  MI_Value value;
  std::memset(&value, 0, sizeof(value));
  value.uint32 = 5;
  ASSERT_EQ(bag.SetValue("N", MI_UINT32, value, 0), MI_RESULT_OK);
  value.string = const_cast<MI_Char*>("s");
  ASSERT_EQ(bag.SetValue("S", MI_STRING, value, 0), MI_RESULT_OK);
  EXPECT_EQ(bag.Number("N"), std::optional<MI_Uint32>(5));
  EXPECT_FALSE(bag.Number("S").has_value());
  EXPECT_FALSE(bag.String("N").has_value());
  EXPECT_FALSE(bag.Interval("N").has_value());
  EXPECT_FALSE(bag.Number("absent").has_value());
  value.string = nullptr;
  EXPECT_EQ(bag.SetValue("S2", MI_STRING, value, 0), MI_RESULT_INVALID_PARAMETER);
}

}  // namespace
}  // namespace cimulate::core
