// Hex helpers for writing test vectors the way MS-NLMP prints them.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::ntlm::testing {

// Parses hex digits, ignoring spaces; aborts the test binary on bad input
// because a malformed vector is a bug in the test itself.
std::vector<uint8_t> FromHex(std::string_view hex);
std::string ToHex(std::span<const uint8_t> bytes);

template <size_t N>
std::array<uint8_t, N> ArrayFromHex(std::string_view hex) {
  std::vector<uint8_t> v = FromHex(hex);
  std::array<uint8_t, N> out{};
  if (v.size() != N) std::abort();
  std::copy(v.begin(), v.end(), out.begin());
  return out;
}

}  // namespace cimulate::ntlm::testing
