// cimulate-conform: runs the conformance suite against an MI implementation.
#include <cstdio>
#include <string>
#include <vector>

#include "runner/case_child.h"
#include "runner/command_line.h"
#include "runner/commands.h"

int main(int argc, char** argv) {
  using cimulate::conform::CommandLine;
  std::vector<std::string> args(argv + 1, argv + argc);
  CommandLine cl;
  std::string error;
  if (!cimulate::conform::ParseCommandLine(args, &cl, &error)) {
    std::fprintf(stderr, "cimulate-conform: %s\n%s", error.c_str(), cimulate::conform::UsageText());
    return 2;
  }
  switch (cl.command) {
    case CommandLine::Command::kHelp: std::fputs(cimulate::conform::UsageText(), stdout); return 0;
    case CommandLine::Command::kRun: return cimulate::conform::RunCommand(cl);
    case CommandLine::Command::kReport: return cimulate::conform::ReportCommand(cl);
    case CommandLine::Command::kLint: return cimulate::conform::LintCommand(cl);
    case CommandLine::Command::kList: return cimulate::conform::ListCommand(cl);
    case CommandLine::Command::kExplain: return cimulate::conform::ExplainCommand(cl);
    case CommandLine::Command::kCase: cimulate::conform::RunCaseChild(cl.child);
  }
  return 2;
}
