#include "scenario/reader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace cimulate::scenario {
namespace {

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string ListNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Suggestion(std::string_view word, const std::vector<std::string_view>& names) {
  std::string nearest = NearestName(word, names);
  return nearest.empty() ? "" : " (did you mean " + Quote(nearest) + "?)";
}

}  // namespace

std::string JoinPath(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string IndexPath(const std::string& path, size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string NearestName(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > 64) return "";
  std::string_view best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  for (std::string_view c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) best = c, best_distance = d;
  }
  // Case-only differences count 0; allow one edit per four letters, none for
  // words so short that any other short word would be "near".
  size_t allowed = word.size() < 3 ? 0 : std::max<size_t>(1, word.size() / 4);
  return best_distance <= allowed ? std::string(best) : "";
}

void Reader::Error(const YamlNode& node, const std::string& path, const std::string& message) {
  ErrorAt(node.mark, path, message);
}

void Reader::ErrorAt(Mark mark, const std::string& path, const std::string& message) {
  diagnostics_->Add(mark, path.empty() ? message : path + ": " + message);
}

bool Reader::Map(const YamlNode& node, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!AnyMap(node, path)) return false;
  std::vector<std::string_view> names(allowed);
  for (const auto& [key, value] : node.entries) {
    if (std::find(names.begin(), names.end(), key.text) != names.end()) continue;
    Error(key, JoinPath(path, key.text),
          "unknown key; expected one of " + ListNames(names) + Suggestion(key.text, names));
  }
  return true;
}

bool Reader::AnyMap(const YamlNode& node, const std::string& path) {
  if (node.IsMap()) return true;
  Error(node, path, "expected a map but found " + Describe(node));
  return false;
}

bool Reader::Sequence(const YamlNode& node, const std::string& path) {
  if (node.IsSequence()) return true;
  Error(node, path, "expected a sequence but found " + Describe(node));
  return false;
}

const YamlNode* Reader::Required(const YamlNode& map, const std::string& path, std::string_view key) {
  const YamlNode* value = map.Find(key);
  if (value == nullptr) Error(map, path, "missing required key " + Quote(key));
  return value;
}

bool Reader::String(const YamlNode& node, const std::string& path, std::string* out) {
  if (!node.IsScalar()) {
    Error(node, path, "expected a string but found " + Describe(node));
    return false;
  }
  *out = node.text;
  return true;
}

bool Reader::Name(const YamlNode& node, const std::string& path, std::string* out) {
  std::string text;
  if (!String(node, path, &text)) return false;
  if (text.empty()) {
    Error(node, path, "expected a non-empty name");
    return false;
  }
  *out = std::move(text);
  return true;
}

bool Reader::Bool(const YamlNode& node, const std::string& path, bool* out) {
  if (node.IsScalar() && !node.quoted) {
    const std::string& t = node.text;
    if (t == "true" || t == "True" || t == "TRUE") return *out = true, true;
    if (t == "false" || t == "False" || t == "FALSE") return *out = false, true;
  }
  Error(node, path, "expected true or false but found " + Describe(node));
  return false;
}

bool ParseInteger(std::string_view text, std::int64_t min, std::uint64_t max, bool* negative,
                  std::uint64_t* magnitude) {
  size_t pos = 0;
  *negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) *negative = text[pos++] == '-';
  int base = 10;
  if (text.size() - pos > 2 && text[pos] == '0' && (text[pos + 1] == 'x' || text[pos + 1] == 'X')) {
    base = 16;
    pos += 2;
  }
  if (pos >= text.size()) return false;
  std::uint64_t value = 0;
  for (; pos < text.size(); ++pos) {
    int c = std::tolower(static_cast<unsigned char>(text[pos]));
    int digit = std::isdigit(c) ? c - '0' : (base == 16 && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (digit < 0) return false;
    if (value > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(digit)) / base) return false;
    value = value * base + static_cast<std::uint64_t>(digit);
  }
  *magnitude = value;
  if (*negative) {
    if (value == 0) return *negative = false, true;
    return min < 0 && value - 1 <= static_cast<std::uint64_t>(-(min + 1));
  }
  return value <= max;
}

bool Reader::Uint(const YamlNode& node, const std::string& path, std::uint64_t max, std::uint64_t* out) {
  bool negative = false;
  std::uint64_t value = 0;
  if (node.IsScalar() && !node.quoted && ParseInteger(node.text, 0, max, &negative, &value)) {
    *out = value;
    return true;
  }
  Error(node, path, "expected an integer from 0 to " + std::to_string(max) + " but found " + Describe(node));
  return false;
}

bool Reader::Uint32(const YamlNode& node, const std::string& path, std::uint32_t* out) {
  std::uint64_t value = 0;
  if (!Uint(node, path, std::numeric_limits<std::uint32_t>::max(), &value)) return false;
  *out = static_cast<std::uint32_t>(value);
  return true;
}

bool Reader::Int(const YamlNode& node, const std::string& path, std::int64_t min, std::int64_t max,
                 std::int64_t* out) {
  bool negative = false;
  std::uint64_t magnitude = 0;
  if (node.IsScalar() && !node.quoted &&
      ParseInteger(node.text, min, static_cast<std::uint64_t>(std::max<std::int64_t>(max, 0)), &negative,
                   &magnitude)) {
    *out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return true;
  }
  Error(node, path,
        "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + " but found " +
            Describe(node));
  return false;
}

bool Reader::Real(const YamlNode& node, const std::string& path, double* out) {
  if (node.IsScalar() && !node.quoted && !node.text.empty()) {
    const std::string& t = node.text;
    if (t == ".inf" || t == "+.inf") return *out = std::numeric_limits<double>::infinity(), true;
    if (t == "-.inf") return *out = -std::numeric_limits<double>::infinity(), true;
    if (t == ".nan") return *out = std::numeric_limits<double>::quiet_NaN(), true;
    char* end = nullptr;
    errno = 0;
    double value = std::strtod(t.c_str(), &end);
    bool plain_number = t.find_first_of("xXnNiI") == std::string::npos;  // no hex floats, nan, inf spellings
    if (end == t.c_str() + t.size() && errno == 0 && plain_number) return *out = value, true;
  }
  Error(node, path, "expected a number but found " + Describe(node));
  return false;
}

bool Reader::Enum(const YamlNode& node, const std::string& path, const std::vector<std::string_view>& names,
                  size_t* index) {
  if (node.IsScalar()) {
    auto it = std::find(names.begin(), names.end(), node.text);
    if (it != names.end()) return *index = static_cast<size_t>(it - names.begin()), true;
  }
  std::string hint = node.IsScalar() ? Suggestion(node.text, names) : "";
  Error(node, path, "expected one of " + ListNames(names) + " but found " + Describe(node) + hint);
  return false;
}

bool Reader::StringList(const YamlNode& node, const std::string& path, std::vector<std::string>* out) {
  if (!Sequence(node, path)) return false;
  std::vector<std::string> list;
  bool ok = true;
  for (size_t i = 0; i < node.items.size(); ++i) {
    std::string text;
    if (String(node.items[i], IndexPath(path, i), &text)) list.push_back(std::move(text));
    else ok = false;
  }
  if (ok) *out = std::move(list);
  return ok;
}

}  // namespace cimulate::scenario
