// Error values for the NTLM codec. Nothing in this library throws on bad
// input: every fallible operation returns a Status or a Result<T>.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "util/status.h"

namespace cimulate::ntlm {

enum class ErrorCode {
  kOk = 0,
  kMalformed,          // a message violates MS-NLMP framing or bounds
  kUnsupported,        // well formed, but asks for something we do not do (NTLMv1, no ESS)
  kAccessDenied,       // credentials were checked and rejected
  kInvalidArgument,    // the caller passed something unusable
  kWrongState,         // an operation was called out of order
  kCryptoUnavailable,  // OpenSSL could not provide an algorithm (legacy provider)
};

std::string_view ErrorCodeName(ErrorCode code);

using Status = BasicStatus<ErrorCode>;

inline Status Malformed(std::string m) { return Status(ErrorCode::kMalformed, std::move(m)); }
inline Status Unsupported(std::string m) { return Status(ErrorCode::kUnsupported, std::move(m)); }
inline Status AccessDenied(std::string m) { return Status(ErrorCode::kAccessDenied, std::move(m)); }
inline Status InvalidArgument(std::string m) { return Status(ErrorCode::kInvalidArgument, std::move(m)); }
inline Status WrongState(std::string m) { return Status(ErrorCode::kWrongState, std::move(m)); }
inline Status CryptoUnavailable(std::string m) {
  return Status(ErrorCode::kCryptoUnavailable, std::move(m));
}

// A value or the Status explaining why there is none. Constructing from an
// ok Status is a programming error and is turned into kInvalidArgument so
// that a caller never sees "ok but empty".
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {
    if (std::get<Status>(state_).ok()) state_ = InvalidArgument("Result built from an ok Status");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(state_);
  }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace cimulate::ntlm
