// A spawned child with its output pipes, and the waits the supervisor needs:
// reading with a deadline, and reaping with a deadline.  Only what this
// process started is ever signalled.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CHILD_PROCESS_H_
#define CIMULATE_CONFORMANCE_RUNNER_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cimulate::conform {

class ChildProcess {
 public:
  using Clock = std::chrono::steady_clock;

  // Spawns argv[0] (a path) in its own process group, with stdin from
  // /dev/null, stdout and stderr into one pipe, and, when `progress_fd` > 0,
  // a second pipe on that descriptor.  Null with `error` on failure.
  static std::optional<ChildProcess> Spawn(const std::vector<std::string>& argv, int progress_fd,
                                           std::string* error);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ~ChildProcess();  // kills and reaps a child still running

  pid_t pid() const { return pid_; }

  // Waits until either pipe has data or both are closed, or `deadline`.
  // Appends what arrived.  False when the deadline passed first.
  bool Read(Clock::time_point deadline, std::string* progress, std::string* output);
  bool open() const { return progress_fd_ >= 0 || output_fd_ >= 0; }

  // Reaps the child; false if it has not exited by `deadline`.
  bool Wait(Clock::time_point deadline, int* status);
  // SIGKILLs the child's process group and reaps it.
  void Kill(int* status);

 private:
  ChildProcess() = default;
  void CloseFds();

  pid_t pid_ = -1;
  bool reaped_ = false;
  int progress_fd_ = -1;
  int output_fd_ = -1;
};

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CHILD_PROCESS_H_
