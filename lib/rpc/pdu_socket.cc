#include "rpc/pdu_socket.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "dcerpc/pdu.h"

namespace cimulate::rpc {
namespace {

// poll() timeout for a deadline, in milliseconds; -1 for "none".
int PollTimeout(Deadline deadline) {
  if (deadline == NoDeadline()) return -1;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return 0;
  // Round up so a poll does not return just before the deadline and spin.
  return static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30));
}

constexpr const char* kClosedByPeer = "connection closed by peer";

std::string ErrnoText(const char* what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

Status WaitConnected(int fd, Deadline deadline) {
  pollfd p{fd, POLLOUT, 0};
  for (;;) {
    const int n = ::poll(&p, 1, PollTimeout(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(ErrorCode::kIo, ErrnoText("poll", errno));
    if (n == 0) return Status(ErrorCode::kTimeout, "connect timed out");
    int error = 0;
    socklen_t length = sizeof(error);
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
    if (error == 0) return Status::Ok();
    if (error == ECONNREFUSED || error == EHOSTUNREACH || error == ENETUNREACH) {
      return Status(ErrorCode::kRefused, ErrnoText("connect", error));
    }
    return Status(ErrorCode::kIo, ErrnoText("connect", error));
  }
}

Status ConnectOne(const addrinfo& address, Deadline deadline, int* out) {
  const int fd = ::socket(address.ai_family, address.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                          address.ai_protocol);
  if (fd < 0) return Status(ErrorCode::kIo, ErrnoText("socket", errno));
  Status status;
  if (::connect(fd, address.ai_addr, address.ai_addrlen) == 0) {
    status = Status::Ok();
  } else if (errno == EINPROGRESS) {
    status = WaitConnected(fd, deadline);
  } else if (errno == ECONNREFUSED || errno == EHOSTUNREACH || errno == ENETUNREACH) {
    status = Status(ErrorCode::kRefused, ErrnoText("connect", errno));
  } else {
    status = Status(ErrorCode::kIo, ErrnoText("connect", errno));
  }
  if (!status.ok()) {
    ::close(fd);
    return status;
  }
  // Back to blocking: PduSocket waits with poll() before every read/write.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  *out = fd;
  return Status::Ok();
}

}  // namespace

Status ConnectTcp(const std::string& host, uint16_t port, Deadline deadline, int* fd) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  std::string name = host;
  // "[::1]" as written in string bindings.
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
  addrinfo* list = nullptr;
  const std::string service = std::to_string(port);
  const int rc = ::getaddrinfo(name.c_str(), service.c_str(), &hints, &list);
  if (rc != 0) {
    return Status(ErrorCode::kInvalidArgument, "cannot resolve '" + host + "': " + gai_strerror(rc));
  }
  Status last(ErrorCode::kRefused, "no address for '" + host + "'");
  for (addrinfo* a = list; a != nullptr; a = a->ai_next) {
    last = ConnectOne(*a, deadline, fd);
    if (last.ok() || last.code() == ErrorCode::kTimeout) break;
  }
  ::freeaddrinfo(list);
  return last;
}

PduSocket::PduSocket(int fd) : fd_(fd) {
  // Fragments are written whole; Nagle would only add delayed-ACK stalls
  // between the fragments of one call. Fails harmlessly on non-TCP sockets.
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

PduSocket::~PduSocket() {
  if (fd_ >= 0) ::close(fd_);
}

void PduSocket::set_max_recv_frag(size_t size) {
  max_recv_frag_ = std::clamp<size_t>(size, dcerpc::kCommonHeaderSize, dcerpc::kMaxFragmentLength);
}

void PduSocket::Abort() {
  aborted_.store(true);
  // shutdown() wakes a thread blocked in poll() on this socket; close() would not.
  ::shutdown(fd_, SHUT_RDWR);
}

Status PduSocket::Closed(const std::string& what) const {
  if (aborted_.load()) return Status(ErrorCode::kCancelled, "cancelled");
  return Status(ErrorCode::kReset, what);
}

Status PduSocket::WaitFor(short events, Deadline deadline) {
  pollfd p{fd_, events, 0};
  for (;;) {
    if (aborted_.load()) return Status(ErrorCode::kCancelled, "cancelled");
    const int n = ::poll(&p, 1, PollTimeout(deadline));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status(ErrorCode::kIo, ErrnoText("poll", errno));
    if (aborted_.load()) return Status(ErrorCode::kCancelled, "cancelled");
    if (n == 0) return Status(ErrorCode::kTimeout, "deadline passed");
    return Status::Ok();  // ready, or an error/hangup the next call reports
  }
}

Status PduSocket::ReadExactly(uint8_t* data, size_t size, Deadline deadline) {
  size_t done = 0;
  while (done < size) {
    Status status = WaitFor(POLLIN, deadline);
    if (!status.ok()) return status;
    const ssize_t n = ::recv(fd_, data + done, size - done, 0);
    if (n == 0) return Closed(done == 0 ? kClosedByPeer : "connection closed mid-PDU");
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      if (errno == ECONNRESET || errno == EPIPE) return Closed(ErrnoText("recv", errno));
      return aborted_.load() ? Closed("") : Status(ErrorCode::kIo, ErrnoText("recv", errno));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status PduSocket::ReadFragment(std::vector<uint8_t>* fragment, Deadline deadline) {
  closed_between_pdus_ = false;
  fragment->assign(dcerpc::kCommonHeaderSize, 0);
  Status status = ReadExactly(fragment->data(), dcerpc::kCommonHeaderSize, deadline);
  if (!status.ok()) {
    closed_between_pdus_ = status.code() == ErrorCode::kReset &&
                           status.message() == kClosedByPeer;
    return status;
  }
  dcerpc::CommonHeader header;
  const dcerpc::Status parsed = dcerpc::DecodeCommonHeader(*fragment, &header);
  if (!parsed.ok()) return Status(ErrorCode::kProtocol, "bad PDU header: " + parsed.ToString());
  if (header.frag_length < dcerpc::kCommonHeaderSize || header.frag_length > max_recv_frag_) {
    return Status(ErrorCode::kProtocol, "frag_length " + std::to_string(header.frag_length) +
                                            " outside 16.." + std::to_string(max_recv_frag_));
  }
  fragment->resize(header.frag_length);
  return ReadExactly(fragment->data() + dcerpc::kCommonHeaderSize,
                     header.frag_length - dcerpc::kCommonHeaderSize, deadline);
}

Status PduSocket::WriteAll(std::span<const uint8_t> bytes, Deadline deadline) {
  size_t done = 0;
  while (done < bytes.size()) {
    Status status = WaitFor(POLLOUT, deadline);
    if (!status.ok()) return status;
    const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      if (errno == ECONNRESET || errno == EPIPE) return Closed(ErrnoText("send", errno));
      return aborted_.load() ? Closed("") : Status(ErrorCode::kIo, ErrnoText("send", errno));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status PduSocket::WriteFragments(const std::vector<std::vector<uint8_t>>& fragments,
                                 Deadline deadline) {
  for (const auto& fragment : fragments) {
    Status status = WriteAll(fragment, deadline);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace cimulate::rpc
