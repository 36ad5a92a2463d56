// What the HTTP layer hands the engine and what it gets back.
//
// The engine never touches a socket: the reply says what to send (status,
// headers, body) and, when a rule asks for it, how to distort the exchange
// (EngineReply::fault), which the HTTP layer carries out.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_REQUEST_H_
#define CIMULATE_FAKE_SERVER_ENGINE_REQUEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/endpoint.h"

namespace cimulate::fake {

// HTTP header fields in arrival order; names compare case-insensitively.
class HttpHeaders {
 public:
  void Add(std::string name, std::string value);
  // Replaces every field called `name` with one.
  void Set(std::string name, std::string value);
  // The first field called `name`, or nullptr.
  const std::string* Find(std::string_view name) const;
  const std::vector<scenario::NameValue>& fields() const { return fields_; }

 private:
  std::vector<scenario::NameValue> fields_;
};

struct EngineRequest {
  std::string method = "POST";
  std::string path = "/wsman";
  HttpHeaders headers;
  std::string body;
  // Set when the transport already authenticated the peer (NTLM, a client
  // certificate); otherwise the engine checks the Authorization header itself.
  std::optional<std::string> authenticated_user;
  std::string listener = "winrm_http";  // scenario::ListenerName()
  std::uint64_t connection_id = 0;
};

// What the journal records about a request besides the bytes.
struct JournalNote {
  std::string action;        // the a:Action URI, "Identify", or what routing saw ("GET /x")
  std::string resource_uri;
  std::vector<scenario::NameValue> selectors;
  std::string user;          // the authenticated account; empty when anonymous
  std::string rule;          // the rule that answered; empty: none did
  // When no rule matched: the rule that came closest and what it lacked.
  std::string nearest_rule;
  std::string near_miss;
  std::string outcome;       // "GetResponse", "fault w:InvalidSelectors", "401", ...
};

struct EngineReply {
  int http_status = 200;
  HttpHeaders headers;
  std::string body;
  std::optional<scenario::TransportFault> fault;
  // For `fault`: the wait to apply (ms plus the seeded jitter draw), and for
  // garbage_then_close the bytes to send, both drawn from the scenario's seed
  // so a run replays exactly.
  std::uint32_t fault_wait_ms = 0;
  std::string garbage;
  JournalNote note;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_REQUEST_H_
