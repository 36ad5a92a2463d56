#include "dcerpc/byte_writer.h"

namespace cimulate::dcerpc {

void ByteWriter::U16(uint16_t value) {
  buffer_.push_back(static_cast<uint8_t>(value));
  buffer_.push_back(static_cast<uint8_t>(value >> 8));
}

void ByteWriter::U32(uint32_t value) {
  for (int i = 0; i < 4; ++i) buffer_.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

void ByteWriter::U64(uint64_t value) {
  for (int i = 0; i < 8; ++i) buffer_.push_back(static_cast<uint8_t>(value >> (8 * i)));
}

void ByteWriter::Bytes(std::span<const uint8_t> bytes) {
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

void ByteWriter::Fill(size_t n, uint8_t value) { buffer_.insert(buffer_.end(), n, value); }

void ByteWriter::Align(size_t alignment, uint8_t fill) {
  Fill((alignment - buffer_.size() % alignment) % alignment, fill);
}

void ByteWriter::PatchU16(size_t offset, uint16_t value) {
  buffer_.at(offset) = static_cast<uint8_t>(value);
  buffer_.at(offset + 1) = static_cast<uint8_t>(value >> 8);
}

void ByteWriter::PatchU32(size_t offset, uint32_t value) {
  for (int i = 0; i < 4; ++i) buffer_.at(offset + i) = static_cast<uint8_t>(value >> (8 * i));
}

}  // namespace cimulate::dcerpc
