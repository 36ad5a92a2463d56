// WireStream: the httplib::Stream one exchange runs on, over a plain socket
// or an SSL session on it.
//
// httplib's own streams wait with per-read time-outs and cannot be
// interrupted; this one
//   - ends every wait at the request's deadline (so a server that dribbles
//     or stalls cannot stretch a Post past it) or when the Waker fires;
//   - re-arms TCP_QUICKACK before each read (see socket_io.h);
//   - stops reading once the answer passes the size limit;
//   - records what it saw in an ExchangeRecord, for precise errors.
#ifndef CIMULATE_WINRM_HTTP_WIRE_STREAM_H_
#define CIMULATE_WINRM_HTTP_WIRE_STREAM_H_

#include <httplib.h>
#include <openssl/ssl.h>

#include <cstddef>
#include <string>

#include "winrm/http/exchange_record.h"
#include "winrm/http/socket_io.h"

namespace cimulate::winrm::http {

struct WireLimits {
  Clock::time_point deadline;
  std::size_t max_response_bytes = 0;
  int wake_fd = -1;
};

class WireStream : public httplib::Stream {
 public:
  // `ssl` null: clear text.  `record` must outlive the stream.
  WireStream(int fd, SSL* ssl, WireLimits limits, ExchangeRecord* record);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  // Reads what is there into buffer_, waiting if nothing is; false on EOF,
  // error, deadline, wake or size limit (all recorded).
  bool Fill();
  long ReadSome(char* out, std::size_t size);  // >0, 0 EOF, -1 wait (see want_write_), -2 failed
  long WriteSome(const char* data, std::size_t size);  // >0, -1 wait, -2 failed
  bool Wait(bool for_write);
  void Note(const char* data, std::size_t size);

  int fd_;
  SSL* ssl_;
  WireLimits limits_;
  ExchangeRecord* record_;
  bool want_write_ = false;  // TLS: the last call needs the socket writable
  std::string buffer_;
  std::size_t offset_ = 0;
};

}  // namespace cimulate::winrm::http

#endif  // CIMULATE_WINRM_HTTP_WIRE_STREAM_H_
