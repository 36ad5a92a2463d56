#include "scenario/datetime.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace cimulate::scenario {
namespace {

// Reads exactly `width` decimal digits at `*pos`.
bool Digits(std::string_view text, size_t* pos, size_t width, std::uint64_t* out) {
  if (*pos + width > text.size()) return false;
  std::uint64_t value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *pos += width;
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

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
  size_t pos = 0;
  std::uint64_t a, b, c, hh, mm, ss, us, utc;
  bool ok = text.size() == 25 && Digits(text, &pos, 8, &a) && Digits(text, &pos, 2, &hh) &&
            Digits(text, &pos, 2, &mm) && Digits(text, &pos, 2, &ss) && Expect(text, &pos, '.') &&
            Digits(text, &pos, 6, &us);
  if (!ok) {
    *error = "expected yyyymmddHHMMSS.mmmmmm+UUU or ddddddddHHMMSS.mmmmmm:000";
    return false;
  }
  char sign = text[pos++];
  if (!Digits(text, &pos, 3, &utc) || (sign != '+' && sign != '-' && sign != ':')) {
    *error = "expected a UTC offset (+UUU or -UUU) or :000 for an interval";
    return false;
  }
  *out = MI_Datetime{};
  if (sign == ':') {
    if (utc != 0) {
      *error = "an interval ends in :000";
      return false;
    }
    MI_Interval& i = out->u.interval;
    i.days = static_cast<MI_Uint32>(a);
    i.hours = static_cast<MI_Uint32>(hh);
    i.minutes = static_cast<MI_Uint32>(mm);
    i.seconds = static_cast<MI_Uint32>(ss);
    i.microseconds = static_cast<MI_Uint32>(us);
    return CheckInterval(i, error);
  }
  out->isTimestamp = 1;
  MI_Timestamp& t = out->u.timestamp;
  b = a / 100 % 100;
  c = a % 100;
  t.year = static_cast<MI_Uint32>(a / 10000);
  t.month = static_cast<MI_Uint32>(b);
  t.day = static_cast<MI_Uint32>(c);
  t.hour = static_cast<MI_Uint32>(hh);
  t.minute = static_cast<MI_Uint32>(mm);
  t.second = static_cast<MI_Uint32>(ss);
  t.microseconds = static_cast<MI_Uint32>(us);
  t.utc = static_cast<MI_Sint32>(utc) * (sign == '-' ? -1 : 1);
  return CheckTimestamp(t, error);
}

// Fraction digits after '.', up to 6 significant (microseconds).
bool Fraction(std::string_view text, size_t* pos, std::uint64_t* micro) {
  *micro = 0;
  if (*pos >= text.size() || text[*pos] != '.') return true;
  ++*pos;
  size_t digits = 0;
  while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
    if (digits < 6) *micro = *micro * 10 + static_cast<std::uint64_t>(text[*pos] - '0');
    ++digits;
    ++*pos;
  }
  for (size_t i = digits; i < 6; ++i) *micro *= 10;
  return digits > 0;
}

