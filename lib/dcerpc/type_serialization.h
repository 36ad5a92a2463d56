// MS-RPCE 2.2.6 type serialization version 1, the framing of every property
// inside a DCOM activation blob: an 8-byte common header
// (01 10 08 00 cc cc cc cc), an 8-byte private header (ObjectBufferLength,
// filler) and the NDR data of one top-level type, aligned from its own start.

#ifndef CIMULATE_DCERPC_TYPE_SERIALIZATION_H_
#define CIMULATE_DCERPC_TYPE_SERIALIZATION_H_

#include <cstdint>
#include <span>
#include <vector>

#include "dcerpc/status.h"

namespace cimulate::dcerpc {

inline constexpr size_t kTypeSerializationHeadersSize = 16;

// Frames an NDR-encoded `body`, zero-padding it to a multiple of 8 as the
// private header's ObjectBufferLength requires.
std::vector<uint8_t> EncodeTypeSerialized(std::span<const uint8_t> body);

// Parses the two headers at the start of `input`. `body` receives the
// ObjectBufferLength bytes that follow; `consumed` (optional) the total.
// Only little-endian version 1 is accepted. The length need not be a
// multiple of 8: impacket writes unpadded lengths and Windows accepts them.
Status DecodeTypeSerialized(std::span<const uint8_t> input, std::span<const uint8_t>* body,
                            size_t* consumed = nullptr);

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_TYPE_SERIALIZATION_H_
