// A CIM qualifier (MS-WMIO 2.2.60): name, flavor bits and a typed value.

#ifndef CIMULATE_WMIO_QUALIFIER_H_
#define CIMULATE_WMIO_QUALIFIER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wmio/value.h"

namespace cimulate::wmio {

// QualifierFlavor bits (MS-WMIO 2.2.62).
inline constexpr uint8_t kFlavorPropagateToInstance = 0x01;
inline constexpr uint8_t kFlavorPropagateToDerivedClass = 0x02;
inline constexpr uint8_t kFlavorNotOverridable = 0x10;
inline constexpr uint8_t kFlavorOriginPropagated = 0x20;
inline constexpr uint8_t kFlavorOriginSystem = 0x40;
inline constexpr uint8_t kFlavorAmended = 0x80;

struct Qualifier {
  std::string name;
  uint8_t flavor = 0;
  Value value;  // its type is the QualifierType

  bool operator==(const Qualifier&) const = default;
};

using QualifierList = std::vector<Qualifier>;

// Case-insensitive lookup, as CIM names are; nullptr when absent.
const Qualifier* FindQualifier(const QualifierList& qualifiers, std::string_view name);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_QUALIFIER_H_
