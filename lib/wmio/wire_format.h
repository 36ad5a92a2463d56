// Constants of the MS-WMIO layout shared by the encoder and the decoder.

#ifndef CIMULATE_WMIO_WIRE_FORMAT_H_
#define CIMULATE_WMIO_WIRE_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cimulate::wmio {

// A heap reference with no target (no class name, no method signature).
inline constexpr uint32_t kNoHeapRef = 0xFFFFFFFF;
// HeapLength and HeapStringRef carry this bit: set on a heap's length
// always, on a string reference when it names a dictionary entry instead.
inline constexpr uint32_t kHeapBit = 0x80000000;

// Sizes of the fixed headers.
inline constexpr size_t kClassHeaderSize = 13;       // length, reserved, name ref, nd+vt length
inline constexpr size_t kMethodDescriptionSize = 24;
inline constexpr size_t kPropertyInfoHeaderSize = 14;  // type, order, offset, origin

// InstancePropQualifierSet flags (MS-WMIO 2.2.65).
inline constexpr uint8_t kNoPropertyQualifierSets = 1;
inline constexpr uint8_t kPropertyQualifierSets = 2;

// NdTable bits per property (MS-WMIO 2.2.26): the value is NULL; the value
// is the class default (not set in the instance).
inline constexpr uint8_t kNdNull = 0x1;
inline constexpr uint8_t kNdDefault = 0x2;

// Embedded objects and method signatures nest ObjectBlocks; deeper nesting
// than this is refused by both sides rather than recursing without bound.
inline constexpr int kMaxNesting = 16;

inline size_t NdTableSize(size_t property_count) { return (property_count + 3) / 4; }

// The MS-WMIO 2.2.80 qualifier-name dictionary.
std::optional<std::string_view> DictionaryName(uint32_t index);
std::optional<uint32_t> DictionaryIndex(std::string_view name);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_WIRE_FORMAT_H_
