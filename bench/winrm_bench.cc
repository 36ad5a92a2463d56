// The WINRM handler's figures (docs/winrm.md, "Figures"): GetInstance
// through the MI C ABI on one session and across 16 sessions, a 100,000
// instance enumeration (instances per second, peak RSS), and the client's
// parse cost against a bare pugixml parse of the same bytes.  The fake
// endpoint runs in process on 127.0.0.1, so the timings include its work.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include <pugixml.hpp>

#include "MI.h"
#include "core/instance.h"
#include "scenario/loader.h"
#include "server/fake_server.h"
#include "wsman/codec.h"
#include "wsman/resource_uri.h"

namespace cimulate::bench {
namespace {

std::string ScenarioYaml(int instances) {
  std::string yaml = R"(name: bench
seed: 1
endpoint:
  auth:
    accounts:
      - {user: alice, password: pw}
  data:
    root/cimv2:
      classes:
        Win32_Service:
          properties: {Name: {type: string, key: true}, State: string, ProcessId: uint32, Started: boolean}
      instances:
)";
  for (int i = 0; i < instances; ++i) {
    yaml += "        - {id: s" + std::to_string(i) + ", class: Win32_Service, properties: {Name: Service" +
            std::to_string(i) + ", State: Running, ProcessId: " + std::to_string(i) + ", Started: true}}\n";
  }
  return yaml;
}

// A FakeServer on 127.0.0.1 and an MI_Application, kept for the whole run.
struct Endpoint {
  std::unique_ptr<fake::FakeServer> server;
  MI_Application app = MI_APPLICATION_NULL;
  std::string error;

  explicit Endpoint(int instances) {
    // 100,000 instances are far above the default guards on scenario size.
    scenario::LoadOptions load;
    load.limits.max_bytes = 64u << 20;
    load.limits.max_nodes = 4000000;
    scenario::LoadResult loaded = scenario::LoadScenarios(ScenarioYaml(instances), "bench.yaml", load);
    if (!loaded.ok()) {
      error = "scenario does not load";
      return;
    }
    fake::FakeServerOptions options;
    options.winrm_http = "127.0.0.1:0";
    server = fake::FakeServer::Start(loaded.scenarios.front(), options, &error);
    if (server && MI_Application_Initialize(0, "winrm-bench", nullptr, &app) != MI_RESULT_OK) error = "no app";
  }
  // No teardown: the process ends after the run.

  bool Open(MI_Session* session, MI_Uint32 max_elements = 0) {
    MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
    if (MI_Application_NewDestinationOptions(&app, &options) != MI_RESULT_OK) return false;
    MI_UserCredentials credentials{};
    credentials.authenticationType = MI_AUTH_TYPE_BASIC;
    credentials.credentials.usernamePassword.username = "alice";
    credentials.credentials.usernamePassword.password = "pw";
    MI_DestinationOptions_AddDestinationCredentials(&options, &credentials);
    if (max_elements != 0) MI_DestinationOptions_SetMaxElements(&options, max_elements);
    std::string address = server->address(scenario::ListenerKind::kWinrmHttp);
    MI_Result r = MI_Application_NewSession(&app, "WINRM", address.c_str(), &options, nullptr, nullptr, session);
    MI_DestinationOptions_Delete(&options);
    return r == MI_RESULT_OK;
  }
};

Endpoint& SmallEndpoint() {
  static Endpoint* endpoint = new Endpoint(10);
  return *endpoint;
}

bool GetOnce(MI_Session* session, MI_Instance* key) {
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key, nullptr, &op);
  const MI_Instance* instance = nullptr;
  MI_Boolean more = MI_FALSE;
  MI_Result result = MI_RESULT_FAILED;
  MI_Operation_GetInstance(&op, &instance, &more, &result, nullptr, nullptr);
  bool ok = result == MI_RESULT_OK && instance != nullptr;
  while (more) MI_Operation_GetInstance(&op, &instance, &more, &result, nullptr, nullptr);
  MI_Operation_Close(&op);
  return ok;
}

core::InstancePtr ServiceKey(const char* name) {
  MI_Instance* raw = nullptr;
  core::NewDynamicInstance("Win32_Service", 0, &raw);
  MI_Value v;
  v.string = const_cast<MI_Char*>(name);
  MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY);
  return core::InstancePtr(raw);
}

// GetInstance per second; with ->Threads(16) each thread has its own session.
void BM_GetInstance(benchmark::State& state) {
  Endpoint& endpoint = SmallEndpoint();
  if (!endpoint.server) {
    state.SkipWithError(endpoint.error.c_str());
    return;
  }
  MI_Session session = MI_SESSION_NULL;
  if (!endpoint.Open(&session)) {
    state.SkipWithError("NewSession failed");
    return;
  }
  core::InstancePtr key = ServiceKey("Service3");
  for (auto _ : state) {
    if (!GetOnce(&session, key.get())) {
      state.SkipWithError("GetInstance failed");
      break;
    }
  }
  MI_Session_Close(&session, nullptr, nullptr);
  state.SetItemsProcessed(state.iterations());  // items_per_second: operations per second, all threads
}
BENCHMARK(BM_GetInstance)->UseRealTime();
BENCHMARK(BM_GetInstance)->Threads(16)->UseRealTime();

// kB of the process's peak resident set (VmHWM).
double PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6);
  }
  return 0;
}

