// xs:duration, xs:dateTime / xs:date / xs:time and the CIM datetime string,
// converted to and from what MI and the WS-Man headers carry.
//
// WS-Man writes timeouts as xs:duration (w:OperationTimeout "PT60.000S", n:MaxTime)
// and DSP0230 writes CIM datetimes as <cim:Datetime> (xs:dateTime with a UTC
// offset), <cim:Date>, <cim:Time>, <cim:Interval> (xs:duration) or
// <cim:CIM_DateTime> (the 25-character CIM string).

#ifndef CIMULATE_WSMAN_TIME_H_
#define CIMULATE_WSMAN_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "MI.h"
#include "wsman/status.h"

namespace cimulate::wsman {

// The fields of an xs:duration as written; not normalised (PT90M stays 90 minutes).
struct Duration {
  bool negative = false;
  uint64_t years = 0;
  uint64_t months = 0;
  uint64_t days = 0;
  uint64_t hours = 0;
  uint64_t minutes = 0;
  uint64_t seconds = 0;
  uint32_t microseconds = 0;  // fraction of a second; digits after the sixth are dropped
};

Status ParseDuration(std::string_view text, Duration* out);

// Timeouts.  Years and months have no fixed length and are refused, as are
// negative durations.  Sub-millisecond digits are dropped.
Status DurationToMilliseconds(std::string_view text, uint64_t* ms);
// Windows style: "PT60.000S".
std::string MillisecondsToDuration(uint64_t ms);

// cim:Interval <-> MI_Interval.  Each field must fit its MI_Uint32.
Status DurationToInterval(std::string_view text, MI_Interval* out);
std::string IntervalToDuration(const MI_Interval& interval);

// xs:dateTime, xs:date ("2020-01-01Z") or xs:time into a timestamp; a missing
// zone means UTC.  The offset is kept in minutes (MI_Timestamp::utc).
Status XmlToTimestamp(std::string_view text, MI_Timestamp* out);
// Always an xs:dateTime; fraction only when non-zero; "Z" for a zero offset.
std::string TimestampToXml(const MI_Timestamp& timestamp);
// xs:date (with zone) of a timestamp; time-of-day fields are ignored.
std::string TimestampToXmlDate(const MI_Timestamp& timestamp);

// "yyyymmddHHMMSS.mmmmmmsUUU" (timestamp) or "ddddddddHHMMSS.mmmmmm:000" (interval).
Status ParseCimDatetime(std::string_view text, MI_Datetime* out);
std::string FormatCimDatetime(const MI_Datetime& datetime);

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_TIME_H_
