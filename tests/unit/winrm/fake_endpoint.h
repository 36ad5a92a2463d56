// End-to-end plumbing: a FakeServer on an ephemeral loopback port serving a
// scenario (the shared scenario.yaml, or YAML text), and an MI_Application
// with the registered WINRM handler (real HTTP transport) opening sessions to
// it through the MI C ABI.
#ifndef CIMULATE_TESTS_UNIT_WINRM_FAKE_ENDPOINT_H_
#define CIMULATE_TESTS_UNIT_WINRM_FAKE_ENDPOINT_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "MI.h"
#include "scenario/scenario.h"
#include "server/fake_server.h"

namespace cimulate::winrm::testing {

// One scenario from YAML text (the whole document); fails the test when it
// does not load.
scenario::Scenario ParseScenario(const std::string& yaml);

class FakeEndpoint {
 public:
  FakeEndpoint();
  ~FakeEndpoint();  // closes the sessions, the application, then the server

  // Starts the server (winrm_http on 127.0.0.1:0 unless `options` say more).
  bool Start(const scenario::Scenario& scenario, fake::FakeServerOptions options = {});
  fake::FakeServer& server() { return *server_; }
  void StopServer() { server_.reset(); }
  std::string http_address() const;

  // A session to `destination` (the HTTP listener when empty) with Basic
  // alice/pw and `configure` applied to its destination options.
  MI_Session* Open(const std::string& destination = "",
                   const std::function<void(MI_DestinationOptions*)>& configure = {});
  MI_Application* app() { return &app_; }

 private:
  std::unique_ptr<fake::FakeServer> server_;
  std::string http_address_;
  MI_Application app_ = MI_APPLICATION_NULL;
  std::vector<std::unique_ptr<MI_Session>> sessions_;
};

// A destination option setter for the operation time-out.
void SetTimeout(MI_DestinationOptions* options, std::chrono::milliseconds timeout);

}  // namespace cimulate::winrm::testing

#endif  // CIMULATE_TESTS_UNIT_WINRM_FAKE_ENDPOINT_H_
