// A decoded request and what the engine derives from it once: the scenario
// action, CIM namespace and class, the WQL query, the authenticated user and
// the keys per-resource state machines are indexed by.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_REQUEST_INFO_H_
#define CIMULATE_FAKE_SERVER_ENGINE_REQUEST_INFO_H_

#include <map>
#include <optional>
#include <string>

#include "engine/request.h"
#include "engine/wql.h"
#include "scenario/endpoint.h"
#include "wsman/message.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {

// MS-WSMV §3.1.4.1.1: a DMTF-form URI without __cimnamespace means root\hardware.
inline constexpr char kDefaultDmtfNamespace[] = "root/hardware";

struct RequestKeys {
  std::string shell;        // ShellId selector, or the shell a Create made
  std::string command;      // CommandId in the body, or the command a Command started
  std::string enumeration;  // the context a Pull/Release names, or the one an Enumerate made
};

struct RequestInfo {
  wsman::Message message;
  std::optional<scenario::Action> action;  // nullopt: an action the fake does not know
  std::string method;                      // Invoke
  wsman::ResourceUriParts uri;
  std::string name_space;  // normalised
  std::string class_name;  // the URI's class, or a WQL query's FROM class for the '*' form
  std::optional<WqlQuery> wql;
  std::string wql_error;  // set when a WQL filter did not parse
  std::string user;
  const EngineRequest* http = nullptr;
  RequestKeys keys;

  // A header's trimmed text by local name, read from the request bytes (the
  // codec keeps some headers only in decoded form).
  const std::string* SoapHeader(const std::string& local) const;

 private:
  mutable std::optional<std::map<std::string, std::string>> soap_headers_;
};

RequestInfo Describe(wsman::Message message, const EngineRequest& http, std::string user);

// The display form of the request's action for journals.
std::string ActionLabel(const RequestInfo& info);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_REQUEST_INFO_H_
