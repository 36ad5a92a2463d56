// Reading, converting and comparing MI values the way WMI does for selectors,
// WQL conditions and Put/Create bodies.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_VALUES_H_
#define CIMULATE_FAKE_SERVER_ENGINE_VALUES_H_

#include <optional>
#include <string>
#include <string_view>

#include "MI.h"

namespace cimulate::fake {

// A scalar property's value as selector text ("5985", "true", "WinRM"); false
// when the property is missing, NULL, an array or not a scalar.
bool PropertyText(const MI_Instance* instance, const char* name, std::string* out);

// Selector comparison: WMI compares key values case-insensitively.
bool SelectorValueMatches(const MI_Instance* instance, const char* name, std::string_view value);

// Parses `text` as a scalar of `type` (numbers, booleans, char16, string).
// `storage` keeps a string's bytes alive while `out` points at them.
bool ParseScalar(MI_Type type, std::string_view text, MI_Value* out, std::string* storage);

// A numeric or boolean scalar as a double, for ordering comparisons.
std::optional<double> NumericValue(MI_Type type, const MI_Value& value);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_VALUES_H_
