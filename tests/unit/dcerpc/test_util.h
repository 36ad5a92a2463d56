#ifndef CIMULATE_TESTS_UNIT_DCERPC_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_DCERPC_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::dcerpc::testing {

inline std::vector<uint8_t> Hex(std::string_view hex) {
  auto nibble = [](char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  };
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

}  // namespace cimulate::dcerpc::testing

#endif  // CIMULATE_TESTS_UNIT_DCERPC_TEST_UTIL_H_
