// One MI_Operation: the result stream between a protocol (the producer, on a worker
// thread) and the client (callbacks, or the synchronous MI_Operation_Get* calls).
//
// Rules it enforces:
//  - exactly one final result reaches the client;
//  - synchronous mode buffers a bounded number of results (the producer waits), so
//    memory follows the client's pace, not the size of the result set;
//  - manual acknowledgement holds the next callback until the client acknowledges;
//  - no callback runs after MI_Operation_Close returns, and Close returns only when
//    the protocol has finished with the operation (unless Close is called from the
//    operation's own callback, which cannot wait for itself);
//  - Cancel unblocks the protocol through the hooks it registered.
#ifndef CIMULATE_CORE_OPERATION_H_
#define CIMULATE_CORE_OPERATION_H_

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "MI.h"
#include "core/protocol.h"

namespace cimulate::core {

class Session;

class Operation final : public ResultSink, public std::enable_shared_from_this<Operation> {
 public:
  Operation(std::shared_ptr<Session> session, OperationKind kind, MI_Uint32 flags,
            const MI_OperationCallbacks* callbacks);
  ~Operation() override;

  // Registers the operation and fills the caller's handle.
  void Attach(MI_Operation* out);

  // Worker side: runs the protocol, then completes the operation.
  void Run(ProtocolSession& protocol, const OperationRequest& request);
  // Worker side: completes the operation with an error without running anything.
  void Fail(MI_Result result, InstancePtr error);

  // ResultSink.
  bool PostInstance(InstancePtr instance) override;
  bool PostClass(ClassPtr cls) override;
  void PostFinal(MI_Result result, InstancePtr error, InstancePtr instance, ClassPtr cls) override;
  void WriteMessage(MI_Uint32 channel, const std::string& message) override;
  bool IsCancelled() const override;
  void OnCancel(std::function<void()> abort) override;

  // MI_OperationFT.
  MI_Result Close(MI_Operation* handle);
  MI_Result Cancel(MI_CancellationReason reason);
  MI_Result GetSession(MI_Session* out) const;
  MI_Result NextInstance(const MI_Instance** instance, MI_Boolean* more, MI_Result* result,
                         const MI_Char** message, const MI_Instance** details);
  MI_Result NextClass(const MI_Class** cls, MI_Boolean* more, MI_Result* result, const MI_Char** message,
                      const MI_Instance** details);
  MI_Result NextIndication(const MI_Instance** instance, const MI_Char** bookmark, const MI_Char** machine_id,
                           MI_Boolean* more, MI_Result* result, const MI_Char** message,
                           const MI_Instance** details);
  MI_Result Acknowledge();

  OperationKind kind() const { return kind_; }
  bool synchronous() const { return synchronous_; }

  // The most results a synchronous operation buffers before the producer waits.
  static constexpr size_t kMaxBuffered = 64;

 private:
  struct Result {
    InstancePtr instance;
    ClassPtr cls;
    bool more = true;
    MI_Result code = MI_RESULT_OK;
    std::string message;
    InstancePtr error;
  };

  bool Post(Result result);
  bool Deliver(Result& result);
  MI_Result Next(Result** taken);
  static void ReportCompletion(const Result& taken, MI_Boolean* more, MI_Result* result, const MI_Char** message,
                               const MI_Instance** details);
  void Finish();
  void CancelLocked(std::vector<std::function<void()>>* hooks);

  const std::shared_ptr<Session> session_;
  const OperationKind kind_;
  const MI_Uint32 flags_;
  const MI_OperationCallbacks callbacks_;
  const bool synchronous_;
  const bool manual_ack_;
  MI_Operation handle_{};  // what callbacks receive

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Result> buffered_;
  Result current_;  // the synchronous result the client holds now
  std::vector<std::function<void()>> cancel_hooks_;
  std::thread::id delivering_thread_;
  bool cancelled_ = false;
  bool final_posted_ = false;
  bool final_taken_ = false;
  bool acknowledged_ = false;
  bool closed_ = false;
  bool finished_ = false;  // the protocol returned
  bool retired_ = false;   // handed back to the session
};

extern const MI_OperationFT kOperationFT;

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_OPERATION_H_
