#include "wmio/reader.h"

namespace cimulate::wmio {

bool Reader::Fail(ErrorCode code, const std::string& message) {
  if (status_.ok()) status_ = Status(code, std::string(what_) + ": " + message);
  return false;
}

bool Reader::Need(size_t n) {
  if (!ok()) return false;
  if (n > remaining()) {
    return Fail(ErrorCode::kTruncated, "needs " + std::to_string(n) + " bytes at offset " +
                                           std::to_string(pos_) + ", has " +
                                           std::to_string(remaining()));
  }
  return true;
}

bool Reader::Bytes(size_t n, std::span<const uint8_t>* out) {
  if (!Need(n)) {
    *out = {};
    return false;
  }
  *out = data_.subspan(pos_, n);
  pos_ += n;
  return true;
}

bool Reader::Skip(size_t n) {
  if (!Need(n)) return false;
  pos_ += n;
  return true;
}

#define CIMULATE_WMIO_READ(name, T)        \
  bool Reader::name(T* v) {                \
    std::span<const uint8_t> bytes;        \
    if (!Bytes(sizeof(T), &bytes)) {       \
      *v = 0;                              \
      return false;                        \
    }                                      \
    *v = static_cast<T>(LoadLe(bytes));    \
    return true;                           \
  }
CIMULATE_WMIO_READ(U8, uint8_t)
CIMULATE_WMIO_READ(U16, uint16_t)
CIMULATE_WMIO_READ(U32, uint32_t)
CIMULATE_WMIO_READ(U64, uint64_t)
#undef CIMULATE_WMIO_READ

uint64_t LoadLe(std::span<const uint8_t> bytes) {
  uint64_t v = 0;
  for (size_t i = bytes.size(); i > 0; --i) v = (v << 8) | bytes[i - 1];
  return v;
}

void PutU8(std::vector<uint8_t>* out, uint8_t v) { out->push_back(v); }
void PutU16(std::vector<uint8_t>* out, uint16_t v) {
  for (int i = 0; i < 2; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void PutU32(std::vector<uint8_t>* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void PutU64(std::vector<uint8_t>* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void PatchU32(std::vector<uint8_t>* out, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*out)[at + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (8 * i));
}

}  // namespace cimulate::wmio
