#include "journal/redact.h"

#include <cctype>

namespace cimulate::fake {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace

bool IsCredentialHeader(std::string_view name) {
  static const std::string_view kNames[] = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
                                            "WWW-Authenticate", "Proxy-Authenticate"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(name, n)) return true;
  }
  return false;
}

std::string RedactCredential(std::string_view value) {
  size_t start = 0;
  while (start < value.size() && value[start] == ' ') ++start;
  size_t end = start;
  while (end < value.size() && std::isalnum(static_cast<unsigned char>(value[end]))) ++end;
  // A scheme is a token followed by a space ("Basic ", "Negotiate "); the
  // challenge "Basic realm=..." keeps only "Basic" as well.
  if (end > start && end < value.size() && value[end] == ' ') {
    return std::string(value.substr(start, end - start)) + " " + std::string(kRedacted);
  }
  return std::string(kRedacted);
}

void RedactHeaders(std::vector<HeaderField>* headers) {
  for (auto& [name, value] : *headers) {
    if (IsCredentialHeader(name)) value = RedactCredential(value);
  }
}

}  // namespace cimulate::fake
