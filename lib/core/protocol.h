// The seam between the MI session core and the wire protocols.
//
// The core turns MI calls into OperationRequests and runs each one on a worker
// thread through a ProtocolSession; the protocol reports back into a ResultSink.
// WINRM and WMIDCOM are ProtocolHandlers registered by name; tests register mocks.
#ifndef CIMULATE_CORE_PROTOCOL_H_
#define CIMULATE_CORE_PROTOCOL_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "MI.h"
#include "core/class.h"
#include "core/error.h"
#include "core/instance.h"
#include "core/options.h"

namespace cimulate::core {

enum class OperationKind {
  kGetInstance,
  kModifyInstance,
  kCreateInstance,
  kDeleteInstance,
  kInvoke,
  kEnumerateInstances,
  kQueryInstances,
  kAssociatorInstances,
  kReferenceInstances,
  kSubscribe,
  kGetClass,
  kEnumerateClasses,
  kTestConnection,
};

const char* OperationKindName(OperationKind kind);

// Which result callback and synchronous getter an operation uses.
enum class ResultKind { kInstance, kClass, kIndication };
ResultKind ResultKindOf(OperationKind kind);

// Everything an operation asked for, owned (the caller's arguments are copied).
struct OperationRequest {
  OperationKind kind = OperationKind::kTestConnection;
  MI_Uint32 flags = 0;
  std::optional<std::string> name_space;
  std::optional<std::string> class_name;
  std::optional<std::string> method_name;
  InstancePtr instance;    // inbound instance, instance keys, or Invoke's target
  InstancePtr parameters;  // Invoke's inbound properties
  bool keys_only = false;  // also EnumerateClasses' classNamesOnly
  std::optional<std::string> query_dialect;
  std::optional<std::string> query_expression;
  std::optional<std::string> association_class;
  std::optional<std::string> result_class;
  std::optional<std::string> role;
  std::optional<std::string> result_role;
  std::shared_ptr<const OptionBag> options;  // never null
};

// Where a protocol reports an operation's results.  One producer thread at a time.
class ResultSink {
 public:
  virtual ~ResultSink() = default;

  // A result that is not the last one (moreResults = MI_TRUE).  Blocks while the
  // client has not taken earlier results, which bounds memory for large
  // enumerations.  Returns false once the operation was cancelled or closed: stop.
  virtual bool PostInstance(InstancePtr instance) = 0;
  virtual bool PostClass(ClassPtr cls) = 0;

  // The final result, exactly once; a single-result operation (Get, Create,
  // Invoke...) passes its instance here.  `error` is the extended error (required
  // when result != MI_RESULT_OK; built with BuildError when absent).
  virtual void PostFinal(MI_Result result, InstancePtr error, InstancePtr instance = nullptr,
                         ClassPtr cls = nullptr) = 0;

  virtual void WriteMessage(MI_Uint32 channel, const std::string& message) = 0;

  virtual bool IsCancelled() const = 0;

  // `abort` runs once when the operation is cancelled (at once if it already is),
  // on the cancelling thread: it should only unblock I/O, e.g. shut a socket down.
  virtual void OnCancel(std::function<void()> abort) = 0;
};

// The protocol side of one MI_Session.
class ProtocolSession {
 public:
  virtual ~ProtocolSession() = default;

  // Runs one operation to completion on a worker thread and posts exactly one final
  // result.  Several operations of a session may run at once.
  virtual void Execute(const OperationRequest& request, ResultSink& sink) = 0;

  // Called once, after every operation of the session has finished.
  virtual void Close() = 0;
};

struct SessionConfig {
  std::string protocol;                      // the registered name, e.g. "WINRM"
  std::optional<std::string> destination;    // nullopt: the local machine
  std::shared_ptr<const OptionBag> options;  // destination options; never null
  // Reach the caller's MI_SessionCallbacks (with its MI_Application); no-ops when
  // the caller passed none.
  std::function<void(MI_Uint32 channel, const std::string& message)> write_message;
  std::function<void(const MI_Instance* error)> write_error;
};

class ProtocolHandler {
 public:
  virtual ~ProtocolHandler() = default;
  virtual std::string name() const = 0;

  // Creates a session.  MUST NOT perform I/O (no name lookup, no connect): the MI
  // contract defers contacting the destination to the first operation.
  virtual MI_Result OpenSession(const SessionConfig& config, std::unique_ptr<ProtocolSession>* session,
                                ErrorInfo* error) = 0;
};

class ProtocolRegistry {
 public:
  void Register(std::shared_ptr<ProtocolHandler> handler);
  std::shared_ptr<ProtocolHandler> Find(std::string_view name) const;  // case-insensitive
  std::vector<std::string> Names() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<ProtocolHandler>> handlers_;
};

// The MI documentation's selection rule, in exactly one place: a NULL protocol
// means WMIDCOM when the destination is NULL (the local machine) and WINRM for any
// destination, even "" or the local computer's own name.
std::string SelectProtocol(const MI_Char* protocol, const MI_Char* destination);

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_PROTOCOL_H_
