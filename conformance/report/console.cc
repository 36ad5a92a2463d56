#include "report/console.h"

#include <functional>
#include <string_view>

#include "report/exit_code.h"
#include "report/names.h"
#include "report/summary.h"
#include "report/text.h"

namespace cimulate::conform {
namespace {

constexpr std::string_view kReasonIndent = "        ";

bool ShowsReason(Verdict verdict) { return verdict != Verdict::kPass && verdict != Verdict::kSkip; }

std::string PadRight(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

std::string PadLeft(const std::string& text, std::size_t width) {
  return text.size() < width ? std::string(width - text.size(), ' ') + text : text;
}

// "  FAIL  name  [SHOULD]  reason" lines for the cases `select` picks.
void AppendCaseList(const RunReport& report, const std::function<bool(const CaseResult&)>& select,
                    std::string* out) {
  for (const CaseResult& result : report.cases) {
    if (!select(result)) continue;
    out->append("  ").append(PadRight(VerdictName(result.verdict), 5)).append("  ");
    out->append(SanitizeLine(result.name));
    if (result.strength != Strength::kMust) {
      out->append("  [").append(StrengthName(result.strength)).append("]");
    }
    if (!result.reason.empty()) out->append(": ").append(SanitizeLine(result.reason));
    out->push_back('\n');
  }
}

std::string Outcome(int exit_code) {
  switch (exit_code) {
    case kExitPass: return "conformance: PASS (exit 0)";
    case kExitConformanceFailure: return "conformance: FAIL (exit 1)";
    default: return "conformance: HARNESS ERROR (exit 3)";
  }
}

}  // namespace

std::string ConsoleLine(const CaseResult& result, std::size_t index, std::size_t total) {
  const std::string total_text = std::to_string(total);
  std::string line = "[" + PadLeft(std::to_string(index), total_text.size()) + "/" + total_text +
                     "] " + PadRight(VerdictName(result.verdict), 5) + " " +
                     SanitizeLine(result.name) + "  (" + FormatDuration(result.duration_us) + ")";
  if (!ShowsReason(result.verdict)) return line;
  if (result.strength != Strength::kMust) {
    line.append("  [").append(StrengthName(result.strength)).append("]");
  }
  if (!result.reason.empty()) {
    line.append("\n").append(kReasonIndent).append(SanitizeLine(result.reason));
  }
  return line;
}

std::string ConsoleSummary(const RunReport& report) {
  const RunSummary summary = Summarize(report);
  std::string out = std::to_string(summary.total) + (summary.total == 1 ? " case:" : " cases:");
  bool first = true;
  for (Verdict verdict : kAllVerdicts) {
    if (summary.Count(verdict) == 0) continue;
    out.append(first ? " " : ", ").append(std::to_string(summary.Count(verdict))).append(" ");
    out.append(VerdictName(verdict));
    first = false;
  }
  out.append("  (in ").append(FormatDuration(report.duration_us)).append(")\n");

  const auto must_failure = [](const CaseResult& r) {
    return r.strength == Strength::kMust && IsImplementationFailure(r.verdict);
  };
  const auto other_failure = [](const CaseResult& r) {
    return r.strength != Strength::kMust && IsImplementationFailure(r.verdict);
  };
  const auto verdict_is = [](Verdict verdict) {
    return [verdict](const CaseResult& r) { return r.verdict == verdict; };
  };
  if (summary.MustFailures() > 0) {
    out.append("MUST failures: ").append(std::to_string(summary.MustFailures())).append("\n");
    AppendCaseList(report, must_failure, &out);
  }
  if (summary.ShouldOrMayFailures() > 0) {
    out.append("SHOULD/MAY failures (reported, not failing the run): ");
    out.append(std::to_string(summary.ShouldOrMayFailures())).append("\n");
    AppendCaseList(report, other_failure, &out);
  }
  if (summary.Count(Verdict::kStaleBaseline) > 0) {
    out.append("stale baseline entries (now passing; remove them from the baseline): ");
    out.append(std::to_string(summary.Count(Verdict::kStaleBaseline))).append("\n");
    AppendCaseList(report, verdict_is(Verdict::kStaleBaseline), &out);
  }
  if (summary.Count(Verdict::kError) > 0) {
    out.append("harness errors: ").append(std::to_string(summary.Count(Verdict::kError)));
    out.append("\n");
    AppendCaseList(report, verdict_is(Verdict::kError), &out);
  }
  out.append(Outcome(ExitCodeFor(report))).append("\n");
  return out;
}

}  // namespace cimulate::conform
