// Small text helpers: ASCII case-insensitive comparison (HTTP header names,
// CIM names, WQL keywords) and whitespace handling.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_TEXT_H_
#define CIMULATE_FAKE_SERVER_ENGINE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace cimulate::fake {

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
std::string ToLower(std::string_view text);
std::string Trim(std::string_view text);
// Runs of whitespace become one space; leading and trailing ones go.
std::string CollapseWhitespace(std::string_view text);
std::vector<std::string> SplitWhitespace(std::string_view text);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_TEXT_H_
