// Text conversions NTLM needs: the API speaks UTF-8, the wire speaks
// UTF-16LE (or the OEM code page when UNICODE is not negotiated, which we
// treat as Latin-1), and NTOWFv2 upper-cases the user name.
#pragma once

#include <string>
#include <string_view>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

// Rejects invalid UTF-8 (overlong forms, surrogates, truncation).
Result<Bytes> Utf8ToUtf16Le(std::string_view utf8);

// Rejects odd lengths and unpaired surrogates.
Result<std::string> Utf16LeToUtf8(ByteView utf16le);

std::string Latin1ToUtf8(ByteView latin1);

// Upper-cases UTF-16LE text as NTOWFv2 requires. Covers ASCII and the
// Latin-1 letters; other scripts pass through unchanged (Windows would
// map more, so such names only work if the peer sent them upper-case).
Bytes UppercaseUtf16Le(ByteView utf16le);

// Case-insensitive comparison with the same folding as UppercaseUtf16Le.
bool EqualsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace cimulate::ntlm
