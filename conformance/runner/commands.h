// What each cimulate-conform command does.  Each returns the process's exit
// code: 0/1/3 from the run's outcome (ExitCodeFor), 2 on a usage or scenario
// error; messages go to stderr, results to stdout.
#ifndef CIMULATE_CONFORMANCE_RUNNER_COMMANDS_H_
#define CIMULATE_CONFORMANCE_RUNNER_COMMANDS_H_

#include "runner/command_line.h"

namespace cimulate::conform {

int RunCommand(const CommandLine& cl);
int ReportCommand(const CommandLine& cl);
int LintCommand(const CommandLine& cl);
int ListCommand(const CommandLine& cl);
int ExplainCommand(const CommandLine& cl);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_COMMANDS_H_
