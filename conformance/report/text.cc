#include "report/text.h"

#include <cstdio>

namespace cimulate::conform {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsNonCharacter(std::string_view sequence) {
  // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
  return sequence.size() == 3 && sequence[0] == '\xEF' && sequence[1] == '\xBF' &&
         (sequence[2] == '\xBE' || sequence[2] == '\xBF');
}

std::string Sanitize(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r' || c == '\t') {
      out.push_back(one_line ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out.append(buf);
      ++i;
      continue;
    }
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) {
      out.append(kReplacement);
      ++i;
      continue;
    }
    const std::string_view sequence = text.substr(i, length);
    out.append(IsNonCharacter(sequence) ? kReplacement : sequence);
    i += length;
  }
  return out;
}

}  // namespace

std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  std::size_t length;
  std::uint32_t code_point;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    code_point = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    code_point = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    code_point = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (b & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kSmallest[length] || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

std::string SanitizeText(std::string_view text) { return Sanitize(text, false); }

std::string SanitizeLine(std::string_view text) { return Sanitize(text, true); }

std::string FormatDuration(std::int64_t micros) {
  if (micros < 0) return "never returned";
  char buf[32];
  if (micros < 1000) {
    std::snprintf(buf, sizeof buf, "%.1f ms", static_cast<double>(micros) / 1000.0);
  } else if (micros < 10'000'000) {
    std::snprintf(buf, sizeof buf, "%lld ms", static_cast<long long>(micros / 1000));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(micros) / 1e6);
  }
  return buf;
}

std::string FormatSeconds(std::int64_t micros) {
  if (micros < 0) micros = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(micros / 1'000'000),
                static_cast<long long>((micros / 1000) % 1000));
  return buf;
}

}  // namespace cimulate::conform
