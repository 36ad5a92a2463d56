#include "scenario/datetime.h"

#include <cstdint>

#include "wsman/time.h"

namespace cimulate::scenario {
namespace {

// What each form looks like; told to the author when the codec refuses the text.
constexpr char kCimForm[] = "expected yyyymmddHHMMSS.mmmmmm+UUU or ddddddddHHMMSS.mmmmmm:000";
constexpr char kXmlForm[] = "expected YYYY-MM-DDTHH:MM:SS[.ffffff] followed by Z or +HH:MM";
constexpr char kDurationForm[] = "expected an xs:duration such as P1DT2H3M4.5S (no years or months)";

// The CIM form has eight digits for the days of an interval.
constexpr std::uint64_t kMaxIntervalDays = 99999999;

bool IsLeap(std::uint64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::uint64_t DaysIn(std::uint64_t year, std::uint64_t month) {
  static const std::uint64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool CheckTimestamp(const MI_Timestamp& t, std::string* error) {
  if (t.month < 1 || t.month > 12) {
    *error = "month " + std::to_string(t.month) + " is out of range 1-12";
  } else if (t.day < 1 || t.day > DaysIn(t.year, t.month)) {
    *error = "day " + std::to_string(t.day) + " does not exist in month " + std::to_string(t.month);
  } else if (t.hour > 23 || t.minute > 59 || t.second > 59) {
    *error = "time of day is out of range";
  } else if (t.utc < -999 || t.utc > 999) {
    *error = "UTC offset is out of range";
  } else {
    return true;
  }
  return false;
}

bool CheckInterval(const MI_Interval& i, std::string* error) {
  if (i.hours > 23 || i.minutes > 59 || i.seconds > 59) {
    *error = "interval hours, minutes or seconds are out of range";
    return false;
  }
  return true;
}

// yyyymmddHHMMSS.mmmmmmsUUU or ddddddddHHMMSS.mmmmmm:000
bool ParseCim(std::string_view text, MI_Datetime* out, std::string* error) {
  MI_Datetime value{};
  if (!wsman::ParseCimDatetime(text, &value).ok()) {
    *error = kCimForm;
    return false;
  }
  if (value.isTimestamp) {
    if (!CheckTimestamp(value.u.timestamp, error)) return false;
  } else {
    // The codec reads past the three digits after ':'; DSP0004 fixes them at 000.
    if (text.substr(22) != "000") {
      *error = "an interval ends in :000";
      return false;
    }
    if (!CheckInterval(value.u.interval, error)) return false;
  }
  *out = value;
  return true;
}

// The codec also takes a bare xs:date and reads a missing zone as UTC; a scenario
// must spell out the date, the time and the zone, so its value is never a guess.
// Called on text the codec accepted: past the date, a sign can only open the zone.
bool HasDateTimeAndZone(std::string_view text) {
  bool has_time = text.size() > 10 && text[10] == 'T';
  bool has_zone = text.back() == 'Z' || text.find_first_of("+-", 10) != std::string_view::npos;
  return has_time && has_zone;
}

// YYYY-MM-DDTHH:MM:SS[.ffffff](Z|+HH:MM|-HH:MM)
bool ParseXmlTimestamp(std::string_view text, MI_Datetime* out, std::string* error) {
  MI_Timestamp t{};
  if (!wsman::XmlToTimestamp(text, &t).ok() || !HasDateTimeAndZone(text)) {
    *error = kXmlForm;
    return false;
  }
  if (!CheckTimestamp(t, error)) return false;
  *out = MI_Datetime{};
  out->isTimestamp = 1;
  out->u.timestamp = t;
  return true;
}

// P[nD][T[nH][nM][n[.f]S]]. The codec keeps the fields as written (PT90M is 90
// minutes); MI and the CIM form want them carried into days, hours and minutes.
bool ParseXmlDuration(std::string_view text, MI_Datetime* out, std::string* error) {
  MI_Interval written{};
  if (!wsman::DurationToInterval(text, &written).ok()) {
    *error = kDurationForm;
    return false;
  }
  // Each field fits 32 bits, so the total cannot overflow 64.
  std::uint64_t total = ((std::uint64_t{written.days} * 24 + written.hours) * 60 + written.minutes) * 60 +
                        written.seconds;
  if (total / 86400 > kMaxIntervalDays) {
    *error = "interval longer than 99999999 days";
    return false;
  }
  *out = MI_Datetime{};
  MI_Interval& i = out->u.interval;
  i.days = static_cast<MI_Uint32>(total / 86400);
  i.hours = static_cast<MI_Uint32>(total / 3600 % 24);
  i.minutes = static_cast<MI_Uint32>(total / 60 % 60);
  i.seconds = static_cast<MI_Uint32>(total % 60);
  i.microseconds = written.microseconds;
  return true;
}

}  // namespace

bool ParseDatetime(std::string_view text, MI_Datetime* out, std::string* error) {
  if (!text.empty() && text[0] == 'P') return ParseXmlDuration(text, out, error);
  if (text.size() > 4 && text[4] == '-') return ParseXmlTimestamp(text, out, error);
  return ParseCim(text, out, error);
}

}  // namespace cimulate::scenario
