// WmidcomEndpoint: the fake's WMIDCOM side assembled: the activation /
// endpoint-mapper listener (135 by default), the object exporter listener it
// advertises, one DCE/RPC server association per connection (NTLM against
// the scenario's accounts, anonymous when the scenario allows it), and the
// DcomServer that answers the calls.
//
//   WmidcomEndpoint endpoint(scenario, {.host = "127.0.0.1", .port = 0}, &journal);
//   if (!endpoint.Start(&error)) ...;
//   connect to endpoint.activation_port() ...
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_WMIDCOM_ENDPOINT_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_WMIDCOM_ENDPOINT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "journal/journal.h"
#include "scenario/scenario.h"
#include "wmidcom/dcom_server.h"
#include "wmidcom/pdu_listener.h"

namespace cimulate::fake::wmidcom {

struct WmidcomEndpointOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 135;  // activation; 0 picks a free one
  std::uint64_t seed = 1;    // OXID / IPID values
  std::uint32_t idle_timeout_ms = 120000;
};

class WmidcomEndpoint {
 public:
  WmidcomEndpoint(const scenario::Scenario& scenario, WmidcomEndpointOptions options, Journal* journal);
  ~WmidcomEndpoint();  // Stop()s

  WmidcomEndpoint(const WmidcomEndpoint&) = delete;
  WmidcomEndpoint& operator=(const WmidcomEndpoint&) = delete;

  // Binds both ports; false with `error` naming the one that failed.
  bool Start(std::string* error);
  void Stop();

  std::uint16_t activation_port() const;
  std::uint16_t object_port() const;
  std::string activation_address() const;
  std::string object_address() const;
  DcomServer& server() { return *server_; }

 private:
  std::unique_ptr<PduSession> NewSession(const PduConnectionInfo& info);

  const WmidcomEndpointOptions options_;
  Journal* journal_;
  std::vector<scenario::ConnectionFault> connection_faults_;  // of the activation port
  std::unique_ptr<DcomServer> server_;
  std::unique_ptr<PduListener> activation_;
  std::unique_ptr<PduListener> object_;
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_WMIDCOM_ENDPOINT_H_
