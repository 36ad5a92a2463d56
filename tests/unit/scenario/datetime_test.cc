#include "scenario/datetime.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(FormatDatetime(dt), "20240131235959.123456-300");
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
  EXPECT_EQ(FormatDatetime(dt), "00000001030100.000000:000");
}

TEST(DatetimeTest, RejectsImpossibleDates) {
  MI_Datetime dt;
  std::string why;
  EXPECT_FALSE(ParseDatetime("20230229000000.000000+000", &dt, &why));  // 2023 is no leap year
  EXPECT_EQ(why, "day 29 does not exist in month 2");
  EXPECT_FALSE(ParseDatetime("20241301000000.000000+000", &dt, &why));
  EXPECT_EQ(why, "month 13 is out of range 1-12");
  EXPECT_FALSE(ParseDatetime("2024-01-01T24:00:00Z", &dt, &why));
  EXPECT_FALSE(ParseDatetime("2024-01-01T00:00:00", &dt, &why));  // no zone
  EXPECT_FALSE(ParseDatetime("00000001020304.000000:001", &dt, &why));
  EXPECT_FALSE(ParseDatetime("P1Y", &dt, &why));
  EXPECT_FALSE(ParseDatetime("P", &dt, &why));
  EXPECT_FALSE(ParseDatetime("yesterday", &dt, &why));
}

}  // namespace
}  // namespace cimulate::scenario
