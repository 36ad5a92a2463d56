// GUID / UUID as DCE/RPC puts it on the wire: the first three fields are
// little-endian integers, the last eight bytes go out as they are.

#ifndef CIMULATE_DCERPC_GUID_H_
#define CIMULATE_DCERPC_GUID_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dcerpc/byte_reader.h"
#include "dcerpc/byte_writer.h"

namespace cimulate::dcerpc {

struct Guid {
  uint32_t data1 = 0;
  uint16_t data2 = 0;
  uint16_t data3 = 0;
  std::array<uint8_t, 8> data4{};

  static constexpr size_t kWireSize = 16;

  // Accepts "8a885d04-1ceb-11c9-9fe8-08002b104860", with or without braces,
  // in either case.
  static std::optional<Guid> Parse(std::string_view text);

  // Lower-case canonical form without braces.
  std::string ToString() const;

  bool IsNil() const { return *this == Guid{}; }

  void Write(ByteWriter& out) const;
  static bool Read(ByteReader& in, Guid* out);

  friend bool operator==(const Guid&, const Guid&) = default;
  friend auto operator<=>(const Guid&, const Guid&) = default;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_GUID_H_
