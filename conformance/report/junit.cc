#include "report/junit.h"

#include <map>
#include <sstream>
#include <vector>

#include <pugixml.hpp>

#include "report/details.h"
#include "report/names.h"
#include "report/text.h"

namespace cimulate::conform {
namespace {

// Cases grouped by scenario file, files in order of first appearance.
std::vector<std::pair<std::string, std::vector<const CaseResult*>>> GroupBySource(
    const RunReport& report) {
  std::vector<std::pair<std::string, std::vector<const CaseResult*>>> groups;
  std::map<std::string, std::size_t> index_of;
  for (const CaseResult& result : report.cases) {
    const std::string source = result.source.empty() ? "(no source)" : result.source;
    auto [it, inserted] = index_of.emplace(source, groups.size());
    if (inserted) groups.emplace_back(source, std::vector<const CaseResult*>());
    groups[it->second].second.push_back(&result);
  }
  return groups;
}

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  std::int64_t micros = 0;

  void Add(const CaseResult& result) {
    ++tests;
    micros += result.duration_us > 0 ? result.duration_us : 0;
    switch (result.verdict) {
      case Verdict::kFail:
      case Verdict::kStaleBaseline: ++failures; break;
      case Verdict::kHang:
      case Verdict::kCrash:
      case Verdict::kError: ++errors; break;
      case Verdict::kSkip: ++skipped; break;
      default: break;
    }
  }

  void SetOn(pugi::xml_node node, const std::string& timestamp) const {
    node.append_attribute("tests") = static_cast<unsigned long long>(tests);
    node.append_attribute("failures") = static_cast<unsigned long long>(failures);
    node.append_attribute("errors") = static_cast<unsigned long long>(errors);
    node.append_attribute("skipped") = static_cast<unsigned long long>(skipped);
    node.append_attribute("time") = FormatSeconds(micros).c_str();
    if (!timestamp.empty()) node.append_attribute("timestamp") = timestamp.c_str();
  }
};

void SetText(pugi::xml_node node, const std::string& text) {
  node.text().set(SanitizeText(text).c_str());
}

void SetAttribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name) = SanitizeText(value).c_str();
}

std::string StrengthPrefix(const CaseResult& result) {
  if (result.strength == Strength::kMust) return "";
  return std::string("[") + StrengthName(result.strength) + "] ";
}

// The <failure>, <error> or <skipped> child, if the verdict has one.
void AppendOutcome(const CaseResult& result, pugi::xml_node testcase) {
  const char* element = nullptr;
  std::string body = FailureDetails(result);
  switch (result.verdict) {
    case Verdict::kFail:
    case Verdict::kStaleBaseline: element = "failure"; break;
    case Verdict::kHang:
    case Verdict::kCrash:
    case Verdict::kError:
      element = "error";
      if (!result.stacks.empty()) body += "\nstacks:\n" + result.stacks;
      break;
    case Verdict::kSkip: {
      pugi::xml_node skipped = testcase.append_child("skipped");
      SetAttribute(skipped, "message", result.reason);
      return;
    }
    default: return;
  }
  pugi::xml_node node = testcase.append_child(element);
  SetAttribute(node, "message", StrengthPrefix(result) + result.reason);
  node.append_attribute("type") = VerdictName(result.verdict);
  if (!body.empty()) SetText(node, body);
}

std::string SystemOut(const CaseResult& result) {
  std::string out = std::string("strength: ") + StrengthName(result.strength) + "\n";
  out += "verdict: " + std::string(VerdictName(result.verdict)) + "\n";
  out += "seed: " + std::to_string(result.seed) + "\n";
  if (!result.source.empty()) out += "source: " + result.source + "\n";
  if (!result.network.empty()) out += "network: " + result.network + "\n";
  if (!result.tags.empty()) {
    out += "tags:";
    for (const std::string& tag : result.tags) out += " " + tag;
    out += "\n";
  }
  if (!result.summary.empty()) out += "summary: " + result.summary + "\n";
  if (result.verdict == Verdict::kExpectedFailure) {
    out += "note: counted as passed because the baseline lists it: " + result.reason + "\n";
  }
  return out;
}

void AppendCase(const CaseResult& result, pugi::xml_node suite) {
  pugi::xml_node testcase = suite.append_child("testcase");
  SetAttribute(testcase, "classname", result.clause.empty() ? result.source : result.clause);
  SetAttribute(testcase, "name", result.name);
  testcase.append_attribute("time") = FormatSeconds(result.duration_us).c_str();
  AppendOutcome(result, testcase);
  SetText(testcase.append_child("system-out"), SystemOut(result));
  if (!result.output.empty()) SetText(testcase.append_child("system-err"), result.output);
}

void AppendProperty(pugi::xml_node properties, const char* name, const std::string& value) {
  pugi::xml_node property = properties.append_child("property");
  property.append_attribute("name") = name;
  SetAttribute(property, "value", value);
}

}  // namespace

std::string ToJunitXml(const RunReport& report) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";

  pugi::xml_node suites = doc.append_child("testsuites");
  SetAttribute(suites, "name", "cimulate-conform: " + report.implementation);
  Counts all;
  for (const CaseResult& result : report.cases) all.Add(result);
  // With --jobs the cases overlap: the run's own wall time, not their sum.
  if (report.duration_us > 0) all.micros = report.duration_us;
  all.SetOn(suites, "");

  for (const auto& [source, cases] : GroupBySource(report)) {
    pugi::xml_node suite = suites.append_child("testsuite");
    SetAttribute(suite, "name", source);
    Counts counts;
    for (const CaseResult* result : cases) counts.Add(*result);
    counts.SetOn(suite, SanitizeText(report.started_at));
    pugi::xml_node properties = suite.append_child("properties");
    AppendProperty(properties, "implementation", report.implementation);
    if (!report.shard.empty()) AppendProperty(properties, "shard", report.shard);
    for (const CaseResult* result : cases) AppendCase(*result, suite);
  }

  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace cimulate::conform
