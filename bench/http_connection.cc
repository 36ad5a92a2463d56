#include "http_connection.h"

#include <arpa/inet.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <strings.h>

namespace cimulate::bench {
namespace {

constexpr int kReadTimeoutMs = 10000;
constexpr std::size_t kMaxHeadBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 256 * 1024 * 1024;

bool HeaderIs(const std::string& line, const char* name, std::string* value) {
  std::size_t n = std::strlen(name);
  if (line.size() <= n || line[n] != ':' || strncasecmp(line.c_str(), name, n) != 0) return false;
  std::size_t start = line.find_first_not_of(" \t", n + 1);
  *value = start == std::string::npos ? "" : line.substr(start);
  return true;
}

}  // namespace

bool HttpConnection::Connect(std::string* error) {
  Close();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  if (inet_pton(AF_INET, host_.c_str(), &addr.sin_addr) != 1) return Fail("not an IPv4 address: " + host_, error);
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return Fail(std::string("socket: ") + std::strerror(errno), error);
  int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    return Fail(std::string("connect: ") + std::strerror(errno), error);
  }
  return true;
}

void HttpConnection::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  buf_.clear();
  pos_ = 0;
}

bool HttpConnection::Fail(const std::string& why, std::string* error) {
  *error = why;
  Close();
  return false;
}

bool HttpConnection::RoundTrip(const std::string& request, HttpResponse* response, std::string* error) {
  if (fd_ < 0 && !Connect(error)) return false;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd_, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Fail(std::string("send: ") + std::strerror(errno), error);
    sent += static_cast<std::size_t>(n);
  }
  std::size_t content_length = 0;
  bool chunked = false;
  if (!ReadHead(response, &content_length, &chunked, error)) return false;
  response->body.clear();
  if (chunked) {
    if (!ReadChunked(&response->body, error)) return false;
  } else {
    if (content_length > kMaxBodyBytes) return Fail("body too large", error);
    while (buf_.size() - pos_ < content_length) {
      if (!Fill(error)) return false;
    }
    response->body.assign(buf_, pos_, content_length);
    pos_ += content_length;
  }
  // Keep the buffer small: drop what was consumed.
  buf_.erase(0, pos_);
  pos_ = 0;
  if (response->close) Close();
  return true;
}

bool HttpConnection::Fill(std::string* error) {
  pollfd p{fd_, POLLIN, 0};
  int r;
  do {
    r = poll(&p, 1, kReadTimeoutMs);
  } while (r < 0 && errno == EINTR);
  if (r == 0) return Fail("read timed out", error);
  if (r < 0) return Fail(std::string("poll: ") + std::strerror(errno), error);
  char chunk[64 * 1024];
  ssize_t n;
  do {
    n = recv(fd_, chunk, sizeof chunk, 0);
  } while (n < 0 && errno == EINTR);
  if (n == 0) return Fail("connection closed by the server", error);
  if (n < 0) return Fail(std::string("recv: ") + std::strerror(errno), error);
  buf_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

bool HttpConnection::ReadHead(HttpResponse* response, std::size_t* content_length, bool* chunked,
                              std::string* error) {
  std::size_t end;
  while ((end = buf_.find("\r\n\r\n", pos_)) == std::string::npos) {
    if (buf_.size() - pos_ > kMaxHeadBytes) return Fail("header block too large", error);
    if (!Fill(error)) return false;
  }
  std::string head = buf_.substr(pos_, end - pos_);
  pos_ = end + 4;
  if (head.compare(0, 5, "HTTP/") != 0 || head.size() < 12) return Fail("not an HTTP response", error);
  response->status = std::atoi(head.c_str() + 9);
  response->close = false;
  *content_length = 0;
  *chunked = false;
  std::size_t line_start = head.find("\r\n");
  while (line_start != std::string::npos) {
    line_start += 2;
    std::size_t line_end = head.find("\r\n", line_start);
    std::string line = head.substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start);
    std::string value;
    if (HeaderIs(line, "Content-Length", &value)) {
      *content_length = std::strtoull(value.c_str(), nullptr, 10);
    } else if (HeaderIs(line, "Transfer-Encoding", &value)) {
      *chunked = strcasecmp(value.c_str(), "chunked") == 0;
    } else if (HeaderIs(line, "Connection", &value)) {
      response->close = strcasecmp(value.c_str(), "close") == 0;
    }
    line_start = line_end;
  }
  return true;
}

bool HttpConnection::ReadChunked(std::string* body, std::string* error) {
  while (true) {
    std::size_t eol;
    while ((eol = buf_.find("\r\n", pos_)) == std::string::npos) {
      if (!Fill(error)) return false;
    }
    std::size_t size = std::strtoull(buf_.c_str() + pos_, nullptr, 16);
    pos_ = eol + 2;
    if (body->size() + size > kMaxBodyBytes) return Fail("body too large", error);
    while (buf_.size() - pos_ < size + 2) {
      if (!Fill(error)) return false;
    }
    body->append(buf_, pos_, size);
    pos_ += size + 2;
    if (size == 0) return true;  // no trailers expected from the servers measured
  }
}

std::int64_t HttpConnection::DataSegmentsIn() const {
  tcp_info info{};
  socklen_t len = sizeof info;
  if (fd_ < 0 || getsockopt(fd_, IPPROTO_TCP, TCP_INFO, &info, &len) != 0) return -1;
  if (len < offsetof(tcp_info, tcpi_data_segs_in) + sizeof info.tcpi_data_segs_in) return -1;
  return info.tcpi_data_segs_in;
}

}  // namespace cimulate::bench
