#include "dcerpc/pdu_stream_reader.h"

#include <string>

#include "dcerpc/pdu.h"

namespace cimulate::dcerpc {

void PduStreamReader::Append(std::span<const uint8_t> bytes) {
  if (!status_.ok()) return;
  Compact();
  buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
}

void PduStreamReader::Compact() {
  // Drop the consumed prefix once it dominates, so memory stays proportional
  // to what is actually pending.
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(start_));
    start_ = 0;
  }
}

Status PduStreamReader::Next(std::vector<uint8_t>* pdu, bool* complete) {
  pdu->clear();
  *complete = false;
  if (!status_.ok()) return status_;
  if (buffered() < kCommonHeaderSize) return Status::Ok();

  std::span<const uint8_t> pending(buffer_.data() + start_, buffered());
  CommonHeader header;
  Status status = DecodeCommonHeader(pending.first(kCommonHeaderSize), &header);
  if (status.ok() && header.frag_length > max_fragment_length_) {
    status = Status(ErrorCode::kLimitExceeded, "frag_length " + std::to_string(header.frag_length) +
                                                   " above the limit of " +
                                                   std::to_string(max_fragment_length_));
  }
  if (!status.ok()) {
    status_ = status;
    return status_;
  }
  if (pending.size() < header.frag_length) return Status::Ok();
  pdu->assign(pending.begin(), pending.begin() + header.frag_length);
  start_ += header.frag_length;
  *complete = true;
  return Status::Ok();
}

}  // namespace cimulate::dcerpc
