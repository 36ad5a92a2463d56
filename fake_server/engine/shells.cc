#include "engine/shells.h"

#include "engine/text.h"

namespace cimulate::fake {
namespace {

bool ArgumentsMatch(const scenario::ShellCommand& c, const std::vector<std::string>& args) {
  return !c.arguments || *c.arguments == args;
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
  for (const scenario::ShellCommand& c : script_.commands) {
    if (EqualsIgnoreCase(c.command, line.command) && ArgumentsMatch(c, line.arguments)) return &c;
  }
  // winrm-client sends the whole line in rsp:Command: "ipconfig /all".
  if (line.arguments.empty()) {
    std::vector<std::string> words = SplitWhitespace(line.command);
    if (words.size() > 1) {
      std::vector<std::string> args(words.begin() + 1, words.end());
      for (const scenario::ShellCommand& c : script_.commands) {
        if (EqualsIgnoreCase(c.command, words[0]) && ArgumentsMatch(c, args)) return &c;
      }
    }
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
