// What the run page and the matrix page share: escaping, the page frame
// with its inline style sheet, verdict colours.
//
// The pages are self-contained (no external style, font or script) so a CI
// artifact opens anywhere, offline.
#ifndef CIMULATE_CONFORMANCE_REPORT_HTML_WRITER_H_
#define CIMULATE_CONFORMANCE_REPORT_HTML_WRITER_H_

#include <string>
#include <string_view>

#include "result.h"

namespace cimulate::conform {

// Sanitized (see text.h), then & < > " ' escaped: safe in text and in quoted
// attribute values alike.
std::string HtmlEscape(std::string_view text);

// "v-pass", "v-fail", ...: the class that colours a verdict.
std::string VerdictClass(Verdict verdict);

// <!DOCTYPE html> up to and including <body>, with the shared style sheet.
std::string HtmlPageStart(std::string_view title);
std::string HtmlPageEnd();

// A coloured verdict badge: <span class="badge v-fail">FAIL</span>.
std::string VerdictBadge(Verdict verdict);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_HTML_WRITER_H_
