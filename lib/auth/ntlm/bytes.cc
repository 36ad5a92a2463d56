#include "auth/ntlm/bytes.h"

namespace cimulate::ntlm {

bool ByteReader::Has(size_t n) {
  if (!ok_ || n > data_.size() - pos_) {
    ok_ = false;
    return false;
  }
  return true;
}

uint8_t ByteReader::U8() {
  if (!Has(1)) return 0;
  return data_[pos_++];
}

uint16_t ByteReader::U16() {
  if (!Has(2)) return 0;
  uint16_t v = static_cast<uint16_t>(data_[pos_] | data_[pos_ + 1] << 8);
  pos_ += 2;
  return v;
}

uint32_t ByteReader::U32() {
  if (!Has(4)) return 0;
  uint32_t v = LoadU32(&data_[pos_]);
  pos_ += 4;
  return v;
}

uint64_t ByteReader::U64() {
  uint64_t low = U32();
  uint64_t high = U32();
  return ok_ ? (high << 32 | low) : 0;
}

ByteView ByteReader::Take(size_t n) {
  if (!Has(n)) return {};
  ByteView v = data_.subspan(pos_, n);
  pos_ += n;
  return v;
}

void ByteWriter::U16(uint16_t v) {
  out_.push_back(static_cast<uint8_t>(v));
  out_.push_back(static_cast<uint8_t>(v >> 8));
}

void ByteWriter::U32(uint32_t v) {
  U16(static_cast<uint16_t>(v));
  U16(static_cast<uint16_t>(v >> 16));
}

void ByteWriter::U64(uint64_t v) {
  U32(static_cast<uint32_t>(v));
  U32(static_cast<uint32_t>(v >> 32));
}

void ByteWriter::PatchU16(size_t at, uint16_t v) {
  out_.at(at) = static_cast<uint8_t>(v);
  out_.at(at + 1) = static_cast<uint8_t>(v >> 8);
}

void ByteWriter::PatchU32(size_t at, uint32_t v) {
  PatchU16(at, static_cast<uint16_t>(v));
  PatchU16(at + 2, static_cast<uint16_t>(v >> 16));
}

bool ConstantTimeEqual(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i];
  return diff == 0;
}

}  // namespace cimulate::ntlm
