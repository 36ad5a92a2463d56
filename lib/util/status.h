// The error value of the wire codecs (DCE/RPC, NTLM, WS-Management).
//
// Codecs never throw on bad input: every fallible entry point returns a Status,
// so a fuzz target or a network loop can feed arbitrary bytes and only check
// ok().  Each codec names its own error codes (an enum class whose kOk is 0) and
// provides `std::string_view ErrorCodeName(ErrorCode)` in its namespace, found
// here by argument-dependent lookup.
#ifndef CIMULATE_UTIL_STATUS_H_
#define CIMULATE_UTIL_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace cimulate {

template <typename Code>
class [[nodiscard]] BasicStatus {
 public:
  BasicStatus() = default;
  BasicStatus(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static BasicStatus Ok() { return BasicStatus(); }

  bool ok() const { return code_ == Code{}; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Malformed: s:Body missing" style, for logs and test failures.
  std::string ToString() const {
    if (ok()) return "OK";
    std::string text(ErrorCodeName(code_));
    if (!message_.empty()) text.append(": ").append(message_);
    return text;
  }

 private:
  Code code_ = Code{};
  std::string message_;
};

}  // namespace cimulate

#endif  // CIMULATE_UTIL_STATUS_H_
