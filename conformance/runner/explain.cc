#include "runner/explain.h"

#include "core/error.h"
#include "runner/mi_values.h"
#include "runner/step_plan.h"

namespace cimulate::conform {
namespace {

using scenario::StepKind;

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

std::string DestinationText(const scenario::Destination& d) {
  switch (d.kind) {
    case scenario::Destination::Kind::kNull: return "a NULL destination";
    case scenario::Destination::Kind::kText: return "destination " + Quoted(d.text);
    case scenario::Destination::Kind::kListener:
      return std::string("the fake's ") + scenario::ListenerName(d.listener) + " listener";
  }
  return "";
}

std::string StepText(const scenario::Step& step) {
  switch (step.kind) {
    case StepKind::kInitialize: return "MI_Application_InitializeV1";
    case StepKind::kNewSession: {
      std::string out = "MI_Application_NewSession with protocol " +
                        (step.protocol ? Quoted(*step.protocol) : std::string("NULL")) + " to " +
                        DestinationText(step.destination);
      if (!step.options.user.empty()) out += ", credentials for " + Quoted(step.options.user);
      if (!step.options.transport.empty()) out += ", transport " + step.options.transport;
      if (step.options.timeout_ms) out += ", timeout " + std::to_string(*step.options.timeout_ms) + " ms";
      if (step.callbacks) out += ", with session callbacks";
      return out;
    }
    case StepKind::kCancel: return "MI_Operation_Cancel";
    case StepKind::kCloseOperation: return "MI_Operation_Close";
    case StepKind::kCloseSession:
      return step.completion_callback ? "MI_Session_Close with a completion callback (waits for it)"
                                      : "MI_Session_Close (blocking)";
    case StepKind::kCloseApplication: return "MI_Application_Close";
    default: break;
  }
  std::string out = std::string(step.async ? "async " : "") + scenario::StepName(step.kind);
  if (!step.name_space.empty()) out += " in " + step.name_space;
  if (!step.class_name.empty()) out += " of class " + step.class_name;
  if (!step.instance.empty()) out += " on instance " + Quoted(step.instance);
  if (!step.method.empty()) out += ", method " + step.method;
  if (!step.query.empty()) out += ", query " + Quoted(step.query);
  return out + (step.async ? " (waits for the final result callback)" : " (reads every result)");
}

void ExpectText(const scenario::Expectation& e, std::string* out) {
  auto line = [out](const std::string& text) { *out += "       expects " + text + "\n"; };
  if (e.result) line(std::string("result ") + core::ResultName(*e.result));
  if (e.error) {
    if (!e.error->present.value_or(true)) {
      line("no extended error");
    } else {
      std::string text = "an extended error of class " + e.error->class_name;
      for (const scenario::PropertyValue& p : e.error->properties) text += ", " + p.name + " = " + ValueText(p.value);
      line(text);
    }
  }
  if (e.instances) {
    std::string ids;
    for (const std::string& id : *e.instances) ids += (ids.empty() ? "" : ", ") + id;
    line("instances [" + ids + "] in this order");
  }
  if (e.instance_count) line(std::to_string(*e.instance_count) + " instances");
  if (e.journal) {
    for (const auto& [listener, count] : e.journal->connections) {
      line(std::string("the fake to have accepted ") + std::to_string(count) + " connections on " +
           scenario::ListenerName(listener));
    }
    if (!e.journal->requests.empty()) {
      line("the fake to have seen exactly " + std::to_string(e.journal->requests.size()) + " requests, in order");
    }
  }
  if (e.time.returns_within_ms) line("to return within " + std::to_string(*e.time.returns_within_ms) + " ms");
  if (e.time.blocks_for_ms) {
    line("NOT to return within " + std::to_string(*e.time.blocks_for_ms) +
         " ms (the scenario goes on meanwhile; the step must return later)");
  }
  if (!e.time.after_step.empty() && e.time.within_ms) {
    line("to return within " + std::to_string(*e.time.within_ms) + " ms of step " + Quoted(e.time.after_step));
  }
}

}  // namespace

std::string ExplainCase(const scenario::Scenario& s) {
  std::string out = s.name + (s.summary.empty() ? "" : ": " + s.summary) + "\n";
  if (s.spec) {
    out += "  checks " + std::string(scenario::StrengthName(s.spec->strength)) + ": " + s.spec->clause + "\n";
  }
  if (!s.tags.empty()) {
    out += "  tags:";
    for (const std::string& tag : s.tags) out += " " + tag;
    out += "\n";
  }
  out += "  source: " + s.source + "\n";
  StepPlan plan = PlanSteps(s);
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const scenario::Step& step = s.steps[i].step;
    out += "  " + std::to_string(i + 1) + ". [" + step.thread + "] " + StepText(step);
    if (HasExplicitName(step)) out += " as " + Quoted(step.as);
    out += "; deadline " + std::to_string(plan.steps[i].deadline_ms) + " ms\n";
    if (s.steps[i].expect) ExpectText(*s.steps[i].expect, &out);
  }
  return out;
}

}  // namespace cimulate::conform
