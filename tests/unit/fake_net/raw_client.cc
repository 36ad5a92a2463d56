#include "raw_client.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace cimulate::fake::testing {

using Clock = std::chrono::steady_clock;

RawClient::RawClient(std::uint16_t port, const std::string& host) {
  const bool v6 = host.find(':') != std::string::npos;
  fd_ = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  int rc;
  if (v6) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(port);
    ::inet_pton(AF_INET6, host.c_str(), &a.sin6_addr);
    rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, host.c_str(), &a.sin_addr);
    rc = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc != 0) Close();
}

RawClient::~RawClient() { Close(); }

void RawClient::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RawClient::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

ReadResult RawClient::ReadOnce(int timeout_ms) {
  ReadResult r;
  pollfd p{fd_, POLLIN, 0};
  const int n = ::poll(&p, 1, timeout_ms);
  if (n == 0) {
    r.timed_out = true;
    return r;
  }
  char buf[65536];
  const ssize_t got = ::recv(fd_, buf, sizeof buf, 0);
  if (got > 0) {
    r.data.assign(buf, static_cast<std::size_t>(got));
    r.pieces.push_back(static_cast<std::size_t>(got));
  } else if (got == 0) {
    r.eof = true;
  } else {
    r.error = errno;
  }
  return r;
}

ReadResult RawClient::ReadAll(int timeout_ms) {
  ReadResult all;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      all.timed_out = true;
      return all;
    }
    ReadResult one = ReadOnce(static_cast<int>(left));
    all.data += one.data;
    all.pieces.insert(all.pieces.end(), one.pieces.begin(), one.pieces.end());
    if (one.eof || one.error || one.timed_out) {
      all.eof = one.eof;
      all.error = one.error;
      all.timed_out = one.timed_out;
      return all;
    }
  }
}

std::string ParsedResponse::Header(std::string_view name) const {
  std::string lower_head;
  for (char c : head) lower_head.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string key = "\r\n";
  for (char c : name) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  key += ":";
  const size_t at = lower_head.find(key);
  if (at == std::string::npos) return {};
  size_t v = at + key.size();
  while (v < head.size() && head[v] == ' ') ++v;
  return head.substr(v, head.find("\r\n", v) - v);
}

std::optional<ParsedResponse> RawClient::ReadResponse(int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string buf = std::move(pending_);
  pending_.clear();
  ParsedResponse r;
  size_t head_end;
  auto more = [&]() {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    ReadResult one = ReadOnce(static_cast<int>(left));
    if (one.data.empty()) return false;
    buf += one.data;
    return true;
  };
  while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
    if (!more()) return std::nullopt;
  }
  r.head = buf.substr(0, head_end + 4);
  if (r.head.compare(0, 5, "HTTP/") != 0) return std::nullopt;
  r.status = std::atoi(r.head.c_str() + r.head.find(' ') + 1);
  r.content_length = static_cast<std::size_t>(std::atoll(r.Header("Content-Length").c_str()));
  while (buf.size() < head_end + 4 + r.content_length) {
    if (!more()) return std::nullopt;
  }
  r.body = buf.substr(head_end + 4, r.content_length);
  pending_ = buf.substr(head_end + 4 + r.content_length);
  return r;
}

std::string PostRequest(std::string_view body, std::string_view extra, std::string_view path) {
  std::string r = "POST " + std::string(path) + " HTTP/1.1\r\nHost: localhost\r\n";
  r += "Content-Type: application/soap+xml;charset=UTF-8\r\n";
  r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  r += extra;
  r += "\r\n";
  r += body;
  return r;
}

}  // namespace cimulate::fake::testing
