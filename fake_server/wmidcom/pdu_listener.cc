#include "wmidcom/pdu_listener.h"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <list>
#include <mutex>
#include <thread>

#include "dcerpc/pdu_stream_reader.h"
#include "net/socket_util.h"

namespace cimulate::fake::wmidcom {
namespace {

struct ConnectionThread {
  std::thread thread;
  std::atomic<bool> done{false};
};

int BindListeningSocket(const std::string& host, std::uint16_t port, std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr) {
    *error = "not a numeric address: " + host;
    return -1;
  }
  int fd = socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int on = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  if (fd < 0 || bind(fd, found->ai_addr, found->ai_addrlen) != 0 || listen(fd, 64) != 0) {
    *error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + std::strerror(errno);
    if (fd >= 0) close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  return fd;
}

std::uint16_t BoundPort(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

}  // namespace

struct PduListener::Impl {
  PduListenerOptions options;
  PduSessionFactory factory;
  Journal* journal = nullptr;
  int listen_fd = -1;
  std::uint16_t port = 0;
  std::atomic<bool> stop{false};
  std::thread accept_thread;
  mutable std::mutex mu;
  std::list<std::unique_ptr<ConnectionThread>> connections;  // guarded by mu

  void Note(ConnectionEventKind kind, std::uint64_t id, const std::string& peer, std::string detail = {}) {
    if (journal == nullptr) return;
    journal->Record(ConnectionEvent{kind, options.name, peer, id, 0, std::move(detail)});
  }

  std::uint32_t accepted = 0;  // accept thread only

  void AcceptLoop();
  // Carries out the scenario's connection fault for this connection, if any,
  // before its first PDU; false when the connection is gone.
  bool ConnectionFault(int fd, const PduConnectionInfo& info);
  // Waits as `action` (kStall) says; false when the client closed meanwhile.
  bool Stall(int fd, const PduConnectionInfo& info, const PduAction& action);
  void Serve(int fd, PduConnectionInfo info);
  // Sends the session's replies and carries out its action; false when the connection ended.
  bool Carry(int fd, const PduConnectionInfo& info, PduSession* session, std::span<const std::uint8_t> pdu);
  void ReapLocked();
};

void PduListener::Impl::ReapLocked() {
  for (auto it = connections.begin(); it != connections.end();) {
    if ((*it)->done) {
      (*it)->thread.join();
      it = connections.erase(it);
    } else {
      ++it;
    }
  }
}

bool PduListener::Impl::ConnectionFault(int fd, const PduConnectionInfo& info) {
  for (const scenario::ConnectionFault& cf : options.connection_faults) {
    if (cf.nth != 0 && cf.nth != info.nth) continue;
    const scenario::TransportFault& f = cf.fault;
    using K = scenario::TransportFaultKind;
    std::string detail = std::string("connection fault ") + scenario::TransportFaultName(f.kind);
    // delay waits, hang never answers; both leave the client's PDUs queued meanwhile.
    PduAction wait{PduAction::Kind::kStall, f.kind == K::kHang ? 0 : f.ms, 0, detail};
    if (f.kind == K::kHang || f.ms > 0) {
      if (!Stall(fd, info, wait)) return false;
      if (stop) return true;  // the read loop ends the connection
    }
    if (f.kind == K::kDelay || f.kind == K::kHang) return true;
    if (f.kind == K::kReset || f.kind == K::kRefuse) {
      Note(ConnectionEventKind::kResetByServer, info.id, info.peer, detail);
      ResetAndClose(fd);
      return false;
    }
    if (f.kind == K::kGarbageThenClose) {
      std::string garbage(f.bytes, '\xA5');  // version byte 0xA5: never a DCE/RPC header
      SendAll(fd, garbage.data(), garbage.size(), DeadlineAfterMs(options.write_timeout_ms), &stop);
    }
    Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, detail);
    CloseGracefully(fd, std::chrono::milliseconds(200));
    return false;
  }
  return true;
}

void PduListener::Impl::AcceptLoop() {
  while (!stop) {
    if (WaitFd(listen_fd, false, Clock::time_point::max(), &stop) != WaitResult::kReady) continue;
    int fd = accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) continue;
    PduConnectionInfo info;
    info.id = journal != nullptr ? journal->NewConnectionId() : 0;
    info.listener = options.name;
    info.peer = PeerAddress(fd);
    int local_port = 0;
    SplitAddress(LocalAddress(fd), &info.local_host, &local_port);
    info.local_port = static_cast<std::uint16_t>(local_port);
    Note(ConnectionEventKind::kAccept, info.id, info.peer);
    info.nth = ++accepted;
    std::lock_guard<std::mutex> lock(mu);
    ReapLocked();
    if (connections.size() >= options.max_connections) {
      Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, "too many connections");
      CloseGracefully(fd, std::chrono::milliseconds(0));
      continue;
    }
    auto worker = std::make_unique<ConnectionThread>();
    ConnectionThread* raw = worker.get();
    worker->thread = std::thread([this, fd, info, raw] {
      Serve(fd, info);
      raw->done = true;
    });
    connections.push_back(std::move(worker));
  }
}

