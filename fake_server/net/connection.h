// Connection: drives one accepted socket from accept to close on a worker
// thread: the accept hook's fault, the TLS handshake, the keep-alive loop of
// exchanges, how each answer's bytes go out (or which fault replaces them),
// and the journal's connection events and request records.
#ifndef CIMULATE_FAKE_SERVER_NET_CONNECTION_H_
#define CIMULATE_FAKE_SERVER_NET_CONNECTION_H_

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include <openssl/ssl.h>

#include "journal/journal.h"
#include "net/exchange.h"
#include "net/exchange_stream.h"
#include "net/http_types.h"
#include "net/listener_options.h"
#include "net/transport.h"

namespace cimulate::fake {

class HttpCodec;

// What every connection of a listener shares with it.
struct ListenerShared {
  const ListenerOptions* options = nullptr;
  Journal* journal = nullptr;  // may be null
  HttpCodec* codec = nullptr;
  SSL_CTX* ssl_ctx = nullptr;  // null: clear text
  const Handler* handler = nullptr;
  const std::atomic<bool>* stop = nullptr;
  const std::atomic<std::uint64_t>* release_generation = nullptr;
};

class Connection {
 public:
  Connection(const ListenerShared& shared, int fd, std::uint64_t id, std::uint64_t nth, AcceptHook hook,
             FaultDrawer drawer);
  ~Connection();

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs the connection to its end; the socket is closed on return.
  void Serve();

 private:
  enum class End { kClose, kReset, kClientClosed };
  enum class Waited { kElapsed, kClientClosed, kStopped, kReleased };

  // connection.cc
  void Event(ConnectionEventKind kind, std::string detail = {});
  void Finish(End how, std::string detail);
  bool ApplyAcceptFault(const scenario::TransportFault& fault, FaultDraws draws);
  bool Handshake();
  bool WaitForRequest(Clock::time_point deadline, const char* timeout_detail);
  bool RunExchange();
  void RecordRequest(const Exchange& ex, int status, const std::string& fault, std::int64_t start_us);

  // connection_delivery.cc
  // Sends `response` as the fault says; false when the connection is over.
  bool Deliver(const std::string& response, const std::optional<scenario::TransportFault>& fault,
               const FaultDraws& draws, Exchange* ex, std::int64_t start_us);
  bool Send(const std::string& response);
  bool SendPart(const char* data, std::size_t size);
  Waited Linger(Clock::time_point deadline, bool until_release, bool discard_input);
  void Hang(scenario::TransportFault::Until until);
  void EndAfterWait(Waited w, const char* what);
  static std::string GarbageBytes(const scenario::TransportFault& fault, const FaultDraws& draws);

  ListenerShared shared_;
  int fd_;
  const std::uint64_t nth_;
  AcceptHook hook_;
  FaultDrawer drawer_;
  std::string peer_;
  Transport transport_;
  ExchangeStream stream_;
  ConnectionContext context_;
  std::optional<scenario::TransportFault> pending_fault_;  // an accept fault for the first answer
  FaultDraws pending_draws_;
  bool first_byte_seen_ = false;
  std::uint64_t sequence_ = 0;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_CONNECTION_H_
