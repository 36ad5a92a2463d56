// A small, strict JSON reader: RFC 8259 and nothing more, bounded.
//
// Reports come back from other machines (CI shards, vendors' runs), so the
// reader treats its input as hostile: a size limit, a nesting limit (it
// recurses, one level per nesting level), a limit on the number of values (a
// 64 MiB array of zeros would otherwise become gigabytes of nodes), strict
// UTF-8, no duplicate keys, no trailing garbage.  Errors name the line and
// column.  Numbers keep their text, so 64-bit integers survive exactly.
#ifndef CIMULATE_CONFORMANCE_REPORT_JSON_VALUE_H_
#define CIMULATE_CONFORMANCE_REPORT_JSON_VALUE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cimulate::conform {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // a string's value, or a number's literal text
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;  // in document order
  int line = 1;    // where the value starts, for errors
  int column = 1;  // in bytes, 1-based

  // The member named `key`, nullptr if absent or not an object.
  const JsonValue* Find(std::string_view key) const;
};

struct JsonLimits {
  std::size_t max_bytes = 64 * 1024 * 1024;
  int max_depth = 32;
  std::size_t max_values = 2'000'000;
};

// "a string", "an array", ...: how errors name a kind.
const char* JsonKindName(JsonValue::Kind kind);

// Parses exactly one JSON value filling all of `text`.  On failure sets
// `error` to "line L, column C: what was wrong" and returns false.
bool ParseJson(std::string_view text, const JsonLimits& limits, JsonValue* value,
               std::string* error);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_JSON_VALUE_H_
