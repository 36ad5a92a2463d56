// Bounds-checked little-endian cursor over a borrowed span, with a sticky
// error (the first failure is kept; later reads fail and yield zero), so a
// decoder can read a run of fields and check ok() once.

#ifndef CIMULATE_WMIO_READER_H_
#define CIMULATE_WMIO_READER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wmio/status.h"

namespace cimulate::wmio {

class Reader {
 public:
  // `what` names the structure in error messages ("ClassPart").
  Reader(std::span<const uint8_t> data, std::string_view what) : data_(data), what_(what) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  size_t position() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  std::span<const uint8_t> data() const { return data_; }

  bool U8(uint8_t* v);
  bool U16(uint16_t* v);
  bool U32(uint32_t* v);
  bool U64(uint64_t* v);
  bool Bytes(size_t n, std::span<const uint8_t>* out);
  bool Skip(size_t n);

  bool Fail(ErrorCode code, const std::string& message);

 private:
  bool Need(size_t n);

  std::span<const uint8_t> data_;
  std::string_view what_;
  size_t pos_ = 0;
  Status status_;
};

// Little-endian appends, and a patch for lengths known only at the end.
void PutU8(std::vector<uint8_t>* out, uint8_t v);
void PutU16(std::vector<uint8_t>* out, uint16_t v);
void PutU32(std::vector<uint8_t>* out, uint32_t v);
void PutU64(std::vector<uint8_t>* out, uint64_t v);
void PatchU32(std::vector<uint8_t>* out, size_t at, uint32_t v);
uint64_t LoadLe(std::span<const uint8_t> bytes);  // up to 8 bytes

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_READER_H_
