#include "dcerpc/guid.h"

#include <cstdio>

namespace cimulate::dcerpc {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Guid> Guid::Parse(std::string_view text) {
  if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, 36);
  }
  if (text.size() != 36) return std::nullopt;
  uint8_t bytes[16];
  size_t n = 0;
  for (size_t i = 0; i < text.size();) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (text[i] != '-') return std::nullopt;
      ++i;
      continue;
    }
    int hi = HexValue(text[i]);
    int lo = HexValue(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    bytes[n++] = static_cast<uint8_t>(hi << 4 | lo);
    i += 2;
  }
  // The text form is big-endian field by field.
  Guid guid;
  guid.data1 = uint32_t{bytes[0]} << 24 | uint32_t{bytes[1]} << 16 | uint32_t{bytes[2]} << 8 | bytes[3];
  guid.data2 = static_cast<uint16_t>(bytes[4] << 8 | bytes[5]);
  guid.data3 = static_cast<uint16_t>(bytes[6] << 8 | bytes[7]);
  for (int i = 0; i < 8; ++i) guid.data4[i] = bytes[8 + i];
  return guid;
}

std::string Guid::ToString() const {
  char text[37];
  std::snprintf(text, sizeof(text), "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", data1, data2,
                data3, data4[0], data4[1], data4[2], data4[3], data4[4], data4[5], data4[6], data4[7]);
  return text;
}

void Guid::Write(ByteWriter& out) const {
  out.U32(data1);
  out.U16(data2);
  out.U16(data3);
  out.Bytes(data4);
}

bool Guid::Read(ByteReader& in, Guid* out) {
  *out = Guid{};
  std::span<const uint8_t> tail;
  if (!in.U32(&out->data1) || !in.U16(&out->data2) || !in.U16(&out->data3) || !in.Bytes(8, &tail)) {
    *out = Guid{};
    return false;
  }
  for (int i = 0; i < 8; ++i) out->data4[i] = tail[i];
  return true;
}

}  // namespace cimulate::dcerpc
