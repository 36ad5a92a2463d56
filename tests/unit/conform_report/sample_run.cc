#include "sample_run.h"

#include <tuple>
#include <utility>

namespace cimulate::conform::testing {

std::string AwkwardText() {
  std::string text = "quote\" backslash\\ tab\t newline\n cr\r bell\x07 esc\x1b[31m ";
  text.push_back('\0');
  text += " <b>&amp;</b> </script> ]]> é € 𝄞 'single'";
  return text;
}

CaseResult MakeCase(std::string name, Verdict verdict, Strength strength, std::string source) {
  CaseResult result;
  result.name = std::move(name);
  result.summary = "summary of " + result.name;
  result.source = std::move(source);
  result.clause = "MI_Application_NewSession/deferred-connection";
  result.strength = strength;
  result.tags = {"winrm", "deferred"};
  result.verdict = verdict;
  result.reason =
      verdict == Verdict::kPass ? "" : std::string("reason for ") + VerdictName(verdict);
  result.seed = 42;
  result.duration_us = 12'345;
  result.network = "loopback";
  return result;
}

RunReport SampleRun() {
  RunReport run;
  run.implementation = "cimulate (built-in)";
  run.started_at = "2026-11-21T10:00:00Z";
  run.shard = "";
  run.duration_us = 2'500'000;

  run.cases.push_back(MakeCase("group/pass", Verdict::kPass));

  CaseResult fail = MakeCase("group/fail", Verdict::kFail);
  StepReport first;
  first.index = 0;
  first.kind = "new_session";
  first.as = "s";
  first.thread = "main";
  first.where = "sample.yaml:10:5";
  first.start_us = 10;
  first.duration_us = 200;
  first.checks.push_back(Check{"result", "MI_RESULT_OK", "MI_RESULT_OK", "sample.yaml:11:7", true});
  StepReport second = first;
  second.index = 1;
  second.kind = "get_instance";
  second.as = "op";
  second.checks = {Check{"error.CIMStatusCode", "6", AwkwardText(), "sample.yaml:14:9", false}};
  fail.steps = {first, second};
  fail.reason = "error.CIMStatusCode: expected 6, actual " + AwkwardText();
  fail.output = AwkwardText();
  run.cases.push_back(fail);

  CaseResult hang = MakeCase("shutdown/hang", Verdict::kHang);
  StepReport stuck = first;
  stuck.kind = "close_application";
  stuck.duration_us = -1;
  stuck.checks.clear();
  hang.steps = {stuck};
  hang.stacks = "Thread 1 (LWP 7):\n#0  futex_wait () at " + AwkwardText();
  run.cases.push_back(hang);

  CaseResult crash = MakeCase("group/crash", Verdict::kCrash, Strength::kShould);
  crash.reason = "killed by SIGSEGV";
  run.cases.push_back(crash);
  run.cases.push_back(MakeCase("wmidcom/skip", Verdict::kSkip, Strength::kMust,
                               "scenarios/conformance/other.yaml"));
  run.cases.push_back(MakeCase("group/xfail", Verdict::kExpectedFailure, Strength::kMay));
  run.cases.push_back(MakeCase("group/stale", Verdict::kStaleBaseline));
  CaseResult error = MakeCase("group/error", Verdict::kError);
  error.summary = AwkwardText();
  error.seed = 0xFFFF'FFFF'FFFF'FFFFull;
  error.tags.push_back(AwkwardText());
  run.cases.push_back(error);
  return run;
}

bool SameCheck(const Check& a, const Check& b) {
  return std::tie(a.what, a.expected, a.actual, a.where, a.passed) ==
         std::tie(b.what, b.expected, b.actual, b.where, b.passed);
}

bool SameStep(const StepReport& a, const StepReport& b) {
  if (std::tie(a.index, a.kind, a.as, a.thread, a.where, a.start_us, a.duration_us) !=
          std::tie(b.index, b.kind, b.as, b.thread, b.where, b.start_us, b.duration_us) ||
      a.checks.size() != b.checks.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.checks.size(); ++i) {
    if (!SameCheck(a.checks[i], b.checks[i])) return false;
  }
  return true;
}

bool SameCase(const CaseResult& a, const CaseResult& b) {
  if (std::tie(a.name, a.summary, a.source, a.clause, a.strength, a.tags, a.verdict, a.reason,
               a.stacks, a.output, a.seed, a.duration_us, a.network) !=
          std::tie(b.name, b.summary, b.source, b.clause, b.strength, b.tags, b.verdict, b.reason,
                   b.stacks, b.output, b.seed, b.duration_us, b.network) ||
      a.steps.size() != b.steps.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    if (!SameStep(a.steps[i], b.steps[i])) return false;
  }
  return true;
}

bool SameRun(const RunReport& a, const RunReport& b) {
  if (std::tie(a.implementation, a.started_at, a.shard, a.duration_us) !=
          std::tie(b.implementation, b.started_at, b.shard, b.duration_us) ||
      a.cases.size() != b.cases.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    if (!SameCase(a.cases[i], b.cases[i])) return false;
  }
  return true;
}

}  // namespace cimulate::conform::testing
