#include "engine/request.h"
#include "engine/text.h"

namespace cimulate::fake {

void HttpHeaders::Add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

void HttpHeaders::Set(std::string name, std::string value) {
  std::erase_if(fields_, [&](const scenario::NameValue& f) { return EqualsIgnoreCase(f.first, name); });
  Add(std::move(name), std::move(value));
}

const std::string* HttpHeaders::Find(std::string_view name) const {
  for (const scenario::NameValue& f : fields_) {
    if (EqualsIgnoreCase(f.first, name)) return &f.second;
  }
  return nullptr;
}

}  // namespace cimulate::fake
