// cimulate_wsman_load: the load driver of the WS-Man benchmark.
//
//   cimulate_wsman_load --target 127.0.0.1:PORT --workload identify|get --connections 16 --duration 2
//   cimulate_wsman_load --target ... --workload enumerate --instances 100000 --batch 1000
//   cimulate_wsman_load --target ... --workload identify|get --segments 200
//   cimulate_wsman_load --target ... --record DIR --instances 100000 --batch 1000
//
// Prints one line of key=value pairs per measurement (run_wsman_bench.sh
// parses it).  Exit status 0 when the measurement ran without errors, 1 when
// answers were bad or exchanges failed, 2 on usage errors.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_scenario.h"
#include "load_run.h"
#include "recording.h"
#include "wsman_requests.h"

namespace cimulate::bench {
namespace {

struct Args {
  Endpoint endpoint;
  std::string workload;
  std::string record_dir;
  std::size_t connections = 1;
  double warmup_s = 0.5;
  double duration_s = 2.0;
  std::size_t instances = 1000;
  std::size_t batch = 1000;
  int segments = 0;
};

bool ParseTarget(const std::string& text, Endpoint* endpoint) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  endpoint->host = text.substr(0, colon);
  long port = std::strtol(text.c_str() + colon + 1, nullptr, 10);
  if (port <= 0 || port > 65535) return false;
  endpoint->port = static_cast<std::uint16_t>(port);
  return true;
}

bool ParseArgs(int argc, char** argv, Args* a) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--target") {
      if (!ParseTarget(v, &a->endpoint)) return false;
    } else if (k == "--workload") {
      a->workload = v;
    } else if (k == "--record") {
      a->record_dir = v;
    } else if (k == "--connections") {
      a->connections = std::strtoul(v, nullptr, 10);
    } else if (k == "--warmup") {
      a->warmup_s = std::strtod(v, nullptr);
    } else if (k == "--duration") {
      a->duration_s = std::strtod(v, nullptr);
    } else if (k == "--instances") {
      a->instances = std::strtoul(v, nullptr, 10);
    } else if (k == "--batch") {
      a->batch = std::strtoul(v, nullptr, 10);
    } else if (k == "--segments") {
      a->segments = std::atoi(v);
    } else {
      return false;
    }
  }
  bool mode_ok = !a->record_dir.empty() || a->workload == "identify" || a->workload == "get" ||
                 (a->workload == "enumerate" && a->segments == 0);
  return argc % 2 == 1 && a->endpoint.port != 0 && mode_ok && a->connections >= 1 && a->connections <= 1024 &&
         a->batch >= 1 && a->instances >= 1 && a->duration_s > 0 && a->warmup_s >= 0;
}

RequestTarget Target(const Args& a) {
  return {a.endpoint.host + ":" + std::to_string(a.endpoint.port), kBenchUser, kBenchPassword};
}

std::string GetId(const Args& a) { return BenchItemId(a.instances / 2); }

Validator BodyMarker(std::string marker) {
  return [marker](const HttpResponse& r, std::string* why) {
    if (r.status != 200) {
      *why = "HTTP " + std::to_string(r.status);
      return false;
    }
    if (r.body.find(marker) == std::string::npos) {
      *why = "answer without " + marker;
      return false;
    }
    return true;
  };
}

EnumerationSpec Enumeration(const Args& a) {
  RequestTarget target = Target(a);
  EnumerationSpec spec;
  spec.enumerate_request = EnumerateRequest(target, kBenchNamespace, kBenchClass, a.batch);
  spec.pull_request = [target, batch = a.batch](const std::string& context) {
    return PullRequest(target, kBenchNamespace, kBenchClass, context, batch);
  };
  // Only the closing tag of an item ends in ":Bench_Item>"; the opening one
  // carries attributes.
  spec.item_marker = std::string(":") + kBenchClass + ">";
  spec.expected_items = a.instances;
  return spec;
}

