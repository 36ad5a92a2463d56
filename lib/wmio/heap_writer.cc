#include "wmio/heap_writer.h"

#include "wmio/encoded_string.h"
#include "wmio/reader.h"
#include "wmio/wire_format.h"

namespace cimulate::wmio {

uint32_t HeapWriter::Append(std::span<const uint8_t> data) {
  uint32_t at = size();
  bytes_.insert(bytes_.end(), data.begin(), data.end());
  return at;
}

Status HeapWriter::AppendString(std::string_view utf8, uint32_t* ref) {
  *ref = size();
  return AppendEncodedString(utf8, &bytes_);
}

Status HeapWriter::Emit(std::vector<uint8_t>* out) const {
  if (bytes_.size() >= kHeapBit) return Status(ErrorCode::kLimitExceeded, "heap above 2 GiB");
  PutU32(out, size() | kHeapBit);
  out->insert(out->end(), bytes_.begin(), bytes_.end());
  return Status::Ok();
}

}  // namespace cimulate::wmio
