#include "wmio/encoded_string.h"

namespace cimulate::wmio {
namespace {

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes one code point at text[*i]; false on invalid UTF-8.
bool NextCodePoint(std::string_view text, size_t* i, char32_t* cp) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(*i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || *i + length > text.size()) return false;
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) return false;
    value = (value << 6) | (byte(*i + k) & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
  *i += length;
  *cp = value;
  return true;
}

}  // namespace

Status AppendEncodedString(std::string_view utf8, std::vector<uint8_t>* out) {
  bool ascii = true;
  for (char c : utf8) {
    if (c == '\0') return Status(ErrorCode::kInvalidArgument, "string contains NUL");
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  }
  if (ascii) {
    out->push_back(0);
    out->insert(out->end(), utf8.begin(), utf8.end());
    out->push_back(0);
    return Status::Ok();
  }
  std::vector<uint8_t> units;
  auto put_unit = [&](char32_t u) {
    units.push_back(static_cast<uint8_t>(u & 0xFF));
    units.push_back(static_cast<uint8_t>(u >> 8));
  };
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    if (!NextCodePoint(utf8, &i, &cp)) return Status(ErrorCode::kInvalidArgument, "string is not valid UTF-8");
    if (cp >= 0x10000) {
      put_unit(0xD800 + ((cp - 0x10000) >> 10));
      put_unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put_unit(cp);
    }
  }
  out->push_back(1);
  out->insert(out->end(), units.begin(), units.end());
  out->push_back(0);
  out->push_back(0);
  return Status::Ok();
}

Status ReadEncodedString(std::span<const uint8_t> data, size_t offset, std::string* utf8,
                         size_t* consumed) {
  if (offset >= data.size()) {
    return Status(ErrorCode::kMalformed, "string reference " + std::to_string(offset) +
                                             " outside a heap of " + std::to_string(data.size()));
  }
  uint8_t flag = data[offset];
  utf8->clear();
  size_t i = offset + 1;
  if (flag == 0) {
    for (; i < data.size() && data[i] != 0; ++i) AppendUtf8(data[i], utf8);
    if (i >= data.size()) return Status(ErrorCode::kTruncated, "unterminated string");
    *consumed = i + 1 - offset;
    return Status::Ok();
  }
  if (flag != 1) return Status(ErrorCode::kMalformed, "Encoded-String flag " + std::to_string(flag));
  for (;; i += 2) {
    if (i + 1 >= data.size()) return Status(ErrorCode::kTruncated, "unterminated UTF-16 string");
    char32_t unit = data[i] | (data[i + 1] << 8);
    if (unit == 0) break;
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < data.size()) {
      char32_t low = data[i + 2] | (data[i + 3] << 8);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), utf8);
        i += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) unit = 0xFFFD;  // unpaired surrogate
    AppendUtf8(unit, utf8);
  }
  *consumed = i + 2 - offset;
  return Status::Ok();
}

}  // namespace cimulate::wmio
