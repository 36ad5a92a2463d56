// Journal: a thread-safe, bounded record of connection events and requests,
// shared by every listener of one fake endpoint.
//
// Tests and the conformance runner assert on it ("no connection before the
// first operation", "three requests on one connection"), so the per-listener
// accept counters are kept apart from the bounded entry lists: dropping old
// entries never changes how many connections a listener accepted.
//
// Credentials never enter it: Record() redacts credential headers itself,
// whatever the caller passed.
#ifndef CIMULATE_FAKE_SERVER_JOURNAL_JOURNAL_H_
#define CIMULATE_FAKE_SERVER_JOURNAL_JOURNAL_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "journal/events.h"

namespace cimulate::fake {

struct JournalLimits {
  std::size_t max_events = 20000;      // connection events kept; the oldest go first
  std::size_t max_requests = 10000;    // request records kept; the oldest go first
  std::size_t max_body_bytes = 16384;  // request body bytes kept per record
};

class Journal {
 public:
  explicit Journal(JournalLimits limits = {});

  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Microseconds since the journal was created (steady clock).
  std::int64_t NowMicros() const;

  // A connection id unique within this journal; ids are never reused, not
  // even after Clear(), so a late event cannot be confused with a new one.
  std::uint64_t NewConnectionId();

  // Stamps time_us when it is 0.
  void Record(ConnectionEvent event);
  // Redacts credential headers and cuts the body to max_body_bytes.
  void Record(RequestRecord request);

  // Drops every entry and resets the counters (not the clock or the ids).
  void Clear();

  std::vector<ConnectionEvent> Events() const;
  std::vector<ConnectionEvent> EventsOf(std::uint64_t connection_id) const;
  std::vector<RequestRecord> Requests() const;  // in the order they completed
  std::vector<RequestRecord> RequestsOn(std::uint64_t connection_id) const;

  // Connections the listener accepted since the start or the last Clear().
  std::size_t ConnectionsAccepted(std::string_view listener) const;
  // Events of one kind, optionally of one listener only.
  std::size_t CountEvents(ConnectionEventKind kind, std::string_view listener = {}) const;

  std::uint64_t dropped_events() const;
  std::uint64_t dropped_requests() const;

  // {"events":[...],"requests":[...],"accepted":{...},"dropped_events":N,"dropped_requests":N}
  std::string ToJson() const;

 private:
  const JournalLimits limits_;
  const std::chrono::steady_clock::time_point origin_;

  mutable std::mutex mu_;
  std::uint64_t next_connection_id_ = 1;
  std::deque<ConnectionEvent> events_;
  std::deque<RequestRecord> requests_;
  std::map<std::string, std::size_t, std::less<>> accepted_;
  std::uint64_t dropped_events_ = 0;
  std::uint64_t dropped_requests_ = 0;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_JOURNAL_JOURNAL_H_
