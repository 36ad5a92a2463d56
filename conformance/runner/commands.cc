#include "runner/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "report/baseline.h"
#include "report/console.h"
#include "report/exit_code.h"
#include "report/html.h"
#include "report/json.h"
#include "report/junit.h"
#include "report/matrix.h"
#include "report/merge.h"
#include "runner/case_catalog.h"
#include "runner/case_selection.h"
#include "runner/explain.h"
#include "runner/mi_library.h"
#include "runner/suite_runner.h"
#include "scenario/loader.h"

namespace cimulate::conform {
namespace {

void Error(const std::string& message) { std::cerr << "cimulate-conform: " << message << "\n"; }

std::string SelfExecutable() {
  char buffer[4096];
  ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n <= 0) return "";
  return std::string(buffer, static_cast<std::size_t>(n));
}

std::vector<std::string> ScenarioPaths(const CommandLine& cl) {
  if (!cl.scenarios.empty()) return cl.scenarios;
  const char* env = std::getenv("CIMULATE_CONFORM_SCENARIOS");
  return {env && *env ? env : CIMULATE_DEFAULT_SCENARIOS};
}

// Loads, filters and shards the cases; false (after printing why) on a
// scenario or usage error.
bool SelectedCases(const CommandLine& cl, std::vector<CaseRef>* out) {
  CaseFilter filter;
  std::string error;
  if (!CaseFilter::Parse(cl.filter, &filter, &error)) {
    Error(error);
    return false;
  }
  std::vector<CaseRef> cases;
  std::vector<std::string> errors;
  if (!LoadCases(ScenarioPaths(cl), &cases, &errors)) {
    for (const std::string& e : errors) std::cerr << e << "\n";
    return false;
  }
  std::size_t loaded = cases.size();
  Shard everything;
  std::size_t matching = SelectCases(cases, filter, everything).size();
  if (!cl.filter.empty() && matching == 0) {
    Error("no case of " + std::to_string(loaded) + " matches the filter '" + cl.filter + "'");
    return false;
  }
  *out = SelectCases(std::move(cases), filter, cl.shard.value_or(Shard{}));
  return true;
}

bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  file.close();
  if (!file) {
    Error("cannot write " + path);
    return false;
  }
  return true;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream text;
  text << file.rdbuf();
  *out = text.str();
  return true;
}

// Every report the command line asks for; false if one could not be written.
bool WriteRunReports(const CommandLine& cl, const RunReport& report) {
  bool ok = true;
  if (!cl.json.empty()) ok = WriteFile(cl.json, ToJson(report)) && ok;
  if (!cl.junit.empty()) ok = WriteFile(cl.junit, ToJunitXml(report)) && ok;
  if (!cl.html.empty()) ok = WriteFile(cl.html, ToHtml(report)) && ok;
  return ok;
}

// The runs grouped by implementation, in order of first appearance, each
// group's shards merged into one run.
bool MergeByImplementation(std::vector<RunReport> runs, std::vector<RunReport>* merged, std::string* error) {
  std::vector<std::vector<RunReport>> groups;
  for (RunReport& run : runs) {
    auto it = std::find_if(groups.begin(), groups.end(), [&run](const std::vector<RunReport>& g) {
      return g.front().implementation == run.implementation;
    });
    if (it == groups.end()) {
      groups.emplace_back();
      it = groups.end() - 1;
    }
    it->push_back(std::move(run));
  }
  for (const std::vector<RunReport>& group : groups) {
    RunReport one;
    if (!MergeShards(group, &one, error)) return false;
    merged->push_back(std::move(one));
  }
  return true;
}

}  // namespace

int RunCommand(const CommandLine& cl) {
  std::string implementation = cl.implementation.empty() ? CIMULATE_BUILTIN_MI_LIBRARY : cl.implementation;
  std::string error;
  if (!ProbeMiLibrary(implementation, &error)) {
    Error(error);
    return cl.implementation.empty() ? kExitHarnessError : kExitUsageError;
  }
  std::vector<CaseRef> cases;
  if (!SelectedCases(cl, &cases)) return kExitUsageError;
  Baseline baseline;
  if (!cl.baseline.empty() && !LoadBaseline(cl.baseline, &baseline, &error)) {
    std::cerr << error << "\n";
    return kExitUsageError;
  }

  SuiteOptions options;
  options.supervise.runner_executable = SelfExecutable();
  options.supervise.implementation = implementation;
  options.supervise.default_step_deadline_ms = cl.step_deadline_ms;
  options.supervise.private_network = cl.private_network;
  options.supervise.capture_stacks = cl.capture_stacks;
  options.jobs = cl.jobs;
  options.implementation_name = cl.implementation.empty() ? "cimulate (built-in)" : cl.implementation;
  options.shard = cl.shard_text;
  // The console shows each case as the baseline will judge it; the whole
  // run is judged again at the end, when unlisted entries can be named.
  options.on_case = [&baseline](const CaseResult& result, std::size_t finished, std::size_t total) {
    RunReport one;
    one.cases.push_back(result);
    ApplyBaseline(baseline, &one);
    std::cout << ConsoleLine(one.cases[0], finished, total) << std::endl;
  };
  RunReport report = RunSuite(cases, options);
  for (const std::string& warning : ApplyBaseline(baseline, &report)) std::cerr << "warning: " << warning << "\n";
  bool written = WriteRunReports(cl, report);
  std::cout << ConsoleSummary(report);
  int code = ExitCodeFor(report);
  return written ? code : kExitHarnessError;
}

