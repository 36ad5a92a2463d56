// Throughput of the MI core through the C ABI, each figure beside a baseline
// measured in the same run so that ratios survive a change of machine.
// bench/README.md explains the figures.
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include <benchmark/benchmark.h>

#include "MI.h"
#include "noop_protocol.h"

namespace cimulate::bench {
namespace {

// Owns an MI_Application with the NOOP protocol for one benchmark run.
class NoopApplication {
 public:
  explicit NoopApplication(benchmark::State& state) {
    if (InitializeNoopApplication(&app_) != MI_RESULT_OK) state.SkipWithError("MI_Application_Initialize failed");
  }
  ~NoopApplication() { MI_Application_Close(&app_); }
  MI_Application* get() { return &app_; }

 private:
  MI_Application app_{};
};

// (a) Session life cycle -----------------------------------------------------

void BM_NewSessionClose(benchmark::State& state) {
  NoopApplication app(state);
  for (auto _ : state) {
    MI_Session session{};
    MI_Result result = MI_Application_NewSession(app.get(), "NOOP", "server1", nullptr, nullptr, nullptr, &session);
    if (result != MI_RESULT_OK) {
      state.SkipWithError("MI_Application_NewSession failed");
      break;
    }
    MI_Session_Close(&session, nullptr, nullptr);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NewSessionClose);

// Baseline: the cheapest handle the application hands out.
void BM_Baseline_DestinationOptionsNewDelete(benchmark::State& state) {
  NoopApplication app(state);
  for (auto _ : state) {
    MI_DestinationOptions options{};
    if (MI_Application_NewDestinationOptions(app.get(), &options) != MI_RESULT_OK) {
      state.SkipWithError("MI_Application_NewDestinationOptions failed");
      break;
    }
    MI_DestinationOptions_Delete(&options);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Baseline_DestinationOptionsNewDelete);

// (b) Instance build and read ------------------------------------------------

constexpr int kProperties = 10;
constexpr int kElementOpsPerIteration = 2 * kProperties;  // one add and one get each

const char* const kNames[kProperties] = {"Name",  "Caption", "Description", "ProcessId", "Priority",
                                         "Count", "Enabled", "Visible",     "Created",   "Tags"};

struct Values {
  std::string name = "svchost.exe";
  std::string caption = "Host Process for Windows Services";
  std::string description = "A process that hosts services";
  MI_Datetime created{};
  std::vector<std::string> tags = {"system", "service", "network"};
  std::vector<MI_Char*> tag_pointers;

  Values() {
    created.isTimestamp = 1;
    created.u.timestamp = {2024, 5, 17, 12, 30, 45, 123456, 0};
    for (std::string& tag : tags) tag_pointers.push_back(tag.data());
  }
};

void BM_InstanceBuildRead(benchmark::State& state) {
  NoopApplication app(state);
  Values v;
  MI_Value values[kProperties];
  MI_Type types[kProperties] = {MI_STRING, MI_STRING,  MI_STRING,  MI_UINT32,   MI_UINT32,
                                MI_UINT32, MI_BOOLEAN, MI_BOOLEAN, MI_DATETIME, MI_STRINGA};
  values[0].string = v.name.data();
  values[1].string = v.caption.data();
  values[2].string = v.description.data();
  values[3].uint32 = 4242;
  values[4].uint32 = 8;
  values[5].uint32 = 17;
  values[6].boolean = MI_TRUE;
  values[7].boolean = MI_FALSE;
  values[8].datetime = v.created;
  values[9].stringa.data = v.tag_pointers.data();
  values[9].stringa.size = static_cast<MI_Uint32>(v.tag_pointers.size());

  for (auto _ : state) {
    MI_Instance* instance = nullptr;
    if (MI_Application_NewInstance(app.get(), "Win32_Process", nullptr, &instance) != MI_RESULT_OK) {
      state.SkipWithError("MI_Application_NewInstance failed");
      break;
    }
    for (int i = 0; i < kProperties; ++i) MI_Instance_AddElement(instance, kNames[i], &values[i], types[i], 0);
    for (int i = 0; i < kProperties; ++i) {
      MI_Value value;
      MI_Type type;
      MI_Instance_GetElement(instance, kNames[i], &value, &type, nullptr, nullptr);
      benchmark::DoNotOptimize(value);
    }
    MI_Instance_Delete(instance);
  }
  state.SetItemsProcessed(state.iterations() * kElementOpsPerIteration);
}
BENCHMARK(BM_InstanceBuildRead);

// Baseline: the same values copied into and read from a plain C++ map, the
// least a dynamic property bag can cost.
using Variant = std::variant<std::string, MI_Uint32, bool, MI_Datetime, std::vector<std::string>>;

void BM_Baseline_UnorderedMapBuildRead(benchmark::State& state) {
  Values v;
  for (auto _ : state) {
    std::unordered_map<std::string, Variant> instance;
    instance.emplace(kNames[0], v.name);
    instance.emplace(kNames[1], v.caption);
    instance.emplace(kNames[2], v.description);
    instance.emplace(kNames[3], MI_Uint32{4242});
    instance.emplace(kNames[4], MI_Uint32{8});
    instance.emplace(kNames[5], MI_Uint32{17});
    instance.emplace(kNames[6], true);
    instance.emplace(kNames[7], false);
    instance.emplace(kNames[8], v.created);
    instance.emplace(kNames[9], v.tags);
    for (int i = 0; i < kProperties; ++i) {
      auto it = instance.find(kNames[i]);
      benchmark::DoNotOptimize(&it->second);
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kElementOpsPerIteration);
}
BENCHMARK(BM_Baseline_UnorderedMapBuildRead);

// (c) Operation round trip ---------------------------------------------------

// A synchronous TestConnection: start, wait for the final result (posted by a
// worker thread), close.
void BM_TestConnectionRoundTrip(benchmark::State& state) {
  NoopApplication app(state);
  MI_Session session{};
  if (MI_Application_NewSession(app.get(), "NOOP", "server1", nullptr, nullptr, nullptr, &session) != MI_RESULT_OK) {
    state.SkipWithError("MI_Application_NewSession failed");
    return;
  }
  for (auto _ : state) {
    MI_Operation operation{};
    MI_Session_TestConnection(&session, 0, nullptr, &operation);
    const MI_Instance* instance = nullptr;
    MI_Boolean more = MI_TRUE;
    MI_Result result = MI_RESULT_FAILED;
    MI_Operation_GetInstance(&operation, &instance, &more, &result, nullptr, nullptr);
    MI_Operation_Close(&operation);
    if (result != MI_RESULT_OK) {
      state.SkipWithError("TestConnection failed");
      break;
    }
  }
  MI_Session_Close(&session, nullptr, nullptr);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TestConnectionRoundTrip)->UseRealTime();

}  // namespace
}  // namespace cimulate::bench

BENCHMARK_MAIN();
