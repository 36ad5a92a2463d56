#include "runner/suite_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>

namespace cimulate::conform {

std::string UtcNowIso8601() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

RunReport RunSuite(const std::vector<CaseRef>& cases, const SuiteOptions& options) {
  RunReport report;
  report.implementation = options.implementation_name;
  report.shard = options.shard;
  report.started_at = UtcNowIso8601();
  auto start = std::chrono::steady_clock::now();
  report.cases.resize(cases.size());

  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::size_t finished = 0;
  auto work = [&] {
    for (std::size_t i = next++; i < cases.size(); i = next++) {
      CaseResult result = RunCase(cases[i], options.supervise);
      std::lock_guard<std::mutex> lock(mu);
      report.cases[i] = std::move(result);
      ++finished;
      if (options.on_case) options.on_case(report.cases[i], finished, cases.size());
    }
  };
  std::size_t jobs = std::clamp<std::size_t>(options.jobs, 1, std::max<std::size_t>(cases.size(), 1));
  std::vector<std::thread> workers;
  for (std::size_t j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (std::thread& t : workers) t.join();
  report.duration_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace cimulate::conform
