// Display names of model enums and small model lookups.
#include "scenario/endpoint.h"
#include "scenario/scenario.h"

namespace cimulate::scenario {

const char* ListenerName(ListenerKind kind) {
  switch (kind) {
    case ListenerKind::kWinrmHttp: return "winrm_http";
    case ListenerKind::kWinrmHttps: return "winrm_https";
    case ListenerKind::kWmidcom: return "wmidcom";
    case ListenerKind::kAdmin: return "admin";
  }
  return "?";
}

const char* ActionName(Action action) {
  static const char* const kNames[] = {"Identify", "Get",     "Put",     "Create", "Delete", "Enumerate", "Pull", "Release",
                                       "Invoke",   "Command", "Receive", "Send",   "Signal", "End",       "uri"};
  return kNames[static_cast<int>(action)];
}

const char* TransportFaultName(TransportFaultKind kind) {
  static const char* const kNames[] = {"refuse",         "accept_then_close",    "reset",   "garbage_then_close",
                                       "truncated_body", "stall_before_headers", "dribble", "delay", "hang"};
  return kNames[static_cast<int>(kind)];
}

const char* WmidcomTransportName(WmidcomTransportKind kind) {
  static const char* const kNames[] = {"reset_after_bind", "reset", "close", "garbage", "stall"};
  return kNames[static_cast<int>(kind)];
}

const char* StrengthName(Strength strength) {
  switch (strength) {
    case Strength::kMust: return "MUST";
    case Strength::kShould: return "SHOULD";
    case Strength::kMay: return "MAY";
  }
  return "?";
}

const Listener& Listeners::Get(ListenerKind kind) const {
  switch (kind) {
    case ListenerKind::kWinrmHttp: return winrm_http;
    case ListenerKind::kWinrmHttps: return winrm_https;
    case ListenerKind::kWmidcom: return wmidcom;
    case ListenerKind::kAdmin: break;
  }
  return admin;
}

const StateMachine* Endpoint::FindStateMachine(std::string_view name) const {
  for (const StateMachine& m : state_machines) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace cimulate::scenario
