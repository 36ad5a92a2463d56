// What a fake endpoint serves: listeners, accounts, TLS, data, per-resource
// state machines, rules (a match and a response, fault or transport fault),
// connection-level faults, and the WinRS shell script.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_ENDPOINT_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_ENDPOINT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenario/data.h"
#include "scenario/diagnostics.h"
#include "scenario/value.h"

namespace cimulate::scenario {

using NameValue = std::pair<std::string, std::string>;

enum class ListenerKind { kWinrmHttp, kWinrmHttps, kWmidcom, kAdmin };
const char* ListenerName(ListenerKind kind);  // "winrm_http", ...

struct Listener {
  bool enabled = false;
  std::string host = "127.0.0.1";  // loopback unless the scenario says otherwise
  std::uint16_t port = 0;          // 0: an ephemeral port, reported once bound
  Mark mark;
};

struct Listeners {
  Listener winrm_http{true};
  Listener winrm_https;  // on by default only when `tls:` is given
  Listener wmidcom;
  Listener admin{true};
  const Listener& Get(ListenerKind kind) const;
};

struct Account {
  std::string user;
  std::string domain;
  std::optional<std::string> password;
  std::optional<std::vector<std::uint8_t>> nt_hash;  // 16 bytes (MD4 of the UTF-16LE password)
  Mark mark;
};

struct AuthConfig {
  bool basic = true;
  bool allow_unencrypted = true;  // WinRM's AllowUnencrypted: Basic over plain HTTP
  bool anonymous = false;         // serve requests that carry no credentials
  std::vector<Account> accounts;
};

struct TlsConfig {
  std::string cert;  // PEM paths, relative to the scenario file's folder
  std::string key;
};

// What a state machine's instances are keyed by: one instance per value.
enum class StateKey { kGlobal, kShell, kCommand, kEnumeration, kResource, kConnection, kSelector };

struct StateMachine {
  std::string name;
  StateKey key = StateKey::kGlobal;
  std::string selector;  // kSelector: the selector's name
  std::string initial;
  std::vector<std::string> states;
  Mark mark;
};

enum class Action {
  kIdentify, kGet, kPut, kCreate, kDelete, kEnumerate, kPull, kRelease, kInvoke,
  kCommand, kReceive, kSend, kSignal, kEnd, kUri  // kUri: match `action_uri` exactly
};
const char* ActionName(Action action);

struct FilterMatch {
  std::string dialect;   // "WQL", "CQL", "Selector", or a dialect URI; empty: any
  std::string text;      // exact (after collapsing whitespace); empty: any
  std::string contains;  // substring; empty: any
};

struct StateCondition {
  std::string machine;
  std::vector<std::string> in;  // any of these states
};

struct Match {
  std::optional<ListenerKind> listener;
  std::optional<Action> action;
  std::string action_uri;
  std::string resource_uri;
  std::string class_name;
  std::string method;
  std::string name_space;
  std::vector<NameValue> selectors;
  std::optional<FilterMatch> filter;
  std::vector<NameValue> http_headers;
  std::vector<NameValue> soap_headers;  // WS-Man header local name -> text
  std::string user;                     // the authenticated account
  std::uint32_t nth = 0;                // 1-based count of requests matching the rest; 0: every
  std::optional<StateCondition> state;
};

struct ProviderFault {
  std::string provider;
  std::string path;
};

struct WsmanFault {
  std::uint32_t code = 0;
  std::string machine;
  std::string message;
  std::optional<ProviderFault> provider_fault;
};

struct Fault {
  int http_status = 500;
  std::string action;   // empty: the fault Action URI for the subcode's family
  std::string code = "Sender";
  std::string subcode;  // QName with a known prefix: "w:InvalidSelectors"
  std::string reason;
  std::string detail;   // FaultDetail URI (short names are expanded)
  std::optional<WsmanFault> wsman_fault;
  std::optional<InstanceValue> cim_error;  // class CIM_Error, MSFT_WmiError or OMI_Error
  Mark mark;
};

struct HttpResponse {
  int status = 200;
  std::vector<NameValue> headers;
  std::string body;
};

struct Response {
  enum class Kind { kInstances, kOutput, kFault, kXml, kHttp };
  Kind kind = Kind::kInstances;
  std::vector<std::string> instance_ids;  // kInstances: data instances, in order
  std::string instances_of;               // kInstances: or every instance of this class
  std::vector<std::uint32_t> batches;     // enumeration: items per response, in order; last repeats
  std::vector<PropertyValue> output;      // kOutput: ReturnValue and out parameters, typed
  Fault fault;
  std::string xml;  // kXml: the SOAP envelope sent as is
  HttpResponse http;
  Mark mark;
};

enum class TransportFaultKind {
  kRefuse, kAcceptThenClose, kReset, kGarbageThenClose, kTruncatedBody,
  kStallBeforeHeaders, kDribble, kDelay, kHang
};
const char* TransportFaultName(TransportFaultKind kind);

struct TransportFault {
  TransportFaultKind kind = TransportFaultKind::kReset;
  std::uint32_t ms = 0;           // delay, stall_before_headers, accept_then_close, reset: wait first
  std::uint32_t jitter_ms = 0;    // delay: plus a seeded random 0..jitter_ms
  std::uint32_t bytes = 0;        // garbage_then_close: how many; truncated_body: body bytes sent
  std::uint32_t percent = 0;      // truncated_body: or this share of the body
  std::uint32_t chunk_bytes = 1;  // dribble
  std::uint32_t interval_ms = 0;  // dribble
  enum class Until { kClientDisconnect, kRelease } until = Until::kClientDisconnect;  // hang
  Mark mark;
};

struct Transition {
  std::string machine;
  std::string to;
};

struct Rule {
  std::string name;  // for the journal and near-miss reports; defaults to "rules[i]"
  Match match;
  std::optional<Response> respond;  // absent: answer from the data set
  std::optional<TransportFault> transport;
  std::optional<Transition> transition;
  std::uint32_t times = 0;  // fires at most this often; 0: unlimited
  Mark mark;
};

// A fault applied to the nth accepted connection of a listener, before any request.
struct ConnectionFault {
  ListenerKind listener = ListenerKind::kWinrmHttp;
  std::uint32_t nth = 0;  // 1-based; 0: every connection
  TransportFault fault;
  Mark mark;
};

struct ShellChunk {
  std::string out;  // stdout bytes of one ReceiveResponse
  std::string err;  // stderr bytes
};

struct ShellCommand {
  std::string command;
  std::optional<std::vector<std::string>> arguments;  // absent: any arguments
  std::vector<ShellChunk> chunks;                     // one ReceiveResponse each
  std::int32_t exit_code = 0;
  std::uint32_t timeouts = 0;  // Receives answered with a w:TimedOut fault first
  Mark mark;
};

struct ShellScript {
  std::vector<ShellCommand> commands;
  std::optional<ShellCommand> unknown;  // for command lines no entry matches
};

// WMIDCOM: a call the fake answers differently from its data.  The match
// names the MS-WMI / DCOM call; exactly one of hresult (sent in the normal
// response, as Windows reports WBEM errors), rpc_fault (a fault PDU with
// that status) or transport (at the PDU level) says what happens.
struct WmidcomMatch {
  std::string interface_name;  // "IWbemServices", "IEnumWbemClassObject", ...; empty: any
  std::string method;          // "ExecQuery", "Next", "NTLMLogin", "bind", ...; empty: any
  std::string name_space;      // empty: any
  std::string contains;        // a substring (case-insensitive) of the query or object path
  std::string user;            // the authenticated account; empty: any
  std::uint32_t nth = 0;       // 1-based count of calls matching the rest; 0: every
};

enum class WmidcomTransportKind {
  kResetAfterBind,  // method "bind": the bind is answered, then the connection is reset
  kReset,           // the call is not answered; the connection is reset
  kClose,           // the call is not answered; the connection is closed (FIN)
  kGarbage,         // `bytes` bytes that are not a PDU, then close
  kStall,           // no answer for `ms` (0: until the client disconnects)
};
const char* WmidcomTransportName(WmidcomTransportKind kind);

struct WmidcomFault {
  std::string name;  // for the journal; defaults to "wmidcom.faults[i]"
  WmidcomMatch match;
  std::optional<std::uint32_t> hresult;
  std::optional<std::uint32_t> rpc_fault;
  std::optional<WmidcomTransportKind> transport;
  std::uint32_t ms = 0;      // stall
  std::uint32_t bytes = 64;  // garbage
  std::uint32_t times = 0;   // fires at most this often; 0: unlimited
  Mark mark;
};

struct WmidcomConfig {
  // The object exporter's port (0: a free one), on the activation listener's host.
  std::uint16_t object_port = 0;
  // The host written into the string binding; empty: the address the client
  // reached the activation port on (getsockname).
  std::string advertised_address;
  // The authentication level the client should use on the object connection
  // (ScmReplyInfo authnHint): 1 none ... 5 integrity, 6 privacy.
  std::uint32_t authn_hint = 5;
  std::vector<WmidcomFault> faults;
};

struct Endpoint {
  Listeners listeners;
  AuthConfig auth;
  std::optional<TlsConfig> tls;
  DataSet data;
  std::vector<StateMachine> state_machines;
  std::vector<Rule> rules;
  std::vector<ConnectionFault> connection_faults;
  ShellScript shell;
  WmidcomConfig wmidcom;

  const StateMachine* FindStateMachine(std::string_view name) const;
};

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_ENDPOINT_H_
