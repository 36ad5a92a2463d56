#include "engine/rule_book.h"

#include "engine/text.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

using Failures = std::vector<std::string>;

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

void Expect(bool ok, Failures* f, const char* field, const std::string& want, const std::string& got) {
  if (!ok) f->push_back(std::string(field) + ": expected " + Quote(want) + ", got " + Quote(got));
}

std::string ActionText(const RequestInfo& info) {
  if (info.action) return scenario::ActionName(*info.action);
  return info.message.headers.action.empty() ? "(none)" : info.message.headers.action;
}

const char* DialectUri(const std::string& name) {
  if (EqualsIgnoreCase(name, "WQL")) return wsman::dialect::kWql;
  if (EqualsIgnoreCase(name, "CQL")) return wsman::dialect::kCql;
  if (EqualsIgnoreCase(name, "Selector")) return wsman::dialect::kSelector;
  return nullptr;
}

void CheckAction(const scenario::Match& m, const RequestInfo& info, Failures* f) {
  if (!m.action) return;
  if (*m.action == scenario::Action::kUri) {
    Expect(info.message.headers.action == m.action_uri, f, "action", m.action_uri, info.message.headers.action);
    return;
  }
  Expect(info.action == m.action, f, "action", scenario::ActionName(*m.action), ActionText(info));
}

void CheckSelectors(const scenario::Match& m, const RequestInfo& info, Failures* f) {
  for (const auto& [name, value] : m.selectors) {
    const wsman::Selector* s = wsman::FindSelector(info.message.headers.selectors, name);
    if (s == nullptr) {
      f->push_back("selectors: no selector " + Quote(name));
    } else {
      Expect(EqualsIgnoreCase(Trim(s->value), value), f, ("selectors." + name).c_str(), value, s->value);
    }
  }
}

void CheckFilter(const scenario::Match& m, const RequestInfo& info, Failures* f) {
  if (!m.filter) return;
  const auto* e = std::get_if<wsman::EnumerateBody>(&info.message.body);
  if (e == nullptr || !e->filter) {
    f->push_back("filter: the request has no enumeration filter");
    return;
  }
  const scenario::FilterMatch& want = *m.filter;
  if (!want.dialect.empty()) {
    const char* uri = DialectUri(want.dialect);
    Expect(e->filter->dialect == (uri ? uri : want.dialect), f, "filter.dialect", uri ? uri : want.dialect,
           e->filter->dialect);
  }
  std::string text = CollapseWhitespace(e->filter->query);
  if (!want.text.empty()) Expect(text == CollapseWhitespace(want.text), f, "filter.text", want.text, text);
  if (!want.contains.empty() && text.find(want.contains) == std::string::npos) {
    f->push_back("filter.contains: " + Quote(want.contains) + " not in " + Quote(text));
  }
}

void CheckHeaders(const scenario::Match& m, const RequestInfo& info, Failures* f) {
  for (const auto& [name, value] : m.http_headers) {
    const std::string* got = info.http->headers.Find(name);
    Expect(got != nullptr && *got == value, f, ("http_headers." + name).c_str(), value, got ? *got : "(absent)");
  }
  for (const auto& [name, value] : m.soap_headers) {
    const std::string* got = info.SoapHeader(name);
    Expect(got != nullptr && *got == value, f, ("soap_headers." + name).c_str(), value, got ? *got : "(absent)");
  }
}

}  // namespace

std::string RuleName(const scenario::Endpoint& endpoint, const scenario::Rule& rule) {
  if (!rule.name.empty()) return rule.name;
  return "endpoint.rules[" + std::to_string(&rule - endpoint.rules.data()) + "]";
}

RuleBook::RuleBook(const scenario::Endpoint& endpoint)
    : endpoint_(endpoint), fired_(endpoint.rules.size()), seen_(endpoint.rules.size()) {}