// YYYY-MM-DDTHH:MM:SS[.ffffff](Z|+HH:MM|-HH:MM)
bool ParseIsoTimestamp(std::string_view text, MI_Datetime* out, std::string* error) {
  size_t pos = 0;
  std::uint64_t y, mo, d, h, mi, s, us, oh = 0, om = 0;
  bool ok = Digits(text, &pos, 4, &y) && Expect(text, &pos, '-') && Digits(text, &pos, 2, &mo) &&
            Expect(text, &pos, '-') && Digits(text, &pos, 2, &d) && Expect(text, &pos, 'T') &&
            Digits(text, &pos, 2, &h) && Expect(text, &pos, ':') && Digits(text, &pos, 2, &mi) &&
            Expect(text, &pos, ':') && Digits(text, &pos, 2, &s) && Fraction(text, &pos, &us);
  int sign = 0;
  if (ok && pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (ok && pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    sign = text[pos++] == '-' ? -1 : 1;
    ok = Digits(text, &pos, 2, &oh) && Expect(text, &pos, ':') && Digits(text, &pos, 2, &om) && oh < 24 && om < 60;
  } else {
    ok = false;
  }
  if (!ok || pos != text.size()) {
    *error = "expected YYYY-MM-DDTHH:MM:SS[.ffffff] followed by Z or +HH:MM";
    return false;
  }
  *out = MI_Datetime{};
  out->isTimestamp = 1;
  MI_Timestamp& t = out->u.timestamp;
  t.year = static_cast<MI_Uint32>(y);
  t.month = static_cast<MI_Uint32>(mo);
  t.day = static_cast<MI_Uint32>(d);
  t.hour = static_cast<MI_Uint32>(h);
  t.minute = static_cast<MI_Uint32>(mi);
  t.second = static_cast<MI_Uint32>(s);
  t.microseconds = static_cast<MI_Uint32>(us);
  t.utc = sign * static_cast<MI_Sint32>(oh * 60 + om);
  return CheckTimestamp(t, error);
}

// One "<n><unit>" component of an xs:duration; the number is at most 9 digits.
bool DurationPart(std::string_view text, size_t* pos, std::uint64_t* value, char* unit, std::uint64_t* micro) {
  size_t start = *pos;
  *value = 0;
  while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9' && *pos - start < 9) {
    *value = *value * 10 + static_cast<std::uint64_t>(text[(*pos)++] - '0');
  }
  if (*pos == start) return false;
  *micro = 0;
  if (*pos < text.size() && text[*pos] == '.' && !Fraction(text, pos, micro)) return false;
  if (*pos >= text.size()) return false;
  *unit = text[(*pos)++];
  return true;
}

// P[nD][T[nH][nM][n[.f]S]]; hours, minutes and seconds carry into days.
bool ParseDuration(std::string_view text, MI_Datetime* out, std::string* error) {
  *error = "expected an xs:duration such as P1DT2H3M4.5S (no years or months)";
  size_t pos = 1;
  bool time = false, any = false;
  std::uint64_t days = 0, hours = 0, minutes = 0, seconds = 0, micro = 0;
  while (pos < text.size()) {
    if (text[pos] == 'T' && !time) {
      time = true;
      ++pos;
      continue;
    }
    std::uint64_t value, frac;
    char unit;
    if (!DurationPart(text, &pos, &value, &unit, &frac)) return false;
    if (frac != 0 && unit != 'S') return false;
    if (!time && unit == 'D') days += value;
    else if (time && unit == 'H') hours += value;
    else if (time && unit == 'M') minutes += value;
    else if (time && unit == 'S') seconds += value, micro = frac;
    else return false;
    any = true;
  }
  if (!any) return false;
  std::uint64_t total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
  if (total / 86400 > 99999999) {
    *error = "interval longer than 99999999 days";
    return false;
  }
  *out = MI_Datetime{};
  MI_Interval& i = out->u.interval;
  i.days = static_cast<MI_Uint32>(total / 86400);
  i.hours = static_cast<MI_Uint32>(total / 3600 % 24);
  i.minutes = static_cast<MI_Uint32>(total / 60 % 60);
  i.seconds = static_cast<MI_Uint32>(total % 60);
  i.microseconds = static_cast<MI_Uint32>(micro);
  return true;
}

}  // namespace

bool ParseDatetime(std::string_view text, MI_Datetime* out, std::string* error) {
  if (!text.empty() && text[0] == 'P') return ParseDuration(text, out, error);
  if (text.size() > 4 && text[4] == '-') return ParseIsoTimestamp(text, out, error);
  return ParseCim(text, out, error);
}

std::string FormatDatetime(const MI_Datetime& value) {
  char buffer[64];
  if (value.isTimestamp) {
    const MI_Timestamp& t = value.u.timestamp;
    std::snprintf(buffer, sizeof(buffer), "%04u%02u%02u%02u%02u%02u.%06u%c%03d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.microseconds, t.utc < 0 ? '-' : '+', t.utc < 0 ? -t.utc : t.utc);
  } else {
    const MI_Interval& i = value.u.interval;
    std::snprintf(buffer, sizeof(buffer), "%08u%02u%02u%02u.%06u:000", i.days, i.hours, i.minutes, i.seconds,
                  i.microseconds);
  }
  return buffer;
}

}  // namespace cimulate::scenario
