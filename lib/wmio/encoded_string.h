// MS-WMIO Encoded-String (2.2.78): a flag octet, then either NUL-terminated
// 8-bit text (flag 0) or NUL-terminated UTF-16LE (flag 1).  The model holds
// UTF-8; the encoder uses the compressed form whenever the text is ASCII,
// as Windows does, and reads flag-0 text as Latin-1.

#ifndef CIMULATE_WMIO_ENCODED_STRING_H_
#define CIMULATE_WMIO_ENCODED_STRING_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wmio/status.h"

namespace cimulate::wmio {

// kInvalidArgument for text that is not valid UTF-8 or contains NUL.
Status AppendEncodedString(std::string_view utf8, std::vector<uint8_t>* out);

// Reads the Encoded-String that starts at data[offset]; *consumed is its
// size in bytes, flag and terminator included.
Status ReadEncodedString(std::span<const uint8_t> data, size_t offset, std::string* utf8,
                         size_t* consumed);

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_ENCODED_STRING_H_
