// ExchangeStream: the httplib::Stream that httplib's request parser and
// response writer run on, one per connection.
//
// Reading enforces the listener's limits as bytes arrive, before httplib
// buffers them: the header block is capped (httplib 0.11 caps each line but
// not the number of lines) and the body gets an explicit budget per request
// (httplib would read a POST without Content-Length until EOF).
//
// Writing only collects: the connection decides afterwards how the bytes go
// out (one send, headers and body apart, truncated, dribbled, or not at all).
#ifndef CIMULATE_FAKE_SERVER_NET_EXCHANGE_STREAM_H_
#define CIMULATE_FAKE_SERVER_NET_EXCHANGE_STREAM_H_

#include <httplib.h>

#include <cstddef>
#include <string>

#include "net/listener_options.h"
#include "net/transport.h"

namespace cimulate::fake {

class ExchangeStream final : public httplib::Stream {
 public:
  enum class End { kNone, kEof, kTimeout, kStopped, kReset, kError, kHeaderTooLarge, kBodyTooLarge };

  ExchangeStream(Transport* transport, const ListenerOptions* options, std::string peer, std::string local);

  // Starts a request: header phase, empty output.
  void BeginRequest();
  // The body of the current request may be `bytes` long.  Reading past it
  // yields EOF, or with `overflow_is_error` ends the request as too large.
  void LimitBody(std::size_t bytes, bool overflow_is_error);

  bool HasBufferedInput() const { return pos_ < end_ || transport_->HasBuffered(); }
  std::size_t request_bytes() const { return request_bytes_; }
  End end() const { return end_reason_; }
  std::string& output() { return output_; }

  // httplib::Stream
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return transport_->fd(); }

 private:
  bool Fill();
  ssize_t Fail(End why) {
    end_reason_ = why;
    return -1;
  }

  Transport* transport_;
  const ListenerOptions* options_;
  std::string peer_;
  std::string local_;

  char buf_[16384];
  std::size_t pos_ = 0;
  std::size_t end_ = 0;

  bool in_headers_ = true;
  Clock::time_point header_deadline_;
  std::size_t header_bytes_ = 0;
  std::uint32_t tail_ = 0;  // the last four header bytes, to spot CRLF CRLF
  std::size_t body_left_ = 0;
  bool body_overflow_is_error_ = true;
  std::size_t request_bytes_ = 0;
  End end_reason_ = End::kNone;

  std::string output_;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_EXCHANGE_STREAM_H_
