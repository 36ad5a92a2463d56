// Base64 (RFC 4648) for Basic credentials and WinRS stream payloads.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_BASE64_H_
#define CIMULATE_FAKE_SERVER_ENGINE_BASE64_H_

#include <string>
#include <string_view>

namespace cimulate::fake {

std::string Base64Encode(std::string_view bytes);
// False on characters outside the alphabet or bad padding.
bool Base64Decode(std::string_view text, std::string* out);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_BASE64_H_
