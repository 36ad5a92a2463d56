// The WinRS request bodies the codec keeps only as raw XML (reference §4):
// rsp:CommandLine, rsp:Receive, rsp:Signal, rsp:Send.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_SHELL_BODY_H_
#define CIMULATE_FAKE_SERVER_ENGINE_SHELL_BODY_H_

#include <string>
#include <vector>

namespace cimulate::fake {

struct CommandLine {
  std::string command;
  std::vector<std::string> arguments;  // one per rsp:Arguments element
};

// False when the body is not an rsp:CommandLine with an rsp:Command.
bool ParseCommandLine(const std::string& raw_body, CommandLine* out);

// The CommandId a Receive (rsp:DesiredStream), Signal or Send (rsp:Stream)
// names; empty when there is none.
std::string ShellCommandId(const std::string& raw_body);

// rsp:Signal/rsp:Code.
std::string SignalCode(const std::string& raw_body);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_SHELL_BODY_H_
