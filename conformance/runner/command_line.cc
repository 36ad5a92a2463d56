#include "runner/command_line.h"

#include <charconv>
#include <map>

namespace cimulate::conform {
namespace {

using Command = CommandLine::Command;

template <typename T>
bool ParseNumber(const std::string& text, T* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

class ArgReader {
 public:
  ArgReader(const std::vector<std::string>& args, std::string* error) : args_(args), error_(error) {}

  bool done() const { return i_ >= args_.size(); }
  const std::string& Next() { return args_[i_++]; }
  // The value of option `name`, either "--name=value" or "--name value".
  bool Value(const std::string& arg, const std::string& name, std::string* out, bool* matched) {
    *matched = false;
    if (arg == name) {
      *matched = true;
      if (done()) return Fail(name + " needs a value");
      *out = Next();
      return true;
    }
    if (arg.rfind(name + "=", 0) == 0) {
      *matched = true;
      *out = arg.substr(name.size() + 1);
      return true;
    }
    return true;
  }
  bool Fail(const std::string& message) {
    *error_ = message;
    return false;
  }

 private:
  const std::vector<std::string>& args_;
  std::string* error_;
  std::size_t i_ = 0;
};

bool ParseRunOption(ArgReader& r, const std::string& arg, CommandLine* out, bool* handled) {
  *handled = true;
  std::map<std::string, std::string*> strings = {{"--impl", &out->implementation}, {"--filter", &out->filter},
                                                 {"--junit", &out->junit},         {"--json", &out->json},
                                                 {"--html", &out->html},           {"--baseline", &out->baseline}};
  for (auto& [name, target] : strings) {
    bool matched;
    if (!r.Value(arg, name, target, &matched)) return false;
    if (matched) return true;
  }
  std::string value;
  bool matched;
  if (!r.Value(arg, "--shard", &value, &matched)) return false;
  if (matched) {
    Shard shard;
    std::string error;
    if (!ParseShard(value, &shard, &error)) return r.Fail(error);
    out->shard = shard;
    out->shard_text = value;
    return true;
  }
  if (!r.Value(arg, "--jobs", &value, &matched)) return false;
  if (matched) {
    if (!ParseNumber(value, &out->jobs) || out->jobs == 0 || out->jobs > 256) {
      return r.Fail("--jobs: expected a number from 1 to 256, got '" + value + "'");
    }
    return true;
  }
  if (!r.Value(arg, "--step-timeout-ms", &value, &matched)) return false;
  if (matched) {
    if (!ParseNumber(value, &out->step_deadline_ms) || out->step_deadline_ms <= 0) {
      return r.Fail("--step-timeout-ms: expected a positive number, got '" + value + "'");
    }
    return true;
  }
  if (arg == "--no-netns") {
    out->private_network = false;
    return true;
  }
  if (arg == "--no-stacks") {
    out->capture_stacks = false;
    return true;
  }
  *handled = false;
  return true;
}

bool ParseRunLike(ArgReader& r, Command command, CommandLine* out) {
  while (!r.done()) {
    const std::string arg = r.Next();
    bool handled;
    if (!ParseRunOption(r, arg, out, &handled)) return false;
    if (handled) continue;
    if (arg.rfind("--", 0) == 0) return r.Fail("unknown option " + arg);
    if (command == Command::kExplain && out->case_name.empty()) {
      out->case_name = arg;
    } else {
      out->scenarios.push_back(arg);
    }
  }
  if (command == Command::kExplain && out->case_name.empty()) return r.Fail("explain needs a case name");
  return true;
}

bool ParseReport(ArgReader& r, CommandLine* out) {
  while (!r.done()) {
    const std::string arg = r.Next();
    bool matched = false;
    for (auto [name, target] : {std::pair{"--html", &out->html}, {"--junit", &out->junit}, {"--json", &out->json}}) {
      if (!r.Value(arg, name, target, &matched)) return false;
      if (matched) break;
    }
    if (matched) continue;
    if (arg.rfind("--", 0) == 0) return r.Fail("unknown option " + arg);
    out->inputs.push_back(arg);
  }
  if (out->inputs.empty()) return r.Fail("report needs at least one RUN.json");
  if (out->html.empty() && out->junit.empty() && out->json.empty()) {
    return r.Fail("report needs --html, --junit or --json");
  }
  return true;
}

bool ParseCase(ArgReader& r, CommandLine* out) {
  ChildOptions& c = out->child;
  while (!r.done()) {
    const std::string arg = r.Next();
    std::string value;
    bool matched = false;
    if (!r.Value(arg, "--file", &c.file, &matched)) return false;
    if (matched) continue;
    if (!r.Value(arg, "--impl", &c.implementation, &matched)) return false;
    if (matched) continue;
    if (!r.Value(arg, "--position", &value, &matched)) return false;
    if (matched && !ParseNumber(value, &c.position)) return r.Fail("--position: bad number");
    if (matched) continue;
    if (!r.Value(arg, "--step-deadline-ms", &value, &matched)) return false;
    if (matched && !ParseNumber(value, &c.default_step_deadline_ms)) return r.Fail("--step-deadline-ms: bad number");
    if (matched) continue;
    if (!r.Value(arg, "--progress-fd", &value, &matched)) return false;
    if (matched && !ParseNumber(value, &c.progress_fd)) return r.Fail("--progress-fd: bad number");
    if (matched) continue;
    if (!r.Value(arg, "--network", &value, &matched)) return false;
    if (matched) {
      c.try_private_network = value == "auto";
      continue;
    }
    return r.Fail("__case: unknown argument " + arg);
  }
  if (c.file.empty() || c.implementation.empty()) return r.Fail("__case needs --file and --impl");
  return true;
}

}  // namespace

bool ParseCommandLine(const std::vector<std::string>& args, CommandLine* out, std::string* error) {
  *out = CommandLine();
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return true;
  std::vector<std::string> rest(args.begin() + 1, args.end());
  ArgReader r(rest, error);
  const std::string& name = args[0];
  if (name == "run") {
    out->command = Command::kRun;
    return ParseRunLike(r, Command::kRun, out);
  }
  if (name == "list") {
    out->command = Command::kList;
    return ParseRunLike(r, Command::kList, out);
  }
  if (name == "explain") {
    out->command = Command::kExplain;
    return ParseRunLike(r, Command::kExplain, out);
  }
  if (name == "report") {
    out->command = Command::kReport;
    return ParseReport(r, out);
  }
  if (name == "lint") {
    out->command = Command::kLint;
    while (!r.done()) out->inputs.push_back(r.Next());
    if (out->inputs.empty()) return r.Fail("lint needs at least one scenario file");
    return true;
  }
  if (name == "__case") {
    out->command = Command::kCase;
    return ParseCase(r, out);
  }
  *error = "unknown command '" + name + "'";
  return false;
}

const char* UsageText() {
  return "usage:\n"
         "  cimulate-conform run [--impl PATH.so] [--filter EXPR] [--shard K/N] [--jobs N]\n"
         "                       [--junit F] [--json F] [--html F] [--baseline F]\n"
         "                       [--step-timeout-ms MS] [--no-netns] [--no-stacks] [SCENARIO_FILE_OR_DIR...]\n"
         "  cimulate-conform report [--html OUT] [--junit OUT] [--json OUT] RUN.json...\n"
         "  cimulate-conform lint FILE...\n"
         "  cimulate-conform list [--filter EXPR] [SCENARIO_FILE_OR_DIR...]\n"
         "  cimulate-conform explain CASE [SCENARIO_FILE_OR_DIR...]\n"
         "\n"
         "--filter: comma-separated globs on case names; tag:GLOB matches a tag (e.g. 'deferred-*,tag:shutdown').\n"
         "Default scenarios: $CIMULATE_CONFORM_SCENARIOS, else the project's scenarios/conformance.\n"
         "Exit codes: 0 every MUST case passed, 1 conformance failure, 2 usage or scenario error, 3 harness error.\n";
}

}  // namespace cimulate::conform