bool PduListener::Impl::Carry(int fd, const PduConnectionInfo& info, PduSession* session,
                              std::span<const std::uint8_t> pdu) {
  std::vector<std::vector<std::uint8_t>> replies;
  PduAction action = session->OnPdu(pdu, &replies);
  if (action.kind == PduAction::Kind::kDelay) {
    // An interruptible wait: Stop() ends it within one poll slice.
    Clock::time_point until = DeadlineAfterMs(action.ms);
    while (!stop && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(kPollSliceMs));
    if (stop) return true;  // the read loop ends the connection
  }
  for (const auto& reply : replies) {
    if (!SendAll(fd, reinterpret_cast<const char*>(reply.data()), reply.size(),
                 DeadlineAfterMs(options.write_timeout_ms), &stop)) {
      Note(ConnectionEventKind::kCloseByClient, info.id, info.peer, "send failed");
      close(fd);
      return false;
    }
  }
  using K = PduAction::Kind;
  switch (action.kind) {
    case K::kContinue: case K::kDelay: return true;
    case K::kClose:
      Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, action.detail);
      CloseGracefully(fd, std::chrono::milliseconds(200));
      return false;
    case K::kReset:
      Note(ConnectionEventKind::kResetByServer, info.id, info.peer, action.detail);
      ResetAndClose(fd);
      return false;
    case K::kGarbageThenClose: {
      std::string garbage(action.bytes, '\xA5');  // version byte 0xA5: never a DCE/RPC header
      SendAll(fd, garbage.data(), garbage.size(), DeadlineAfterMs(options.write_timeout_ms), &stop);
      Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, action.detail);
      CloseGracefully(fd, std::chrono::milliseconds(200));
      return false;
    }
    case K::kStall: return Stall(fd, info, action);
  }
  return true;
}

bool PduListener::Impl::Stall(int fd, const PduConnectionInfo& info, const PduAction& action) {
  // Wait for the client to give up (EOF) or the time to pass (ms 0: no limit);
  // its bytes meanwhile stay queued.
  Clock::time_point until = DeadlineAfterMs(action.ms);
  while (!stop && Clock::now() < until) {
    WaitResult w = WaitFd(fd, false, std::min(until, Clock::now() + std::chrono::milliseconds(kPollSliceMs)), &stop);
    if (w == WaitResult::kReady && PeekByte(fd) == 0) {
      Note(ConnectionEventKind::kCloseByClient, info.id, info.peer, "during " + action.detail);
      close(fd);
      return false;
    }
    if (w == WaitResult::kReady) std::this_thread::sleep_for(std::chrono::milliseconds(kPollSliceMs));
  }
  return true;  // on Stop() the read loop ends the connection
}

void PduListener::Impl::Serve(int fd, PduConnectionInfo info) {
  SetNoDelay(fd);
  if (!ConnectionFault(fd, info)) return;
  std::unique_ptr<PduSession> session = factory(info);
  dcerpc::PduStreamReader reader(options.max_fragment_bytes);
  std::vector<std::uint8_t> buffer(16384);
  bool first = true;
  while (!stop) {
    bool mid_pdu = reader.buffered() > 0;
    WaitResult w = WaitFd(fd, false, DeadlineAfterMs(mid_pdu ? options.read_timeout_ms : options.idle_timeout_ms), &stop);
    if (w == WaitResult::kStopped) break;
    if (w == WaitResult::kTimeout) {
      Note(ConnectionEventKind::kTimeout, info.id, info.peer, mid_pdu ? "read" : "idle");
      Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, "timeout");
      CloseGracefully(fd, std::chrono::milliseconds(0));
      return;
    }
    ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) {
      Note(ConnectionEventKind::kCloseByClient, info.id, info.peer, n == 0 ? "" : std::strerror(errno));
      close(fd);
      return;
    }
    if (first) Note(ConnectionEventKind::kFirstByte, info.id, info.peer);
    first = false;
    reader.Append(std::span<const std::uint8_t>(buffer.data(), static_cast<size_t>(n)));
    while (true) {
      std::vector<std::uint8_t> pdu;
      bool complete = false;
      dcerpc::Status status = reader.Next(&pdu, &complete);
      if (!status.ok()) {
        Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, "framing: " + status.ToString());
        CloseGracefully(fd, std::chrono::milliseconds(0));
        return;
      }
      if (!complete) break;
      if (!Carry(fd, info, session.get(), pdu)) return;
    }
  }
  Note(ConnectionEventKind::kCloseByServer, info.id, info.peer, "stopping");
  ResetAndClose(fd);
}

PduListener::PduListener(PduListenerOptions options, PduSessionFactory factory, Journal* journal)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->factory = std::move(factory);
  impl_->journal = journal;
}

PduListener::~PduListener() { Stop(); }

bool PduListener::Start(std::string* error) {
  impl_->listen_fd = BindListeningSocket(impl_->options.host, impl_->options.port, error);
  if (impl_->listen_fd < 0) return false;
  SetNonBlocking(impl_->listen_fd);
  impl_->port = BoundPort(impl_->listen_fd);
  impl_->accept_thread = std::thread([this] { impl_->AcceptLoop(); });
  return true;
}

void PduListener::Stop() {
  if (impl_->listen_fd < 0) return;
  impl_->stop = true;
  if (impl_->accept_thread.joinable()) impl_->accept_thread.join();
  std::list<std::unique_ptr<ConnectionThread>> connections;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    connections.swap(impl_->connections);
  }
  for (auto& c : connections) c->thread.join();
  close(impl_->listen_fd);
  impl_->listen_fd = -1;
}

std::uint16_t PduListener::port() const { return impl_->port; }

std::string PduListener::address() const {
  const std::string& host = impl_->options.host;
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port);
}

std::size_t PduListener::busy_connections() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::size_t busy = 0;
  for (const auto& c : impl_->connections) busy += c->done ? 0 : 1;
  return busy;
}

}  // namespace cimulate::fake::wmidcom