int RunRate(const Args& a) {
  bool identify = a.workload == "identify";
  std::string request =
      identify ? IdentifyRequest(Target(a)) : GetRequest(Target(a), kBenchNamespace, kBenchClass, GetId(a));
  Validator validate = BodyMarker(identify ? "IdentifyResponse" : ">" + GetId(a) + "<");
  if (a.segments > 0) {
    std::string error;
    double mean = MeanSegmentsPerAnswer(a.endpoint, request, a.segments, &error);
    std::printf("workload=%s answers=%d segments_per_answer=%.3f%s%s\n", a.workload.c_str(), a.segments, mean,
                error.empty() ? "" : " error=", error.c_str());
    return mean < 0 ? 1 : 0;
  }
  RateResult r = MeasureRate(a.endpoint, request, validate, {a.connections, a.warmup_s, a.duration_s});
  std::printf("workload=%s connections=%zu seconds=%.3f ok=%llu errors=%llu reconnects=%llu rate=%.1f%s%s\n",
              a.workload.c_str(), a.connections, r.seconds, static_cast<unsigned long long>(r.ok),
              static_cast<unsigned long long>(r.errors), static_cast<unsigned long long>(r.reconnects),
              r.per_second(), r.first_error.empty() ? "" : " first_error=", r.first_error.c_str());
  return r.errors == 0 && r.ok > 0 ? 0 : 1;
}

int RunEnumerate(const Args& a) {
  EnumerationResult r = MeasureEnumeration(a.endpoint, Enumeration(a), a.warmup_s > 0, a.duration_s);
  std::printf("workload=enumerate instances=%zu batch=%zu seconds=%.3f enumerations=%llu items=%llu "
              "responses=%llu errors=%llu rate=%.1f%s%s\n",
              a.instances, a.batch, r.seconds, static_cast<unsigned long long>(r.enumerations),
              static_cast<unsigned long long>(r.items), static_cast<unsigned long long>(r.responses),
              static_cast<unsigned long long>(r.errors), r.items_per_second(),
              r.first_error.empty() ? "" : " first_error=", r.first_error.c_str());
  return r.errors == 0 && r.enumerations > 0 ? 0 : 1;
}

// One answer of each kind, checked as the measurements check them.
bool RecordOne(HttpConnection* conn, const std::string& request, const Validator& validate, std::string* body,
               std::string* error) {
  HttpResponse r;
  if (!conn->RoundTrip(request, &r, error) || !validate(r, error)) return false;
  *body = r.body;
  return true;
}

int RunRecord(const Args& a) {
  HttpConnection conn(a.endpoint.host, a.endpoint.port);
  Recording rec;
  std::string error;
  EnumerationSpec spec = Enumeration(a);
  bool ok = RecordOne(&conn, IdentifyRequest(Target(a)), BodyMarker("IdentifyResponse"), &rec.identify, &error) &&
            RecordOne(&conn, GetRequest(Target(a), kBenchNamespace, kBenchClass, GetId(a)),
                      BodyMarker(">" + GetId(a) + "<"), &rec.get, &error) &&
            RecordOne(&conn, spec.enumerate_request, BodyMarker("EnumerateResponse"), &rec.enumerate, &error);
  std::string last = rec.enumerate;
  std::size_t items = CountOccurrences(last, spec.item_marker);
  while (ok && last.find("EndOfSequence") == std::string::npos) {
    std::string context = ElementText(last, "EnumerationContext");
    ok = !context.empty() && RecordOne(&conn, spec.pull_request(context), BodyMarker("PullResponse"), &last, &error);
    if (ok) {
      rec.pulls.push_back(last);
      items += CountOccurrences(last, spec.item_marker);
    } else if (error.empty()) {
      error = "no EnumerationContext";
    }
  }
  if (ok && items != a.instances) {
    error = "recorded " + std::to_string(items) + " items, expected " + std::to_string(a.instances);
    ok = false;
  }
  if (!ok || !SaveRecording(a.record_dir, rec, &error)) {
    std::fprintf(stderr, "cimulate_wsman_load: recording failed: %s\n", error.c_str());
    return 1;
  }
  std::printf("recorded=%s pulls=%zu items=%zu\n", a.record_dir.c_str(), rec.pulls.size(), items);
  return 0;
}

}  // namespace
}  // namespace cimulate::bench

int main(int argc, char** argv) {
  cimulate::bench::Args args;
  if (!cimulate::bench::ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr,
                 "usage: %s --target HOST:PORT (--workload identify|get|enumerate | --record DIR)\n"
                 "          [--connections N] [--warmup S] [--duration S] [--instances N] [--batch N]\n"
                 "          [--segments N  (identify|get: data segments per answer over N answers)]\n",
                 argv[0]);
    return 2;
  }
  if (!args.record_dir.empty()) return cimulate::bench::RunRecord(args);
  if (args.workload == "enumerate") return cimulate::bench::RunEnumerate(args);
  return cimulate::bench::RunRate(args);
}
