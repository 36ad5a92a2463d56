// Result type shared by every decoder and encoder in cimulate::dcerpc.
//
// Wire codecs never throw: every entry point returns a Status, so a fuzz target
// or a network loop can feed arbitrary bytes and only has to check ok().

#ifndef CIMULATE_DCERPC_STATUS_H_
#define CIMULATE_DCERPC_STATUS_H_

#include <string>
#include <string_view>

namespace cimulate::dcerpc {

enum class ErrorCode {
  kOk = 0,
  kTruncated,      // input ended before a field it announces
  kMalformed,      // a field has a value the format does not allow
  kLimitExceeded,  // a count or length is above a configured or physical cap
  kUnsupported,    // valid on the wire, but outside the subset implemented here
  kProtocol,       // a valid PDU arrived where the exchange does not allow it
  kSecurity,       // a security provider rejected a PDU (bad signature, unknown context)
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Truncated: stub ended inside a uint32" style, for logs and test failures.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

std::string_view ErrorCodeName(ErrorCode code);

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_STATUS_H_
