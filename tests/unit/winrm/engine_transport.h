// A Transport that hands each envelope to the fake endpoint's engine in
// process (no sockets) and records what it sent, so tests can assert on the
// wire.  The engine is real; only the HTTP layer is left out.  Transport
// faults a rule asks for are played as the HTTP transport would report them.
#ifndef CIMULATE_TESTS_UNIT_WINRM_ENGINE_TRANSPORT_H_
#define CIMULATE_TESTS_UNIT_WINRM_ENGINE_TRANSPORT_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "winrm/http/http_transport.h"
#include "winrm/transport.h"
#include "wsman/message.h"

namespace cimulate::winrm::testing {

struct SentRequest {
  std::string body;
  std::vector<HttpField> headers;
  std::string authorization;
  wsman::Message message;  // decoded
  std::chrono::steady_clock::duration time_left;  // deadline - now when sent
  bool idempotent = true;
};

// One engine shared by every transport (session) of a test.
class EngineHub {
 public:
  explicit EngineHub(const scenario::Scenario& scenario) : engine_(scenario) {}

  fake::Engine& engine() { return engine_; }

  void Record(SentRequest request);
  std::vector<const SentRequest*> Sent() const;  // valid until the next Record
  size_t SentCount() const;
  // The decoded request kinds, in order.
  std::vector<wsman::MessageKind> SentKinds() const;
  std::vector<HttpTransportConfig> configs() const;
  void AddConfig(const HttpTransportConfig& config);

  // Runs before the engine sees a request (after it is recorded).
  std::function<void(const SentRequest&)> before_engine;

 private:
  fake::Engine engine_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<SentRequest>> sent_;
  std::vector<HttpTransportConfig> configs_;
};

class EngineTransport : public Transport {
 public:
  EngineTransport(std::shared_ptr<EngineHub> hub, HttpTransportConfig config);

  TransportStatus Post(const PostRequest& request, HttpResponse* response) override;
  void Shutdown() override { shut_down_ = true; }

 private:
  // Blocks until the request is cancelled or its deadline passes.
  TransportStatus Hang(const PostRequest& request);

  std::shared_ptr<EngineHub> hub_;
  HttpTransportConfig config_;
  std::atomic<bool> shut_down_{false};
};

}  // namespace cimulate::winrm::testing

#endif  // CIMULATE_TESTS_UNIT_WINRM_ENGINE_TRANSPORT_H_
