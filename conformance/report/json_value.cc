#include "report/json_value.h"

#include <cstdint>
#include <unordered_set>

#include "report/text.h"

namespace cimulate::conform {
namespace {

void AppendUtf8(std::uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {}

  bool ParseDocument(JsonValue* value) {
    SkipWhitespace();
    if (!ParseValue(value, 1)) return false;
    SkipWhitespace();
    if (pos_ != text_.size()) return Fail("unexpected text after the JSON value");
    return true;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fail(const std::string& message) {
    if (error_.empty()) {
      error_ = "line " + std::to_string(line_) + ", column " + std::to_string(Column()) + ": " +
               message;
    }
    return false;
  }

  int Column() const { return static_cast<int>(pos_ - line_start_) + 1; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  void SkipWhitespace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++pos_;
    }
  }

  bool ParseValue(JsonValue* value, int depth) {
    if (++values_ > limits_.max_values) {
      return Fail("more than " + std::to_string(limits_.max_values) + " values");
    }
    value->line = line_;
    value->column = Column();
    if (AtEnd()) return Fail("unexpected end of input, expected a value");
    switch (Peek()) {
      case '{': return ParseObject(value, depth);
      case '[': return ParseArray(value, depth);
      case '"':
        value->kind = JsonValue::Kind::kString;
        return ParseString(&value->text);
      case 't': return ParseLiteral("true", JsonValue::Kind::kBool, true, value);
      case 'f': return ParseLiteral("false", JsonValue::Kind::kBool, false, value);
      case 'n': return ParseLiteral("null", JsonValue::Kind::kNull, false, value);
      default:
        if (Peek() == '-' || IsDigit(Peek())) return ParseNumber(value);
        return Fail("expected a value");
    }
  }

  bool ParseLiteral(std::string_view word, JsonValue::Kind kind, bool boolean, JsonValue* value) {
    if (text_.substr(pos_, word.size()) != word) return Fail("expected a value");
    pos_ += word.size();
    value->kind = kind;
    value->boolean = boolean;
    return true;
  }

  bool EnterContainer(int depth) {
    if (depth > limits_.max_depth) {
      return Fail("nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    ++pos_;  // the bracket
    SkipWhitespace();
    return true;
  }

  bool ParseArray(JsonValue* value, int depth) {
    value->kind = JsonValue::Kind::kArray;
    if (!EnterContainer(depth)) return false;
    if (!AtEnd() && Peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      value->items.emplace_back();
      if (!ParseValue(&value->items.back(), depth + 1)) return false;
      SkipWhitespace();
      if (AtEnd()) return Fail("unexpected end of input in an array");
      if (Peek() == ']') {
        ++pos_;
        return true;
      }
      if (Peek() != ',') return Fail("expected ',' or ']'");
      ++pos_;
      SkipWhitespace();
    }
  }

  bool ParseObject(JsonValue* value, int depth) {
    value->kind = JsonValue::Kind::kObject;
    if (!EnterContainer(depth)) return false;
    if (!AtEnd() && Peek() == '}') {
      ++pos_;
      return true;
    }
    // A set, not Find: a hostile object with a million members must not
    // cost a million squared comparisons.
    std::unordered_set<std::string> seen;
    while (true) {
      if (AtEnd() || Peek() != '"') return Fail("expected a member name in quotes");
      std::string key;
      if (!ParseString(&key)) return false;
      if (!seen.insert(key).second) return Fail("duplicate member \"" + SanitizeLine(key) + "\"");
      SkipWhitespace();
      if (AtEnd() || Peek() != ':') return Fail("expected ':'");
      ++pos_;
      SkipWhitespace();
      value->members.emplace_back(std::move(key), JsonValue());
      if (!ParseValue(&value->members.back().second, depth + 1)) return false;
      SkipWhitespace();
      if (AtEnd()) return Fail("unexpected end of input in an object");
      if (Peek() == '}') {
        ++pos_;
        return true;
      }
      if (Peek() != ',') return Fail("expected ',' or '}'");
      ++pos_;
      SkipWhitespace();
    }
  }

  bool ParseNumber(JsonValue* value) {
    const std::size_t start = pos_;
    if (Peek() == '-') ++pos_;
    if (AtEnd() || !IsDigit(Peek())) return Fail("expected a digit");
    if (Peek() == '0') {
      ++pos_;
    } else {
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (AtEnd() || !IsDigit(Peek())) return Fail("expected a digit after '.'");
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (AtEnd() || !IsDigit(Peek())) return Fail("expected a digit in the exponent");
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    value->kind = JsonValue::Kind::kNumber;
    value->text.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool ParseHex4(std::uint32_t* out) {
    if (text_.size() - pos_ < 4) return Fail("expected four hex digits after \\u");
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      v <<= 4;
      if (IsDigit(c)) {
        v |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return Fail("expected four hex digits after \\u");
      }
    }
    pos_ += 4;
    *out = v;
    return true;
  }

  bool ParseUnicodeEscape(std::string* out) {
    std::uint32_t unit = 0;
    if (!ParseHex4(&unit)) return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF) return Fail("lone low surrogate in \\u escape");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") return Fail("high surrogate without its low surrogate");
      pos_ += 2;
      std::uint32_t low = 0;
      if (!ParseHex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return Fail("high surrogate without its low surrogate");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(unit, out);
    return true;
  }

  bool ParseEscape(std::string* out) {
    if (AtEnd()) return Fail("unexpected end of input in a string");
    const char c = Peek();
    ++pos_;
    switch (c) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': return ParseUnicodeEscape(out);
      default:
        --pos_;
        return Fail("invalid escape in a string");
    }
  }

  bool ParseString(std::string* out) {
    ++pos_;  // the opening quote
    while (true) {
      if (AtEnd()) return Fail("unexpected end of input in a string");
      const auto c = static_cast<unsigned char>(Peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (!ParseEscape(out)) return false;
        continue;
      }
      if (c < 0x20) return Fail("control character in a string (it must be escaped)");
      const std::size_t length = Utf8SequenceLength(text_, pos_);
      if (length == 0) return Fail("invalid UTF-8 in a string");
      out->append(text_.substr(pos_, length));
      pos_ += length;
    }
  }

  std::string_view text_;
  const JsonLimits& limits_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t values_ = 0;
  std::string error_;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [name, member] : members) {
    if (name == key) return &member;
  }
  return nullptr;
}

const char* JsonKindName(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kBool: return "a boolean";
    case JsonValue::Kind::kNumber: return "a number";
    case JsonValue::Kind::kString: return "a string";
    case JsonValue::Kind::kArray: return "an array";
    case JsonValue::Kind::kObject: return "an object";
  }
  return "a value";
}

bool ParseJson(std::string_view text, const JsonLimits& limits, JsonValue* value,
               std::string* error) {
  if (text.size() > limits.max_bytes) {
    *error = "input of " + std::to_string(text.size()) + " bytes is larger than the limit of " +
             std::to_string(limits.max_bytes) + " bytes";
    return false;
  }
  Parser parser(text, limits);
  *value = JsonValue();
  if (parser.ParseDocument(value)) return true;
  *error = parser.error();
  return false;
}

}  // namespace cimulate::conform
