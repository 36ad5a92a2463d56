#include "wsman/time.h"

#include <cctype>
#include <cstdio>
#include <limits>

namespace cimulate::wsman {
namespace {

Status Bad(std::string_view what, std::string_view text) {
  return Status(ErrorCode::kMalformed, std::string(what) + " '" + std::string(text.substr(0, 64)) + "'");
}

// Reads exactly `count` digits (count 0: one or more) into *value.
bool ReadDigits(std::string_view* text, size_t count, uint64_t* value) {
  size_t n = 0;
  uint64_t v = 0;
  while (n < text->size() && std::isdigit(static_cast<unsigned char>((*text)[n])) && (count == 0 || n < count)) {
    if (v > (std::numeric_limits<uint64_t>::max() - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>((*text)[n] - '0');
    ++n;
  }
  if (n == 0 || (count != 0 && n != count)) return false;
  text->remove_prefix(n);
  *value = v;
  return true;
}

// Reads ".ddd" (any number of digits) as microseconds; absent fraction is 0.
bool ReadFraction(std::string_view* text, uint32_t* micro) {
  *micro = 0;
  if (text->empty() || text->front() != '.') return true;
  text->remove_prefix(1);
  size_t n = 0;
  uint32_t value = 0;
  while (n < text->size() && std::isdigit(static_cast<unsigned char>((*text)[n]))) {
    if (n < 6) value = value * 10 + static_cast<uint32_t>((*text)[n] - '0');
    ++n;
  }
  if (n == 0) return false;
  for (size_t i = n; i < 6; ++i) value *= 10;
  text->remove_prefix(n);
  *micro = value;
  return true;
}

bool Consume(std::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

// "Z", "+HH:MM", "-HH:MM" or nothing (UTC).
bool ReadZone(std::string_view* text, MI_Sint32* minutes) {
  *minutes = 0;
  if (text->empty()) return true;
  if (Consume(text, 'Z')) return true;
  char sign = text->front();
  if (sign != '+' && sign != '-') return false;
  text->remove_prefix(1);
  uint64_t h = 0, m = 0;
  if (!ReadDigits(text, 2, &h) || !Consume(text, ':') || !ReadDigits(text, 2, &m) || h > 14 || m > 59) return false;
  *minutes = static_cast<MI_Sint32>(h * 60 + m) * (sign == '-' ? -1 : 1);
  return true;
}

bool Fits32(uint64_t v) { return v <= std::numeric_limits<MI_Uint32>::max(); }

std::string Zone(MI_Sint32 utc) {
  if (utc == 0) return "Z";
  char buf[16];
  MI_Sint32 a = utc < 0 ? -utc : utc;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", utc < 0 ? '-' : '+', static_cast<int>(a / 60),
                static_cast<int>(a % 60));
  return buf;
}

}  // namespace

Status ParseDuration(std::string_view text, Duration* out) {
  std::string_view in = text;
  Duration d;
  if (Consume(&in, '-')) d.negative = true;
  if (!Consume(&in, 'P')) return Bad("xs:duration must start with P:", text);
  bool in_time = false, any = false;
  // Designators must appear in this order: Y M D T H M S.
  int last = 0;
  while (!in.empty()) {
    if (Consume(&in, 'T')) {
      if (in_time || in.empty()) return Bad("misplaced T in xs:duration", text);
      in_time = true;
      last = 3;
      continue;
    }
    uint64_t value = 0;
    if (!ReadDigits(&in, 0, &value)) return Bad("expected a number in xs:duration", text);
    uint32_t micro = 0;
    bool fraction = !in.empty() && in.front() == '.';
    if (fraction && !ReadFraction(&in, &micro)) return Bad("bad fraction in xs:duration", text);
    if (in.empty()) return Bad("xs:duration number without designator", text);
    char designator = in.front();
    in.remove_prefix(1);
    int rank = 0;
    if (!in_time) {
      rank = designator == 'Y' ? 1 : designator == 'M' ? 2 : designator == 'D' ? 3 : 0;
    } else {
      rank = designator == 'H' ? 4 : designator == 'M' ? 5 : designator == 'S' ? 6 : 0;
    }
    if (rank == 0 || rank <= last) return Bad("bad or out-of-order designator in xs:duration", text);
    if (fraction && rank != 6) return Bad("only seconds may have a fraction in xs:duration", text);
    last = rank;
    any = true;
    switch (rank) {
      case 1: d.years = value; break;
      case 2: d.months = value; break;
      case 3: d.days = value; break;
      case 4: d.hours = value; break;
      case 5: d.minutes = value; break;
      case 6: d.seconds = value; d.microseconds = micro; break;
    }
  }
  if (!any) return Bad("empty xs:duration", text);
  *out = d;
  return Status::Ok();
}

Status DurationToMilliseconds(std::string_view text, uint64_t* ms) {
  Duration d;
  Status s = ParseDuration(text, &d);
  if (!s.ok()) return s;
  if (d.negative) return Bad("negative timeout", text);
  if (d.years != 0 || d.months != 0) return Bad("timeout in years or months", text);
  // Every component is bounded so the sum below cannot overflow.
  constexpr uint64_t kCap = uint64_t{1} << 40;
  if (d.days > kCap || d.hours > kCap || d.minutes > kCap || d.seconds > kCap) {
    return Status(ErrorCode::kLimitExceeded, "timeout too large: '" + std::string(text) + "'");
  }
  *ms = (((d.days * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000 + d.microseconds / 1000;
  return Status::Ok();
}

std::string MillisecondsToDuration(uint64_t ms) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "PT%llu.%03lluS", static_cast<unsigned long long>(ms / 1000),
                static_cast<unsigned long long>(ms % 1000));
  return buf;
}

Status DurationToInterval(std::string_view text, MI_Interval* out) {
  Duration d;
  Status s = ParseDuration(text, &d);
  if (!s.ok()) return s;
  if (d.negative) return Bad("negative cim:Interval", text);
  if (d.years != 0 || d.months != 0) return Bad("cim:Interval in years or months", text);
  if (!Fits32(d.days) || !Fits32(d.hours) || !Fits32(d.minutes) || !Fits32(d.seconds)) {
    return Bad("cim:Interval field out of range", text);
  }
  MI_Interval i{};
  i.days = static_cast<MI_Uint32>(d.days);
  i.hours = static_cast<MI_Uint32>(d.hours);
  i.minutes = static_cast<MI_Uint32>(d.minutes);
  i.seconds = static_cast<MI_Uint32>(d.seconds);
  i.microseconds = d.microseconds;
  *out = i;
  return Status::Ok();
}

std::string IntervalToDuration(const MI_Interval& i) {
  // Every field is written, so a non-normalised interval survives a round trip.
  char buf[128];
  if (i.microseconds != 0) {
    std::snprintf(buf, sizeof buf, "P%uDT%uH%uM%u.%06uS", i.days, i.hours, i.minutes, i.seconds,
                  i.microseconds % 1000000);
  } else {
    std::snprintf(buf, sizeof buf, "P%uDT%uH%uM%uS", i.days, i.hours, i.minutes, i.seconds);
  }
  return buf;
}

Status XmlToTimestamp(std::string_view text, MI_Timestamp* out) {
  std::string_view in = text;
  MI_Timestamp t{};
  uint64_t v[6] = {};
  bool has_date = in.size() >= 10 && in[4] == '-' && in[7] == '-';
  if (has_date) {
    if (!ReadDigits(&in, 4, &v[0]) || !Consume(&in, '-') || !ReadDigits(&in, 2, &v[1]) || !Consume(&in, '-') ||
        !ReadDigits(&in, 2, &v[2])) {
      return Bad("bad xs:date part", text);
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) return Bad("xs:date out of range", text);
  }
  bool has_time = false;
  if (has_date && Consume(&in, 'T')) has_time = true;
  if (!has_date) has_time = true;  // a bare xs:time
  uint32_t micro = 0;
  if (has_time) {
    if (!ReadDigits(&in, 2, &v[3]) || !Consume(&in, ':') || !ReadDigits(&in, 2, &v[4]) || !Consume(&in, ':') ||
        !ReadDigits(&in, 2, &v[5]) || !ReadFraction(&in, &micro)) {
      return Bad("bad xs:time part", text);
    }
    if (v[3] > 24 || v[4] > 59 || v[5] > 60) return Bad("xs:time out of range", text);
  }
  MI_Sint32 zone = 0;
  if (!ReadZone(&in, &zone) || !in.empty()) return Bad("bad time zone in xs:dateTime", text);
  t.year = static_cast<MI_Uint32>(v[0]);
  t.month = static_cast<MI_Uint32>(v[1]);
  t.day = static_cast<MI_Uint32>(v[2]);
  t.hour = static_cast<MI_Uint32>(v[3]);
  t.minute = static_cast<MI_Uint32>(v[4]);
  t.second = static_cast<MI_Uint32>(v[5]);
  t.microseconds = micro;
  t.utc = zone;
  *out = t;
  return Status::Ok();
}

std::string TimestampToXml(const MI_Timestamp& t) {
  char buf[96];
  if (t.microseconds != 0) {
    std::snprintf(buf, sizeof buf, "%04u-%02u-%02uT%02u:%02u:%02u.%06u", t.year % 10000, t.month % 100,
                  t.day % 100, t.hour % 100, t.minute % 100, t.second % 100, t.microseconds % 1000000);
  } else {
    std::snprintf(buf, sizeof buf, "%04u-%02u-%02uT%02u:%02u:%02u", t.year % 10000, t.month % 100, t.day % 100,
                  t.hour % 100, t.minute % 100, t.second % 100);
  }
  return buf + Zone(t.utc);
}

std::string TimestampToXmlDate(const MI_Timestamp& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", t.year % 10000, t.month % 100, t.day % 100);
  return buf + Zone(t.utc);
}

Status ParseCimDatetime(std::string_view text, MI_Datetime* out) {
  if (text.size() != 25 || text[14] != '.') return Bad("CIM datetime must be 25 characters", text);
  char kind = text[21];
  std::string_view in = text;
  uint64_t a = 0, h = 0, m = 0, s = 0, micro = 0, tail = 0;
  MI_Datetime d{};
  if (kind == ':') {
    if (!ReadDigits(&in, 8, &a) || !ReadDigits(&in, 2, &h) || !ReadDigits(&in, 2, &m) || !ReadDigits(&in, 2, &s) ||
        !Consume(&in, '.') || !ReadDigits(&in, 6, &micro) || !Consume(&in, ':') || !ReadDigits(&in, 3, &tail)) {
      return Bad("bad CIM interval", text);
    }
    d.isTimestamp = 0;
    d.u.interval.days = static_cast<MI_Uint32>(a);
    d.u.interval.hours = static_cast<MI_Uint32>(h);
    d.u.interval.minutes = static_cast<MI_Uint32>(m);
    d.u.interval.seconds = static_cast<MI_Uint32>(s);
    d.u.interval.microseconds = static_cast<MI_Uint32>(micro);
  } else if (kind == '+' || kind == '-') {
    uint64_t y = 0, mo = 0, dd = 0;
    if (!ReadDigits(&in, 4, &y) || !ReadDigits(&in, 2, &mo) || !ReadDigits(&in, 2, &dd) || !ReadDigits(&in, 2, &h) ||
        !ReadDigits(&in, 2, &m) || !ReadDigits(&in, 2, &s) || !Consume(&in, '.') || !ReadDigits(&in, 6, &micro)) {
      return Bad("bad CIM timestamp", text);
    }
    in.remove_prefix(1);
    if (!ReadDigits(&in, 3, &tail)) return Bad("bad CIM timestamp offset", text);
    d.isTimestamp = 1;
    d.u.timestamp.year = static_cast<MI_Uint32>(y);
    d.u.timestamp.month = static_cast<MI_Uint32>(mo);
    d.u.timestamp.day = static_cast<MI_Uint32>(dd);
    d.u.timestamp.hour = static_cast<MI_Uint32>(h);
    d.u.timestamp.minute = static_cast<MI_Uint32>(m);
    d.u.timestamp.second = static_cast<MI_Uint32>(s);
    d.u.timestamp.microseconds = static_cast<MI_Uint32>(micro);
    d.u.timestamp.utc = static_cast<MI_Sint32>(tail) * (kind == '-' ? -1 : 1);
  } else {
    return Bad("CIM datetime needs '+', '-' or ':' at offset 21", text);
  }
  *out = d;
  return Status::Ok();
}

std::string FormatCimDatetime(const MI_Datetime& d) {
  char buf[64];
  if (d.isTimestamp) {
    const MI_Timestamp& t = d.u.timestamp;
    MI_Sint32 utc = t.utc < 0 ? -t.utc : t.utc;
    std::snprintf(buf, sizeof buf, "%04u%02u%02u%02u%02u%02u.%06u%c%03d", t.year % 10000, t.month % 100,
                  t.day % 100, t.hour % 100, t.minute % 100, t.second % 100, t.microseconds % 1000000,
                  t.utc < 0 ? '-' : '+', static_cast<int>(utc % 1000));
  } else {
    const MI_Interval& i = d.u.interval;
    std::snprintf(buf, sizeof buf, "%08u%02u%02u%02u.%06u:000", i.days % 100000000, i.hours % 100,
                  i.minutes % 100, i.seconds % 100, i.microseconds % 1000000);
  }
  return buf;
}

}  // namespace cimulate::wsman
