#include "dcerpc/byte_reader.h"

#include <string>

namespace cimulate::dcerpc {

bool ByteReader::Fail(Status status) {
  if (status_.ok()) status_ = std::move(status);
  return false;
}

bool ByteReader::Fail(ErrorCode code, std::string_view message) {
  return Fail(Status(code, std::string(message)));
}

bool ByteReader::Need(size_t n, std::string_view what) {
  if (!ok()) return false;
  if (n > remaining()) {
    return Fail(ErrorCode::kTruncated, std::string("input ended inside ") + std::string(what) +
                                           " at offset " + std::to_string(pos_));
  }
  return true;
}

bool ByteReader::U8(uint8_t* value) {
  *value = 0;
  if (!Need(1, "a uint8")) return false;
  *value = data_[pos_++];
  return true;
}

bool ByteReader::U16(uint16_t* value) {
  *value = 0;
  if (!Need(2, "a uint16")) return false;
  *value = static_cast<uint16_t>(data_[pos_] | (data_[pos_ + 1] << 8));
  pos_ += 2;
  return true;
}

bool ByteReader::U32(uint32_t* value) {
  *value = 0;
  if (!Need(4, "a uint32")) return false;
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | data_[pos_ + i];
  *value = v;
  pos_ += 4;
  return true;
}

bool ByteReader::U64(uint64_t* value) {
  *value = 0;
  if (!Need(8, "a uint64")) return false;
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | data_[pos_ + i];
  *value = v;
  pos_ += 8;
  return true;
}

bool ByteReader::Bytes(size_t n, std::span<const uint8_t>* out) {
  *out = {};
  if (!Need(n, "a byte run")) return false;
  *out = data_.subspan(pos_, n);
  pos_ += n;
  return true;
}

bool ByteReader::Skip(size_t n) {
  if (!Need(n, "skipped bytes")) return false;
  pos_ += n;
  return true;
}

bool ByteReader::Align(size_t alignment) {
  size_t pad = (alignment - pos_ % alignment) % alignment;
  if (!Need(pad, "alignment padding")) return false;
  pos_ += pad;
  return true;
}

}  // namespace cimulate::dcerpc
