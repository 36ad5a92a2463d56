#include "auth/ntlm/text.h"

namespace cimulate::ntlm {

namespace {

// Number of continuation bytes after a UTF-8 lead byte, or -1 if invalid.
int ContinuationCount(uint8_t lead) {
  if (lead < 0x80) return 0;
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return -1;
}

bool DecodeCodePoint(std::string_view s, size_t& i, char32_t& cp) {
  auto lead = static_cast<uint8_t>(s[i]);
  int extra = ContinuationCount(lead);
  if (extra < 0 || s.size() - i - 1 < static_cast<size_t>(extra)) return false;
  cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    auto c = static_cast<uint8_t>(s[i + k]);
    if ((c & 0xC0) != 0x80) return false;
    cp = cp << 6 | (c & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[extra] || cp > 0x10FFFF) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  i += extra + 1;
  return true;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char16_t UpperUnit(char16_t c) {
  if (c >= u'a' && c <= u'z') return c - 0x20;
  // Latin-1 lower-case letters, except the division sign and y-diaeresis
  // (whose upper case lies outside Latin-1) and sharp s (no single upper).
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  return c;
}

}  // namespace

Result<Bytes> Utf8ToUtf16Le(std::string_view utf8) {
  ByteWriter out;
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    if (!DecodeCodePoint(utf8, i, cp)) return InvalidArgument("text is not valid UTF-8");
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.U16(static_cast<uint16_t>(0xD800 | cp >> 10));
      out.U16(static_cast<uint16_t>(0xDC00 | (cp & 0x3FF)));
    } else {
      out.U16(static_cast<uint16_t>(cp));
    }
  }
  return out.Take();
}

Result<std::string> Utf16LeToUtf8(ByteView utf16le) {
  if (utf16le.size() % 2 != 0) return Malformed("UTF-16 string has an odd byte length");
  std::string out;
  ByteReader in(utf16le);
  while (in.remaining() > 0) {
    char32_t unit = in.U16();
    if (unit >= 0xDC00 && unit <= 0xDFFF) return Malformed("unpaired low surrogate");
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      char32_t low = in.remaining() >= 2 ? in.U16() : 0;
      if (low < 0xDC00 || low > 0xDFFF) return Malformed("unpaired high surrogate");
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(out, unit);
  }
  return out;
}

std::string Latin1ToUtf8(ByteView latin1) {
  std::string out;
  for (uint8_t c : latin1) AppendUtf8(out, c);
  return out;
}

Bytes UppercaseUtf16Le(ByteView utf16le) {
  Bytes out(utf16le.begin(), utf16le.end());
  for (size_t i = 0; i + 1 < out.size(); i += 2) {
    auto unit = static_cast<char16_t>(out[i] | out[i + 1] << 8);
    unit = UpperUnit(unit);
    out[i] = static_cast<uint8_t>(unit);
    out[i + 1] = static_cast<uint8_t>(unit >> 8);
  }
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  auto wa = Utf8ToUtf16Le(a);
  auto wb = Utf8ToUtf16Le(b);
  if (!wa.ok() || !wb.ok()) return a == b;
  return UppercaseUtf16Le(*wa) == UppercaseUtf16Le(*wb);
}

}  // namespace cimulate::ntlm
