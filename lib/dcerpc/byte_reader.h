// Bounds-checked little-endian reader over a borrowed byte span.
//
// Errors are sticky: the first failure is recorded, every later read fails
// and yields zero, so decoders can read a run of fields and check ok() once.
// Alignment is relative to the start of the span, which is what NDR (stub
// start) and the PDU layouts (PDU start) both need.

#ifndef CIMULATE_DCERPC_BYTE_READER_H_
#define CIMULATE_DCERPC_BYTE_READER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "dcerpc/status.h"

namespace cimulate::dcerpc {

class ByteReader {
 public:
  explicit ByteReader(std::span<const uint8_t> data) : data_(data) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  size_t position() const { return pos_; }
  size_t size() const { return data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }
  std::span<const uint8_t> data() const { return data_; }

  bool U8(uint8_t* value);
  bool U16(uint16_t* value);
  bool U32(uint32_t* value);
  bool U64(uint64_t* value);

  // Borrows the next n bytes; the span stays valid as long as the input does.
  bool Bytes(size_t n, std::span<const uint8_t>* out);
  bool Skip(size_t n);

  // Skips to the next multiple of `alignment` (a power of two) from the start.
  bool Align(size_t alignment);

  // Records `status` as the error unless one is already recorded; returns false.
  bool Fail(Status status);
  bool Fail(ErrorCode code, std::string_view message);

 private:
  bool Need(size_t n, std::string_view what);

  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  Status status_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_BYTE_READER_H_
