// Loopback helpers for the association tests: a listener on an ephemeral
// 127.0.0.1 port and a server thread that runs ServerAssociations on the
// connections it accepts, with hooks to tamper with fragments in flight.

#ifndef CIMULATE_TESTS_UNIT_RPC_LOOPBACK_H_
#define CIMULATE_TESTS_UNIT_RPC_LOOPBACK_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "rpc/pdu_socket.h"
#include "rpc/server_association.h"

namespace cimulate::rpc::testing {

// A listening socket on 127.0.0.1 with a kernel-chosen port.
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(fd_, 8) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      ::close(fd_);
      fd_ = -1;
      return;
    }
    port_ = ntohs(address.sin_port);
  }
  ~Listener() { Close(); }

  // Blocks; -1 once Close() was called.
  int Accept() { return ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC); }
  // Wakes a thread blocked in Accept().
  void Shutdown() { ::shutdown(fd_, SHUT_RDWR); }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  uint16_t port() const { return port_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
  uint16_t port_ = 0;
};

// Fragments as they cross the wire; the hook may change them.
using FragmentHook = std::function<void(std::vector<uint8_t>& fragment)>;

// Serves one connection at a time on a background thread until destroyed.
// The result of each served connection is reported through results().
class LoopbackServer {
 public:
  using Factory = std::function<std::unique_ptr<ServerAssociation>()>;

  explicit LoopbackServer(Factory factory, FragmentHook incoming = {}, FragmentHook outgoing = {})
      : factory_(std::move(factory)), incoming_(std::move(incoming)), outgoing_(std::move(outgoing)) {
    thread_ = std::thread([this] { Run(); });
  }
  ~LoopbackServer() {
    stopping_ = true;
    listener_.Shutdown();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (current_) current_->Abort();
    }
    thread_.join();
  }

  uint16_t port() const { return listener_.port(); }
  // The status the first served connection ended with.
  std::future<Status> first_result() { return first_result_.get_future(); }

 private:
  void Run() {
    bool reported = false;
    while (!stopping_) {
      const int fd = listener_.Accept();
      if (fd < 0) return;
      auto socket = std::make_shared<PduSocket>(fd);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        current_ = socket;
        if (stopping_) socket->Abort();
      }
      Status status = Serve(*socket);
      if (!reported) first_result_.set_value(status);
      reported = true;
      std::lock_guard<std::mutex> lock(mutex_);
      current_.reset();
    }
    if (!reported) first_result_.set_value(Status(ErrorCode::kCancelled, "no connection"));
  }

  // ServeConnection with the tamper hooks in between.
  Status Serve(PduSocket& socket) {
    std::unique_ptr<ServerAssociation> association = factory_();
    socket.set_max_recv_frag(association->max_recv_frag());
    std::vector<uint8_t> fragment;
    for (;;) {
      Status status = socket.ReadFragment(&fragment, DeadlineIn(std::chrono::seconds(20)));
      if (socket.closed_between_pdus()) return Status::Ok();
      if (!status.ok()) return status;
      if (incoming_) incoming_(fragment);
      ServerOutput out = association->HandleFragment(fragment);
      if (outgoing_) {
        for (auto& f : out.fragments) outgoing_(f);
      }
      status = socket.WriteFragments(out.fragments, DeadlineIn(std::chrono::seconds(20)));
      if (!status.ok()) return status;
      if (out.close) return Status(ErrorCode::kOk, out.close_reason);
    }
  }

  Factory factory_;
  FragmentHook incoming_;
  FragmentHook outgoing_;
  Listener listener_;
  std::promise<Status> first_result_;
  std::mutex mutex_;
  std::shared_ptr<PduSocket> current_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace cimulate::rpc::testing

#endif  // CIMULATE_TESTS_UNIT_RPC_LOOPBACK_H_
