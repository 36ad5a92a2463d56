// The command line of cimulate-server.
#ifndef CIMULATE_FAKE_SERVER_SERVER_COMMAND_LINE_H_
#define CIMULATE_FAKE_SERVER_SERVER_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <vector>

namespace cimulate::fake {

struct CommandLine {
  bool help = false;
  std::vector<std::string> check_files;  // --check FILE...: validate only
  std::string scenario_file;
  std::optional<std::string> name;
  std::optional<std::string> winrm_http;
  std::optional<std::string> winrm_https;
  std::optional<std::string> admin;
  std::optional<std::string> wmidcom;
  std::string ready_file;
  bool watch = false;
};

// Exit codes; 2 is shared with cimulate-conform and --check.
constexpr int kExitOk = 0;
constexpr int kExitRuntime = 1;  // a listener could not start
constexpr int kExitUsage = 2;    // bad arguments or an invalid scenario

extern const char kUsage[];

// Parses argv[1..]; false with a one-line reason in `error` on misuse.
// Flags take "--flag VALUE" or "--flag=VALUE".
bool ParseCommandLine(int argc, char** argv, CommandLine* out, std::string* error);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_COMMAND_LINE_H_
