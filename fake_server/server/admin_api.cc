#include "server/admin_api.h"

#include <string>

#include "journal/json_writer.h"
#include "scenario/loader.h"
#include "server/fake_server.h"

namespace cimulate::fake {
namespace {

// The name errors in an uploaded scenario are reported against.
constexpr char kUploadName[] = "admin upload";

Reply Answer(int status, std::string body, const char* type = "text/plain; charset=utf-8") {
  Reply r;
  r.status = status;
  r.headers.emplace_back("Content-Type", type);
  r.body = std::move(body);
  return r;
}

Reply Json(std::string body) { return Answer(200, std::move(body) + "\n", "application/json"); }

Reply Health(FakeServer& server) {
  JsonWriter w;
  w.BeginObject();
  w.Key("status").String("ok");
  w.Key("scenario").String(server.scenario_name());
  w.Key("seed").Uint(server.seed());
  w.EndObject();
  return Json(w.Take());
}

// One scenario out of an upload: the only one, or the one that `?name=`
// picks, or the one named like the scenario being served.
const scenario::Scenario* Pick(const std::vector<scenario::Scenario>& all, const std::string& wanted) {
  if (all.size() == 1 && wanted.empty()) return &all[0];
  for (const scenario::Scenario& s : all) {
    if (s.name == wanted) return &s;
  }
  return nullptr;
}

std::string QueryName(const std::string& query) {
  const std::string key = "name=";
  const std::size_t at = query.find(key);
  if (at == std::string::npos || (at != 0 && query[at - 1] != '&')) return {};
  return query.substr(at + key.size(), query.find('&', at) - at - key.size());
}

Reply Upload(FakeServer& server, const Request& request, const std::string& query) {
  scenario::LoadResult loaded = scenario::LoadScenarios(request.body, kUploadName);
  if (!loaded.ok()) {
    std::string text;
    for (const scenario::Diagnostic& d : loaded.errors) text += d.ToString() + "\n";
    if (loaded.error_count > loaded.errors.size()) {
      text += std::to_string(loaded.error_count - loaded.errors.size()) + " more errors not shown\n";
    }
    return Answer(400, std::move(text));
  }
  std::string wanted = QueryName(query);
  if (wanted.empty() && loaded.scenarios.size() > 1) wanted = server.scenario_name();
  const scenario::Scenario* chosen = Pick(loaded.scenarios, wanted);
  if (chosen == nullptr) {
    return Answer(400, std::string(kUploadName) + ": " + std::to_string(loaded.scenarios.size()) +
                           " scenarios and none named \"" + wanted + "\"; pick one with ?name=NAME\n");
  }
  std::string error;
  if (!server.Reload(*chosen, &error)) return Answer(400, std::string(kUploadName) + ": " + error + "\n");
  return Health(server);
}

Reply Route(FakeServer& server, const Request& request) {
  const std::size_t q = request.path.find('?');
  const std::string path = request.path.substr(0, q);
  const std::string query = q == std::string::npos ? std::string() : request.path.substr(q + 1);
  const bool get = request.method == "GET";
  const bool post = request.method == "POST";
  auto wrong_method = [](const char* allow) {
    Reply r = Answer(405, "method not allowed\n");
    r.headers.emplace_back("Allow", allow);
    return r;
  };
  if (path == "/health") return get ? Health(server) : wrong_method("GET");
  if (path == "/journal") return get ? Json(server.journal().ToJson()) : wrong_method("GET");
  if (path == "/scenario") return post ? Upload(server, request, query) : wrong_method("POST");
  if (path == "/reset") {
    if (!post) return wrong_method("POST");
    server.Reset();
    return Answer(200, "reset\n");
  }
  if (path == "/release") {
    if (!post) return wrong_method("POST");
    server.Release();
    return Answer(200, "released\n");
  }
  return Answer(404, "no such admin resource: " + path + "\n");
}

}  // namespace

Handler AdminHandler(FakeServer* server) {
  return [server](const Request& request, ConnectionContext&) { return Route(*server, request); };
}

}  // namespace cimulate::fake
