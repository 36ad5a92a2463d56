// Building MI_Datetime values (timestamps and intervals) without filling the
// union by hand.
#ifndef CIMULATE_DATETIME_H_
#define CIMULATE_DATETIME_H_

#include <chrono>

#include "MI.h"

namespace cimulate {

// A duration as MI_Interval; negative durations clamp to zero because CIM
// intervals are unsigned.
inline MI_Interval ToInterval(std::chrono::microseconds duration) {
  MI_Interval interval{};
  long long us = duration.count() < 0 ? 0 : duration.count();
  interval.microseconds = static_cast<MI_Uint32>(us % 1000000);
  long long seconds = us / 1000000;
  interval.seconds = static_cast<MI_Uint32>(seconds % 60);
  interval.minutes = static_cast<MI_Uint32>(seconds / 60 % 60);
  interval.hours = static_cast<MI_Uint32>(seconds / 3600 % 24);
  interval.days = static_cast<MI_Uint32>(seconds / 86400);
  return interval;
}

inline MI_Datetime MakeInterval(std::chrono::microseconds duration) {
  MI_Datetime value{};
  value.isTimestamp = 0;
  value.u.interval = ToInterval(duration);
  return value;
}

// `utc_offset_minutes` is the CIM offset from UTC (e.g. +60 for CET).
inline MI_Datetime MakeTimestamp(MI_Uint32 year, MI_Uint32 month, MI_Uint32 day, MI_Uint32 hour = 0,
                                 MI_Uint32 minute = 0, MI_Uint32 second = 0, MI_Uint32 microseconds = 0,
                                 MI_Sint32 utc_offset_minutes = 0) {
  MI_Datetime value{};
  value.isTimestamp = 1;
  value.u.timestamp = {year, month, day, hour, minute, second, microseconds, utc_offset_minutes};
  return value;
}

// Field-wise equality; the padding of an interval is ignored.
inline bool DatetimeEquals(const MI_Datetime& a, const MI_Datetime& b) {
  if ((a.isTimestamp != 0) != (b.isTimestamp != 0)) return false;
  if (a.isTimestamp) {
    const MI_Timestamp& x = a.u.timestamp;
    const MI_Timestamp& y = b.u.timestamp;
    return x.year == y.year && x.month == y.month && x.day == y.day && x.hour == y.hour && x.minute == y.minute &&
           x.second == y.second && x.microseconds == y.microseconds && x.utc == y.utc;
  }
  const MI_Interval& x = a.u.interval;
  const MI_Interval& y = b.u.interval;
  return x.days == y.days && x.hours == y.hours && x.minutes == y.minutes && x.seconds == y.seconds &&
         x.microseconds == y.microseconds;
}

}  // namespace cimulate

#endif  // CIMULATE_DATETIME_H_