int ReportCommand(const CommandLine& cl) {
  std::vector<RunReport> runs;
  for (const std::string& path : cl.inputs) {
    std::string text, error;
    RunReport run;
    if (!ReadFile(path, &text) || !FromJson(text, &run, &error)) {
      Error(path + ": " + (error.empty() ? "cannot read" : error));
      return kExitUsageError;
    }
    runs.push_back(std::move(run));
  }
  std::vector<RunReport> merged;
  std::string error;
  if (!MergeByImplementation(std::move(runs), &merged, &error)) {
    Error(error);
    return kExitUsageError;
  }
  if (merged.size() > 1 && (!cl.junit.empty() || !cl.json.empty())) {
    Error("--junit and --json take the runs of one implementation (its shards); these name " +
          std::to_string(merged.size()));
    return kExitUsageError;
  }
  bool ok = true;
  if (!cl.html.empty()) ok = WriteFile(cl.html, merged.size() == 1 ? ToHtml(merged[0]) : ToMatrixHtml(merged));
  if (!cl.junit.empty()) ok = WriteFile(cl.junit, ToJunitXml(merged[0])) && ok;
  if (!cl.json.empty()) ok = WriteFile(cl.json, ToJson(merged[0])) && ok;
  if (!ok) return kExitHarnessError;
  int code = kExitPass;
  for (const RunReport& run : merged) {
    std::cout << run.implementation << ": " << ConsoleSummary(run);
    code = std::max(code, ExitCodeFor(run));
  }
  return code;
}

int LintCommand(const CommandLine& cl) {
  std::size_t errors = 0, scenarios = 0;
  for (const std::string& path : cl.inputs) {
    scenario::LoadResult loaded = scenario::LoadScenarioFile(path);
    for (const scenario::Diagnostic& d : loaded.errors) std::cerr << d.ToString() << "\n";
    if (loaded.error_count > loaded.errors.size()) {
      std::cerr << path << ": " << loaded.error_count - loaded.errors.size() << " more errors\n";
    }
    errors += loaded.error_count;
    scenarios += loaded.scenarios.size();
  }
  if (errors) {
    std::cerr << errors << " error" << (errors == 1 ? "" : "s") << "\n";
    return kExitUsageError;
  }
  std::cout << "ok: " << scenarios << " scenario" << (scenarios == 1 ? "" : "s") << " in " << cl.inputs.size()
            << " file" << (cl.inputs.size() == 1 ? "" : "s") << "\n";
  return kExitPass;
}

int ListCommand(const CommandLine& cl) {
  std::vector<CaseRef> cases;
  if (!SelectedCases(cl, &cases)) return kExitUsageError;
  for (const CaseRef& ref : cases) {
    CaseResult c = DescribeCase(ref);
    std::cout << c.name << "\t" << StrengthName(c.strength) << "\t" << (c.clause.empty() ? "-" : c.clause);
    if (!c.tags.empty()) {
      std::cout << "\t";
      for (std::size_t i = 0; i < c.tags.size(); ++i) std::cout << (i ? "," : "") << c.tags[i];
    }
    std::cout << "\n";
  }
  return kExitPass;
}

int ExplainCommand(const CommandLine& cl) {
  std::vector<CaseRef> cases;
  if (!SelectedCases(cl, &cases)) return kExitUsageError;
  for (const CaseRef& ref : cases) {
    if (ref.scenario.name == cl.case_name) {
      std::cout << ExplainCase(ref.scenario);
      return kExitPass;
    }
  }
  Error("no case named '" + cl.case_name + "'");
  return kExitUsageError;
}

}  // namespace cimulate::conform
