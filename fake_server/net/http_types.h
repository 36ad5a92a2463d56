// What a listener hands to its handler and what the handler answers.
#ifndef CIMULATE_FAKE_SERVER_NET_HTTP_TYPES_H_
#define CIMULATE_FAKE_SERVER_NET_HTTP_TYPES_H_

#include <any>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/events.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

struct Request {
  std::string method;
  std::string path;  // the request target as sent, query included
  std::vector<HeaderField> headers;  // as sent, ordered by name (httplib keeps a multimap)
  std::string body;
  std::string peer;      // "127.0.0.1:40512"
  std::string listener;  // the listener's name
  std::uint64_t connection_id = 0;
  std::uint64_t sequence = 0;  // 1-based position on the connection
  bool tls = false;

  // The first header of that name (case-insensitive), or null.
  const std::string* Header(std::string_view name) const;
};

// The random parts of a transport fault: a delay's jitter and the bytes of
// garbage_then_close.  Whoever decides the fault draws them from its seeded
// source (the fake's engine does, under its lock in request order, so a
// seeded run replays); the listener itself draws nothing.
struct FaultDraws {
  std::uint32_t jitter_ms = 0;  // added to the fault's ms
  std::string garbage;          // empty: `bytes` fixed filler bytes
};

struct Reply {
  int status = 200;
  // Content-Length, Connection and Transfer-Encoding are the listener's
  // business and are ignored here.  Without Content-Type a non-empty body is
  // sent as application/soap+xml;charset=UTF-8.
  std::vector<HeaderField> headers;
  std::string body;
  // Executed instead of (or around) sending the answer; see
  // docs/fake-server-transport.md for where each kind acts.
  std::optional<scenario::TransportFault> fault;
  FaultDraws draws;  // for `fault`
  // Copied into the journal's record of this request.
  RequestNote note;
};

// One accepted connection, as the handler sees it.  Valid only during the
// handler call; per-connection protocol state (an NTLM context, say) goes in
// state(), which lives as long as the connection.
class ConnectionContext {
 public:
  std::uint64_t id() const { return id_; }
  const std::string& listener() const { return listener_; }
  const std::string& peer() const { return peer_; }
  bool tls() const { return tls_; }
  std::uint64_t requests_seen() const { return requests_seen_; }
  // The connection's socket, for callers that must look below HTTP.  It is
  // non-blocking; do not close it or read from it.
  int socket() const { return socket_; }

  // True once the client has closed its side (a long-running handler may
  // stop early).
  bool ClientClosed() const;
  // Adds "Connection: close" to the answer and closes after sending it.
  void CloseAfterReply() { close_after_reply_ = true; }
  bool close_after_reply() const { return close_after_reply_; }

  std::any& state() { return state_; }

 private:
  friend class Connection;

  std::uint64_t id_ = 0;
  std::string listener_;
  std::string peer_;
  bool tls_ = false;
  std::uint64_t requests_seen_ = 0;
  int socket_ = -1;
  bool close_after_reply_ = false;
  std::any state_;
};

using Handler = std::function<Reply(const Request&, ConnectionContext&)>;

// Passed to the accept hook for every accepted connection.
struct AcceptInfo {
  std::string listener;
  std::string peer;
  std::uint64_t connection_id = 0;
  std::uint64_t nth = 0;  // 1-based count of connections this listener accepted
};

// Decides a fault for a new connection before any byte is read (a scenario's
// connection_faults); nullopt serves the connection normally.
using AcceptHook = std::function<std::optional<scenario::TransportFault>(const AcceptInfo&)>;

// Draws the random parts of a fault the accept hook decided.
using FaultDrawer = std::function<FaultDraws(const scenario::TransportFault&)>;

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_HTTP_TYPES_H_
