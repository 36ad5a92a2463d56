// The heap of a ClassPart, MethodsPart or instance while it is being built:
// values too big for a fixed slot are appended here and referenced by
// offset.

#ifndef CIMULATE_WMIO_HEAP_WRITER_H_
#define CIMULATE_WMIO_HEAP_WRITER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "wmio/status.h"

namespace cimulate::wmio {

class HeapWriter {
 public:
  uint32_t size() const { return static_cast<uint32_t>(bytes_.size()); }
  std::vector<uint8_t>& bytes() { return bytes_; }

  // Each returns the offset of what it appended.
  uint32_t Append(std::span<const uint8_t> data);
  Status AppendString(std::string_view utf8, uint32_t* ref);

  // HeapLength (with its high bit set) then the bytes; kLimitExceeded when
  // the heap outgrew the 31-bit length.
  Status Emit(std::vector<uint8_t>* out) const;

 private:
  std::vector<uint8_t> bytes_;
};

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_HEAP_WRITER_H_
