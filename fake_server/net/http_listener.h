// HttpListener: one HTTP or HTTPS listener of the fake endpoint.
//
// It accepts on a loopback address (port 0 picks one, reported by port()),
// runs each connection on its own worker thread with keep-alive, hands every
// request to the Handler, and sends the Reply: as one send by default, or
// shaped by the Reply's transport fault.  An AcceptHook may fault a
// connection before its first byte (a scenario's connection_faults).  Every
// connection event and request goes into the Journal, if one is given.
//
//   Journal journal;
//   HttpListener http({.name = "winrm_http"}, handler, &journal);
//   if (!http.Start(&error)) ...;
//   ... connect to http.address() ...
//   http.Stop();
#ifndef CIMULATE_FAKE_SERVER_NET_HTTP_LISTENER_H_
#define CIMULATE_FAKE_SERVER_NET_HTTP_LISTENER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "journal/journal.h"
#include "net/http_types.h"
#include "net/listener_options.h"

namespace cimulate::fake {

class HttpListener {
 public:
  // `journal` may be null; it must outlive the listener.
  HttpListener(ListenerOptions options, Handler handler, Journal* journal = nullptr);
  ~HttpListener();  // Stop()s

  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Binds, makes the TLS identity if needed, and starts accepting.
  bool Start(std::string* error);
  // Stops accepting, ends every connection (hung and stalled ones too) and
  // joins all threads.  Idempotent.
  void Stop();

  // Ends every `hang` with until: release (and only those), now.
  void Release();
  // Replaces the accept hook; connections accepted later use the new one.
  void SetAcceptHook(AcceptHook hook);
  // Draws the random parts (jitter, garbage bytes) of the accept hook's
  // faults; without one they get no jitter and fixed filler bytes.
  void SetFaultDrawer(FaultDrawer drawer);

  const std::string& name() const;
  std::uint16_t port() const;     // the bound port, after Start()
  std::string address() const;    // "127.0.0.1:PORT" or "[::1]:PORT"
  std::string certificate_pem() const;  // HTTPS: the certificate served
  std::size_t busy_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_HTTP_LISTENER_H_
