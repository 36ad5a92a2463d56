// FakeServer: the fake WinRM endpoint assembled from its parts: the request
// engine, the HTTP and HTTPS listeners, the journal and the admin API.
//
//   FakeServerOptions options;                 // listener overrides, scenario_dir
//   std::string error;
//   auto server = FakeServer::Start(scenario, options, &error);
//   if (!server) ...;                          // error names the failing listener
//   http_client.Connect(server->address(scenario::ListenerKind::kWinrmHttp));
//   server->journal().ConnectionsAccepted("winrm_http");
//   server->Stop();                            // also in the destructor
//
// Thread-safe.  Listener addresses are fixed at Start(); Reload() swaps the
// engine (requests already being handled finish on the old one) and the
// connection faults, nothing else.
#ifndef CIMULATE_FAKE_SERVER_SERVER_FAKE_SERVER_H_
#define CIMULATE_FAKE_SERVER_SERVER_FAKE_SERVER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/engine.h"
#include "journal/journal.h"
#include "net/http_listener.h"
#include "scenario/scenario.h"
#include "wmidcom/wmidcom_endpoint.h"

namespace cimulate::fake {

struct FakeServerOptions {
  // "ADDR:PORT" overrides of the scenario's listeners ("127.0.0.1:0",
  // "[::1]:0"); a listener given here runs even when the scenario turns it
  // off.  The admin API binds loopback only.
  std::optional<std::string> winrm_http;
  std::optional<std::string> winrm_https;
  std::optional<std::string> admin;
  // The WMIDCOM activation port ("127.0.0.1:135"; its object exporter port
  // is the scenario's endpoint.wmidcom.object_port, on the same host).
  std::optional<std::string> wmidcom;
  // The scenario file's folder: relative endpoint.tls paths start here.
  std::string scenario_dir;
  // The WinRM listeners write each answer's header block and body apart,
  // with Nagle on, as OMI does (ListenerOptions::split_headers_and_body).
  bool split_headers_and_body = false;
};

class FakeServer {
 public:
  // Binds and starts every listener the scenario (or `options`) asks for.
  // Null, with the reason in `error`, when an address is bad or a listener
  // cannot start; nothing is left running then.
  static std::unique_ptr<FakeServer> Start(const scenario::Scenario& scenario, FakeServerOptions options,
                                           std::string* error);
  ~FakeServer();  // Stop()s

  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  // "127.0.0.1:PORT" or "[::1]:PORT"; empty (port 0) when not listening.
  // kWmidcom is the activation port; wmidcom_object_address() the other.
  std::string address(scenario::ListenerKind kind) const;
  std::string wmidcom_object_address() const;
  std::uint16_t port(scenario::ListenerKind kind) const;
  Journal& journal() { return journal_; }
  // The certificate the HTTPS listener serves (PEM); empty without HTTPS.
  std::string certificate_pem() const;

  // Serves `scenario` from now on: a new engine (and seed) for new requests
  // and new connection faults.  Listeners and their addresses stay.
  bool Reload(const scenario::Scenario& scenario, std::string* error);
  // The engine back to its initial state, `hang until: release` faults
  // released, and the journal cleared.
  void Reset();
  // Ends every `hang until: release` fault now.
  void Release();
  // Stops every listener and ends every connection.  Idempotent.
  void Stop();

  // {"winrm_http":"127.0.0.1:40123",...,"pid":1234}: the running listeners
  // (with "wmidcom" and "wmidcom_object" when WMIDCOM runs).
  std::string ReadyJson() const;
  std::uint64_t seed() const;
  std::string scenario_name() const;

 private:
  FakeServer() = default;

  bool StartListener(scenario::ListenerKind kind, const scenario::Scenario& scenario,
                     const FakeServerOptions& options, std::string* error);
  void InstallConnectionFaults(const scenario::Scenario& scenario);
  std::shared_ptr<Engine> engine() const;
  Reply HandleWinrm(const Request& request);
  HttpListener* listener(scenario::ListenerKind kind) const;
  bool StartWmidcom(const scenario::Scenario& scenario, const FakeServerOptions& options, std::string* error);

  Journal journal_;
  mutable std::mutex mu_;
  std::shared_ptr<Engine> engine_;  // guarded by mu_; handlers hold their own reference
  // Indexed by ListenerKind; null when that listener does not run.
  std::array<std::unique_ptr<HttpListener>, 4> listeners_;
  // Serves the scenario it started with; Reload() does not change it.
  std::unique_ptr<wmidcom::WmidcomEndpoint> wmidcom_;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_FAKE_SERVER_H_
