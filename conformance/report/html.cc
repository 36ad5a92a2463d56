#include "report/html.h"

#include "report/exit_code.h"
#include "report/html_writer.h"
#include "report/names.h"
#include "report/summary.h"
#include "report/text.h"

namespace cimulate::conform {
namespace {

// Hides the cases whose verdict box is unticked or whose row does not
// contain the search text.  Holds no report data, so nothing in a report can
// end the script early.
constexpr std::string_view kFilterScript = R"js(
<script>
function cimulateFilter() {
  var q = document.getElementById('q').value.toLowerCase();
  var on = {};
  document.querySelectorAll('input[data-v]').forEach(function (b) { on[b.dataset.v] = b.checked; });
  document.querySelectorAll('details.case').forEach(function (d) {
    var text = d.querySelector('summary').textContent.toLowerCase();
    d.hidden = !(on[d.dataset.verdict] && text.indexOf(q) >= 0);
  });
}
</script>
)js";

std::string Outcome(int exit_code) {
  switch (exit_code) {
    case kExitPass: return "PASS: every MUST case passed";
    case kExitConformanceFailure: return "FAIL: a MUST case failed, or the baseline is stale";
    default: return "HARNESS ERROR: some cases could not run";
  }
}

void AppendHeader(const RunReport& report, std::string* out) {
  out->append("<h1>cimulate-conform: ").append(HtmlEscape(report.implementation)).append("</h1>\n");
  out->append("<p class=\"meta\">started ").append(HtmlEscape(report.started_at));
  if (!report.shard.empty()) out->append(" &middot; shard ").append(HtmlEscape(report.shard));
  out->append(" &middot; ").append(std::to_string(report.cases.size())).append(" cases in ");
  out->append(HtmlEscape(FormatDuration(report.duration_us))).append("</p>\n");
  const int exit_code = ExitCodeFor(report);
  out->append("<p class=\"outcome-").append(std::to_string(exit_code)).append("\">");
  out->append(HtmlEscape(Outcome(exit_code))).append(" (exit ").append(std::to_string(exit_code));
  out->append(")</p>\n");
}

void AppendVerdictHeaderCells(std::string* out) {
  for (Verdict verdict : kAllVerdicts) {
    out->append("<th>").append(VerdictBadge(verdict)).append("</th>");
  }
}

void AppendSummary(const RunReport& report, std::string* out) {
  const RunSummary summary = Summarize(report);
  out->append("<h2>Summary</h2>\n<table>\n<tr><th>strength</th>");
  AppendVerdictHeaderCells(out);
  out->append("<th>total</th></tr>\n");
  for (Strength strength : kAllStrengths) {
    out->append("<tr><th>").append(StrengthName(strength)).append("</th>");
    std::size_t total = 0;
    for (Verdict verdict : kAllVerdicts) {
      total += summary.Count(strength, verdict);
      out->append("<td class=\"num\">").append(std::to_string(summary.Count(strength, verdict)));
      out->append("</td>");
    }
    out->append("<td class=\"num\">").append(std::to_string(total)).append("</td></tr>\n");
  }
  out->append("<tr><th>all</th>");
  for (Verdict verdict : kAllVerdicts) {
    out->append("<td class=\"num\">")
        .append(std::to_string(summary.Count(verdict)))
        .append("</td>");
  }
  out->append("<td class=\"num\">").append(std::to_string(summary.total)).append("</td></tr>\n");
  out->append("</table>\n<p><span class=\"");
  out->append(summary.MustFailures() > 0 ? "bad" : "ok").append("\">MUST failures: ");
  out->append(std::to_string(summary.MustFailures())).append("</span> (these fail the run)");
  out->append(" &middot; SHOULD/MAY failures: ")
      .append(std::to_string(summary.ShouldOrMayFailures()));
  out->append(" (reported, not failing the run) &middot; stale baseline entries: ");
  out->append(std::to_string(summary.Count(Verdict::kStaleBaseline))).append("</p>\n");
}

void AppendFilters(std::string* out) {
  out->append("<div class=\"filters\">");
  for (Verdict verdict : kAllVerdicts) {
    out->append("<label><input type=\"checkbox\" checked data-v=\"").append(VerdictName(verdict));
    out->append("\" onchange=\"cimulateFilter()\"> ").append(VerdictBadge(verdict));
    out->append("</label>");
  }
  out->append("<input id=\"q\" type=\"search\" placeholder=\"filter by text\" ");
  out->append("oninput=\"cimulateFilter()\"></div>\n");
}

void AppendChecks(const StepReport& step, std::string* out) {
  if (step.checks.empty()) return;
  out->append("<table><tr><th></th><th>check</th><th>expected</th><th>actual</th>");
  out->append("<th>where</th></tr>\n");
  for (const Check& check : step.checks) {
    out->append("<tr><td class=\"")
        .append(check.passed ? "ok\">pass" : "bad\">FAIL")
        .append("</td>");
    out->append("<td>").append(HtmlEscape(check.what)).append("</td>");
    out->append("<td><code>").append(HtmlEscape(check.expected)).append("</code></td>");
    out->append("<td><code>").append(HtmlEscape(check.actual)).append("</code></td>");
    out->append("<td>").append(HtmlEscape(check.where)).append("</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendSteps(const CaseResult& result, std::string* out) {
  if (result.steps.empty()) return;
  out->append("<table><tr><th>#</th><th>step</th><th>as</th><th>thread</th><th>where</th>");
  out->append("<th>start</th><th>duration</th><th>checks</th></tr>\n");
  for (const StepReport& step : result.steps) {
    out->append("<tr><td class=\"num\">").append(std::to_string(step.index)).append("</td>");
    out->append("<td>").append(HtmlEscape(step.kind)).append("</td>");
    out->append("<td>").append(HtmlEscape(step.as)).append("</td>");
    out->append("<td>").append(HtmlEscape(step.thread)).append("</td>");
    out->append("<td>").append(HtmlEscape(step.where)).append("</td>");
    out->append("<td class=\"num\">").append(HtmlEscape(FormatDuration(step.start_us)));
    out->append("</td><td class=\"num").append(step.duration_us < 0 ? " bad" : "").append("\">");
    out->append(HtmlEscape(FormatDuration(step.duration_us))).append("</td><td>");
    AppendChecks(step, out);
    out->append("</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendPre(const char* title, const std::string& text, std::string* out) {
  if (text.empty()) return;
  out->append("<h3>").append(title).append("</h3>\n<pre>").append(HtmlEscape(text));
  out->append("</pre>\n");
}

void AppendCase(const CaseResult& result, std::string* out) {
  out->append("<details class=\"case\" data-verdict=\"").append(VerdictName(result.verdict));
  out->append("\"><summary><span>").append(VerdictBadge(result.verdict)).append("</span>");
  out->append("<span>").append(HtmlEscape(result.name)).append("</span>");
  out->append("<span>").append(HtmlEscape(result.clause)).append("</span>");
  out->append("<span>").append(StrengthName(result.strength)).append("</span>");
  out->append("<span>").append(HtmlEscape(FormatDuration(result.duration_us))).append("</span>");
  out->append("<span>").append(HtmlEscape(result.reason)).append("</span></summary>\n<div>");
  if (!result.summary.empty()) out->append("<p>").append(HtmlEscape(result.summary)).append("</p>");
  out->append("<p class=\"meta\">source ").append(HtmlEscape(result.source));
  out->append(" &middot; seed ").append(std::to_string(result.seed));
  if (!result.network.empty()) out->append(" &middot; network ").append(HtmlEscape(result.network));
  if (!result.tags.empty()) {
    out->append(" &middot; tags");
    for (const std::string& tag : result.tags) {
      out->append(" <code>").append(HtmlEscape(tag)).append("</code>");
    }
  }
  out->append("</p>\n");
  AppendSteps(result, out);
  AppendPre("stacks", result.stacks, out);
  AppendPre("output", result.output, out);
  out->append("</div></details>\n");
}

}  // namespace

std::string ToHtml(const RunReport& report) {
  std::string out = HtmlPageStart("cimulate-conform: " + report.implementation);
  AppendHeader(report, &out);
  AppendSummary(report, &out);
  out.append("<h2>Cases</h2>\n");
  AppendFilters(&out);
  out.append("<div class=\"case-head\"><span>verdict</span><span>case</span><span>clause</span>");
  out.append("<span>strength</span><span>duration</span><span>reason</span></div>\n");
  for (const CaseResult& result : report.cases) AppendCase(result, &out);
  out.append(kFilterScript);
  out.append(HtmlPageEnd());
  return out;
}

}  // namespace cimulate::conform
