#include "runner/case_child.h"

#include <signal.h>
#include <strings.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/error.h"
#include "runner/case_context.h"
#include "runner/expectations.h"
#include "runner/mi_library.h"
#include "runner/netns.h"
#include "runner/progress.h"
#include "runner/step_executor.h"
#include "scenario/loader.h"

namespace cimulate::conform {
namespace {

// Which steps have returned; the dispatcher waits on it.
class StepTracker {
 public:
  explicit StepTracker(std::size_t count) : started_(count), done_(count, false) {}

  void MarkStarted(std::size_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    started_[index] = std::chrono::steady_clock::now();
    cv_.notify_all();
  }
  void MarkDone(std::size_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    done_[index] = true;
    cv_.notify_all();
  }
  void WaitFor(std::size_t index) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return done_[index]; });
  }
  // Waits until the step has been running for `limit` (or is done).  The
  // clock starts when the step starts, not when it was handed to its thread,
  // so a busy machine cannot make a step that blocks look as if it returned
  // early.  A few ms of margin cover the gap between this mark and the call.
  void WaitFor(std::size_t index, std::chrono::milliseconds limit) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return done_[index] || started_[index].has_value(); });
    if (done_[index]) return;
    const auto until = *started_[index] + limit + std::chrono::milliseconds(5);
    cv_.wait_until(lock, until, [&] { return done_[index]; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::optional<std::chrono::steady_clock::time_point>> started_;
  std::vector<bool> done_;
};

// One named scenario thread: runs its steps in the order they were posted.
class StepThread {
 public:
  template <typename Run>
  explicit StepThread(Run run) : thread_([this, run] { Loop(run); }) {}

  // Never joined: the child ends with _exit, and a thread stuck inside the
  // implementation could not be joined anyway.
  ~StepThread() { thread_.detach(); }

  void Post(std::size_t index) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(index);
    cv_.notify_one();
  }

 private:
  template <typename Run>
  void Loop(Run run) {
    while (true) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty(); });
        index = queue_.front();
        queue_.pop_front();
      }
      run(index);
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::size_t> queue_;
  std::thread thread_;
};

void RunOneStep(CaseContext& ctx, std::size_t index, ProgressWriter& progress, StepTracker& tracker) {
  const scenario::StepEntry& entry = ctx.scenario->steps[index];
  progress.StepStarted(index, ctx.plan.steps[index].deadline_ms);
  tracker.MarkStarted(index);
  StepOutcome outcome = ExecuteStep(ctx, index);
  {
    std::lock_guard<std::mutex> lock(ctx.mu);
    ctx.step_end_us[index] = outcome.end_us;
  }
  progress.StepEnded(index, outcome.end_us - outcome.start_us);
  if (!outcome.harness_error.empty()) {
    const scenario::Mark& m = entry.step.mark;
    progress.CheckDone(index, Check{"step", "the step can be made", outcome.harness_error,
                                    ctx.scenario->source + ":" + std::to_string(m.line) + ":" +
                                        std::to_string(m.column),
                                    false});
  }
  if (entry.expect) {
    ExpectationInputs inputs;
    inputs.scenario = ctx.scenario;
    inputs.journal = ctx.server ? &ctx.server->journal() : nullptr;
    inputs.step_end_us = [&ctx](const std::string& name) -> std::optional<std::int64_t> {
      auto it = ctx.plan.by_name.find(name);
      if (it == ctx.plan.by_name.end()) return std::nullopt;
      std::lock_guard<std::mutex> lock(ctx.mu);
      return ctx.step_end_us[it->second];
    };
    for (const Check& check : CheckExpectation(*entry.expect, outcome, inputs)) progress.CheckDone(index, check);
  }
  tracker.MarkDone(index);
}

