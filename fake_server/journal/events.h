// What the journal records: connection events (one TCP connection's life as
// the fake saw it) and request records (one HTTP exchange and what the
// request engine made of it).
#ifndef CIMULATE_FAKE_SERVER_JOURNAL_EVENTS_H_
#define CIMULATE_FAKE_SERVER_JOURNAL_EVENTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cimulate::fake {

using HeaderField = std::pair<std::string, std::string>;

enum class ConnectionEventKind {
  kAccept,              // the listener accepted the connection
  kTlsHandshakeOk,      // detail: protocol and cipher
  kTlsHandshakeFailed,  // detail: why
  kFirstByte,           // the first byte from the client arrived
  kCloseByClient,       // the client closed (EOF) or reset the connection
  kCloseByServer,       // the fake closed it (FIN); detail: why
  kResetByServer,       // the fake reset it (RST); detail: why
  kTimeout,             // a read or idle timeout ran out; the fake closes next
};
const char* ConnectionEventName(ConnectionEventKind kind);  // "accept", "tls_handshake_ok", ...

struct ConnectionEvent {
  ConnectionEventKind kind = ConnectionEventKind::kAccept;
  std::string listener;  // "winrm_http", ...
  std::string peer;      // "127.0.0.1:40512" or "[::1]:40512"
  std::uint64_t connection_id = 0;
  std::int64_t time_us = 0;  // monotonic, since the journal started
  std::string detail;
};

// What the request engine learned about a request; the transport layer fills
// in the rest of the RequestRecord.
struct RequestNote {
  std::string action;        // "Get", or the action URI when it is not a known one
  std::string resource_uri;
  std::vector<HeaderField> selectors;
  std::string rule;          // the rule that answered; empty when none did
  std::string nearest_rule;  // no rule matched: the closest one
  std::string reason;        // ... and why it did not match
  std::string outcome;       // what was answered: "GetResponse", "fault w:InvalidSelectors", "401"
  std::string user;          // the authenticated account, never its password
};

struct RequestRecord {
  std::uint64_t connection_id = 0;
  std::uint64_t sequence = 0;  // 1-based position on its connection
  std::string listener;
  std::string method;
  std::string path;
  std::vector<HeaderField> headers;  // credential-bearing values are redacted
  std::string body;                  // possibly cut; see body_truncated
  bool body_truncated = false;
  RequestNote note;
  int status = 0;               // HTTP status sent; 0: no status line reached the client
  std::string transport_fault;  // the fault executed ("reset", ...); empty: none
  std::int64_t time_us = 0;     // when the request began to arrive
  std::int64_t duration_us = 0; // until the answer was sent (or the fault done)
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_JOURNAL_EVENTS_H_
