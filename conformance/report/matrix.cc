#include "report/matrix.h"

#include <map>
#include <unordered_map>

#include "report/exit_code.h"
#include "report/html_writer.h"
#include "report/names.h"
#include "report/summary.h"
#include "report/text.h"

namespace cimulate::conform {
namespace {

struct Row {
  const CaseResult* first = nullptr;     // where the clause and strength come from
  std::vector<const CaseResult*> cells;  // one per run; nullptr: not in that run
};

// The union of the runs' cases, in order of first appearance.
std::vector<Row> BuildRows(const std::vector<RunReport>& runs) {
  std::vector<Row> rows;
  std::unordered_map<std::string, std::size_t> row_of;
  for (std::size_t run = 0; run < runs.size(); ++run) {
    for (const CaseResult& result : runs[run].cases) {
      auto [it, inserted] = row_of.emplace(result.name, rows.size());
      if (inserted) {
        rows.push_back(Row{&result, std::vector<const CaseResult*>(runs.size(), nullptr)});
      }
      // A name twice in one run: the first result wins (a merged report cannot
      // have that; a hand-made one should not hide it, but the cell holds one).
      if (rows[it->second].cells[run] == nullptr) rows[it->second].cells[run] = &result;
    }
  }
  return rows;
}

// Column titles, with "#2" on a repeated implementation name.
std::vector<std::string> ColumnNames(const std::vector<RunReport>& runs) {
  std::vector<std::string> names;
  std::map<std::string, int> seen;
  for (const RunReport& run : runs) {
    const int count = ++seen[run.implementation];
    names.push_back(count == 1 ? run.implementation
                               : run.implementation + " #" + std::to_string(count));
  }
  return names;
}

void AppendSummaryTable(const std::vector<RunReport>& runs, const std::vector<std::string>& names,
                        std::string* out) {
  out->append("<h2>Implementations</h2>\n<table>\n<tr><th>implementation</th><th>started</th>");
  for (Verdict verdict : kAllVerdicts)
    out->append("<th>").append(VerdictBadge(verdict)).append("</th>");
  out->append("<th>MUST failures</th><th>SHOULD/MAY failures</th><th>outcome</th></tr>\n");
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunSummary summary = Summarize(runs[i]);
    out->append("<tr><th>").append(HtmlEscape(names[i])).append("</th><td>");
    out->append(HtmlEscape(runs[i].started_at)).append("</td>");
    for (Verdict verdict : kAllVerdicts) {
      out->append("<td class=\"num\">")
          .append(std::to_string(summary.Count(verdict)))
          .append("</td>");
    }
    out->append("<td class=\"num").append(summary.MustFailures() > 0 ? " bad" : "").append("\">");
    out->append(std::to_string(summary.MustFailures())).append("</td><td class=\"num\">");
    out->append(std::to_string(summary.ShouldOrMayFailures())).append("</td>");
    const int exit_code = ExitCodeFor(runs[i]);
    out->append("<td class=\"outcome-").append(std::to_string(exit_code)).append("\">exit ");
    out->append(std::to_string(exit_code)).append("</td></tr>\n");
  }
  out->append("</table>\n");
}

void AppendCell(const CaseResult* result, std::string* out) {
  if (result == nullptr) {
    out->append("<td class=\"v-missing\" title=\"not in this run\">-</td>");
    return;
  }
  out->append("<td class=\"cell ").append(VerdictClass(result->verdict)).append("\" title=\"");
  out->append(HtmlEscape(FormatDuration(result->duration_us))).append("\">");
  if (result->verdict == Verdict::kPass || result->reason.empty()) {
    out->append(VerdictName(result->verdict));
  } else {
    out->append("<details><summary>").append(VerdictName(result->verdict));
    out->append("</summary><div>").append(HtmlEscape(result->reason)).append("</div></details>");
  }
  out->append("</td>");
}

void AppendMatrix(const std::vector<RunReport>& runs, const std::vector<std::string>& names,
                  std::string* out) {
  const std::vector<Row> rows = BuildRows(runs);
  out->append("<h2>Cases</h2>\n<table>\n<tr><th>case</th><th>clause</th><th>strength</th>");
  for (const std::string& name : names)
    out->append("<th>").append(HtmlEscape(name)).append("</th>");
  out->append("</tr>\n");
  for (const Row& row : rows) {
    out->append("<tr><td>").append(HtmlEscape(row.first->name)).append("</td><td>");
    out->append(HtmlEscape(row.first->clause)).append("</td><td>");
    out->append(StrengthName(row.first->strength)).append("</td>");
    for (const CaseResult* cell : row.cells) AppendCell(cell, out);
    out->append("</tr>\n");
  }
  out->append("<tr><th colspan=\"3\">passed</th>");
  for (const RunReport& run : runs) {
    const RunSummary summary = Summarize(run);
    out->append("<th>").append(std::to_string(summary.Count(Verdict::kPass))).append(" / ");
    out->append(std::to_string(summary.total)).append("</th>");
  }
  out->append("</tr>\n</table>\n");
}

}  // namespace

std::string ToMatrixHtml(const std::vector<RunReport>& runs) {
  const std::vector<std::string> names = ColumnNames(runs);
  std::string out = HtmlPageStart("cimulate-conform: implementations compared");
  out.append("<h1>cimulate-conform: ").append(std::to_string(runs.size()));
  out.append(runs.size() == 1 ? " implementation" : " implementations").append("</h1>\n");
  AppendSummaryTable(runs, names, &out);
  AppendMatrix(runs, names, &out);
  out.append(HtmlPageEnd());
  return out;
}

}  // namespace cimulate::conform
