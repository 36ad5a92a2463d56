// Credential redaction for everything the journal keeps.
//
// The journal is served over the admin API and written into conformance
// reports, so it must never hold a secret: the value of an Authorization
// header (Basic carries the password in base64; Negotiate and NTLM tokens can
// be replayed or cracked) is replaced, keeping only the scheme so a report can
// still say "the client sent Basic".
#ifndef CIMULATE_FAKE_SERVER_JOURNAL_REDACT_H_
#define CIMULATE_FAKE_SERVER_JOURNAL_REDACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "journal/events.h"

namespace cimulate::fake {

inline constexpr std::string_view kRedacted = "[redacted]";

// True for headers whose value is a credential (case-insensitive name).
bool IsCredentialHeader(std::string_view name);

// "Basic dXNlcjpwYXNz" -> "Basic [redacted]"; a value without a scheme
// becomes "[redacted]".
std::string RedactCredential(std::string_view value);

// Redacts the credential headers of `headers` in place.
void RedactHeaders(std::vector<HeaderField>* headers);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_JOURNAL_REDACT_H_
