// cimulate_bench_bare: the HTTP stack's ceiling for the WS-Man benchmark.  A
// plain cpp-httplib server (the library the fake's listener builds on) that
// answers POST /wsman with the fake's recorded answers (recording.h): no
// parsing beyond finding the action, no engine, no journal.
//
//   cimulate_bench_bare --responses DIR --ready-file /tmp/bare.json
//
// Enumerations replay the recorded sequence: an Enumerate answers
// enumerate.xml and restarts the sequence, each Pull answers the next
// pull-NNNN.xml, cycling.  That is exact for one client enumerating at a time,
// which is how the benchmark enumerates.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "ready_file.h"
#include "recording.h"

namespace {

constexpr const char* kContentType = "application/soap+xml;charset=UTF-8";

// httplib's default pool has max(8, cores - 1) threads and each keep-alive
// connection holds one, so 16 connections would starve half of them.
constexpr std::size_t kThreads = 64;

class Replayer {
 public:
  explicit Replayer(cimulate::bench::Recording recording) : rec_(std::move(recording)) {}

  void Answer(const httplib::Request& req, httplib::Response& res) {
    using cimulate::bench::RecordedKind;
    switch (cimulate::bench::ClassifyRequest(req.body)) {
      case RecordedKind::kIdentify: return res.set_content(rec_.identify, kContentType);
      case RecordedKind::kGet: return res.set_content(rec_.get, kContentType);
      case RecordedKind::kEnumerate:
        next_pull_.store(0);
        return res.set_content(rec_.enumerate, kContentType);
      case RecordedKind::kPull:
        if (!rec_.pulls.empty()) {
          return res.set_content(rec_.pulls[next_pull_.fetch_add(1) % rec_.pulls.size()], kContentType);
        }
        break;
      case RecordedKind::kUnknown: break;
    }
    res.status = 400;
    res.set_content("no recorded answer for this request", "text/plain");
  }

 private:
  const cimulate::bench::Recording rec_;
  std::atomic<std::size_t> next_pull_{0};
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir, ready_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--responses") dir = argv[i + 1];
    else if (k == "--ready-file") ready_file = argv[i + 1];
  }
  if (dir.empty() || ready_file.empty() || argc != 5) {
    std::fprintf(stderr, "usage: %s --responses DIR --ready-file FILE\n", argv[0]);
    return 2;
  }
  cimulate::bench::Recording recording;
  std::string error;
  if (!cimulate::bench::LoadRecording(dir, &recording, &error)) {
    std::fprintf(stderr, "cimulate_bench_bare: %s\n", error.c_str());
    return 1;
  }
  cimulate::bench::BlockStopSignals();
  Replayer replayer(std::move(recording));
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server.set_keep_alive_max_count(1u << 30);
  server.set_keep_alive_timeout(30);
  // Without it a keep-alive client waits on a delayed ACK between httplib's
  // header and body writes; accepted sockets inherit it from the listener.
  server.set_tcp_nodelay(true);
  server.Post("/wsman", [&](const httplib::Request& req, httplib::Response& res) { replayer.Answer(req, res); });
  int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::fprintf(stderr, "cimulate_bench_bare: cannot bind 127.0.0.1\n");
    return 1;
  }
  std::thread listener([&] { server.listen_after_bind(); });
  // stop() is a no-op until listen_after_bind() is running; wait for it so a
  // signal right after the ready file cannot leave the listener behind.
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  bool ready = cimulate::bench::WriteReadyFile(
      ready_file, cimulate::bench::ReadyJson("127.0.0.1:" + std::to_string(port)), &error);
  if (!ready) std::fprintf(stderr, "cimulate_bench_bare: %s\n", error.c_str());
  else cimulate::bench::WaitForStopSignal();
  server.stop();
  listener.join();
  return ready ? 0 : 1;
}
