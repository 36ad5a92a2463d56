// MS-WMIO CimType (2.2.69): the wire type codes of property, qualifier and
// method-parameter values.  An array type is its element type | kArrayFlag.

#ifndef CIMULATE_WMIO_CIM_TYPE_H_
#define CIMULATE_WMIO_CIM_TYPE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cimulate::wmio {

enum class CimType : uint32_t {
  kSint8 = 16,
  kUint8 = 17,
  kSint16 = 2,
  kUint16 = 18,
  kSint32 = 3,
  kUint32 = 19,
  kSint64 = 20,
  kUint64 = 21,
  kReal32 = 4,
  kReal64 = 5,
  kBoolean = 11,
  kString = 8,
  kDatetime = 101,
  kReference = 102,
  kChar16 = 103,
  kObject = 13,
};

inline constexpr uint32_t kArrayFlag = 0x2000;
// Set in a PropertyInfo's type when the property comes from a superclass.
inline constexpr uint32_t kInheritedFlag = 0x4000;

// Arrays are expressed as the element type plus this flag, e.g.
// ArrayOf(CimType::kString) == CimType(0x2008).
constexpr CimType ArrayOf(CimType element) {
  return static_cast<CimType>(static_cast<uint32_t>(element) | kArrayFlag);
}
constexpr bool IsArray(CimType type) { return (static_cast<uint32_t>(type) & kArrayFlag) != 0; }
constexpr CimType ElementType(CimType type) {
  return static_cast<CimType>(static_cast<uint32_t>(type) & ~kArrayFlag);
}

// The kinds of element storage a Value uses for a type.
enum class CimKind { kSigned, kUnsigned, kReal, kBoolean, kString, kObject };
CimKind KindOf(CimType type);

// Parses a wire type code (inherited flag already removed); nullopt for codes
// outside MS-WMIO (which the decoder reports as malformed).
std::optional<CimType> CimTypeFromWire(uint32_t code);

// Bytes the type takes in a value table or qualifier: 1/2/4/8 for fixed-size
// scalars, 4 (a heap reference) for strings, objects and every array.
size_t ValueTableSize(CimType type);

// "uint32", "string", "datetime", ... and "uint32[]" for arrays: the text the
// CIMTYPE qualifier carries (references and objects carry "ref:Class" or
// "object:Class" there; this returns "reference" / "object").
std::string_view CimTypeName(CimType type);
std::optional<CimType> CimTypeFromName(std::string_view name);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_CIM_TYPE_H_
