// One MI_Session: a destination, its protocol session, and the operations running
// against it.  Closing cancels the operations and completes once the client has
// closed every one of them.
#ifndef CIMULATE_CORE_SESSION_H_
#define CIMULATE_CORE_SESSION_H_

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

#include "MI.h"
#include "core/protocol.h"

namespace cimulate::core {

class Application;
class Operation;

class Session final : public std::enable_shared_from_this<Session> {
 public:
  Session(std::shared_ptr<Application> application, std::string protocol);
  ~Session();

  void SetProtocolSession(std::unique_ptr<ProtocolSession> protocol) { protocol_ = std::move(protocol); }
  void Attach(MI_Session* out);
  MI_Result FillHandle(MI_Session* out) const;
  const std::string& protocol_name() const { return protocol_name_; }
  Application& application() const { return *application_; }

  // Starts an operation: `build` fills the request from the caller's arguments and
  // returns MI_RESULT_OK, or an error that becomes the operation's final result.
  void Start(OperationKind kind, MI_Uint32 flags, MI_OperationOptions* options, MI_OperationCallbacks* callbacks,
             MI_Operation* out, const std::function<MI_Result(OperationRequest&, std::string&)>& build);

  MI_Result Close(MI_Session* handle, void* completion_context, void(MI_CALL* completion)(void*));

  // Cancels every running operation (the application is closing).
  void CancelOperations();

  // The client closed an operation and its protocol work is over.
  void Retire(const std::shared_ptr<Operation>& operation);

 private:
  void FinishClose();

  const std::shared_ptr<Application> application_;
  const std::string protocol_name_;
  std::unique_ptr<ProtocolSession> protocol_;
  MI_Session handle_{};

  std::mutex mutex_;
  std::condition_variable closed_;
  std::unordered_set<std::shared_ptr<Operation>> operations_;  // started and not yet retired
  bool closing_ = false;
  bool close_started_ = false;
  bool close_done_ = false;
  std::vector<std::pair<void*, void(MI_CALL*)(void*)>> completions_;
};

extern const MI_SessionFT kSessionFT;
// The table a failed NewSession leaves in the handle: Close succeeds, the rest fails.
extern const MI_SessionFT kFailedSessionFT;

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_SESSION_H_
