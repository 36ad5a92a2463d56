#include "wmio/cim_type.h"

#include <array>

namespace cimulate::wmio {
namespace {

struct TypeInfo {
  CimType type;
  CimKind kind;
  size_t size;
  std::string_view name;
  std::string_view array_name;
};

constexpr std::array<TypeInfo, 16> kTypes = {{
    {CimType::kSint8, CimKind::kSigned, 1, "sint8", "sint8[]"},
    {CimType::kUint8, CimKind::kUnsigned, 1, "uint8", "uint8[]"},
    {CimType::kSint16, CimKind::kSigned, 2, "sint16", "sint16[]"},
    {CimType::kUint16, CimKind::kUnsigned, 2, "uint16", "uint16[]"},
    {CimType::kSint32, CimKind::kSigned, 4, "sint32", "sint32[]"},
    {CimType::kUint32, CimKind::kUnsigned, 4, "uint32", "uint32[]"},
    {CimType::kSint64, CimKind::kSigned, 8, "sint64", "sint64[]"},
    {CimType::kUint64, CimKind::kUnsigned, 8, "uint64", "uint64[]"},
    {CimType::kReal32, CimKind::kReal, 4, "real32", "real32[]"},
    {CimType::kReal64, CimKind::kReal, 8, "real64", "real64[]"},
    {CimType::kBoolean, CimKind::kBoolean, 2, "boolean", "boolean[]"},
    {CimType::kString, CimKind::kString, 4, "string", "string[]"},
    {CimType::kDatetime, CimKind::kString, 4, "datetime", "datetime[]"},
    {CimType::kReference, CimKind::kString, 4, "reference", "reference[]"},
    {CimType::kChar16, CimKind::kUnsigned, 2, "char16", "char16[]"},
    {CimType::kObject, CimKind::kObject, 4, "object", "object[]"},
}};

const TypeInfo& InfoOf(CimType type) {
  CimType element = ElementType(type);
  for (const TypeInfo& info : kTypes) {
    if (info.type == element) return info;
  }
  return kTypes[11];  // unreachable for types that came through CimTypeFromWire
}

}  // namespace

CimKind KindOf(CimType type) { return InfoOf(type).kind; }

std::optional<CimType> CimTypeFromWire(uint32_t code) {
  if ((code & ~(kArrayFlag | 0xFFu)) != 0) return std::nullopt;
  uint32_t element = code & ~kArrayFlag;
  for (const TypeInfo& info : kTypes) {
    if (static_cast<uint32_t>(info.type) == element) return static_cast<CimType>(code);
  }
  return std::nullopt;
}

size_t ValueTableSize(CimType type) { return IsArray(type) ? 4 : InfoOf(type).size; }

std::string_view CimTypeName(CimType type) {
  const TypeInfo& info = InfoOf(type);
  return IsArray(type) ? info.array_name : info.name;
}

std::optional<CimType> CimTypeFromName(std::string_view name) {
  for (const TypeInfo& info : kTypes) {
    if (name == info.name) return info.type;
    if (name == info.array_name) return ArrayOf(info.type);
  }
  return std::nullopt;
}

}  // namespace cimulate::wmio
