// xs:duration, xs:dateTime, CIM datetime strings and resource URIs.

#include <gtest/gtest.h>

#include "wsman/resource_uri.h"
#include "wsman/time.h"

namespace cimulate::wsman {
namespace {

uint64_t Ms(const char* text) {
  uint64_t ms = 0;
  Status s = DurationToMilliseconds(text, &ms);
  EXPECT_TRUE(s.ok()) << text << ": " << s.ToString();
  return ms;
}

TEST(Duration, TimeoutsAsClientsWriteThem) {
  EXPECT_EQ(Ms("PT60.000S"), 60000u);  // Windows
  EXPECT_EQ(Ms("PT20S"), 20000u);      // pywinrm
  EXPECT_EQ(Ms("PT1M30S"), 90000u);    // OMI
  EXPECT_EQ(Ms("P1DT1H"), 90000000u);
  EXPECT_EQ(Ms("PT0.0015S"), 1u);
  EXPECT_EQ(MillisecondsToDuration(60000), "PT60.000S");
  EXPECT_EQ(MillisecondsToDuration(1500), "PT1.500S");
}

TEST(Duration, Rejects) {
  uint64_t ms;
  for (const char* bad : {"", "P", "PT", "60", "PT60", "PT1S1M", "P1Y", "-PT1S", "PT1.S", "PTXS", "P1H",
                          "PT99999999999999999999S"}) {
    EXPECT_FALSE(DurationToMilliseconds(bad, &ms).ok()) << bad;
  }
}

TEST(Interval, KeepsFieldsAsWritten) {
  MI_Interval i{};
  ASSERT_TRUE(DurationToInterval("P1DT25H61M0.5S", &i).ok());
  EXPECT_EQ(i.days, 1u);
  EXPECT_EQ(i.hours, 25u);
  EXPECT_EQ(i.minutes, 61u);
  EXPECT_EQ(i.microseconds, 500000u);
  EXPECT_EQ(IntervalToDuration(i), "P1DT25H61M0.500000S");
  EXPECT_FALSE(DurationToInterval("P1M", &i).ok());
}

TEST(Timestamp, XmlForms) {
  MI_Timestamp t{};
  ASSERT_TRUE(XmlToTimestamp("2020-01-01T10:00:00Z", &t).ok());
  EXPECT_EQ(t.year, 2020u);
  EXPECT_EQ(t.utc, 0);
  ASSERT_TRUE(XmlToTimestamp("2023-06-14T09:09:52.5209312-07:30", &t).ok());
  EXPECT_EQ(t.microseconds, 520931u);
  EXPECT_EQ(t.utc, -450);
  EXPECT_EQ(TimestampToXml(t), "2023-06-14T09:09:52.520931-07:30");
  ASSERT_TRUE(XmlToTimestamp("2020-02-03", &t).ok());
  EXPECT_EQ(t.hour, 0u);
  EXPECT_EQ(TimestampToXmlDate(t), "2020-02-03Z");
  ASSERT_TRUE(XmlToTimestamp("12:34:56", &t).ok());
  EXPECT_EQ(t.minute, 34u);
  for (const char* bad : {"2020-13-01T00:00:00Z", "2020-01-01T10:00", "2020-01-01T10:00:00+5", "yesterday"}) {
    EXPECT_FALSE(XmlToTimestamp(bad, &t).ok()) << bad;
  }
}

TEST(CimDatetime, BothKinds) {
  MI_Datetime d{};
  ASSERT_TRUE(ParseCimDatetime("20200101100000.000001-300", &d).ok());
  EXPECT_TRUE(d.isTimestamp);
  EXPECT_EQ(d.u.timestamp.utc, -300);
  EXPECT_EQ(FormatCimDatetime(d), "20200101100000.000001-300");
  ASSERT_TRUE(ParseCimDatetime("00000012030405.000006:000", &d).ok());
  EXPECT_FALSE(d.isTimestamp);
  EXPECT_EQ(d.u.interval.days, 12u);
  EXPECT_EQ(FormatCimDatetime(d), "00000012030405.000006:000");
  EXPECT_FALSE(ParseCimDatetime("2020010110000*.000000+000", &d).ok());
}

TEST(ResourceUri, BuildAndSplit) {
  EXPECT_EQ(WmiResourceUri("root\\cimv2", "Win32_Service"),
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service");
  EXPECT_EQ(WmiResourceUri("/root/standardcimv2/", "MSFT_NetAdapter"),
            "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/standardcimv2/MSFT_NetAdapter");
  EXPECT_EQ(QueryResourceUri("root\\cimv2"), "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*");
  EXPECT_EQ(DmtfResourceUri("CIM_ComputerSystem"),
            "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem");

  ResourceUriParts p = SplitResourceUri("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service");
  EXPECT_EQ(p.form, ResourceUriForm::kWmi);
  EXPECT_EQ(p.name_space, "root/cimv2");
  EXPECT_EQ(p.class_name, "Win32_Service");
  p = SplitResourceUri("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*");
  EXPECT_EQ(p.class_name, "*");
  p = SplitResourceUri("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem", "root\\interop");
  EXPECT_EQ(p.form, ResourceUriForm::kDmtf);
  EXPECT_EQ(p.name_space, "root/interop");
  EXPECT_EQ(p.class_name, "CIM_ComputerSystem");
  p = SplitResourceUri("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd");
  EXPECT_EQ(p.form, ResourceUriForm::kOther);
  EXPECT_EQ(p.class_name, "cmd");
  EXPECT_EQ(NormalizeNamespace("\\\\root\\cimv2\\"), "root/cimv2");
}

}  // namespace
}  // namespace cimulate::wsman
