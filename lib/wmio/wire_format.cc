#include "wmio/wire_format.h"

#include <array>

namespace cimulate::wmio {
namespace {

// Index 0 and 2 exist in the table but name nothing a qualifier uses.
constexpr std::array<std::string_view, 11> kDictionary = {
    "\"", "key", "", "read", "write", "volatile", "provider", "dynamic", "cimwin32", "DWORD", "CIMTYPE"};

}  // namespace

std::optional<std::string_view> DictionaryName(uint32_t index) {
  if (index >= kDictionary.size()) return std::nullopt;
  return kDictionary[index];
}

std::optional<uint32_t> DictionaryIndex(std::string_view name) {
  for (uint32_t i = 1; i < kDictionary.size(); ++i) {
    if (i != 2 && kDictionary[i] == name) return i;
  }
  return std::nullopt;
}

}  // namespace cimulate::wmio
