// MS-WMIO EncodingUnit encoder and decoder: the pObjectData of an
// OBJREF_CUSTOM whose IID is IID_IWbemClassObject.
//
// Encoder output is shaped for impacket's parser as well as the spec: the
// class name sits at heap offset 0, slots of NULL values are zero-filled,
// value-table slots follow declaration order, InstancePropQualifierSet is
// always flag 1, booleans are 0xFFFF / 0, and an instance carries its class
// part without a MethodsPart (MS-WMIO 2.2.14).
//
// The decoder bounds every length, count and heap reference against the
// bytes it was given, limits the nesting of embedded objects, and returns a
// Status instead of throwing.  It accepts an ObjectEncodingLength that
// overstates the data (the MS-WMIO section 4 examples do) by parsing what
// is there.

#ifndef CIMULATE_WMIO_CODEC_H_
#define CIMULATE_WMIO_CODEC_H_

#include <cstdint>
#include <span>
#include <vector>

#include "wmio/object.h"
#include "wmio/status.h"

namespace cimulate::wmio {

inline constexpr uint32_t kEncodingUnitSignature = 0x12345678;

// ObjectFlags (MS-WMIO 2.2.6).
inline constexpr uint8_t kObjectFlagClass = 0x01;
inline constexpr uint8_t kObjectFlagInstance = 0x02;
inline constexpr uint8_t kObjectFlagDecorated = 0x04;

// Signature | ObjectEncodingLength | ObjectBlock.
Status EncodeEncodingUnit(const Object& object, std::vector<uint8_t>* out);
Status DecodeEncodingUnit(std::span<const uint8_t> data, Object* out);

// The bare ObjectBlock (used inside embedded objects and method signatures).
Status EncodeObjectBlock(const Object& object, std::vector<uint8_t>* out);
Status DecodeObjectBlock(std::span<const uint8_t> data, Object* out);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_CODEC_H_
