// The scenario's WMIDCOM faults (endpoint.wmidcom.faults): which call gets
// which scripted outcome.  A call is described by its interface, method,
// namespace, query or path and user; the first fault whose match holds (and
// whose nth and times allow it) answers.
//
// Thread-safe; counters live here, so a fault with `nth: 2` fires on the
// second matching call across every connection.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_FAULT_BOOK_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_FAULT_BOOK_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scenario/endpoint.h"

namespace cimulate::fake::wmidcom {

struct CallFacts {
  std::string interface_name;  // "IWbemServices"
  std::string method;          // "ExecQuery"; "bind" for a bind or alter_context
  std::string name_space;
  std::string text;            // the query or object path
  std::string user;
};

class FaultBook {
 public:
  explicit FaultBook(std::vector<scenario::WmidcomFault> faults);

  // The fault that answers this call, counting it; nullopt: answer normally.
  std::optional<scenario::WmidcomFault> Match(const CallFacts& call);

 private:
  struct Entry {
    scenario::WmidcomFault fault;
    std::uint32_t seen = 0;   // calls matching everything but nth/times
    std::uint32_t fired = 0;
  };
  std::mutex mu_;
  std::vector<Entry> entries_;  // guarded by mu_
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_FAULT_BOOK_H_
