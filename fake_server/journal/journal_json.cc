// Journal::ToJson: the admin API's GET /journal body and the runner's report
// attachment.  Field names match the C++ members.
#include "journal/journal.h"
#include "journal/json_writer.h"

namespace cimulate::fake {
namespace {

void WritePairs(JsonWriter& w, const std::vector<HeaderField>& pairs) {
  w.BeginArray();
  for (const auto& [name, value] : pairs) {
    w.BeginArray().String(name).String(value).EndArray();
  }
  w.EndArray();
}

void WriteEvent(JsonWriter& w, const ConnectionEvent& e) {
  w.BeginObject();
  w.Key("kind").String(ConnectionEventName(e.kind));
  w.Key("listener").String(e.listener);
  w.Key("peer").String(e.peer);
  w.Key("connection_id").Uint(e.connection_id);
  w.Key("time_us").Int(e.time_us);
  if (!e.detail.empty()) w.Key("detail").String(e.detail);
  w.EndObject();
}

void WriteRequest(JsonWriter& w, const RequestRecord& r) {
  w.BeginObject();
  w.Key("connection_id").Uint(r.connection_id);
  w.Key("sequence").Uint(r.sequence);
  w.Key("listener").String(r.listener);
  w.Key("method").String(r.method);
  w.Key("path").String(r.path);
  w.Key("action").String(r.note.action);
  w.Key("resource_uri").String(r.note.resource_uri);
  w.Key("selectors");
  WritePairs(w, r.note.selectors);
  if (!r.note.rule.empty()) w.Key("rule").String(r.note.rule);
  if (!r.note.nearest_rule.empty()) w.Key("nearest_rule").String(r.note.nearest_rule);
  if (!r.note.reason.empty()) w.Key("reason").String(r.note.reason);
  if (!r.note.user.empty()) w.Key("user").String(r.note.user);
  if (!r.note.outcome.empty()) w.Key("outcome").String(r.note.outcome);
  w.Key("status").Int(r.status);
  if (!r.transport_fault.empty()) w.Key("transport_fault").String(r.transport_fault);
  w.Key("time_us").Int(r.time_us);
  w.Key("duration_us").Int(r.duration_us);
  w.Key("headers");
  WritePairs(w, r.headers);
  w.Key("body").String(r.body);
  if (r.body_truncated) w.Key("body_truncated").Bool(true);
  w.EndObject();
}

}  // namespace

std::string Journal::ToJson() const {
  // Copy under the lock, format outside it: formatting a large journal must
  // not stall the listeners that record into it.
  std::deque<ConnectionEvent> events;
  std::deque<RequestRecord> requests;
  std::map<std::string, std::size_t, std::less<>> accepted;
  std::uint64_t dropped_events, dropped_requests;
  {
    std::lock_guard<std::mutex> lock(mu_);
    events = events_;
    requests = requests_;
    accepted = accepted_;
    dropped_events = dropped_events_;
    dropped_requests = dropped_requests_;
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("events").BeginArray();
  for (const auto& e : events) WriteEvent(w, e);
  w.EndArray();
  w.Key("requests").BeginArray();
  for (const auto& r : requests) WriteRequest(w, r);
  w.EndArray();
  w.Key("accepted").BeginObject();
  for (const auto& [listener, n] : accepted) w.Key(listener).Uint(n);
  w.EndObject();
  w.Key("dropped_events").Uint(dropped_events);
  w.Key("dropped_requests").Uint(dropped_requests);
  w.EndObject();
  return w.Take();
}

}  // namespace cimulate::fake
