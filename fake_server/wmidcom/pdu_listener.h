// PduListener: a TCP listener that cuts each connection's byte stream into
// DCE/RPC PDUs and hands them to a per-connection PduSession, which answers
// with PDUs to send and an action (go on, close, reset, stall, garbage).
// Used for both WMIDCOM ports: activation / endpoint mapper and the object
// exporter.
//
// Bounded: at most max_connections at once (beyond: closed at accept),
// fragments above max_fragment_bytes end the connection, a PDU must arrive
// whole within read_timeout_ms once begun, and a connection idle for
// idle_timeout_ms is closed.  Every connection event goes to the journal.
//
// One thread accepts; each connection runs on its own thread.  Stop() ends
// them all, stalled ones too, and joins.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_PDU_LISTENER_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_PDU_LISTENER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "journal/journal.h"
#include "scenario/endpoint.h"

namespace cimulate::fake::wmidcom {

struct PduListenerOptions {
  std::string name = "wmidcom";  // in the journal
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: a free one, see port()
  std::size_t max_connections = 64;
  std::size_t max_fragment_bytes = 65535;
  std::uint32_t read_timeout_ms = 30000;
  std::uint32_t idle_timeout_ms = 120000;
  std::uint32_t write_timeout_ms = 30000;
  // The scenario's connection_faults for this listener, applied at accept
  // (before any PDU) to the nth connection (or every one).
  std::vector<scenario::ConnectionFault> connection_faults;
};

struct PduConnectionInfo {
  std::uint64_t id = 0;     // the journal's connection id
  std::string listener;
  std::string peer;         // "127.0.0.1:40512"
  std::string local_host;   // the address the client reached us on (getsockname)
  std::uint16_t local_port = 0;
  std::uint32_t nth = 0;    // 1-based count of connections this listener accepted
};

// What to do once the replies are sent (kDelay: before they are sent).
struct PduAction {
  enum class Kind { kContinue, kClose, kReset, kStall, kGarbageThenClose, kDelay };
  Kind kind = Kind::kContinue;
  std::uint32_t ms = 0;     // kStall: how long (0: until the client goes); kDelay: how long
  std::uint32_t bytes = 0;  // kGarbageThenClose
  std::string detail;       // for the journal: why
};

class PduSession {
 public:
  virtual ~PduSession() = default;
  // One whole PDU (a single fragment) from the client.
  virtual PduAction OnPdu(std::span<const std::uint8_t> pdu, std::vector<std::vector<std::uint8_t>>* replies) = 0;
};

using PduSessionFactory = std::function<std::unique_ptr<PduSession>(const PduConnectionInfo&)>;

class PduListener {
 public:
  // `journal` may be null; it must outlive the listener.
  PduListener(PduListenerOptions options, PduSessionFactory factory, Journal* journal);
  ~PduListener();  // Stop()s

  PduListener(const PduListener&) = delete;
  PduListener& operator=(const PduListener&) = delete;

  bool Start(std::string* error);
  void Stop();

  std::uint16_t port() const;
  std::string address() const;  // "127.0.0.1:PORT" or "[::1]:PORT"
  std::size_t busy_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_PDU_LISTENER_H_