// Hands each step to its thread in scenario order.  A step waits for the one
// before it to return, except after a `blocks_for_ms` step: the scenario goes
// on after that many ms, so another thread can release the blocked one.
void RunSteps(CaseContext& ctx, ProgressWriter& progress) {
  const std::size_t count = ctx.scenario->steps.size();
  StepTracker tracker(count);
  std::map<std::string, std::unique_ptr<StepThread>> threads;
  for (std::size_t i = 0; i < count; ++i) {
    const scenario::StepEntry& entry = ctx.scenario->steps[i];
    auto& thread = threads[entry.step.thread];
    if (!thread) {
      thread = std::make_unique<StepThread>(
          [&ctx, &progress, &tracker](std::size_t index) { RunOneStep(ctx, index, progress, tracker); });
    }
    thread->Post(i);
    if (entry.expect && entry.expect->time.blocks_for_ms) {
      tracker.WaitFor(i, std::chrono::milliseconds(*entry.expect->time.blocks_for_ms));
    } else {
      tracker.WaitFor(i);
    }
  }
  for (std::size_t i = 0; i < count; ++i) tracker.WaitFor(i);
  // The threads stay parked; the process ends with _exit.
  for (auto& [name, thread] : threads) thread.release();
}

// Protocols a case needs, from its tags: a tag that is a protocol name
// ("wmidcom", "winrm", any case) or "requires:NAME".
std::vector<std::string> RequiredProtocols(const scenario::Scenario& s) {
  std::vector<std::string> out;
  for (const std::string& tag : s.tags) {
    std::string name = tag.rfind("requires:", 0) == 0 ? tag.substr(9) : tag;
    if (::strcasecmp(name.c_str(), "wmidcom") == 0) out.push_back("WMIDCOM");
    else if (::strcasecmp(name.c_str(), "winrm") == 0) out.push_back("WINRM");
  }
  return out;
}

// A case tagged "requires:netns" reaches the fake through the standard ports
// or a literal name such as "localhost", which only a private network
// namespace can give it.
bool NeedsPrivateNetwork(const scenario::Scenario& s) {
  for (const std::string& tag : s.tags) {
    if (::strcasecmp(tag.c_str(), "requires:netns") == 0) return true;
  }
  return false;
}

// Asks the implementation whether it speaks `protocol`.  MI_RESULT_NOT_SUPPORTED
// is the answer for a protocol it lacks, from MI_Application_NewSession or,
// since a session must not contact its destination before the first
// operation, from that operation: MI_Session_TestConnection.  Runs before the
// fake starts, so nothing answers on "localhost" and an implementation that
// does have the protocol fails the test connection some other way.
bool ProtocolAvailable(InitializeFn initialize, const std::string& protocol, std::string* why) {
  MI_Application app{};
  if (initialize(0, "cimulate-conform-probe", nullptr, &app) != MI_RESULT_OK) return true;
  MI_Session session{};
  MI_Result r = MI_Application_NewSession(&app, protocol.c_str(), "localhost", nullptr, nullptr, nullptr, &session);
  std::string call = "MI_Application_NewSession";
  if (r == MI_RESULT_OK) {
    MI_Operation op{};
    MI_Session_TestConnection(&session, 0, nullptr, &op);
    const MI_Instance* instance = nullptr;
    MI_Boolean more = MI_TRUE;
    while (more && MI_Operation_GetInstance(&op, &instance, &more, &r, nullptr, nullptr) == MI_RESULT_OK) {
    }
    MI_Operation_Close(&op);
    MI_Session_Close(&session, nullptr, nullptr);
    call = "MI_Session_TestConnection";
  }
  MI_Application_Close(&app);
  if (r != MI_RESULT_NOT_SUPPORTED) return true;
  *why = protocol + " is not implemented yet by this implementation: " + call + " on a \"" + protocol +
         "\" session returned MI_RESULT_NOT_SUPPORTED";
  return false;
}

