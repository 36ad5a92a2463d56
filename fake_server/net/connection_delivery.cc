// How an answer's bytes leave the fake: whole, split, or shaped by a
// transport fault at the point of the exchange the scenario chose.
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <thread>

#include "net/connection.h"
#include "net/socket_util.h"

namespace cimulate::fake {
namespace {

using scenario::TransportFault;
using scenario::TransportFaultKind;

// The status code of a serialized response, or 0.
int StatusOf(const std::string& response) {
  if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return 0;
  const size_t sp = response.find(' ');
  if (sp == std::string::npos || sp + 4 > response.size()) return 0;
  return std::atoi(response.c_str() + sp + 1);
}

// Offset of the first body byte (just after CRLF CRLF), or size().
std::size_t BodyOffset(const std::string& response) {
  const size_t p = response.find("\r\n\r\n");
  return p == std::string::npos ? response.size() : p + 4;
}

}  // namespace

std::string Connection::GarbageBytes(const TransportFault& fault, const FaultDraws& draws) {
  std::string out = draws.garbage;
  if (out.empty()) {
    // Nothing drawn: fixed filler, still not HTTP.
    out.resize(fault.bytes ? fault.bytes : 64);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>(0x80 | (i & 0x7F));
  }
  // Random bytes could in theory start like a status line; a client test
  // relies on them not being one.
  if (!out.empty() && (out[0] == 'H' || out[0] == 'h')) out[0] = '\x01';
  return out;
}

bool Connection::SendPart(const char* data, std::size_t size) {
  if (size == 0) return true;
  if (transport_.Write(data, size, DeadlineAfterMs(shared_.options->write_timeout_ms))) return true;
  if (transport_.failure() == Transport::Failure::kStopped) {
    Finish(End::kClose, "listener stopped");
  } else if (transport_.failure() == Transport::Failure::kTimeout) {
    Event(ConnectionEventKind::kTimeout, "write");
    Finish(End::kClose, "write timeout");
  } else {
    Finish(End::kClientClosed, "write failed");
  }
  return false;
}

bool Connection::Send(const std::string& response) {
  if (!shared_.options->split_headers_and_body) return SendPart(response.data(), response.size());
  const std::size_t split = BodyOffset(response);
  if (!SendPart(response.data(), split)) return false;
  if (shared_.options->split_gap_ms && split < response.size()) {
    const Waited w = Linger(DeadlineAfterMs(shared_.options->split_gap_ms), false, false);
    if (w != Waited::kElapsed) {
      EndAfterWait(w, "split answer");
      return false;
    }
  }
  return SendPart(response.data() + split, response.size() - split);
}

Connection::Waited Connection::Linger(Clock::time_point deadline, bool until_release, bool discard_input) {
  const std::uint64_t generation = shared_.release_generation->load(std::memory_order_acquire);
  char buf[4096];
  for (;;) {
    if (until_release && shared_.release_generation->load(std::memory_order_acquire) != generation) {
      return Waited::kReleased;
    }
    const auto now = Clock::now();
    if (now >= deadline) return Waited::kElapsed;
    const auto slice_end = std::min(deadline, now + std::chrono::milliseconds(kPollSliceMs));
    const WaitResult w = WaitFd(fd_, false, slice_end, shared_.stop);
    if (w == WaitResult::kStopped) return Waited::kStopped;
    if (w == WaitResult::kError) return Waited::kClientClosed;
    if (w != WaitResult::kReady) continue;
    if (discard_input) {
      const ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
      if (n == 0) return Waited::kClientClosed;
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return Waited::kClientClosed;
      continue;
    }
    const long n = PeekByte(fd_);
    if (n == 0) return Waited::kClientClosed;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return Waited::kClientClosed;
    if (n > 0) {
      // The client sent more (a pipelined request) and it stays unread for
      // now; sleep instead of polling a socket that stays readable.
      std::this_thread::sleep_until(slice_end);
    }
  }
}

void Connection::EndAfterWait(Waited w, const char* what) {
  switch (w) {
    case Waited::kElapsed: break;
    case Waited::kClientClosed: Finish(End::kClientClosed, std::string("during ") + what); break;
    case Waited::kStopped: Finish(End::kClose, "listener stopped"); break;
    case Waited::kReleased: Finish(End::kClose, std::string(what) + " released"); break;
  }
}

void Connection::Hang(TransportFault::Until until) {
  // Input is read and dropped so that the client's close is seen even when
  // it sent more first.
  const Waited w = Linger(Clock::time_point::max(), until == TransportFault::Until::kRelease, true);
  EndAfterWait(w, "hang");
}

bool Connection::Deliver(const std::string& response, const std::optional<TransportFault>& fault,
                         const FaultDraws& draws, Exchange* ex, std::int64_t start_us) {
  const int status = StatusOf(response);
  if (!fault) {
    // Recorded before the send: a client that has its answer finds the
    // request in the journal.
    RecordRequest(*ex, status, "", start_us);
    return Send(response);
  }
  const std::string name = scenario::TransportFaultName(fault->kind);
  switch (fault->kind) {
    case TransportFaultKind::kDelay:
    case TransportFaultKind::kStallBeforeHeaders: {
      std::uint64_t ms = fault->ms;
      if (fault->kind == TransportFaultKind::kDelay) ms += draws.jitter_ms;
      // stall_before_headers without a time stalls until the client gives
      // up or the listener stops.
      const auto deadline = ms ? Clock::now() + std::chrono::milliseconds(ms)
                            : fault->kind == TransportFaultKind::kDelay ? Clock::now()
                                                                         : Clock::time_point::max();
      const Waited w = Linger(deadline, false, false);
      if (w != Waited::kElapsed) {
        RecordRequest(*ex, 0, name, start_us);
        EndAfterWait(w, name.c_str());
        return false;
      }
      RecordRequest(*ex, status, name, start_us);
      return Send(response);
    }
    case TransportFaultKind::kDribble: {
      // A dribble means each chunk on the wire as written, split mode or not.
      SetNoDelay(fd_);
      const std::size_t chunk = std::max<std::uint32_t>(1, fault->chunk_bytes);
      for (std::size_t off = 0; off < response.size(); off += chunk) {
        if (off > 0 && fault->interval_ms) {
          const Waited w = Linger(DeadlineAfterMs(fault->interval_ms), false, false);
          if (w != Waited::kElapsed) {
            RecordRequest(*ex, status, name, start_us);
            EndAfterWait(w, "dribble");
            return false;
          }
        }
        if (off + chunk >= response.size()) RecordRequest(*ex, status, name, start_us);
        if (!SendPart(response.data() + off, std::min(chunk, response.size() - off))) return false;
      }
      return true;
    }
    case TransportFaultKind::kTruncatedBody: {
      const std::size_t body_at = BodyOffset(response);
      const std::size_t body = response.size() - body_at;
      std::size_t keep = fault->bytes ? fault->bytes : body * std::min<std::uint32_t>(fault->percent, 100) / 100;
      // Truncated means fewer bytes than Content-Length promises.
      if (body > 0) keep = std::min(keep, body - 1);
      RecordRequest(*ex, status, name, start_us);
      if (SendPart(response.data(), body_at + keep)) Finish(End::kClose, name);
      return false;
    }
    case TransportFaultKind::kGarbageThenClose: {
      const std::string bytes = GarbageBytes(*fault, draws);
      RecordRequest(*ex, 0, name, start_us);
      if (SendPart(bytes.data(), bytes.size())) Finish(End::kClose, name);
      return false;
    }
    case TransportFaultKind::kRefuse:
    case TransportFaultKind::kReset:
    case TransportFaultKind::kAcceptThenClose: {
      const Waited w = fault->ms ? Linger(DeadlineAfterMs(fault->ms), false, false) : Waited::kElapsed;
      RecordRequest(*ex, 0, name, start_us);
      if (w != Waited::kElapsed) {
        EndAfterWait(w, name.c_str());
      } else if (fault->kind == TransportFaultKind::kAcceptThenClose) {
        Finish(End::kClose, name);
      } else {
        Finish(End::kReset, name);
      }
      return false;
    }
    case TransportFaultKind::kHang:
      Hang(fault->until);
      RecordRequest(*ex, 0, name, start_us);
      return false;
  }
  return Send(response);
}

}  // namespace cimulate::fake
