#include "dcerpc/type_serialization.h"

#include <string>

#include "dcerpc/byte_reader.h"
#include "dcerpc/byte_writer.h"

namespace cimulate::dcerpc {
namespace {

constexpr uint8_t kVersion = 1;
constexpr uint8_t kLittleEndian = 0x10;
constexpr uint16_t kCommonHeaderLength = 8;
constexpr uint32_t kFiller = 0xcccccccc;

}  // namespace

std::vector<uint8_t> EncodeTypeSerialized(std::span<const uint8_t> body) {
  const size_t padded = (body.size() + 7) / 8 * 8;
  ByteWriter out;
  out.U8(kVersion);
  out.U8(kLittleEndian);
  out.U16(kCommonHeaderLength);
  out.U32(kFiller);
  out.U32(static_cast<uint32_t>(padded));
  out.U32(kFiller);
  out.Bytes(body);
  out.Fill(padded - body.size(), 0);
  return out.Take();
}

Status DecodeTypeSerialized(std::span<const uint8_t> input, std::span<const uint8_t>* body,
                            size_t* consumed) {
  *body = {};
  if (consumed != nullptr) *consumed = 0;
  ByteReader in(input);
  uint8_t version = 0, endianness = 0;
  uint16_t header_length = 0;
  uint32_t filler = 0, length = 0, private_filler = 0;
  in.U8(&version);
  in.U8(&endianness);
  in.U16(&header_length);
  in.U32(&filler);
  in.U32(&length);
  in.U32(&private_filler);
  if (!in.ok()) return in.status();
  if (version != kVersion) {
    return Status(ErrorCode::kUnsupported, "type serialization version " + std::to_string(version));
  }
  if (endianness != kLittleEndian) {
    return Status(ErrorCode::kUnsupported, "big-endian type serialization");
  }
  if (header_length != kCommonHeaderLength) {
    return Status(ErrorCode::kMalformed, "type serialization common header length " +
                                             std::to_string(header_length));
  }
  if (!in.Bytes(length, body)) return in.status();
  if (consumed != nullptr) *consumed = in.position();
  return Status::Ok();
}

}  // namespace cimulate::dcerpc
