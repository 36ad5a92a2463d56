#include "journal/journal.h"

#include <utility>

#include "journal/redact.h"

namespace cimulate::fake {

Journal::Journal(JournalLimits limits) : limits_(limits), origin_(std::chrono::steady_clock::now()) {}

std::int64_t Journal::NowMicros() const {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - origin_).count();
}

std::uint64_t Journal::NewConnectionId() {
  std::lock_guard<std::mutex> lock(mu_);
  return next_connection_id_++;
}

void Journal::Record(ConnectionEvent event) {
  if (event.time_us == 0) event.time_us = NowMicros();
  std::lock_guard<std::mutex> lock(mu_);
  if (event.kind == ConnectionEventKind::kAccept) {
    auto it = accepted_.find(event.listener);
    if (it == accepted_.end()) it = accepted_.emplace(event.listener, 0).first;
    ++it->second;
  }
  if (limits_.max_events == 0) {
    ++dropped_events_;
    return;
  }
  if (events_.size() >= limits_.max_events) {
    events_.pop_front();
    ++dropped_events_;
  }
  events_.push_back(std::move(event));
}

void Journal::Record(RequestRecord request) {
  RedactHeaders(&request.headers);
  if (request.body.size() > limits_.max_body_bytes) {
    request.body.resize(limits_.max_body_bytes);
    request.body_truncated = true;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (limits_.max_requests == 0) {
    ++dropped_requests_;
    return;
  }
  if (requests_.size() >= limits_.max_requests) {
    requests_.pop_front();
    ++dropped_requests_;
  }
  requests_.push_back(std::move(request));
}

void Journal::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  events_.clear();
  requests_.clear();
  accepted_.clear();
  dropped_events_ = 0;
  dropped_requests_ = 0;
}

std::vector<ConnectionEvent> Journal::Events() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {events_.begin(), events_.end()};
}

std::vector<ConnectionEvent> Journal::EventsOf(std::uint64_t connection_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ConnectionEvent> out;
  for (const auto& e : events_) {
    if (e.connection_id == connection_id) out.push_back(e);
  }
  return out;
}

std::vector<RequestRecord> Journal::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {requests_.begin(), requests_.end()};
}

std::vector<RequestRecord> Journal::RequestsOn(std::uint64_t connection_id) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<RequestRecord> out;
  for (const auto& r : requests_) {
    if (r.connection_id == connection_id) out.push_back(r);
  }
  return out;
}

std::size_t Journal::ConnectionsAccepted(std::string_view listener) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = accepted_.find(listener);
  return it == accepted_.end() ? 0 : it->second;
}

std::size_t Journal::CountEvents(ConnectionEventKind kind, std::string_view listener) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::size_t n = 0;
  for (const auto& e : events_) {
    if (e.kind == kind && (listener.empty() || e.listener == listener)) ++n;
  }
  return n;
}

std::uint64_t Journal::dropped_events() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_events_;
}

std::uint64_t Journal::dropped_requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_requests_;
}

}  // namespace cimulate::fake
