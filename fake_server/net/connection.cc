#include "net/connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "net/http_codec.h"
#include "net/socket_util.h"

namespace cimulate::fake {
namespace {

using scenario::TransportFault;
using scenario::TransportFaultKind;

// Time given to a client to read our FIN-terminated bytes before close();
// see CloseGracefully.
constexpr std::chrono::milliseconds kCloseDrain(200);

std::string CannedResponse(int status, const char* reason, const char* text) {
  const std::string body = std::string(text) + "\n";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

}  // namespace

bool ConnectionContext::ClientClosed() const {
  if (socket_ < 0) return true;
  const long n = PeekByte(socket_);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

Connection::Connection(const ListenerShared& shared, int fd, std::uint64_t id, std::uint64_t nth, AcceptHook hook,
                       FaultDrawer drawer)
    : shared_(shared),
      fd_(fd),
      nth_(nth),
      hook_(std::move(hook)),
      drawer_(std::move(drawer)),
      peer_(PeerAddress(fd)),
      transport_(fd, shared.stop),
      stream_(&transport_, shared.options, peer_, LocalAddress(fd)) {
  context_.id_ = id;
  context_.listener_ = shared.options->name;
  context_.peer_ = peer_;
  context_.tls_ = shared.ssl_ctx != nullptr;
  context_.socket_ = fd;
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

void Connection::Event(ConnectionEventKind kind, std::string detail) {
  if (!shared_.journal) return;
  ConnectionEvent e;
  e.kind = kind;
  e.listener = shared_.options->name;
  e.peer = peer_;
  e.connection_id = context_.id_;
  e.detail = std::move(detail);
  shared_.journal->Record(std::move(e));
}

void Connection::Finish(End how, std::string detail) {
  if (fd_ < 0) return;
  // The event goes in before the socket changes state, so that a client
  // which has seen the close finds it in the journal.
  switch (how) {
    case End::kReset:
      Event(ConnectionEventKind::kResetByServer, std::move(detail));
      ResetAndClose(fd_);
      break;
    case End::kClose:
      Event(ConnectionEventKind::kCloseByServer, std::move(detail));
      transport_.ShutdownTls();
      CloseGracefully(fd_, shared_.stop->load() ? std::chrono::milliseconds(0) : kCloseDrain);
      break;
    case End::kClientClosed:
      Event(ConnectionEventKind::kCloseByClient, std::move(detail));
      ::close(fd_);
      break;
  }
  fd_ = -1;
  context_.socket_ = -1;
}

void Connection::Serve() {
  SetNonBlocking(fd_);
  // Split mode imitates OMI, which leaves Nagle on: its body then waits for
  // the ACK of the header block, and a client that delays that ACK stalls.
  // Otherwise small writes (dribbled chunks) leave as they are written.
  if (!shared_.options->split_headers_and_body) SetNoDelay(fd_);
  Event(ConnectionEventKind::kAccept);
  if (hook_) {
    AcceptInfo info{shared_.options->name, peer_, context_.id_, nth_};
    std::optional<TransportFault> fault = hook_(info);
    if (fault && !ApplyAcceptFault(*fault, drawer_ ? drawer_(*fault) : FaultDraws{})) return;
  }
  if (shared_.ssl_ctx && !Handshake()) return;
  for (;;) {
    const bool first = sequence_ == 0;
    const auto deadline = DeadlineAfterMs(first ? shared_.options->read_timeout_ms : shared_.options->idle_timeout_ms);
    if (!WaitForRequest(deadline, first ? "no request" : "idle")) return;
    if (!RunExchange()) return;
  }
}

bool Connection::ApplyAcceptFault(const TransportFault& fault, FaultDraws draws) {
  switch (fault.kind) {
    case TransportFaultKind::kRefuse:
      Finish(End::kReset, "refuse");
      return false;
    case TransportFaultKind::kReset: {
      const Waited w = fault.ms ? Linger(DeadlineAfterMs(fault.ms), false, false) : Waited::kElapsed;
      if (w == Waited::kElapsed) {
        Finish(End::kReset, "reset");
      } else {
        EndAfterWait(w, "reset");
      }
      return false;
    }
    case TransportFaultKind::kAcceptThenClose:
    case TransportFaultKind::kGarbageThenClose: {
      // Let the client send its first bytes (a request, or a ClientHello)
      // and read them, so the close is a FIN after what it sent and not an
      // RST over unread data.
      const bool garbage = fault.kind == TransportFaultKind::kGarbageThenClose;
      const char* what = garbage ? "garbage_then_close" : "accept_then_close";
      if (WaitFd(fd_, false, DeadlineAfterMs(shared_.options->read_timeout_ms), shared_.stop) == WaitResult::kReady) {
        if (PeekByte(fd_) > 0) {
          first_byte_seen_ = true;
          Event(ConnectionEventKind::kFirstByte);
        }
        char buf[4096];
        while (::recv(fd_, buf, sizeof buf, MSG_DONTWAIT) > 0) {
        }
      }
      if (!garbage && fault.ms) {
        const Waited w = Linger(DeadlineAfterMs(fault.ms), false, true);
        if (w != Waited::kElapsed) {
          EndAfterWait(w, what);
          return false;
        }
      }
      if (garbage) {
        const std::string bytes = GarbageBytes(fault, draws);
        SendAll(fd_, bytes.data(), bytes.size(), DeadlineAfterMs(shared_.options->write_timeout_ms), shared_.stop);
      }
      Finish(End::kClose, what);
      return false;
    }
    case TransportFaultKind::kHang:
      Hang(fault.until);
      return false;
    case TransportFaultKind::kDelay:
    case TransportFaultKind::kStallBeforeHeaders:
    case TransportFaultKind::kDribble:
    case TransportFaultKind::kTruncatedBody:
      // These shape an answer: the connection's first one.
      pending_fault_ = fault;
      pending_draws_ = std::move(draws);
      return true;
  }
  return true;
}

bool Connection::Handshake() {
  if (!WaitForRequest(DeadlineAfterMs(shared_.options->read_timeout_ms), "no TLS handshake")) return false;
  std::string error;
  if (transport_.AcceptTls(shared_.ssl_ctx, DeadlineAfterMs(shared_.options->read_timeout_ms), &error)) {
    Event(ConnectionEventKind::kTlsHandshakeOk, transport_.TlsDescription());
    return true;
  }
  Event(ConnectionEventKind::kTlsHandshakeFailed, error);
  switch (transport_.failure()) {
    case Transport::Failure::kEof:
    case Transport::Failure::kReset: Finish(End::kClientClosed, "during TLS handshake"); break;
    case Transport::Failure::kStopped: Finish(End::kClose, "listener stopped"); break;
    case Transport::Failure::kTimeout:
      Event(ConnectionEventKind::kTimeout, "TLS handshake");
      Finish(End::kClose, "TLS handshake timeout");
      break;
    default: Finish(End::kClose, "TLS handshake failed"); break;
  }
  return false;
}

bool Connection::WaitForRequest(Clock::time_point deadline, const char* timeout_detail) {
  if (stream_.HasBufferedInput()) return true;
  for (;;) {
    switch (WaitFd(fd_, false, deadline, shared_.stop)) {
      case WaitResult::kReady: break;
      case WaitResult::kTimeout:
        Event(ConnectionEventKind::kTimeout, timeout_detail);
        Finish(End::kClose, std::string(timeout_detail) + " timeout");
        return false;
      case WaitResult::kStopped:
        Finish(End::kClose, "listener stopped");
        return false;
      case WaitResult::kError:
        Finish(End::kClose, "poll failed");
        return false;
    }
    const long n = PeekByte(fd_);
    if (n > 0) {
      if (!first_byte_seen_) {
        first_byte_seen_ = true;
        Event(ConnectionEventKind::kFirstByte);
      }
      return true;
    }
    if (n == 0) {
      Finish(End::kClientClosed, "");
      return false;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
    Finish(End::kClientClosed, errno == ECONNRESET ? "reset" : "error");
    return false;
  }
}

bool Connection::RunExchange() {
  Exchange ex;
  ex.context = &context_;
  ex.handler = shared_.handler;
  ex.stream = &stream_;
  ex.max_body_bytes = shared_.options->max_body_bytes;
  ex.sequence = ++sequence_;
  ex.peer = peer_;
  ex.listener = shared_.options->name;
  context_.requests_seen_ = sequence_;
  context_.close_after_reply_ = false;

  const std::int64_t start_us = shared_.journal ? shared_.journal->NowMicros() : 0;
  const std::uint32_t max = shared_.options->max_requests_per_connection;
  const bool last_allowed = max != 0 && sequence_ >= max;
  bool connection_closed = false;

  stream_.BeginRequest();
  CurrentExchange() = &ex;
  const bool ok = shared_.codec->ProcessOne(stream_, last_allowed, &connection_closed);
  CurrentExchange() = nullptr;

  switch (stream_.end()) {
    case ExchangeStream::End::kNone: break;
    case ExchangeStream::End::kEof:
    case ExchangeStream::End::kReset:
      Finish(End::kClientClosed, stream_.request_bytes() ? "in the middle of a request" : "");
      return false;
    case ExchangeStream::End::kTimeout:
      Event(ConnectionEventKind::kTimeout, "request read");
      Finish(End::kClose, "request read timeout");
      return false;
    case ExchangeStream::End::kStopped:
      Finish(End::kClose, "listener stopped");
      return false;
    case ExchangeStream::End::kError:
      Finish(End::kClose, "read error");
      return false;
    case ExchangeStream::End::kHeaderTooLarge:
    case ExchangeStream::End::kBodyTooLarge: {
      const bool headers = stream_.end() == ExchangeStream::End::kHeaderTooLarge;
      // httplib has written a 400 for the failed read (or nothing); the
      // answer for an oversize request is ours.
      const std::string response = headers ? CannedResponse(400, "Bad Request", "request header block too large")
                                           : CannedResponse(413, "Payload Too Large", "request body too large");
      RecordRequest(ex, headers ? 400 : 413, "", start_us);
      if (Send(response)) Finish(End::kClose, headers ? "header block too large" : "body too large");
      return false;
    }
  }

  std::optional<TransportFault> fault = ex.fault;
  FaultDraws draws = std::move(ex.draws);
  if (!fault && pending_fault_) {
    fault = pending_fault_;
    draws = std::move(pending_draws_);
  }
  pending_fault_.reset();
  if (!Deliver(stream_.output(), fault, draws, &ex, start_us)) return false;

  if (!ok || connection_closed || last_allowed || ex.close_after) {
    Finish(End::kClose, ex.close_after ? "answer closes the connection"
                        : last_allowed ? "request limit per connection"
                        : !ok          ? "no answer"
                                       : "client asked to close");
    return false;
  }
  return true;
}

void Connection::RecordRequest(const Exchange& ex, int status, const std::string& fault, std::int64_t start_us) {
  if (!shared_.journal) return;
  RequestRecord r;
  r.connection_id = context_.id_;
  r.sequence = ex.sequence;
  r.listener = shared_.options->name;
  r.method = ex.method;
  r.path = ex.path;
  r.headers = ex.headers;
  r.body = ex.body;
  r.note = ex.note;
  r.status = status;
  r.transport_fault = fault;
  r.time_us = start_us;
  r.duration_us = shared_.journal->NowMicros() - start_us;
  shared_.journal->Record(std::move(r));
}

}  // namespace cimulate::fake
