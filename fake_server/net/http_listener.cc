#include "net/http_listener.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <thread>

#include "net/connection.h"
#include "net/http_codec.h"
#include "net/socket_util.h"
#include "net/tls_identity.h"
#include "net/worker_pool.h"

namespace cimulate::fake {

struct HttpListener::Impl {
  Impl(ListenerOptions o, Handler h, Journal* j) : options(std::move(o)), handler(std::move(h)), journal(j) {}

  bool Bind(std::string* error);
  void AcceptLoop();
  void Admit(int fd);
  void TurnAway(int fd, std::uint64_t id);

  const ListenerOptions options;
  const Handler handler;
  Journal* const journal;

  std::unique_ptr<HttpCodec> codec;
  std::unique_ptr<TlsIdentity> identity;
  SSL_CTX* ssl_ctx = nullptr;
  std::unique_ptr<WorkerPool> pool;

  int listen_fd = -1;
  int wake_read = -1;
  int wake_write = -1;
  std::thread accept_thread;
  std::uint16_t port = 0;
  std::string address;

  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> release_generation{0};
  std::uint64_t accepted = 0;       // accept thread only
  std::uint64_t next_own_id = 1;    // accept thread only; ids when there is no journal

  std::mutex mu;  // guards hook, drawer, started, stopped
  AcceptHook hook;
  FaultDrawer drawer;
  bool started = false;
  bool stopped = false;
};

bool HttpListener::Impl::Bind(std::string* error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
  addrinfo* res = nullptr;
  const std::string service = std::to_string(options.port);
  if (const int rc = ::getaddrinfo(options.host.c_str(), service.c_str(), &hints, &res); rc != 0) {
    *error = "bad listener address " + options.host + ": " + ::gai_strerror(rc);
    return false;
  }
  const int fd = ::socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    ::freeaddrinfo(res);
    *error = std::string("socket: ") + std::strerror(errno);
    return false;
  }
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (res->ai_family == AF_INET6) ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  const bool ok = ::bind(fd, res->ai_addr, res->ai_addrlen) == 0 && ::listen(fd, 128) == 0;
  ::freeaddrinfo(res);
  if (!ok) {
    *error = "cannot listen on " + options.host + ":" + service + ": " + std::strerror(errno);
    ::close(fd);
    return false;
  }
  listen_fd = fd;
  address = LocalAddress(fd);
  std::string host;
  int p = 0;
  SplitAddress(address, &host, &p);
  port = static_cast<std::uint16_t>(p);
  return true;
}

void HttpListener::Impl::AcceptLoop() {
  pollfd fds[2] = {{listen_fd, POLLIN, 0}, {wake_read, POLLIN, 0}};
  for (;;) {
    const int n = ::poll(fds, 2, -1);
    if (n < 0 && errno != EINTR) break;
    if (stop.load(std::memory_order_acquire) || (fds[1].revents & POLLIN)) break;
    if (!(fds[0].revents & POLLIN)) continue;
    for (;;) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) break;  // EAGAIN: drained; EMFILE and the like: retry at the next poll
      Admit(fd);
    }
  }
}

void HttpListener::Impl::Admit(int fd) {
  const std::uint64_t id = journal ? journal->NewConnectionId() : next_own_id++;
  const std::uint64_t nth = ++accepted;
  AcceptHook h;
  FaultDrawer draw;
  {
    std::lock_guard<std::mutex> lock(mu);
    h = hook;
    draw = drawer;
  }
  ListenerShared shared;
  shared.options = &options;
  shared.journal = journal;
  shared.codec = codec.get();
  shared.ssl_ctx = ssl_ctx;
  shared.handler = &handler;
  shared.stop = &stop;
  shared.release_generation = &release_generation;
  const bool queued = pool->Submit([shared, fd, id, nth, h = std::move(h), draw = std::move(draw)]() mutable {
    Connection connection(shared, fd, id, nth, std::move(h), std::move(draw));
    connection.Serve();
  });
  if (!queued) TurnAway(fd, id);
}

// Over max_connections: answer 503 at once rather than queue the client
// behind connections that may be held open on purpose.
void HttpListener::Impl::TurnAway(int fd, std::uint64_t id) {
  const std::string peer = PeerAddress(fd);
  if (journal) {
    journal->Record(ConnectionEvent{ConnectionEventKind::kAccept, options.name, peer, id, 0, ""});
    journal->Record(ConnectionEvent{ConnectionEventKind::kCloseByServer, options.name, peer, id, 0, "connection limit"});
  }
  static const char kBusy[] =
      "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n";
  ::send(fd, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
  ::close(fd);
}

HttpListener::HttpListener(ListenerOptions options, Handler handler, Journal* journal)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), journal)) {}

HttpListener::~HttpListener() {
  Stop();
  if (impl_->ssl_ctx) SSL_CTX_free(impl_->ssl_ctx);
}

bool HttpListener::Start(std::string* error) {
  Impl& d = *impl_;
  {
    std::lock_guard<std::mutex> lock(d.mu);
    if (d.started) {
      *error = "listener already started";
      return false;
    }
    d.started = true;
  }
  if (d.options.tls) {
    d.identity = d.options.cert_file.empty() && d.options.key_file.empty()
                     ? TlsIdentity::Generate(d.options.tls_common_name, error)
                     : TlsIdentity::LoadPem(d.options.cert_file, d.options.key_file, error);
    if (!d.identity) return false;
    d.ssl_ctx = d.identity->NewServerContext(error);
    if (!d.ssl_ctx) return false;
  }
  if (!d.Bind(error)) return false;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    ::close(d.listen_fd);
    d.listen_fd = -1;
    return false;
  }
  d.wake_read = pipe_fds[0];
  d.wake_write = pipe_fds[1];
  d.codec = std::make_unique<HttpCodec>(d.options);
  d.pool = std::make_unique<WorkerPool>(d.options.max_connections);
  d.accept_thread = std::thread([&d] { d.AcceptLoop(); });
  return true;
}

void HttpListener::Stop() {
  Impl& d = *impl_;
  {
    std::lock_guard<std::mutex> lock(d.mu);
    if (!d.started || d.stopped) return;
    d.stopped = true;
  }
  d.stop.store(true, std::memory_order_release);
  if (d.wake_write >= 0) {
    const char byte = 1;
    [[maybe_unused]] ssize_t n = ::write(d.wake_write, &byte, 1);
  }
  if (d.accept_thread.joinable()) d.accept_thread.join();
  if (d.pool) d.pool->Shutdown();
  for (int* fd : {&d.listen_fd, &d.wake_read, &d.wake_write}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

void HttpListener::Release() { impl_->release_generation.fetch_add(1, std::memory_order_acq_rel); }

void HttpListener::SetAcceptHook(AcceptHook hook) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->hook = std::move(hook);
}

void HttpListener::SetFaultDrawer(FaultDrawer drawer) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->drawer = std::move(drawer);
}

const std::string& HttpListener::name() const { return impl_->options.name; }
std::uint16_t HttpListener::port() const { return impl_->port; }
std::string HttpListener::address() const { return impl_->address; }

std::string HttpListener::certificate_pem() const {
  return impl_->identity ? impl_->identity->CertificatePem() : std::string();
}

std::size_t HttpListener::busy_connections() const { return impl_->pool ? impl_->pool->busy() : 0; }

}  // namespace cimulate::fake
