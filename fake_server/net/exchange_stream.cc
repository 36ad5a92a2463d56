#include "net/exchange_stream.h"

#include <algorithm>
#include <cstring>

namespace cimulate::fake {

ExchangeStream::ExchangeStream(Transport* transport, const ListenerOptions* options, std::string peer,
                               std::string local)
    : transport_(transport), options_(options), peer_(std::move(peer)), local_(std::move(local)) {}

void ExchangeStream::BeginRequest() {
  in_headers_ = true;
  header_deadline_ = DeadlineAfterMs(options_->read_timeout_ms);
  header_bytes_ = 0;
  tail_ = 0;
  // Until the engine sets the budget from the headers, never read more than
  // the limit allows.
  body_left_ = options_->max_body_bytes;
  body_overflow_is_error_ = true;
  request_bytes_ = 0;
  end_reason_ = End::kNone;
  output_.clear();
}

void ExchangeStream::LimitBody(std::size_t bytes, bool overflow_is_error) {
  body_left_ = bytes;
  body_overflow_is_error_ = overflow_is_error;
}

bool ExchangeStream::Fill() {
  const auto deadline = in_headers_ ? header_deadline_ : DeadlineAfterMs(options_->read_timeout_ms);
  const long n = transport_->Read(buf_, sizeof buf_, deadline);
  if (n > 0) {
    pos_ = 0;
    end_ = static_cast<std::size_t>(n);
    return true;
  }
  if (n == 0) {
    end_reason_ = End::kEof;
    return false;
  }
  switch (transport_->failure()) {
    case Transport::Failure::kTimeout: end_reason_ = End::kTimeout; break;
    case Transport::Failure::kStopped: end_reason_ = End::kStopped; break;
    case Transport::Failure::kReset: end_reason_ = End::kReset; break;
    case Transport::Failure::kEof: end_reason_ = End::kEof; break;
    default: end_reason_ = End::kError; break;
  }
  return false;
}

ssize_t ExchangeStream::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  if (!in_headers_ && !output_.empty()) {
    // "100 Continue" was written before the body is read: it must reach the
    // client now or the client never sends the body.
    if (!transport_->Write(output_.data(), output_.size(), DeadlineAfterMs(options_->write_timeout_ms))) {
      return Fail(End::kError);
    }
    output_.clear();
  }
  if (!in_headers_ && body_left_ == 0) {
    if (body_overflow_is_error_) return Fail(End::kBodyTooLarge);
    return 0;
  }
  if (pos_ == end_ && !Fill()) return end_reason_ == End::kEof ? 0 : -1;

  std::size_t n = std::min(size, end_ - pos_);
  if (in_headers_) {
    // Hand out bytes up to the end of the header block only, so that the
    // body budget starts exactly at the body.
    std::size_t i = 0;
    for (; i < n; ++i) {
      tail_ = (tail_ << 8) | static_cast<unsigned char>(buf_[pos_ + i]);
      if (tail_ == 0x0D0A0D0Au) {
        ++i;
        in_headers_ = false;
        break;
      }
    }
    n = i;
    header_bytes_ += n;
    if (header_bytes_ > options_->max_header_bytes) return Fail(End::kHeaderTooLarge);
  } else {
    n = std::min(n, body_left_);
    body_left_ -= n;
  }
  std::memcpy(ptr, buf_ + pos_, n);
  pos_ += n;
  request_bytes_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ExchangeStream::write(const char* ptr, size_t size) {
  output_.append(ptr, size);
  return static_cast<ssize_t>(size);
}

void ExchangeStream::get_remote_ip_and_port(std::string& ip, int& port) const { SplitAddress(peer_, &ip, &port); }

void ExchangeStream::get_local_ip_and_port(std::string& ip, int& port) const { SplitAddress(local_, &ip, &port); }

}  // namespace cimulate::fake
