#include "runner/case_supervisor.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <algorithm>
#include <map>
#include <optional>

#include "runner/child_process.h"
#include "runner/progress.h"
#include "runner/stack_capture.h"

namespace cimulate::conform {
namespace {

using Clock = ChildProcess::Clock;

constexpr std::size_t kMaxOutputBytes = 64 * 1024;

std::int64_t MicrosSince(Clock::time_point origin) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - origin).count();
}

std::string SignalText(int signal) {
  const char* abbrev = ::sigabbrev_np(signal);
  const char* text = ::strsignal(signal);
  return std::string(abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal)) + " (" +
         (text ? text : "?") + ")";
}

// What the child reported, folded as it arrives.
class CaseProgress {
 public:
  CaseProgress(const CaseRef& ref, Clock::time_point origin) : ref_(ref), origin_(origin) {}

  void Apply(const ProgressEvent& e) {
    switch (e.kind) {
      case ProgressKind::kNetwork: network_ = e.text; break;
      case ProgressKind::kStepStarted: {
        StepReport& step = Step(e.step);
        step.start_us = MicrosSince(origin_);
        step.duration_us = -1;
        running_[e.step] = Running{Clock::now() + std::chrono::milliseconds(e.number), e.number};
        break;
      }
      case ProgressKind::kStepEnded:
        Step(e.step).duration_us = e.number;
        running_.erase(e.step);
        break;
      case ProgressKind::kCheck: Step(e.step).checks.push_back(e.check); break;
      case ProgressKind::kSkip: skip_ = e.text; break;
      case ProgressKind::kError: error_ = e.text; break;
      case ProgressKind::kDone: done_ = true; break;
    }
  }

  // The earliest deadline of a running step, if any.
  std::optional<std::pair<std::size_t, Clock::time_point>> NextDeadline() const {
    std::optional<std::pair<std::size_t, Clock::time_point>> next;
    for (const auto& [index, running] : running_) {
      if (!next || running.deadline < next->second) next = {{index, running.deadline}};
    }
    return next;
  }
  std::int64_t DeadlineMsOf(std::size_t index) const { return running_.at(index).deadline_ms; }
  std::optional<std::size_t> AnyRunning() const {
    if (running_.empty()) return std::nullopt;
    return running_.begin()->first;
  }

  std::vector<StepReport> TakeSteps() {
    std::vector<StepReport> out;
    for (auto& [index, step] : steps_) out.push_back(std::move(step));
    return out;
  }
  const std::map<std::size_t, StepReport>& steps() const { return steps_; }
  const std::string& network() const { return network_; }
  const std::string& skip() const { return skip_; }
  const std::string& error() const { return error_; }
  bool done() const { return done_; }

 private:
  struct Running {
    Clock::time_point deadline;
    std::int64_t deadline_ms;
  };

  StepReport& Step(std::size_t index) {
    auto [it, added] = steps_.try_emplace(index);
    if (added && index < ref_.scenario.steps.size()) {
      const scenario::Step& s = ref_.scenario.steps[index].step;
      it->second.index = index;
      it->second.kind = scenario::StepName(s.kind);
      it->second.as = HasExplicitName(s) ? s.as : "";
      it->second.thread = s.thread;
      it->second.where = ref_.file + ":" + std::to_string(s.mark.line) + ":" + std::to_string(s.mark.column);
    }
    return it->second;
  }

  const CaseRef& ref_;
  Clock::time_point origin_;
  std::map<std::size_t, StepReport> steps_;
  std::map<std::size_t, Running> running_;
  std::string network_, skip_, error_;
  bool done_ = false;
};

void ApplyLines(std::string* buffer, CaseProgress* progress) {
  std::size_t start = 0, newline;
  while ((newline = buffer->find('\n', start)) != std::string::npos) {
    ProgressEvent event;
    if (ParseProgressLine(std::string_view(*buffer).substr(start, newline - start), &event)) progress->Apply(event);
    start = newline + 1;
  }
  buffer->erase(0, start);
}

std::vector<std::string> ChildArguments(const CaseRef& ref, const SuperviseOptions& o) {
  return {o.runner_executable,
          "__case",
          "--file",
          ref.file,
          "--position",
          std::to_string(ref.position),
          "--impl",
          o.implementation,
          "--step-deadline-ms",
          std::to_string(o.default_step_deadline_ms),
          "--network",
          o.private_network ? "auto" : "loopback",
          "--progress-fd",
          "3"};
}

