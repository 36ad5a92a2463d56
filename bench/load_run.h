// The measurements the load driver makes against one server.
#ifndef CIMULATE_BENCH_LOAD_RUN_H_
#define CIMULATE_BENCH_LOAD_RUN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "http_connection.h"

namespace cimulate::bench {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};

// An answer is good when this returns true; `why` says what was wrong.
using Validator = std::function<bool(const HttpResponse&, std::string* why)>;

struct RateOptions {
  std::size_t connections = 1;
  double warmup_s = 0.5;
  double duration_s = 2.0;
};

struct RateResult {
  double seconds = 0;
  std::uint64_t ok = 0;          // good answers inside the measured window
  std::uint64_t errors = 0;      // bad answers and failed exchanges inside it
  std::uint64_t reconnects = 0;  // connections opened after the first, whole run
  std::string first_error;
  double per_second() const { return seconds > 0 ? ok / seconds : 0; }
};

// `connections` threads, each with its own keep-alive connection, send
// `request` back to back for warmup_s + duration_s; answers completed inside
// the duration window are counted.
RateResult MeasureRate(const Endpoint& endpoint, const std::string& request, const Validator& validate,
                       const RateOptions& options);

struct EnumerationSpec {
  std::string enumerate_request;
  // Builds the Pull for the context the last answer carried.
  std::function<std::string(const std::string& context)> pull_request;
  std::string item_marker;       // occurs once per item in an answer
  std::size_t expected_items = 0;
};

struct EnumerationResult {
  double seconds = 0;
  std::uint64_t enumerations = 0;  // complete and correct ones, measured
  std::uint64_t items = 0;
  std::uint64_t responses = 0;
  std::uint64_t errors = 0;
  std::string first_error;
  double items_per_second() const { return seconds > 0 ? items / seconds : 0; }
};

// One connection runs whole enumerations (Enumerate, then Pull until
// EndOfSequence), one unmeasured first when `warmup`, then as many as start
// within `duration_s` (at least one).
EnumerationResult MeasureEnumeration(const Endpoint& endpoint, const EnumerationSpec& spec, bool warmup,
                                     double duration_s);

// Runs `request` `count` times on one connection and returns the mean number
// of data segments the client received per answer (1.0: every answer came in
// one segment, so the server wrote it in one send), or -1 if the kernel does
// not count segments.
double MeanSegmentsPerAnswer(const Endpoint& endpoint, const std::string& request, int count, std::string* error);

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_LOAD_RUN_H_
