// A keep-alive HTTP/1.1 client connection over a raw socket, for the load
// driver: one send per request (TCP_NODELAY), a response read by its
// Content-Length (or chunked), nothing else.  Raw sockets rather than
// httplib::Client so the client's own overhead stays small and visible.
#ifndef CIMULATE_BENCH_HTTP_CONNECTION_H_
#define CIMULATE_BENCH_HTTP_CONNECTION_H_

#include <cstdint>
#include <string>

namespace cimulate::bench {

struct HttpResponse {
  int status = 0;
  bool close = false;  // the server said Connection: close
  std::string body;
};

class HttpConnection {
 public:
  HttpConnection(std::string host, std::uint16_t port) : host_(std::move(host)), port_(port) {}
  ~HttpConnection() { Close(); }
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool Connect(std::string* error);
  bool connected() const { return fd_ >= 0; }
  void Close();

  // Sends `request` (a complete HTTP request) in one send and reads the
  // answer.  False and *error on a socket error, a timeout (10 s per read),
  // a malformed answer, or EOF; the connection is then closed.
  bool RoundTrip(const std::string& request, HttpResponse* response, std::string* error);

  // Segments carrying data this socket has received so far (TCP_INFO's
  // tcpi_data_segs_in), or -1 when the kernel does not report it.
  std::int64_t DataSegmentsIn() const;

 private:
  bool Fill(std::string* error);  // appends what one recv() returns to buf_
  bool ReadHead(HttpResponse* response, std::size_t* content_length, bool* chunked, std::string* error);
  bool ReadChunked(std::string* body, std::string* error);
  bool Fail(const std::string& why, std::string* error);

  std::string host_;
  std::uint16_t port_;
  int fd_ = -1;
  std::string buf_;      // received, not yet consumed
  std::size_t pos_ = 0;  // consumed prefix of buf_
};

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_HTTP_CONNECTION_H_
