// Little-endian writer that owns its growing buffer.
//
// Alignment is relative to the start of the buffer, so one writer per NDR
// stub or per PDU gives the offsets each format is defined against.

#ifndef CIMULATE_DCERPC_BYTE_WRITER_H_
#define CIMULATE_DCERPC_BYTE_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cimulate::dcerpc {

class ByteWriter {
 public:
  void U8(uint8_t value) { buffer_.push_back(value); }
  void U16(uint16_t value);
  void U32(uint32_t value);
  void U64(uint64_t value);
  void Bytes(std::span<const uint8_t> bytes);
  void Fill(size_t n, uint8_t value);

  // Pads with `fill` up to the next multiple of `alignment` (a power of two).
  void Align(size_t alignment, uint8_t fill = 0);

  // Overwrites fields whose value is known only later (lengths, counts).
  void PatchU16(size_t offset, uint16_t value);
  void PatchU32(size_t offset, uint32_t value);

  size_t size() const { return buffer_.size(); }
  const std::vector<uint8_t>& buffer() const { return buffer_; }
  std::vector<uint8_t>& mutable_buffer() { return buffer_; }
  std::vector<uint8_t> Take() { return std::move(buffer_); }

 private:
  std::vector<uint8_t> buffer_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_BYTE_WRITER_H_
