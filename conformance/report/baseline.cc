#include "report/baseline.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "report/names.h"
#include "report/text.h"
#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace cimulate::conform {
namespace {

using scenario::Diagnostics;
using scenario::YamlNode;

constexpr std::string_view kXfailPrefix = "expected failure (";
constexpr std::string_view kBaselineNote = " [baseline: ";

std::string Where(const Diagnostics& diagnostics, const YamlNode& node) {
  return diagnostics.file() + ":" + std::to_string(node.mark.line) + ":" +
         std::to_string(node.mark.column);
}

bool ReadName(const YamlNode& node, const char* what, Diagnostics* diagnostics, std::string* out) {
  if (!node.IsScalar() || node.text.empty()) {
    diagnostics->Add(
        node.mark, std::string(what) + ": expected a case name, found " + scenario::Describe(node));
    return false;
  }
  *out = node.text;
  return true;
}

// One entry of expected_failures: a plain name or {case, reason}.
bool ReadEntry(const YamlNode& node, Diagnostics* diagnostics, ExpectedFailure* entry) {
  entry->where = Where(*diagnostics, node);
  if (node.IsScalar()) return ReadName(node, "expected_failures entry", diagnostics, &entry->name);
  if (!node.IsMap()) {
    diagnostics->Add(node.mark,
                     "expected_failures entry: expected a case name or a map with "
                     "case and reason, found " +
                         scenario::Describe(node));
    return false;
  }
  bool ok = true;
  for (const auto& [key, value] : node.entries) {
    if (key.text == "case") {
      ok = ReadName(value, "case", diagnostics, &entry->name) && ok;
    } else if (key.text == "reason") {
      if (value.IsScalar()) {
        entry->reason = value.text;
      } else if (!value.IsNull()) {
        diagnostics->Add(value.mark, "reason: expected text, found " + scenario::Describe(value));
        ok = false;
      }
    } else {
      diagnostics->Add(key.mark, "unknown key \"" + key.text + "\" (expected case, reason)");
      ok = false;
    }
  }
  if (ok && node.Find("case") == nullptr) {
    diagnostics->Add(node.mark, "expected_failures entry: missing case");
    ok = false;
  }
  return ok;
}

void ReadExpectedFailures(const YamlNode& node, Diagnostics* diagnostics, Baseline* baseline) {
  if (node.IsNull()) return;
  if (!node.IsSequence()) {
    diagnostics->Add(node.mark,
                     "expected_failures: expected a sequence, found " + scenario::Describe(node));
    return;
  }
  std::unordered_map<std::string, std::string> first_listed;
  for (const YamlNode& item : node.items) {
    ExpectedFailure entry;
    if (!ReadEntry(item, diagnostics, &entry)) continue;
    auto [it, inserted] = first_listed.emplace(entry.name, entry.where);
    if (!inserted) {
      diagnostics->Add(item.mark,
                       "case \"" + entry.name + "\" is listed twice (first at " + it->second + ")");
      continue;
    }
    baseline->expected_failures.push_back(std::move(entry));
  }
}

void ReadRoot(const YamlNode& root, Diagnostics* diagnostics, Baseline* baseline) {
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    diagnostics->Add(root.mark,
                     "a baseline is a map with implementation and expected_failures, "
                     "found " +
                         scenario::Describe(root));
    return;
  }
  for (const auto& [key, value] : root.entries) {
    if (key.text == "implementation") {
      if (value.IsScalar()) {
        baseline->implementation = value.text;
      } else if (!value.IsNull()) {
        diagnostics->Add(value.mark,
                         "implementation: expected text, found " + scenario::Describe(value));
      }
    } else if (key.text == "expected_failures") {
      ReadExpectedFailures(value, diagnostics, baseline);
    } else {
      diagnostics->Add(key.mark, "unknown key \"" + key.text +
                                     "\" (expected implementation, expected_failures)");
    }
  }
}

std::string JoinErrors(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& diagnostic : diagnostics.errors()) {
    if (!out.empty()) out += "\n";
    out += diagnostic.ToString();
  }
  if (diagnostics.count() > diagnostics.errors().size()) {
    out += "\n" + diagnostics.file() + ": " +
           std::to_string(diagnostics.count() - diagnostics.errors().size()) + " more errors";
  }
  return out;
}

