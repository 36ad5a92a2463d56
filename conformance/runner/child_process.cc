#include "runner/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace cimulate::conform {
namespace {

int MillisUntil(ChildProcess::Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - ChildProcess::Clock::now()).count();
  if (left < 0) return 0;
  return left > 60000 ? 60000 : static_cast<int>(left) + 1;
}

// Reads what is there; closes and forgets the descriptor at end of file.
void Drain(int* fd, std::string* out) {
  char buffer[4096];
  ssize_t n = ::read(*fd, buffer, sizeof(buffer));
  if (n > 0) {
    out->append(buffer, static_cast<std::size_t>(n));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    ::close(*fd);
    *fd = -1;
  }
}

}  // namespace

std::optional<ChildProcess> ChildProcess::Spawn(const std::vector<std::string>& argv, int progress_fd,
                                                std::string* error) {
  int output[2] = {-1, -1}, progress[2] = {-1, -1};
  if (::pipe2(output, O_CLOEXEC) != 0 || (progress_fd > 0 && ::pipe2(progress, O_CLOEXEC) != 0)) {
    *error = std::string("pipe: ") + std::strerror(errno);
    for (int fd : {output[0], output[1], progress[0], progress[1]}) {
      if (fd >= 0) ::close(fd);
    }
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output[1], 1);
  posix_spawn_file_actions_adddup2(&actions, output[1], 2);
  if (progress_fd > 0) posix_spawn_file_actions_adddup2(&actions, progress[1], progress_fd);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(output[1]);
  if (progress[1] >= 0) ::close(progress[1]);
  if (rc != 0) {
    *error = "cannot start " + argv[0] + ": " + std::strerror(rc);
    ::close(output[0]);
    if (progress[0] >= 0) ::close(progress[0]);
    return std::nullopt;
  }
  ChildProcess child;
  child.pid_ = pid;
  child.output_fd_ = output[0];
  child.progress_fd_ = progress[0];
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), reaped_(other.reaped_), progress_fd_(other.progress_fd_), output_fd_(other.output_fd_) {
  other.pid_ = -1;
  other.reaped_ = true;
  other.progress_fd_ = other.output_fd_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_) {
    int status;
    Kill(&status);
  }
  CloseFds();
}

void ChildProcess::CloseFds() {
  if (progress_fd_ >= 0) ::close(progress_fd_);
  if (output_fd_ >= 0) ::close(output_fd_);
  progress_fd_ = output_fd_ = -1;
}

bool ChildProcess::Read(Clock::time_point deadline, std::string* progress, std::string* output) {
  struct pollfd fds[2];
  int n = 0;
  if (progress_fd_ >= 0) fds[n++] = {progress_fd_, POLLIN, 0};
  if (output_fd_ >= 0) fds[n++] = {output_fd_, POLLIN, 0};
  if (n == 0) return true;
  int ready = ::poll(fds, static_cast<nfds_t>(n), MillisUntil(deadline));
  if (ready < 0) return errno == EINTR;
  if (ready == 0) return Clock::now() < deadline;
  for (int i = 0; i < n; ++i) {
    if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    if (fds[i].fd == progress_fd_) Drain(&progress_fd_, progress);
    else Drain(&output_fd_, output);
  }
  return true;
}

bool ChildProcess::Wait(Clock::time_point deadline, int* status) {
  if (reaped_) return true;
  // Both pipes closed: the child is exiting or has handed its descriptors
  // on.  Reaping is normally immediate; the short polls only bound the odd
  // case of a process that closed its pipes and lingers.
  while (true) {
    pid_t r = ::waitpid(pid_, status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) {
      reaped_ = true;
      return true;
    }
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

void ChildProcess::Kill(int* status) {
  if (reaped_) return;
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  while (::waitpid(pid_, status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
}

}  // namespace cimulate::conform
