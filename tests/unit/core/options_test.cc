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
