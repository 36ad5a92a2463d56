// Text helpers every report format shares.
//
// Case names, reasons, stacks and the output of an implementation's process
// can hold anything: invalid UTF-8, terminal escapes, NUL.  XML 1.0 forbids
// most control characters outright, and HTML and terminals render them badly,
// so every report passes text through SanitizeText first.
#ifndef CIMULATE_CONFORMANCE_REPORT_TEXT_H_
#define CIMULATE_CONFORMANCE_REPORT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cimulate::conform {

// Valid UTF-8 without the characters XML 1.0 forbids: a control character
// other than tab, newline and carriage return becomes the visible text
// "\xNN" (so an ANSI escape reads "\x1b[31m"), an invalid byte and the
// non-characters U+FFFE and U+FFFF become U+FFFD.
std::string SanitizeText(std::string_view text);

// As SanitizeText, and newlines, carriage returns and tabs become spaces: for
// a console line or an attribute that must stay on one line.
std::string SanitizeLine(std::string_view text);

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i);

// A duration for people: "0.4 ms", "12 ms", "3.2 s"; "never returned" for a
// negative value (a step that hung).
std::string FormatDuration(std::int64_t micros);

// Seconds with millisecond precision, as JUnit's time attribute wants.
std::string FormatSeconds(std::int64_t micros);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_TEXT_H_
