#include "load_run.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "wsman_requests.h"

namespace cimulate::bench {
namespace {

using Clock = std::chrono::steady_clock;

enum Phase { kWarmup, kMeasure, kDone };

double SecondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct SharedCounters {
  std::atomic<int> phase{kWarmup};
  std::atomic<std::uint64_t> ok{0};
  std::atomic<std::uint64_t> errors{0};
  std::atomic<std::uint64_t> reconnects{0};
  std::mutex mu;
  std::string first_error;

  void Error(const std::string& why) {
    if (phase.load() == kMeasure) errors.fetch_add(1);
    std::lock_guard<std::mutex> lock(mu);
    if (first_error.empty()) first_error = why;
  }
};

void RateWorker(const Endpoint& endpoint, const std::string& request, const Validator& validate,
                SharedCounters* shared) {
  HttpConnection conn(endpoint.host, endpoint.port);
  HttpResponse response;
  std::string why;
  bool opened_once = false;
  while (shared->phase.load(std::memory_order_relaxed) != kDone) {
    if (!conn.connected()) {
      if (opened_once) shared->reconnects.fetch_add(1);
      opened_once = true;
      if (!conn.Connect(&why)) {
        shared->Error(why);
        // A refused connect would otherwise spin; this is an error path only.
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
    }
    if (!conn.RoundTrip(request, &response, &why) || !validate(response, &why)) {
      shared->Error(why);
      continue;
    }
    if (shared->phase.load(std::memory_order_relaxed) == kMeasure) shared->ok.fetch_add(1, std::memory_order_relaxed);
  }
}

// One whole enumeration; the number of items, or -1 with *why.
long long RunEnumeration(HttpConnection* conn, const EnumerationSpec& spec, std::uint64_t* responses,
                         std::string* why) {
  HttpResponse r;
  if (!conn->RoundTrip(spec.enumerate_request, &r, why)) return -1;
  long long items = 0;
  bool first = true;
  while (true) {
    if (r.status != 200) {
      *why = "HTTP " + std::to_string(r.status) + (first ? " to Enumerate" : " to Pull");
      return -1;
    }
    if (r.body.find(first ? "EnumerateResponse" : "PullResponse") == std::string::npos) {
      *why = first ? "no EnumerateResponse" : "no PullResponse";
      return -1;
    }
    ++*responses;
    items += static_cast<long long>(CountOccurrences(r.body, spec.item_marker));
    if (r.body.find("EndOfSequence") != std::string::npos) break;
    std::string context = ElementText(r.body, "EnumerationContext");
    if (context.empty()) {
      *why = "no EnumerationContext and no EndOfSequence";
      return -1;
    }
    if (!conn->RoundTrip(spec.pull_request(context), &r, why)) return -1;
    first = false;
  }
  if (static_cast<std::size_t>(items) != spec.expected_items) {
    *why = "enumeration returned " + std::to_string(items) + " items, expected " + std::to_string(spec.expected_items);
    return -1;
  }
  return items;
}

}  // namespace

RateResult MeasureRate(const Endpoint& endpoint, const std::string& request, const Validator& validate,
                       const RateOptions& options) {
  SharedCounters shared;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < options.connections; ++i) {
    threads.emplace_back(RateWorker, std::cref(endpoint), std::cref(request), std::cref(validate), &shared);
  }
  // The driver's clock: a fixed window after a warm-up, not a synchronisation.
  std::this_thread::sleep_for(std::chrono::duration<double>(options.warmup_s));
  Clock::time_point t0 = Clock::now();
  shared.phase.store(kMeasure);
  std::this_thread::sleep_for(std::chrono::duration<double>(options.duration_s));
  shared.phase.store(kDone);
  RateResult result;
  result.seconds = SecondsSince(t0);
  for (std::thread& t : threads) t.join();
  result.ok = shared.ok.load();
  result.errors = shared.errors.load();
  result.reconnects = shared.reconnects.load();
  result.first_error = shared.first_error;
  return result;
}

EnumerationResult MeasureEnumeration(const Endpoint& endpoint, const EnumerationSpec& spec, bool warmup,
                                     double duration_s) {
  EnumerationResult result;
  HttpConnection conn(endpoint.host, endpoint.port);
  std::string why;
  std::uint64_t ignored = 0;
  if (warmup && RunEnumeration(&conn, spec, &ignored, &why) < 0) {
    result.errors = 1;
    result.first_error = "warm-up: " + why;
    return result;
  }
  Clock::time_point t0 = Clock::now();
  do {
    long long items = RunEnumeration(&conn, spec, &result.responses, &why);
    if (items < 0) {
      ++result.errors;
      if (result.first_error.empty()) result.first_error = why;
      if (result.errors > 3) break;  // a broken server: report, do not loop
      continue;
    }
    ++result.enumerations;
    result.items += static_cast<std::uint64_t>(items);
  } while (SecondsSince(t0) < duration_s);
  result.seconds = SecondsSince(t0);
  return result;
}

double MeanSegmentsPerAnswer(const Endpoint& endpoint, const std::string& request, int count, std::string* error) {
  HttpConnection conn(endpoint.host, endpoint.port);
  HttpResponse response;
  if (!conn.RoundTrip(request, &response, error)) return -1;  // connects; not counted
  std::int64_t before = conn.DataSegmentsIn();
  if (before < 0) {
    *error = "the kernel does not report tcpi_data_segs_in";
    return -1;
  }
  for (int i = 0; i < count; ++i) {
    if (!conn.RoundTrip(request, &response, error)) return -1;
    if (!conn.connected()) {
      *error = "the server closed the connection (no keep-alive)";
      return -1;
    }
  }
  return static_cast<double>(conn.DataSegmentsIn() - before) / count;
}

}  // namespace cimulate::bench
