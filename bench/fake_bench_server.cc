// cimulate_bench_fake: cimulate's fake WinRM endpoint serving the benchmark
// scenario (bench_scenario.h) in a process of its own, so the load driver's
// threads do not share its address space and its peak RSS can be read from
// /proc/PID/status.
//
//   cimulate_bench_fake --instances 100000 --ready-file /tmp/fake.json
//
// Listens on 127.0.0.1 (ephemeral port), writes the ready file, serves until
// SIGINT or SIGTERM, then stops cleanly.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench_scenario.h"
#include "server/fake_server.h"
#include "ready_file.h"

namespace {

struct Args {
  std::size_t instances = 1000;
  std::string ready_file;
};

bool ParseArgs(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return false;
    if (a == "--instances") {
      char* end = nullptr;
      args->instances = std::strtoul(argv[++i], &end, 10);
      if (*end != '\0' || args->instances > 10'000'000) return false;
    } else if (a == "--ready-file") {
      args->ready_file = argv[++i];
    } else {
      return false;
    }
  }
  return !args->ready_file.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr, "usage: %s [--instances N (<= 10000000)] --ready-file FILE\n", argv[0]);
    return 2;
  }
  cimulate::bench::BlockStopSignals();
  std::string error;
  cimulate::fake::FakeServerOptions options;
  options.winrm_http = "127.0.0.1:0";
  auto server =
      cimulate::fake::FakeServer::Start(cimulate::bench::MakeBenchScenario(args.instances), options, &error);
  if (server == nullptr) {
    std::fprintf(stderr, "cimulate_bench_fake: %s\n", error.c_str());
    return 1;
  }
  if (!cimulate::bench::WriteReadyFile(args.ready_file, server->ReadyJson(), &error)) {
    std::fprintf(stderr, "cimulate_bench_fake: %s\n", error.c_str());
    return 1;
  }
  cimulate::bench::WaitForStopSignal();
  server->Stop();
  return 0;
}
