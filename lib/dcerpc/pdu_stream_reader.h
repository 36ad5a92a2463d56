// Cuts a byte stream (a TCP connection) into PDUs using frag_length.
//
// Independent of any socket API: feed whatever recv() returned with
// Append() and pull complete PDUs with Next(). A header that cannot be a
// DCE/RPC CO header (wrong version, frag_length below 16 or above the cap) is
// an error, and the error is sticky: the stream has lost framing and the
// connection should be closed.

#ifndef CIMULATE_DCERPC_PDU_STREAM_READER_H_
#define CIMULATE_DCERPC_PDU_STREAM_READER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "dcerpc/pdu_types.h"
#include "dcerpc/status.h"

namespace cimulate::dcerpc {

class PduStreamReader {
 public:
  explicit PduStreamReader(size_t max_fragment_length = kMaxFragmentLength)
      : max_fragment_length_(max_fragment_length) {}

  void Append(std::span<const uint8_t> bytes);

  // On success, *complete tells whether `pdu` now holds one whole PDU.
  Status Next(std::vector<uint8_t>* pdu, bool* complete);

  // Bytes received but not yet returned as a PDU.
  size_t buffered() const { return buffer_.size() - start_; }
  const Status& status() const { return status_; }

 private:
  void Compact();

  size_t max_fragment_length_;
  std::vector<uint8_t> buffer_;
  size_t start_ = 0;  // consumed prefix of buffer_
  Status status_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_PDU_STREAM_READER_H_
