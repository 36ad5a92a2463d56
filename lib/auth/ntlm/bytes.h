// Byte-level helpers shared by the NTLM codec: a bounds-checked
// little-endian reader over a span and an appending little-endian writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cimulate::ntlm {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

// Reads fields from a fixed buffer. A read past the end sets a sticky
// failure flag and yields zeros, so a parser can read a whole header and
// check ok() once instead of after every field.
class ByteReader {
 public:
  explicit ByteReader(ByteView data) : data_(data) {}

  uint8_t U8();
  uint16_t U16();
  uint32_t U32();
  uint64_t U64();
  ByteView Take(size_t n);
  void Skip(size_t n) { Take(n); }

  bool ok() const { return ok_; }
  size_t position() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }

 private:
  bool Has(size_t n);

  ByteView data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(v); }
  void U16(uint16_t v);
  void U32(uint32_t v);
  void U64(uint64_t v);
  void Append(ByteView bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
  void Zeros(size_t n) { out_.insert(out_.end(), n, 0); }
  // Overwrites a 16- or 32-bit value written earlier (for offsets known later).
  void PatchU16(size_t at, uint16_t v);
  void PatchU32(size_t at, uint32_t v);

  size_t size() const { return out_.size(); }
  Bytes& bytes() { return out_; }
  Bytes Take() { return std::move(out_); }

 private:
  Bytes out_;
};

inline uint32_t LoadU32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

inline void StoreU32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

inline ByteView AsBytes(std::string_view s) {
  return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// Compares in time independent of where the first difference is, so MAC
// checks do not leak how many leading bytes matched.
bool ConstantTimeEqual(ByteView a, ByteView b);

}  // namespace cimulate::ntlm