// What BaselineFromRun says about a case: an XFAIL keeps the baseline's own
// note if it had one, else its original verdict and reason.
std::string ReasonForBaseline(const CaseResult& result) {
  std::string_view reason = result.reason;
  if (result.verdict != Verdict::kExpectedFailure) {
    return std::string(VerdictName(result.verdict)) + (reason.empty() ? "" : ": ") +
           std::string(reason);
  }
  const std::size_t note = reason.rfind(kBaselineNote);
  if (note != std::string_view::npos && reason.back() == ']') {
    return std::string(reason.substr(note + kBaselineNote.size(),
                                     reason.size() - note - kBaselineNote.size() - 1));
  }
  if (reason.substr(0, kXfailPrefix.size()) == kXfailPrefix) {
    reason.remove_prefix(kXfailPrefix.size());
    const std::size_t close = reason.find("): ");
    if (close != std::string_view::npos) {
      return std::string(reason.substr(0, close)) + ": " + std::string(reason.substr(close + 3));
    }
  }
  return std::string(reason);
}

}  // namespace

bool ParseBaseline(std::string_view text, const std::string& file, Baseline* baseline,
                   std::string* error) {
  Diagnostics diagnostics(file);
  std::vector<YamlNode> documents;
  scenario::YamlLimits limits;
  Baseline parsed;
  if (ParseYaml(text, limits, &diagnostics, &documents)) {
    if (documents.size() > 1) {
      diagnostics.Add(documents[1].mark,
                      "a baseline is one YAML document, found " + std::to_string(documents.size()));
    } else if (documents.size() == 1) {
      ReadRoot(documents.front(), &diagnostics, &parsed);
    }
  }
  if (!diagnostics.empty()) {
    *error = JoinErrors(diagnostics);
    return false;
  }
  *baseline = std::move(parsed);
  return true;
}

bool LoadBaseline(const std::string& path, Baseline* baseline, std::string* error) {
  // Checked before reading: a directory reads as an empty (valid) baseline,
  // and a huge file should not be read into memory only to be refused.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    *error = path + ": cannot open the baseline file";
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    *error = path + ": the baseline is not a regular file";
    return false;
  }
  const std::size_t limit = scenario::YamlLimits().max_bytes;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limit) {
    *error = path + ": the baseline is " + std::to_string(size) +
             " bytes, larger than the limit of " + std::to_string(limit) + " bytes";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open the baseline file";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    *error = path + ": cannot read the baseline file";
    return false;
  }
  return ParseBaseline(text.str(), path, baseline, error);
}

std::vector<std::string> ApplyBaseline(const Baseline& baseline, RunReport* report) {
  std::unordered_map<std::string, std::vector<CaseResult*>> cases_named;
  for (CaseResult& result : report->cases) cases_named[result.name].push_back(&result);
  std::vector<std::string> warnings;
  for (const ExpectedFailure& entry : baseline.expected_failures) {
    auto it = cases_named.find(entry.name);
    if (it == cases_named.end()) {
      warnings.push_back(entry.where + ": case \"" + entry.name +
                         "\" is in the baseline but not in this run");
      continue;
    }
    for (CaseResult* result : it->second) {
      if (IsImplementationFailure(result->verdict)) {
        result->reason =
            std::string(kXfailPrefix) + VerdictName(result->verdict) + "): " + result->reason;
        if (!entry.reason.empty()) {
          result->reason += std::string(kBaselineNote) + entry.reason + "]";
        }
        result->verdict = Verdict::kExpectedFailure;
      } else if (result->verdict == Verdict::kPass) {
        result->verdict = Verdict::kStaleBaseline;
        result->reason = "stale baseline: the case passes, but " + entry.where +
                         " lists it as an expected failure; delete that entry";
      }
    }
  }
  return warnings;
}

std::string BaselineFromRun(const RunReport& report) {
  YAML::Emitter out;
  out << YAML::Comment(
      "Expected failures of a cimulate-conform run" +
      (report.started_at.empty() ? std::string() : " started " + SanitizeLine(report.started_at)) +
      ". A listed case that passes fails the run: delete its entry.");
  out << YAML::BeginMap;
  out << YAML::Key << "implementation" << YAML::Value << SanitizeLine(report.implementation);
  out << YAML::Key << "expected_failures" << YAML::Value << YAML::BeginSeq;
  for (const CaseResult& result : report.cases) {
    if (!IsImplementationFailure(result.verdict) && result.verdict != Verdict::kExpectedFailure) {
      continue;
    }
    out << YAML::BeginMap;
    out << YAML::Key << "case" << YAML::Value << YAML::DoubleQuoted << result.name;
    out << YAML::Key << "reason" << YAML::Value << YAML::DoubleQuoted
        << SanitizeLine(ReasonForBaseline(result));
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace cimulate::conform
