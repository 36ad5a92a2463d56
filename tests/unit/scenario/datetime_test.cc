#include "scenario/datetime.h"

#include <gtest/gtest.h>

#include "wsman/time.h"

namespace cimulate::scenario {
namespace {

TEST(DatetimeTest, CimTimestampKeepsEveryField) {
  MI_Datetime dt;
  std::string why;
  ASSERT_TRUE(ParseDatetime("20240131235959.123456-300", &dt, &why)) << why;
  EXPECT_EQ(dt.isTimestamp, 1u);
  EXPECT_EQ(dt.u.timestamp.year, 2024u);
  EXPECT_EQ(dt.u.timestamp.month, 1u);
  EXPECT_EQ(dt.u.timestamp.day, 31u);
  EXPECT_EQ(dt.u.timestamp.hour, 23u);
  EXPECT_EQ(dt.u.timestamp.minute, 59u);
  EXPECT_EQ(dt.u.timestamp.second, 59u);
  EXPECT_EQ(dt.u.timestamp.microseconds, 123456u);
  EXPECT_EQ(dt.u.timestamp.utc, -300);
  EXPECT_EQ(wsman::FormatCimDatetime(dt), "20240131235959.123456-300");
}

TEST(DatetimeTest, IsoTimestampBecomesOffsetMinutes) {
  MI_Datetime dt;
  std::string why;
  ASSERT_TRUE(ParseDatetime("2024-02-29T08:00:00.5+05:30", &dt, &why)) << why;
  EXPECT_EQ(dt.u.timestamp.day, 29u);
  EXPECT_EQ(dt.u.timestamp.microseconds, 500000u);
  EXPECT_EQ(dt.u.timestamp.utc, 330);
  ASSERT_TRUE(ParseDatetime("2024-02-29T08:00:00Z", &dt, &why)) << why;
  EXPECT_EQ(dt.u.timestamp.utc, 0);
}

TEST(DatetimeTest, IntervalsInBothForms) {
  MI_Datetime dt;
  std::string why;
  ASSERT_TRUE(ParseDatetime("00000001020304.000007:000", &dt, &why)) << why;
  EXPECT_EQ(dt.isTimestamp, 0u);
  EXPECT_EQ(dt.u.interval.days, 1u);
  EXPECT_EQ(dt.u.interval.hours, 2u);
  EXPECT_EQ(dt.u.interval.minutes, 3u);
  EXPECT_EQ(dt.u.interval.seconds, 4u);
  EXPECT_EQ(dt.u.interval.microseconds, 7u);
  ASSERT_TRUE(ParseDatetime("PT26H61M", &dt, &why)) << why;  // carries into days and hours
  EXPECT_EQ(wsman::FormatCimDatetime(dt), "00000001030100.000000:000");
}

TEST(DatetimeTest, RejectsImpossibleDates) {
  MI_Datetime dt;
  std::string why;
  EXPECT_FALSE(ParseDatetime("20230229000000.000000+000", &dt, &why));  // 2023 is no leap year
  EXPECT_EQ(why, "day 29 does not exist in month 2");
  EXPECT_FALSE(ParseDatetime("20241301000000.000000+000", &dt, &why));
  EXPECT_EQ(why, "month 13 is out of range 1-12");
  EXPECT_FALSE(ParseDatetime("2024-01-01T24:00:00Z", &dt, &why));  // the codec allows 24:00:00
  EXPECT_EQ(why, "time of day is out of range");
  EXPECT_FALSE(ParseDatetime("2024-01-01T23:59:60Z", &dt, &why));  // and leap seconds
  EXPECT_EQ(why, "time of day is out of range");
  EXPECT_FALSE(ParseDatetime("00000001240000.000000:000", &dt, &why));
  EXPECT_EQ(why, "interval hours, minutes or seconds are out of range");
  EXPECT_FALSE(ParseDatetime("P99999999DT24H", &dt, &why));
  EXPECT_EQ(why, "interval longer than 99999999 days");
}

TEST(DatetimeTest, RejectsMalformedTextWithTheExpectedForm) {
  const std::string cim = "expected yyyymmddHHMMSS.mmmmmm+UUU or ddddddddHHMMSS.mmmmmm:000";
  const std::string xml = "expected YYYY-MM-DDTHH:MM:SS[.ffffff] followed by Z or +HH:MM";
  const std::string duration = "expected an xs:duration such as P1DT2H3M4.5S (no years or months)";
  MI_Datetime dt;
  std::string why;
  for (const char* bad : {"yesterday", "", "2024013123595.1234567+060", "20240131235959.123456*060",
                          "20240131235959.123456+0x0", "2024013123595x.123456+060"}) {
    EXPECT_FALSE(ParseDatetime(bad, &dt, &why)) << bad;
    EXPECT_EQ(why, cim) << bad;
  }
  EXPECT_FALSE(ParseDatetime("00000001020304.000000:001", &dt, &why));
  EXPECT_EQ(why, "an interval ends in :000");
  // The codec reads a bare date and a zoneless time as UTC; a scenario must say all three.
  // It also refuses fields no xs:dateTime has (month 13, a zone beyond 14 hours).
  for (const char* bad : {"2024-01-01T00:00:00", "2024-01-01", "2024-01-01Z", "2024-01-01+01:00",
                          "2024-13-01T00:00:00Z", "2024-01-01T00:00:00+15:00", "2024-01-01T00:00:00.Z",
                          "2024-01-01T00:00Z"}) {
    EXPECT_FALSE(ParseDatetime(bad, &dt, &why)) << bad;
    EXPECT_EQ(why, xml) << bad;
  }
  // Designators in order, each once, a T only before a time part (the codec's xs:duration).
  for (const char* bad : {"P", "PT", "P1Y", "P1M", "P1DT", "PT1S1M", "PT1H1H", "PT1.5M", "P1H", "PT4294967296S"}) {
    EXPECT_FALSE(ParseDatetime(bad, &dt, &why)) << bad;
    EXPECT_EQ(why, duration) << bad;
  }
}

TEST(DatetimeTest, FailureLeavesTheOutputAlone) {
  MI_Datetime dt{};
  dt.u.interval.days = 42;
  std::string why;
  EXPECT_FALSE(ParseDatetime("20230229000000.000000+000", &dt, &why));
  EXPECT_FALSE(ParseDatetime("2023-02-29T00:00:00Z", &dt, &why));
  EXPECT_FALSE(ParseDatetime("P1Y", &dt, &why));
  EXPECT_EQ(dt.isTimestamp, 0u);
  EXPECT_EQ(dt.u.interval.days, 42u);
}

}  // namespace
}  // namespace cimulate::scenario
