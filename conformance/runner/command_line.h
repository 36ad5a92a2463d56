// cimulate-conform's command line: `run`, `report`, `lint`, `list`,
// `explain`, and the hidden `__case` mode the runner starts per case.
// Parsing only; commands.h carries them out.
#ifndef CIMULATE_CONFORMANCE_RUNNER_COMMAND_LINE_H_
#define CIMULATE_CONFORMANCE_RUNNER_COMMAND_LINE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runner/case_child.h"
#include "runner/case_selection.h"

namespace cimulate::conform {

struct CommandLine {
  enum class Command { kHelp, kRun, kReport, kLint, kList, kExplain, kCase };
  Command command = Command::kHelp;

  // run, list, explain: scenario files or folders; empty: the default suite.
  std::vector<std::string> scenarios;
  std::string filter;
  std::optional<Shard> shard;
  std::string shard_text;
  std::size_t jobs = 1;
  std::string implementation;  // --impl; empty: cimulate's own library
  std::string junit, json, html, baseline;
  std::int64_t step_deadline_ms = kDefaultStepDeadlineMs;
  bool private_network = true;
  bool capture_stacks = true;

  // report: the run JSON files; lint: the files; explain: the case's name.
  std::vector<std::string> inputs;
  std::string case_name;

  ChildOptions child;  // __case
};

// False with `error` (one line, for stderr) on a usage error.
bool ParseCommandLine(const std::vector<std::string>& args, CommandLine* out, std::string* error);

// The usage text for --help and usage errors.
const char* UsageText();

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_COMMAND_LINE_H_
