#include "report/html_writer.h"

#include <cctype>

#include "report/text.h"

namespace cimulate::conform {
namespace {

constexpr std::string_view kStyle = R"css(
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .3em 0; }
th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: .5em; overflow-x: auto;
      white-space: pre-wrap; word-break: break-all; }
.meta { color: #555; }
.badge { display: inline-block; min-width: 3.6em; text-align: center; font-weight: bold;
         border-radius: 3px; padding: 0 .3em; }
.v-pass { background: #c8e6c9; color: #1b5e20; }
.v-fail { background: #ffcdd2; color: #b71c1c; }
.v-hang { background: #ffe0b2; color: #8a3c00; }
.v-crash { background: #e1bee7; color: #4a148c; }
.v-skip { background: #e0e0e0; color: #424242; }
.v-xfail { background: #fff9c4; color: #5d4a00; }
.v-stale { background: #ffab91; color: #6d1b00; }
.v-error { background: #424242; color: #fff; }
.v-missing { color: #999; text-align: center; }
.outcome-0 { color: #1b5e20; font-weight: bold; }
.outcome-1, .outcome-3 { color: #b71c1c; font-weight: bold; }
.ok { color: #1b5e20; } .bad { color: #b71c1c; font-weight: bold; }
details.case { border-bottom: 1px solid #e5e5e5; }
details.case > summary, .case-head { display: grid; cursor: pointer; padding: .15em 0;
  grid-template-columns: 5em minmax(14em, 2fr) minmax(8em, 1fr) 5em 6em minmax(14em, 3fr);
  gap: .6em; }
.case-head { font-weight: bold; cursor: default; border-bottom: 2px solid #ccc; }
details.case > div { margin: .3em 0 1em 1.2em; }
.filters { margin: .8em 0; }
.filters label { margin-right: .8em; }
td.cell details summary { cursor: pointer; }
td.cell div { max-width: 28em; font-size: .9em; }
)css";

}  // namespace

std::string HtmlEscape(std::string_view text) {
  const std::string clean = SanitizeText(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string VerdictClass(Verdict verdict) {
  std::string name = VerdictName(verdict);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "v-" + name;
}

std::string HtmlPageStart(std::string_view title) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + HtmlEscape(title) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  return out;
}

std::string HtmlPageEnd() { return "</body>\n</html>\n"; }

std::string VerdictBadge(Verdict verdict) {
  return "<span class=\"badge " + VerdictClass(verdict) + "\">" + VerdictName(verdict) + "</span>";
}

}  // namespace cimulate::conform
