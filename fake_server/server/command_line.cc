#include "server/command_line.h"

#include <string_view>

namespace cimulate::fake {

const char kUsage[] =
    "usage: cimulate-server --scenario FILE [--name NAME] [--winrm-http ADDR:PORT]\n"
    "                       [--winrm-https ADDR:PORT] [--wmidcom ADDR:PORT] [--admin ADDR:PORT]\n"
    "                       [--ready-file FILE] [--watch]\n"
    "       cimulate-server --check FILE...\n"
    "\n"
    "Serves a scenario's fake WinRM endpoint until SIGTERM or SIGINT.\n"
    "  --scenario FILE        the scenario file (one scenario per YAML document)\n"
    "  --name NAME            the scenario to serve when the file holds several\n"
    "  --winrm-http ADDR:PORT override the scenario's listener (port 0: any free port; [::1]:0 for IPv6)\n"
    "  --winrm-https ADDR:PORT\n"
    "  --wmidcom ADDR:PORT    serve WMIDCOM: the DCOM activation port (135 for impacket; 0: any free port)\n"
    "  --admin ADDR:PORT      the admin API (loopback addresses only)\n"
    "  --ready-file FILE      once listening, write the listeners' addresses there as JSON\n"
    "  --watch                reload the scenario file when it changes\n"
    "  --check FILE...        validate scenario files and exit (0 valid, 2 invalid)\n"
    "Exit codes: 0 stopped by a signal, 1 runtime failure (bind), 2 usage or scenario error.\n";

namespace {

// "--flag=value" or "--flag value"; advances `i` past what it used.
bool TakeValue(int argc, char** argv, int* i, std::string_view flag, std::string* value, std::string* error) {
  const std::string_view arg = argv[*i];
  if (arg.size() > flag.size() && arg[flag.size()] == '=') {
    *value = std::string(arg.substr(flag.size() + 1));
  } else if (*i + 1 < argc) {
    *value = argv[++*i];
  } else {
    *error = std::string(flag) + " needs a value";
    return false;
  }
  if (value->empty()) {
    *error = std::string(flag) + " needs a non-empty value";
    return false;
  }
  return true;
}

bool IsFlag(std::string_view arg, std::string_view flag) {
  return arg == flag || (arg.size() > flag.size() && arg.substr(0, flag.size()) == flag && arg[flag.size()] == '=');
}

}  // namespace

bool ParseCommandLine(int argc, char** argv, CommandLine* out, std::string* error) {
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string value;
    auto take = [&](std::string_view flag, std::optional<std::string>* into) {
      if (!TakeValue(argc, argv, &i, flag, &value, error)) return false;
      *into = value;
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      out->help = true;
    } else if (arg == "--check") {
      check = true;
    } else if (arg == "--watch") {
      out->watch = true;
    } else if (IsFlag(arg, "--scenario")) {
      if (!TakeValue(argc, argv, &i, "--scenario", &out->scenario_file, error)) return false;
    } else if (IsFlag(arg, "--ready-file")) {
      if (!TakeValue(argc, argv, &i, "--ready-file", &out->ready_file, error)) return false;
    } else if (IsFlag(arg, "--name")) {
      if (!take("--name", &out->name)) return false;
    } else if (IsFlag(arg, "--winrm-http")) {
      if (!take("--winrm-http", &out->winrm_http)) return false;
    } else if (IsFlag(arg, "--winrm-https")) {
      if (!take("--winrm-https", &out->winrm_https)) return false;
    } else if (IsFlag(arg, "--wmidcom")) {
      if (!take("--wmidcom", &out->wmidcom)) return false;
    } else if (IsFlag(arg, "--admin")) {
      if (!take("--admin", &out->admin)) return false;
    } else if (!arg.empty() && arg[0] == '-') {
      *error = "unknown option " + std::string(arg);
      return false;
    } else if (check) {
      out->check_files.emplace_back(arg);
    } else {
      *error = "unexpected argument " + std::string(arg);
      return false;
    }
  }
  if (out->help) return true;
  if (check) {
    if (out->check_files.empty()) {
      *error = "--check needs at least one FILE";
      return false;
    }
    if (!out->scenario_file.empty()) {
      *error = "--check and --scenario do not go together";
      return false;
    }
    return true;
  }
  if (out->scenario_file.empty()) {
    *error = "--scenario FILE is required";
    return false;
  }
  return true;
}

}  // namespace cimulate::fake
