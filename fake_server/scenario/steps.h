// What the client under test does (steps) and what must then hold (expect),
// read by the conformance runner.  The loader checks their shape and names:
// handles a step uses must have been created, under that name, by an earlier
// step (`as:`), and expectations may only refer to steps that exist.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_STEPS_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_STEPS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "MI.h"
#include "scenario/diagnostics.h"
#include "scenario/endpoint.h"
#include "scenario/value.h"

namespace cimulate::scenario {

enum class StepKind {
  kInitialize, kNewSession,
  kGetInstance, kModifyInstance, kCreateInstance, kDeleteInstance, kEnumerateInstances,
  kQueryInstances, kAssociatorInstances, kReferenceInstances, kInvoke, kGetClass,
  kEnumerateClasses, kSubscribe, kTestConnection,
  kCancel, kCloseOperation, kCloseSession, kCloseApplication
};
const char* StepName(StepKind kind);  // "new_session", ...
bool IsOperation(StepKind kind);      // the MI_Session_* calls

struct Destination {
  enum class Kind { kNull, kText, kListener };  // NULL, a literal name, the fake's address
  Kind kind = Kind::kListener;
  std::string text;
  ListenerKind listener = ListenerKind::kWinrmHttp;
};

struct SessionOptions {
  std::string user;
  std::string password;
  std::string domain;
  std::string auth;       // "default", "basic", "ntlm", "negotiate", "kerberos"
  std::string transport;  // "", "http", "https"
  std::optional<std::uint32_t> timeout_ms;
};

struct Step {
  StepKind kind = StepKind::kInitialize;
  std::string as;              // names what the step creates (application, session, operation)
  std::string thread = "main";
  Mark mark;

  std::string application;  // handles used, resolved to the last one created when omitted
  std::string session;
  std::string operation;

  // new_session
  std::optional<std::string> protocol;  // nullopt: NULL (chosen from the destination)
  Destination destination;
  SessionOptions options;
  bool callbacks = false;  // pass MI_SessionCallbacks (writeMessage, writeError)

  // operations
  bool async = false;  // result callbacks instead of MI_Operation_Get*
  std::string name_space;
  std::string class_name;
  std::string instance;  // a data instance id (get, modify, delete, associators, ...)
  std::string method;
  std::string query_dialect;
  std::string query;
  std::vector<PropertyValue> parameters;

  // close_session
  bool completion_callback = false;
};

struct ErrorExpectation {
  std::optional<bool> present;
  std::string class_name;
  std::vector<PropertyValue> properties;
};

struct RequestFact {
  std::optional<Action> action;
  std::string class_name;
  std::optional<ListenerKind> listener;
};

struct JournalExpectation {
  std::vector<std::pair<ListenerKind, std::uint32_t>> connections;  // accepted so far, per listener
  std::vector<RequestFact> requests;                                 // seen so far, in order
};

struct TimeExpectation {
  std::optional<std::uint32_t> returns_within_ms;
  std::optional<std::uint32_t> blocks_for_ms;  // does not return within N ms
  std::string after_step;                      // with within_ms: returns within N ms of that step
  std::optional<std::uint32_t> within_ms;
};

// The callbacks a step's call received by the time the step returned.
// Names: "instance" (a result with more to come), "result" (the final
// result), "indication", "class", "write_error", "write_message" (operation
// callbacks), "session_error", "session_message" (MI_SessionCallbacks),
// "completion" (MI_Session_Close's completion callback).
struct CallbackExpectation {
  enum class Thread { kAny, kCaller, kOther };  // where they ran, relative to the calling thread
  std::optional<std::uint32_t> count;
  std::optional<std::vector<std::string>> order;
  Thread thread = Thread::kAny;
};
const std::vector<std::string_view>& CallbackNames();

struct Expectation {
  std::optional<MI_Result> result;
  std::optional<ErrorExpectation> error;
  std::optional<std::vector<std::string>> instances;  // data instance ids, in order
  std::optional<std::uint32_t> instance_count;
  std::optional<JournalExpectation> journal;
  std::optional<CallbackExpectation> callbacks;
  TimeExpectation time;
  Mark mark;
};

struct StepEntry {
  Step step;
  std::optional<Expectation> expect;
};

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_STEPS_H_
