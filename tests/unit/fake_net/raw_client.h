// A plain POSIX socket client for observing the fake's bytes exactly:
// timing, split writes, resets and EOFs that an HTTP client library hides.
#ifndef CIMULATE_TESTS_UNIT_FAKE_NET_RAW_CLIENT_H_
#define CIMULATE_TESTS_UNIT_FAKE_NET_RAW_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::fake::testing {

struct ReadResult {
  std::string data;
  bool eof = false;       // the server closed (recv returned 0)
  int error = 0;          // errno of a failed recv (ECONNRESET, ...)
  bool timed_out = false; // nothing more within the time given
  std::vector<std::size_t> pieces;  // size of each recv that returned data
};

struct ParsedResponse {
  int status = 0;
  std::string head;  // status line and headers, up to and including CRLF CRLF
  std::string body;
  std::size_t content_length = 0;
  std::string Header(std::string_view name) const;  // first value, or ""
};

class RawClient {
 public:
  explicit RawClient(std::uint16_t port, const std::string& host = "127.0.0.1");
  ~RawClient();

  bool connected() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  bool Send(std::string_view bytes);
  // One recv, waiting up to timeout_ms for it.
  ReadResult ReadOnce(int timeout_ms);
  // recv until EOF, an error, or timeout_ms without data overall.
  ReadResult ReadAll(int timeout_ms);
  // Reads one response (headers + Content-Length body); nullopt on failure.
  std::optional<ParsedResponse> ReadResponse(int timeout_ms);
  void Close();

 private:
  int fd_ = -1;
  std::string pending_;  // bytes read past the last response
};

// "POST /wsman HTTP/1.1" with Host, Content-Type, Content-Length and `extra`
// header lines (each ending in CRLF).
std::string PostRequest(std::string_view body, std::string_view extra = {}, std::string_view path = "/wsman");

}  // namespace cimulate::fake::testing

#endif  // CIMULATE_TESTS_UNIT_FAKE_NET_RAW_CLIENT_H_