// The first failing check, as one line.
std::string FirstFailure(const CaseRef& ref, const CaseProgress& progress) {
  for (const auto& [index, step] : progress.steps()) {
    for (const Check& c : step.checks) {
      if (c.passed) continue;
      return DescribeStep(ref.scenario, index) + ": " + c.what + ": expected " + c.expected + ", actual " +
             c.actual + " (" + c.where + ")";
    }
  }
  return "";
}

struct Ending {
  bool hung = false;
  std::string hang_reason;
  int status = 0;
};

void Judge(const CaseRef& ref, const CaseProgress& progress, const Ending& end, CaseResult* result) {
  std::optional<std::size_t> running = progress.AnyRunning();
  std::string during = running ? " during " + DescribeStep(ref.scenario, *running) : "";
  if (end.hung) {
    result->verdict = Verdict::kHang;
    result->reason = end.hang_reason;
  } else if (WIFSIGNALED(end.status)) {
    result->verdict = Verdict::kCrash;
    result->reason = "killed by " + SignalText(WTERMSIG(end.status)) + during;
  } else if (!progress.error().empty()) {
    result->verdict = Verdict::kError;
    result->reason = progress.error();
  } else if (!progress.done()) {
    result->verdict = Verdict::kCrash;
    result->reason = "exited with status " + std::to_string(WEXITSTATUS(end.status)) + " before the case finished" +
                     during;
  } else if (!progress.skip().empty()) {
    result->verdict = Verdict::kSkip;
    result->reason = progress.skip();
  } else {
    std::string failure = FirstFailure(ref, progress);
    result->verdict = failure.empty() ? Verdict::kPass : Verdict::kFail;
    result->reason = failure;
  }
}

}  // namespace

CaseResult RunCase(const CaseRef& ref, const SuperviseOptions& options) {
  CaseResult result = DescribeCase(ref);
  const Clock::time_point origin = Clock::now();
  StepPlan plan = PlanSteps(ref.scenario, options.default_step_deadline_ms);
  const Clock::time_point backstop =
      origin + std::chrono::milliseconds(plan.TotalDeadlineMs() + options.startup_ms);

  std::string error;
  std::optional<ChildProcess> child = ChildProcess::Spawn(ChildArguments(ref, options), 3, &error);
  if (!child) {
    result.verdict = Verdict::kError;
    result.reason = error;
    return result;
  }
  CaseProgress progress(ref, origin);
  std::string lines;
  Ending end;
  while (child->open()) {
    auto next = progress.NextDeadline();
    Clock::time_point deadline = next && next->second < backstop ? next->second : backstop;
    bool in_time = child->Read(deadline, &lines, &result.output);
    ApplyLines(&lines, &progress);
    if (result.output.size() > kMaxOutputBytes) result.output.resize(kMaxOutputBytes);
    if (in_time) continue;
    end.hung = true;
    next = progress.NextDeadline();
    if (next && next->second <= Clock::now()) {
      end.hang_reason = DescribeStep(ref.scenario, next->first) + " did not return within " +
                        std::to_string(progress.DeadlineMsOf(next->first)) + " ms";
    } else {
      end.hang_reason = "the case did not finish within " +
                        std::to_string(plan.TotalDeadlineMs() + options.startup_ms) + " ms" +
                        (progress.AnyRunning() ? " (" + DescribeStep(ref.scenario, *progress.AnyRunning()) +
                                                     " still running)"
                                               : "");
    }
    if (options.capture_stacks) result.stacks = CaptureStacks(child->pid(), std::chrono::milliseconds(options.stack_capture_ms));
    child->Kill(&end.status);
    break;
  }
  if (!end.hung && !child->Wait(Clock::now() + std::chrono::seconds(2), &end.status)) {
    end.hung = true;
    end.hang_reason = "the case's process did not exit after closing its output";
    child->Kill(&end.status);
  }
  Judge(ref, progress, end, &result);
  result.network = progress.network();
  result.steps = progress.TakeSteps();
  result.duration_us = MicrosSince(origin);
  return result;
}

}  // namespace cimulate::conform
