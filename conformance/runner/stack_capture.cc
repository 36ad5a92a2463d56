#include "runner/stack_capture.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "runner/child_process.h"

namespace cimulate::conform {
namespace {

constexpr std::size_t kMaxStackBytes = 256 * 1024;

std::string FindOnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

}  // namespace

std::string CaptureStacks(pid_t pid, std::chrono::milliseconds limit) {
  std::string gdb = FindOnPath("gdb");
  if (gdb.empty()) return "";
  std::string error;
  auto child = ChildProcess::Spawn(
      {gdb, "-nx", "-batch", "-p", std::to_string(pid), "-ex", "thread apply all bt"}, 0, &error);
  if (!child) return "";
  auto deadline = ChildProcess::Clock::now() + limit;
  std::string ignored, output;
  while (child->open() && output.size() < kMaxStackBytes) {
    if (!child->Read(deadline, &ignored, &output)) break;
  }
  int status = 0;
  if (!child->Wait(ChildProcess::Clock::now(), &status)) child->Kill(&status);
  if (output.size() > kMaxStackBytes) output.resize(kMaxStackBytes);
  return output;
}

}  // namespace cimulate::conform
