// ToJson: the writer side of report/json.h.
#include "journal/json_writer.h"
#include "report/json.h"

namespace cimulate::conform {
namespace {

using fake::JsonWriter;

void WriteCheck(const Check& check, JsonWriter* w) {
  w->BeginObject();
  w->Key("what").String(check.what);
  w->Key("expected").String(check.expected);
  w->Key("actual").String(check.actual);
  w->Key("where").String(check.where);
  w->Key("passed").Bool(check.passed);
  w->EndObject();
}

void WriteStep(const StepReport& step, JsonWriter* w) {
  w->BeginObject();
  w->Key("index").Uint(step.index);
  w->Key("kind").String(step.kind);
  w->Key("as").String(step.as);
  w->Key("thread").String(step.thread);
  w->Key("where").String(step.where);
  w->Key("start_us").Int(step.start_us);
  w->Key("duration_us").Int(step.duration_us);
  w->Key("checks").BeginArray();
  for (const Check& check : step.checks) WriteCheck(check, w);
  w->EndArray();
  w->EndObject();
}

void WriteCase(const CaseResult& result, JsonWriter* w) {
  w->BeginObject();
  w->Key("name").String(result.name);
  w->Key("summary").String(result.summary);
  w->Key("source").String(result.source);
  w->Key("clause").String(result.clause);
  w->Key("strength").String(StrengthName(result.strength));
  w->Key("tags").BeginArray();
  for (const std::string& tag : result.tags) w->String(tag);
  w->EndArray();
  w->Key("verdict").String(VerdictName(result.verdict));
  w->Key("reason").String(result.reason);
  w->Key("stacks").String(result.stacks);
  w->Key("output").String(result.output);
  w->Key("seed").Uint(result.seed);
  w->Key("duration_us").Int(result.duration_us);
  w->Key("network").String(result.network);
  w->Key("steps").BeginArray();
  for (const StepReport& step : result.steps) WriteStep(step, w);
  w->EndArray();
  w->EndObject();
}

}  // namespace

std::string ToJson(const RunReport& report) {
  JsonWriter w;
  w.BeginObject();
  w.Key("schema").String(kJsonSchema);
  w.Key("implementation").String(report.implementation);
  w.Key("started_at").String(report.started_at);
  w.Key("shard").String(report.shard);
  w.Key("duration_us").Int(report.duration_us);
  w.Key("cases").BeginArray();
  for (const CaseResult& result : report.cases) WriteCase(result, &w);
  w.EndArray();
  w.EndObject();
  std::string out = w.Take();
  out.push_back('\n');
  return out;
}

}  // namespace cimulate::conform