std::vector<std::string> RuleBook::Failures(const scenario::Match& m, const RequestInfo& info,
                                            const StateMachines& machines) const {
  std::vector<std::string> f;
  if (m.listener) {
    Expect(info.http->listener == scenario::ListenerName(*m.listener), &f, "listener",
           scenario::ListenerName(*m.listener), info.http->listener);
  }
  CheckAction(m, info, &f);
  const std::string& uri = info.message.headers.resource_uri;
  if (!m.resource_uri.empty()) Expect(uri == m.resource_uri, &f, "resource_uri", m.resource_uri, uri);
  if (!m.class_name.empty()) {
    Expect(EqualsIgnoreCase(info.class_name, m.class_name), &f, "class", m.class_name, info.class_name);
  }
  if (!m.method.empty()) Expect(EqualsIgnoreCase(info.method, m.method), &f, "method", m.method, info.method);
  if (!m.name_space.empty()) {
    Expect(EqualsIgnoreCase(wsman::NormalizeNamespace(m.name_space), info.name_space), &f, "namespace",
           m.name_space, info.name_space);
  }
  CheckSelectors(m, info, &f);
  CheckFilter(m, info, &f);
  CheckHeaders(m, info, &f);
  if (!m.user.empty()) Expect(EqualsIgnoreCase(info.user, m.user), &f, "user", m.user, info.user);
  if (m.state) {
    const scenario::StateMachine* machine = endpoint_.FindStateMachine(m.state->machine);
    std::optional<std::string> key = machine ? StateMachines::KeyOf(*machine, info) : std::nullopt;
    if (machine == nullptr) {
      f.push_back("state: no machine " + Quote(m.state->machine));
    } else if (!key) {
      f.push_back("state: the request names no " + StateMachines::KeyKindName(*machine) + " for machine " +
                  Quote(machine->name));
    } else {
      std::string now = machines.StateOf(*machine, *key);
      bool in = false;
      std::string wanted;
      for (const std::string& s : m.state->in) {
        in = in || s == now;
        wanted += (wanted.empty() ? "" : "|") + s;
      }
      Expect(in, &f, ("state." + machine->name).c_str(), wanted, now);
    }
  }
  return f;
}

std::string RuleBook::CounterKey(const scenario::Match& m, const RequestInfo& info) const {
  if (!m.state) return std::string();
  const scenario::StateMachine* machine = endpoint_.FindStateMachine(m.state->machine);
  if (machine == nullptr) return std::string();
  return StateMachines::KeyOf(*machine, info).value_or(std::string());
}

RuleChoice RuleBook::Choose(const RequestInfo& info, const StateMachines& machines) {
  RuleChoice choice;
  size_t fewest = SIZE_MAX;
  for (size_t i = 0; i < endpoint_.rules.size(); ++i) {
    const scenario::Rule& rule = endpoint_.rules[i];
    std::vector<std::string> f = Failures(rule.match, info, machines);
    if (f.empty() && rule.match.nth != 0) {
      std::uint32_t count = ++seen_[i][CounterKey(rule.match, info)];
      if (count != rule.match.nth) {
        f.push_back("nth: this is matching request " + std::to_string(count) + ", the rule answers number " +
                    std::to_string(rule.match.nth));
      }
    }
    if (f.empty() && rule.times != 0 && fired_[i] >= rule.times) {
      f.push_back("times: already used " + std::to_string(fired_[i]) + " of " + std::to_string(rule.times) +
                  " times");
    }
    if (f.empty()) {
      if (choice.rule == nullptr) {
        choice.rule = &rule;
        ++fired_[i];
      }
      continue;
    }
    if (f.size() < fewest) {
      fewest = f.size();
      choice.nearest = RuleName(endpoint_, rule);
      choice.why.clear();
      for (const std::string& s : f) choice.why += (choice.why.empty() ? "" : "; ") + s;
    }
  }
  if (choice.rule != nullptr) choice.nearest.clear(), choice.why.clear();
  return choice;
}

}  // namespace cimulate::fake