std::string WithPort(const std::string& host, int port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// In a private namespace the fake takes the standard WinRM ports for the
// listeners the scenario leaves on ephemeral ports.
fake::FakeServerOptions ServerOptions(const scenario::Scenario& s, const std::string& file, bool private_network) {
  fake::FakeServerOptions options;
  options.scenario_dir = std::filesystem::path(file).parent_path().string();
  if (!private_network) return options;
  const scenario::Listeners& l = s.endpoint.listeners;
  if (l.winrm_http.enabled && l.winrm_http.port == 0) options.winrm_http = WithPort(l.winrm_http.host, 5985);
  bool https = l.winrm_https.enabled || s.endpoint.tls.has_value();
  if (https && l.winrm_https.port == 0) options.winrm_https = WithPort(l.winrm_https.host, 5986);
  if (l.wmidcom.enabled && l.wmidcom.port == 0) options.wmidcom = WithPort(l.wmidcom.host, 135);
  return options;
}

// MI's local WMIDCOM endpoint (NULL destination) is port 135 of this host.
// Outside a private namespace the fake cannot hold that port, so cimulate's
// library is pointed at the fake's activation port through its documented
// override (docs/wmidcom.md); an implementation that ignores the variable
// reaches its own local endpoint, as it would in production.
void PointLocalWmidcomAtTheFake(const fake::FakeServer& server, bool private_network) {
  if (private_network) return;
  const std::string address = server.address(scenario::ListenerKind::kWmidcom);
  if (!address.empty()) ::setenv("CIMULATE_WMIDCOM_ENDPOINT", address.c_str(), 1);
}

// Ends the child at once: no destructors, no atexit handlers, no joins.
// Threads of the implementation may still be inside it, holding pointers
// into this process's state.
[[noreturn]] void Exit(int code) {
  std::fflush(nullptr);
  ::_exit(code);
}

}  // namespace

void RunCaseChild(const ChildOptions& options) {
  // A case must not outlive its runner (killed, or interrupted with ^C while
  // the case hangs).  The runner's thread that started this process waits
  // for it, so it lives as long as the case should.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  ProgressWriter progress(options.progress_fd);
  scenario::LoadResult loaded = scenario::LoadScenarioFile(options.file);
  if (!loaded.ok() || options.position >= loaded.scenarios.size()) {
    progress.Error("cannot load case " + std::to_string(options.position) + " of " + options.file);
    Exit(3);
  }
  const scenario::Scenario& s = loaded.scenarios[options.position];

  // The namespace must be entered while the process has one thread.
  std::string net_error;
  bool private_network = options.try_private_network && EnterPrivateNetwork(&net_error);
  progress.Network(private_network ? kNetworkNamespace : kNetworkLoopback);

  std::string error;
  InitializeFn initialize = LoadMiLibrary(options.implementation, &error);
  if (!initialize) {
    progress.Error(error);
    Exit(3);
  }
  if (!private_network && NeedsPrivateNetwork(s)) {
    progress.Skip("needs a private network namespace (the runner has no privilege for one" +
                  (net_error.empty() ? std::string(")") : ": " + net_error + ")"));
    progress.Done();
    Exit(0);
  }
  for (const std::string& protocol : RequiredProtocols(s)) {
    std::string why;
    if (!ProtocolAvailable(initialize, protocol, &why)) {
      progress.Skip(why);
      progress.Done();
      Exit(0);
    }
  }

  auto server = fake::FakeServer::Start(s, ServerOptions(s, options.file, private_network), &error);
  if (!server) {
    progress.Error("the fake endpoint did not start: " + error);
    Exit(3);
  }
  PointLocalWmidcomAtTheFake(*server, private_network);
  CaseContext ctx;
  ctx.scenario = &s;
  ctx.plan = PlanSteps(s, options.default_step_deadline_ms);
  ctx.initialize = initialize;
  ctx.server = server.get();
  ctx.private_network = private_network;
  ctx.slots.resize(s.steps.size());
  ctx.step_end_us.resize(s.steps.size());
  RunSteps(ctx, progress);
  progress.Done();
  // Handles, threads and the fake are left to the process's end: tearing them
  // down could block in the implementation after the verdict is known.
  Exit(0);
}

}  // namespace cimulate::conform
