// CIM names compare case-insensitively (ASCII folding, as WMI does for
// class, property and qualifier names).

#ifndef CIMULATE_WMIO_NAMES_H_
#define CIMULATE_WMIO_NAMES_H_

#include <string_view>

namespace cimulate::wmio {

bool NamesEqual(std::string_view a, std::string_view b);
// Strict weak order consistent with NamesEqual; the PropertyLookupTable
// is sorted by it.
bool NameLess(std::string_view a, std::string_view b);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_NAMES_H_
