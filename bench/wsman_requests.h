// The WS-Management requests the load driver sends, as complete HTTP/1.1
// requests (headers and body in one buffer, so each goes out in one send).
// Written out by hand, in the shape pywinrm and Windows' client use, so the
// driver does not depend on the codec it helps to measure.
#ifndef CIMULATE_BENCH_WSMAN_REQUESTS_H_
#define CIMULATE_BENCH_WSMAN_REQUESTS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace cimulate::bench {

struct RequestTarget {
  std::string host_port;  // the Host header: "127.0.0.1:PORT"
  std::string user;
  std::string password;
};

std::string IdentifyRequest(const RequestTarget& target);
// A Get of the instance of `class_name` in `name_space` whose key Id = `id`.
std::string GetRequest(const RequestTarget& target, std::string_view name_space, std::string_view class_name,
                       std::string_view id);
// An Enumerate with OptimizeEnumeration and MaxElements, so the first batch
// comes back with the context.
std::string EnumerateRequest(const RequestTarget& target, std::string_view name_space,
                             std::string_view class_name, std::size_t max_elements);
std::string PullRequest(const RequestTarget& target, std::string_view name_space, std::string_view class_name,
                        std::string_view context, std::size_t max_elements);

// What the answers look like, for validating them cheaply (substring search,
// no XML parse: the driver must not be the bottleneck).
//
// The text of the first element whose local name is `local_name`
// ("EnumerationContext"), whatever its prefix; empty when absent or empty.
std::string ElementText(std::string_view body, std::string_view local_name);
// How often `needle` occurs in `body`.
std::size_t CountOccurrences(std::string_view body, std::string_view needle);

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_WSMAN_REQUESTS_H_
