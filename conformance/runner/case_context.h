// The state one case's child process shares between its step threads: the
// implementation's entry point, the fake endpoint, the MI handles each step
// created, and when each step returned.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CASE_CONTEXT_H_
#define CIMULATE_CONFORMANCE_RUNNER_CASE_CONTEXT_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "MI.h"
#include "runner/mi_values.h"
#include "runner/step_plan.h"
#include "scenario/scenario.h"
#include "server/fake_server.h"

namespace cimulate::conform {

using InitializeFn = MI_Result(MI_MAIN_CALL*)(MI_Uint32 flags, const MI_Char* applicationID,
                                              MI_Instance** extendedError, MI_Application* application);

// The callbacks one step's call received, in order, and whether each ran on
// the thread that made the call.
struct CallbackLog {
  std::mutex mu;
  std::thread::id caller;
  std::vector<std::string> names;
  std::vector<bool> on_caller;

  void Record(const char* name) {
    std::lock_guard<std::mutex> lock(mu);
    names.emplace_back(name);
    on_caller.push_back(std::this_thread::get_id() == caller);
  }
};

// An operation and, for async ones, what its callbacks delivered.
struct OperationState {
  MI_Operation operation{};
  bool async = false;
  bool class_results = false;  // get_class / enumerate_classes

  std::mutex mu;
  std::condition_variable cv;
  bool started = false;  // the MI_Session_* call returned: `operation` is filled in
  bool done = false;
  MI_Result result = MI_RESULT_OK;
  bool error_present = false;
  InstanceSnapshot error;
  std::string error_message;
  std::vector<InstanceSnapshot> instances;
  std::size_t classes = 0;
  CallbackLog callbacks;
};

// The completion callback of an async MI_Session_Close.
struct CloseCompletion {
  std::mutex mu;
  std::condition_variable cv;
  int calls = 0;
  CallbackLog callbacks;
};

// What a step created, by the step's index.  Handles live until the child
// exits: the case ends with _exit, so nothing is torn down in an order the
// implementation might not survive.
struct HandleSlot {
  bool has_application = false;
  MI_Application application{};
  bool has_session = false;
  MI_Session session{};
  std::unique_ptr<CallbackLog> session_callbacks;  // new_session with `callbacks: true`
  std::unique_ptr<OperationState> operation;
  std::unique_ptr<CloseCompletion> close_completion;
};

struct CaseContext {
  const scenario::Scenario* scenario = nullptr;
  StepPlan plan;
  InitializeFn initialize = nullptr;
  fake::FakeServer* server = nullptr;
  bool private_network = false;  // the fake listens on the standard ports
  std::chrono::steady_clock::time_point origin = std::chrono::steady_clock::now();

  std::mutex mu;  // guards slots' handle flags, step_end_us
  std::vector<HandleSlot> slots;
  std::vector<std::optional<std::int64_t>> step_end_us;

  std::int64_t NowMicros() const {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - origin).count();
  }
};

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CASE_CONTEXT_H_
