#include "engine/shells.h"

#include <algorithm>

#include "engine/text.h"

namespace cimulate::fake {
namespace {

bool ArgumentsMatch(const scenario::ShellCommand& c, const std::vector<std::string>& args) {
  return !c.arguments || *c.arguments == args;
}

// WinRS hands cmd.exe one command line: rsp:Command and the rsp:Arguments
// elements joined by spaces.  Clients cut it differently (pywinrm sends every
// argument in one element, winrm-client the whole line in rsp:Command), so the
// fallback compares words.
std::vector<std::string> LineWords(const std::string& command, const std::vector<std::string>& arguments) {
  std::vector<std::string> words = SplitWhitespace(command);
  for (const std::string& a : arguments) {
    for (std::string& w : SplitWhitespace(a)) words.push_back(std::move(w));
  }
  return words;
}

// The entry's words equal the line's (the first, the program, ignoring case);
// an entry without `arguments` needs only its command words to lead the line.
bool WordsMatch(const scenario::ShellCommand& c, const std::vector<std::string>& line) {
  std::vector<std::string> script = LineWords(c.command, c.arguments.value_or(std::vector<std::string>{}));
  if (script.empty() || line.size() < script.size()) return false;
  if (c.arguments && line.size() != script.size()) return false;
  if (!EqualsIgnoreCase(script[0], line[0])) return false;
  return std::equal(script.begin() + 1, script.end(), line.begin() + 1);
}

}  // namespace

void Shells::Open(const std::string& id) {
  while (open_.size() >= options_.max_shells && !order_.empty()) {
    open_.erase(order_.front());
    order_.pop_front();
  }
  open_[id];
  order_.push_back(id);
}

Shell* Shells::Find(const std::string& id) {
  for (auto& [key, shell] : open_) {
    if (EqualsIgnoreCase(key, id)) return &shell;  // ShellIds are GUIDs; clients may change case
  }
  return nullptr;
}

bool Shells::Close(const std::string& id) {
  for (auto it = open_.begin(); it != open_.end(); ++it) {
    if (EqualsIgnoreCase(it->first, id)) {
      std::erase(order_, it->first);
      open_.erase(it);
      return true;
    }
  }
  return false;
}

const scenario::ShellCommand* Shells::Script(const CommandLine& line) const {
  // As sent first, so an entry that spells the arguments exactly wins.
  for (const scenario::ShellCommand& c : script_.commands) {
    if (EqualsIgnoreCase(c.command, line.command) && ArgumentsMatch(c, line.arguments)) return &c;
  }
  std::vector<std::string> words = LineWords(line.command, line.arguments);
  for (const scenario::ShellCommand& c : script_.commands) {
    if (WordsMatch(c, words)) return &c;
  }
  return script_.unknown ? &*script_.unknown : nullptr;
}

void Shells::Start(Shell* shell, const std::string& command_id, const CommandLine& line) {
  while (shell->commands.size() >= options_.max_commands_per_shell && !shell->order.empty()) {
    shell->commands.erase(shell->order.front());
    shell->order.pop_front();
  }
  CommandRun run;
  if (const scenario::ShellCommand* script = Script(line)) {
    run.script = *script;
  } else {
    std::string name = SplitWhitespace(line.command).empty() ? line.command : SplitWhitespace(line.command)[0];
    run.script.command = line.command;
    run.script.exit_code = 1;
    run.script.chunks.push_back({"", "'" + name + "' is not recognized as an internal or external command,\r\n"
                                     "operable program or batch file.\r\n"});
  }
  run.timeouts_left = run.script.timeouts;
  shell->commands[command_id] = std::move(run);
  shell->order.push_back(command_id);
}

}  // namespace cimulate::fake
