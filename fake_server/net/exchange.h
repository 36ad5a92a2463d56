// Exchange: one request/response on a connection, shared between the
// connection driver and the httplib route that calls the handler (which runs
// on the same thread, inside httplib::Server::process_request).
#ifndef CIMULATE_FAKE_SERVER_NET_EXCHANGE_H_
#define CIMULATE_FAKE_SERVER_NET_EXCHANGE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "journal/events.h"
#include "net/http_types.h"

namespace cimulate::fake {

class ExchangeStream;

struct Exchange {
  // Set by the connection before httplib parses the request.
  ConnectionContext* context = nullptr;
  const Handler* handler = nullptr;
  ExchangeStream* stream = nullptr;
  std::size_t max_body_bytes = 0;
  std::uint64_t sequence = 0;
  std::string peer;
  std::string listener;

  // Filled while httplib runs.
  bool parsed = false;  // request line and headers were read
  std::string method;
  std::string path;
  std::vector<HeaderField> headers;
  std::string body;
  bool handled = false;  // the handler ran
  bool close_after = false;
  std::optional<scenario::TransportFault> fault;
  FaultDraws draws;
  RequestNote note;
};

// The exchange running on this thread, or null outside process_request.
Exchange*& CurrentExchange();

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_EXCHANGE_H_
