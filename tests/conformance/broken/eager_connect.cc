// Breaks deferred connection: MI_Application_NewSession opens a connection
// to the destination (and closes it) before returning, as an
// implementation that "checks the server is there" would.  The MI contract
// says creating a session may not contact the destination.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

#include "real_library.h"

namespace cimulate::broken {
namespace {

struct Endpoint {
  std::string host;
  MI_Uint32 port = 5985;  // WinRM over HTTP, when neither the destination nor the options say
};

// "host", "host:port", "[v6]" or "[v6]:port".  Only loopback names are
// connected to: a name lookup could wait on DNS, and the point is the
// connection, not the lookup.
bool ParseDestination(const std::string& destination, Endpoint* out) {
  std::string rest = destination;
  if (!rest.empty() && rest.front() == '[') {
    std::size_t close = rest.find(']');
    if (close == std::string::npos) return false;
    out->host = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
    if (!rest.empty() && rest.front() == ':') out->port = static_cast<MI_Uint32>(std::stoul(rest.substr(1)));
  } else if (std::count(rest.begin(), rest.end(), ':') == 1) {
    std::size_t colon = rest.find(':');
    out->host = rest.substr(0, colon);
    out->port = static_cast<MI_Uint32>(std::stoul(rest.substr(colon + 1)));
  } else {
    out->host = rest;
  }
  if (out->host == "localhost") out->host = "127.0.0.1";
  return true;
}

void ConnectOnce(const Endpoint& endpoint) {
  sockaddr_storage address{};
  socklen_t length = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  if (::inet_pton(AF_INET, endpoint.host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(endpoint.port));
    length = sizeof(*v4);
  } else if (::inet_pton(AF_INET6, endpoint.host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(endpoint.port));
    length = sizeof(*v6);
  } else {
    return;
  }
  int fd = ::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  ::connect(fd, reinterpret_cast<sockaddr*>(&address), length);
  ::close(fd);
}

MI_Result MI_CALL NewSessionAndConnect(MI_Application* application, const MI_Char* protocol,
                                       const MI_Char* destination, MI_DestinationOptions* options,
                                       MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                       MI_Session* session) {
  MI_Result result =
      ApplicationTable().real().NewSession(application, protocol, destination, options, callbacks, extendedError,
                                           session);
  Endpoint endpoint;
  if (result != MI_RESULT_OK || destination == nullptr) return result;
  try {
    if (!ParseDestination(destination, &endpoint)) return result;
  } catch (const std::exception&) {  // a port that is not a number
    return result;
  }
  MI_Uint32 port = 0;
  if (options != nullptr && MI_DestinationOptions_GetDestinationPort(options, &port) == MI_RESULT_OK) {
    endpoint.port = port;
  }
  ConnectOnce(endpoint);
  return result;
}

}  // namespace

void BreakApplication(MI_ApplicationFT* table) { table->NewSession = NewSessionAndConnect; }

}  // namespace cimulate::broken
