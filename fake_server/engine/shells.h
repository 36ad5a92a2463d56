// Open WinRS shells and the commands running in them, each following its
// script from the scenario's `shell` section.  Bounded per engine and per
// shell.  Not thread-safe.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_SHELLS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_SHELLS_H_

#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "engine/options.h"
#include "engine/shell_body.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

struct CommandRun {
  scenario::ShellCommand script;
  size_t next_chunk = 0;
  std::uint32_t timeouts_left = 0;
  bool done = false;  // the Receive carrying CommandState Done was sent
};

struct Shell {
  std::map<std::string, CommandRun> commands;
  std::deque<std::string> order;
};

class Shells {
 public:
  Shells(const scenario::ShellScript& script, const EngineOptions& options) : script_(script), options_(options) {}

  void Open(const std::string& id);
  Shell* Find(const std::string& id);
  bool Close(const std::string& id);
  // Starts `line` in `shell` under `command_id`, scripted by the first entry
  // that matches it, else `unknown`, else cmd.exe's "not recognized" error.
  void Start(Shell* shell, const std::string& command_id, const CommandLine& line);

 private:
  const scenario::ShellCommand* Script(const CommandLine& line) const;

  const scenario::ShellScript& script_;
  const EngineOptions& options_;
  std::map<std::string, Shell> open_;
  std::deque<std::string> order_;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_SHELLS_H_
