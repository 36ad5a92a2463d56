#include "net/http_types.h"

#include <cctype>

namespace cimulate::fake {

const std::string* Request::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n.size() != name.size()) continue;
    bool same = true;
    for (size_t i = 0; i < n.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(n[i])) == std::tolower(static_cast<unsigned char>(name[i]));
    }
    if (same) return &v;
  }
  return nullptr;
}

}  // namespace cimulate::fake