// 100,000 instances enumerated on one session, 1,000 per batch: memory is
// bounded by the batch, so the peak RSS grows by far less than the total.
void BM_Enumerate100k(benchmark::State& state) {
  constexpr int kInstances = 100000;
  static Endpoint* endpoint = new Endpoint(kInstances);
  if (!endpoint->server) {
    state.SkipWithError(endpoint->error.c_str());
    return;
  }
  MI_Session session = MI_SESSION_NULL;
  if (!endpoint->Open(&session, 1000)) {
    state.SkipWithError("NewSession failed");
    return;
  }
  const double before_kb = PeakRssKb();
  std::size_t total = 0;
  for (auto _ : state) {
    MI_Operation op = MI_OPERATION_NULL;
    MI_Session_EnumerateInstances(&session, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, nullptr, &op);
    MI_Boolean more = MI_TRUE;
    std::size_t seen = 0;
    MI_Result result = MI_RESULT_OK;
    while (more) {
      const MI_Instance* instance = nullptr;
      MI_Operation_GetInstance(&op, &instance, &more, &result, nullptr, nullptr);
      if (instance != nullptr) ++seen;
    }
    MI_Operation_Close(&op);
    if (result != MI_RESULT_OK || seen != kInstances) {
      state.SkipWithError("enumeration failed or incomplete");
      break;
    }
    total += seen;
  }
  MI_Session_Close(&session, nullptr, nullptr);
  state.SetItemsProcessed(static_cast<std::int64_t>(total));  // items_per_second: instances per second
  state.counters["VmHWM_before_MB"] = before_kb / 1024;
  state.counters["VmHWM_after_MB"] = PeakRssKb() / 1024;
}
BENCHMARK(BM_Enumerate100k)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

// A PullResponse of `n` Win32_Service instances, as the fake writes it.
std::string PullResponseBytes(int n) {
  wsman::Message m;
  m.kind = wsman::MessageKind::kPullResponse;
  m.headers.action = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse";
  m.headers.message_id = "uuid:00000000-0000-0000-0000-000000000001";
  m.headers.relates_to = "uuid:00000000-0000-0000-0000-000000000002";
  wsman::PullResponseBody body;
  body.context = "uuid:00000000-0000-0000-0000-000000000003";
  const std::string uri = wsman::WmiResourceUri("root/cimv2", "Win32_Service");
  for (int i = 0; i < n; ++i) {
    MI_Instance* raw = nullptr;
    core::NewDynamicInstance("Win32_Service", 0, &raw);
    std::string name = "Service" + std::to_string(i);
    MI_Value v;
    v.string = const_cast<MI_Char*>(name.c_str());
    MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY);
    v.string = const_cast<MI_Char*>("Running");
    MI_Instance_AddElement(raw, "State", &v, MI_STRING, 0);
    v.uint32 = static_cast<MI_Uint32>(i);
    MI_Instance_AddElement(raw, "ProcessId", &v, MI_UINT32, 0);
    v.boolean = MI_TRUE;
    MI_Instance_AddElement(raw, "Started", &v, MI_BOOLEAN, 0);
    wsman::Item item;
    item.instance = core::InstancePtr(raw);
    item.resource_uri = uri;
    body.items.push_back(std::move(item));
  }
  m.body = std::move(body);
  std::string bytes;
  if (!wsman::EncodeMessage(m, &bytes).ok()) bytes.clear();
  return bytes;
}

// This thread's CPU time: on two shared, loaded cores wall time mostly
// measures the other processes.
double ThreadCpuMicros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// What the handler does with an answer: wsman::DecodeMessage (pugixml parse +
// typed instances), against pugixml's parse alone, timed (thread CPU) in the
// same loop so the ratio compares like with like.
void BM_ParsePullResponse(benchmark::State& state) {
  const std::string bytes = PullResponseBytes(static_cast<int>(state.range(0)));
  if (bytes.empty()) {
    state.SkipWithError("encode failed");
    return;
  }
  wsman::DecodeOptions options;
  options.limits.max_bytes = bytes.size() * 2;
  double decode = 0, bare = 0;
  for (auto _ : state) {
    double t0 = ThreadCpuMicros();
    wsman::Message m;
    wsman::Status s = wsman::DecodeMessage(bytes, &m, options);
    double t1 = ThreadCpuMicros();
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(bytes.data(), bytes.size());
    double t2 = ThreadCpuMicros();
    benchmark::DoNotOptimize(doc);
    if (!s.ok() || !r) {
      state.SkipWithError("parse failed");
      break;
    }
    decode += t1 - t0;
    bare += t2 - t1;
  }
  const double n = static_cast<double>(state.iterations());
  const double decode_us = decode / n;
  const double bare_us = bare / n;
  state.counters["bytes"] = static_cast<double>(bytes.size());
  state.counters["decode_us"] = decode_us;
  state.counters["pugixml_us"] = bare_us;
  state.counters["ratio"] = bare_us > 0 ? decode_us / bare_us : 0;
  state.counters["decoded_instances_per_s"] = static_cast<double>(state.range(0)) / (decode_us / 1e6);
}
BENCHMARK(BM_ParsePullResponse)->Arg(1)->Arg(32)->Arg(1000);

}  // namespace
}  // namespace cimulate::bench

BENCHMARK_MAIN();
