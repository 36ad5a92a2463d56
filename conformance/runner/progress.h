// The channel a case's child process reports on, one line per event, so the
// parent knows how far the case got even when the child hangs or dies.
//
//   child:  ProgressWriter out(3); out.StepStarted(2, 5000); ...; out.Done();
//   parent: ProgressEvent e; if (ParseProgressLine(line, &e)) ...
//
// Fields are tab-separated; tabs, newlines and backslashes inside a field are
// escaped, so a message from an implementation cannot forge an event.
#ifndef CIMULATE_CONFORMANCE_RUNNER_PROGRESS_H_
#define CIMULATE_CONFORMANCE_RUNNER_PROGRESS_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "result.h"

namespace cimulate::conform {

enum class ProgressKind {
  kNetwork,      // text: how the case reaches the fake ("netns" or "loopback")
  kStepStarted,  // step, number: its deadline in ms
  kStepEnded,    // step, number: its duration in us
  kCheck,        // step, check
  kSkip,         // text: why
  kError,        // text: what went wrong in the harness
  kDone,         // every step returned and was checked
};

struct ProgressEvent {
  ProgressKind kind = ProgressKind::kDone;
  std::size_t step = 0;
  std::int64_t number = 0;
  std::string text;
  Check check;
};

// Writes events to a file descriptor; safe to call from several threads.
class ProgressWriter {
 public:
  explicit ProgressWriter(int fd) : fd_(fd) {}

  void Network(std::string_view mode);
  void StepStarted(std::size_t step, std::int64_t deadline_ms);
  void StepEnded(std::size_t step, std::int64_t duration_us);
  void CheckDone(std::size_t step, const Check& check);
  void Skip(std::string_view reason);
  void Error(std::string_view message);
  void Done();

 private:
  void WriteLine(const std::string& line);

  int fd_;
  std::mutex mu_;
};

// One line without its newline; false when it is not a well-formed event.
bool ParseProgressLine(std::string_view line, ProgressEvent* event);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_PROGRESS_H_
