#include "winrm/http/failure.h"

#include <cerrno>
#include <cstdio>

#include "winrm/http/socket_io.h"

namespace cimulate::winrm::http {
namespace {

using Code = TransportErrorCode;

// A few leading bytes in hex, to show what came instead of HTTP.
std::string FirstBytes(const std::string& head) {
  std::string text;
  for (std::size_t i = 0; i < head.size() && i < 8; ++i) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(head[i]));
    if (!text.empty()) text += ' ';
    text += hex;
  }
  return text;
}

bool LooksLikeHttp(const std::string& head) {
  static constexpr char kPrefix[] = "HTTP/";
  for (std::size_t i = 0; i < head.size() && i < sizeof kPrefix - 1; ++i) {
    if (head[i] != kPrefix[i]) return false;
  }
  return true;
}

std::string Received(const ExchangeRecord& r) { return " (" + std::to_string(r.bytes_received) + " answer bytes received)"; }

}  // namespace

TransportStatus DescribeFailure(const ExchangeRecord& r, const std::string& httplib_error, const std::string& where,
                                std::size_t max_response_bytes) {
  if (!r.connect_status.ok()) return r.connect_status;
  if (r.woken) return {Code::kCancelled, where + ": cancelled"};
  if (r.too_large) {
    return {Code::kResponseTooLarge, where + ": the answer exceeds the limit of " + std::to_string(max_response_bytes) + " bytes"};
  }
  if (r.head_too_long) {
    return {Code::kBadResponse, where + ": the answer's status line or header block is too long" + Received(r)};
  }
  if (r.timed_out) return {Code::kTimedOut, where + ": no complete answer before the deadline" + Received(r)};
  if (!LooksLikeHttp(r.head)) {
    return {Code::kBadResponse, where + ": the answer is not HTTP (first bytes " + FirstBytes(r.head) + ")"};
  }
  const int err = r.read_errno ? r.read_errno : r.write_errno;
  if (err == ECONNRESET || err == ECONNABORTED) {
    return {Code::kConnectionReset, where + ": connection reset by the server" + Received(r)};
  }
  if (err == EPIPE) return {Code::kConnectionClosed, where + ": the server closed the connection before the request was sent"};
  if (err != 0) return {Code::kConnectionClosed, where + ": the connection broke: " + ErrnoText(err) + Received(r)};
  if (!r.tls_error.empty()) return {Code::kTlsFailed, where + ": TLS error on the connection: " + r.tls_error};
  if (r.eof && r.head_complete) {
    return {Code::kTruncated, where + ": the server closed before the end of the answer's body" + Received(r)};
  }
  if (r.eof) return {Code::kConnectionClosed, where + ": the server closed the connection before a complete answer" + Received(r)};
  return {Code::kBadResponse, where + ": cannot read the answer (" + httplib_error + ")" + Received(r)};
}

bool StaleConnection(const ExchangeRecord& record, const TransportStatus& status) {
  // A failed connect is not a stale connection: there was none to reuse.
  return !record.connected && record.connect_status.ok() && record.NothingReceived() &&
         (status.code() == Code::kConnectionClosed || status.code() == Code::kConnectionReset);
}

}  // namespace cimulate::winrm::http
