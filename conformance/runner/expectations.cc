#include "runner/expectations.h"

#include <strings.h>

#include "core/error.h"

namespace cimulate::conform {
namespace {

std::string Where(const scenario::Scenario& s, const scenario::Mark& mark) {
  return s.source + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

std::string ResultText(MI_Result r) {
  const char* name = core::ResultName(r);
  return name ? name : std::to_string(static_cast<int>(r));
}

std::string Milliseconds(std::int64_t us) { return std::to_string(us / 1000) + " ms"; }

std::string ListText(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

class CheckList {
 public:
  CheckList(std::string where) : where_(std::move(where)) {}

  void Add(std::string what, std::string expected, std::string actual, bool passed) {
    checks_.push_back(Check{std::move(what), std::move(expected), std::move(actual), where_, passed});
  }
  void AddEqual(std::string what, std::string expected, std::string actual) {
    bool same = expected == actual;
    Add(std::move(what), std::move(expected), std::move(actual), same);
  }
  std::vector<Check> Take() { return std::move(checks_); }

 private:
  std::string where_;
  std::vector<Check> checks_;
};

void CheckError(const scenario::ErrorExpectation& e, const StepOutcome& out, CheckList* checks) {
  bool want_present = e.present.value_or(true);
  checks->AddEqual("error.present", want_present ? "true" : "false", out.error_present ? "true" : "false");
  if (!want_present || !out.error_present) return;
  if (!e.class_name.empty()) {
    bool same = ::strcasecmp(e.class_name.c_str(), out.error.class_name.c_str()) == 0;
    checks->Add("error.class", e.class_name, out.error.class_name, same);
  }
  for (const scenario::PropertyValue& p : e.properties) {
    const std::string* actual = out.error.Find(p.name);
    checks->AddEqual("error." + p.name, ValueText(p.value), actual ? *actual : "absent");
  }
}

std::vector<std::string> InstanceIds(const StepOutcome& out, const scenario::DataSet& data) {
  std::vector<std::string> ids;
  for (const InstanceSnapshot& s : out.instances) {
    std::string id = IdentifyInstance(s, data);
    ids.push_back(id.empty() ? "?" + s.class_name : id);
  }
  return ids;
}

std::string ClassOfResource(const std::string& uri) {
  std::size_t slash = uri.rfind('/');
  return slash == std::string::npos ? uri : uri.substr(slash + 1);
}

// The journal keeps the action as the engine named it: a short name or the
// whole WS-Addressing URI; facts name the short form.  A method's action is
// the resource URI followed by the method's name (DSP0226 9.1), so it reads
// as "Invoke", the name facts use.
std::string ShortAction(const fake::RequestRecord& r) {
  const std::string& action = r.note.action;
  const std::string& resource = r.note.resource_uri;
  if (!resource.empty() && action.size() > resource.size() + 1 && action.compare(0, resource.size(), resource) == 0 &&
      action[resource.size()] == '/') {
    return scenario::ActionName(scenario::Action::kInvoke);
  }
  std::size_t slash = action.rfind('/');
  return slash == std::string::npos ? action : action.substr(slash + 1);
}

std::string FactText(const scenario::RequestFact& f) {
  std::string out = f.action ? scenario::ActionName(*f.action) : "*";
  if (!f.class_name.empty()) out += " " + f.class_name;
  if (f.listener) out += std::string(" @") + scenario::ListenerName(*f.listener);
  return out;
}

// The journal record in the same form, with only the fields the fact names.
std::string RecordText(const fake::RequestRecord& r, const scenario::RequestFact& shape) {
  std::string out = shape.action ? ShortAction(r) : "*";
  if (!shape.class_name.empty()) out += " " + ClassOfResource(r.note.resource_uri);
  if (shape.listener) out += " @" + r.listener;
  return out;
}

bool FactMatches(const scenario::RequestFact& f, const fake::RequestRecord& r) {
  if (f.action && ShortAction(r) != scenario::ActionName(*f.action)) return false;
  if (!f.class_name.empty() && ::strcasecmp(f.class_name.c_str(), ClassOfResource(r.note.resource_uri).c_str()) != 0) {
    return false;
  }
  return !f.listener || r.listener == scenario::ListenerName(*f.listener);
}

void CheckJournal(const scenario::JournalExpectation& e, const fake::Journal* journal, CheckList* checks) {
  if (!journal) {
    checks->Add("journal", "the fake's journal", "no fake endpoint is running", false);
    return;
  }
  for (const auto& [listener, count] : e.connections) {
    const char* name = scenario::ListenerName(listener);
    checks->AddEqual(std::string("journal.connections.") + name, std::to_string(count),
                     std::to_string(journal->ConnectionsAccepted(name)));
  }
  if (e.requests.empty()) return;
  std::vector<fake::RequestRecord> records = journal->Requests();
  std::vector<std::string> expected, actual;
  bool same = records.size() == e.requests.size();
  for (std::size_t i = 0; i < e.requests.size(); ++i) {
    expected.push_back(FactText(e.requests[i]));
    if (i < records.size()) same = same && FactMatches(e.requests[i], records[i]);
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    actual.push_back(RecordText(records[i], e.requests[std::min(i, e.requests.size() - 1)]));
  }
  checks->Add("journal.requests", ListText(expected), ListText(actual), same);
}

std::string ThreadText(const StepOutcome& out) {
  if (out.callbacks_on_caller.empty()) return "none";
  std::size_t on_caller = 0;
  for (bool b : out.callbacks_on_caller) on_caller += b ? 1 : 0;
  if (on_caller == out.callbacks_on_caller.size()) return "caller";
  return on_caller == 0 ? "other" : "mixed";
}

void CheckCallbacks(const scenario::CallbackExpectation& e, const StepOutcome& out, CheckList* checks) {
  if (e.count) checks->AddEqual("callbacks.count", std::to_string(*e.count), std::to_string(out.callbacks.size()));
  if (e.order) checks->AddEqual("callbacks.order", ListText(*e.order), ListText(out.callbacks));
  if (e.thread != scenario::CallbackExpectation::Thread::kAny) {
    checks->AddEqual("callbacks.thread", e.thread == scenario::CallbackExpectation::Thread::kCaller ? "caller" : "other",
                     ThreadText(out));
  }
}

void CheckTime(const scenario::TimeExpectation& t, const StepOutcome& out, const ExpectationInputs& inputs,
               CheckList* checks) {
  std::int64_t took = out.end_us - out.start_us;
  if (t.returns_within_ms) {
    checks->Add("time.returns_within_ms", "<= " + std::to_string(*t.returns_within_ms) + " ms", Milliseconds(took),
                took <= static_cast<std::int64_t>(*t.returns_within_ms) * 1000);
  }
  if (t.blocks_for_ms) {
    checks->Add("time.blocks_for_ms", ">= " + std::to_string(*t.blocks_for_ms) + " ms", Milliseconds(took),
                took >= static_cast<std::int64_t>(*t.blocks_for_ms) * 1000);
  }
  if (!t.after_step.empty() && t.within_ms) {
    std::string what = "time.after." + t.after_step;
    std::string expected = "<= " + std::to_string(*t.within_ms) + " ms after " + t.after_step + " returned";
    std::optional<std::int64_t> other = inputs.step_end_us ? inputs.step_end_us(t.after_step) : std::nullopt;
    if (!other) {
      checks->Add(what, expected, t.after_step + " has not returned", false);
    } else {
      std::int64_t gap = out.end_us - *other;
      checks->Add(what, expected, Milliseconds(gap), gap <= static_cast<std::int64_t>(*t.within_ms) * 1000);
    }
  }
}

}  // namespace

std::vector<Check> CheckExpectation(const scenario::Expectation& expect, const StepOutcome& outcome,
                                    const ExpectationInputs& inputs) {
  CheckList checks(Where(*inputs.scenario, expect.mark));
  if (expect.result) {
    checks.AddEqual("result", ResultText(*expect.result),
                    outcome.result ? ResultText(*outcome.result) : std::string("no result"));
  }
  if (expect.error) CheckError(*expect.error, outcome, &checks);
  if (expect.instances) {
    checks.AddEqual("instances", ListText(*expect.instances), ListText(InstanceIds(outcome, inputs.scenario->endpoint.data)));
  }
  if (expect.instance_count) {
    checks.AddEqual("instance_count", std::to_string(*expect.instance_count), std::to_string(outcome.instances.size()));
  }
  if (expect.journal) CheckJournal(*expect.journal, inputs.journal, &checks);
  if (expect.callbacks) CheckCallbacks(*expect.callbacks, outcome, &checks);
  CheckTime(expect.time, outcome, inputs, &checks);
  return checks.Take();
}

}  // namespace cimulate::conform
