// NDR 2.0 unmarshalling, the mirror of NdrWriter (see ndr_writer.h for where
// pointees live on the wire).
//
// Strictly bounds-checked and never trusting a count: every array count is
// checked against the bytes that remain before anything is allocated, so a
// hostile stub costs at most its own size. Errors are sticky (see
// ByteReader); after the first one, reads return false, outputs are zeroed
// and pointee callbacks are skipped. Check ok()/status() at the end.

#ifndef CIMULATE_DCERPC_NDR_READER_H_
#define CIMULATE_DCERPC_NDR_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dcerpc/byte_reader.h"
#include "dcerpc/guid.h"
#include "dcerpc/ndr_types.h"

namespace cimulate::dcerpc {

class NdrReader {
 public:
  using Body = std::function<void(NdrReader&)>;

  explicit NdrReader(std::span<const uint8_t> stub, NdrLimits limits = {})
      : in_(stub), limits_(limits) {}

  bool ok() const { return in_.ok(); }
  const Status& status() const { return in_.status(); }
  size_t position() const { return in_.position(); }
  size_t remaining() const { return in_.remaining(); }

  bool U8(uint8_t* value) { return in_.U8(value); }
  bool U16(uint16_t* value);
  bool U32(uint32_t* value);
  bool U64(uint64_t* value);
  bool I32(int32_t* value);
  bool ReadGuid(Guid* guid);
  bool Bytes(size_t n, std::span<const uint8_t>* out) { return in_.Bytes(n, out); }
  bool Align(size_t alignment) { return in_.Align(alignment); }
  bool Fail(ErrorCode code, std::string_view message) { return in_.Fail(code, message); }

  // See NdrWriter::Constructed / Pointer.
  bool Constructed(const Body& body);
  bool Pointer(PointerKind kind, bool* present, const Body& pointee);

  // [ptr] pointer: `pointee` runs only for the first occurrence of a referent
  // ID; later occurrences (aliases, including cycles) set *first_occurrence
  // to false and read nothing more.
  bool FullPointer(uint32_t* referent_id, bool* first_occurrence, const Body& pointee);

  // Reads a max_count and rejects it when `count * element_size` exceeds the
  // remaining input. For a conformant struct the elements come later, after
  // the fixed fields, so the check is an upper bound, which is what matters.
  bool MaxCount(uint32_t* max_count, size_t element_size);
  // offset and actual_count of a varying array; both must fit in max_count.
  bool VaryingCounts(uint32_t max_count, size_t element_size, uint32_t* offset,
                     uint32_t* actual_count);

  // `count` little-endian uint16 values (no alignment), e.g. UTF-16 text.
  bool Utf16Units(uint32_t count, std::u16string* out);

  // [string] wchar_t* pointee; the terminating NUL is checked and removed.
  bool WideStringPointee(std::u16string* text);
  bool UniqueWideString(std::optional<std::u16string>* text);

  // FLAGGED_WORD_BLOB pointee and BSTR (unique pointer to it). clSize must
  // equal max_count and agree with cBytes. impacket counts a terminating NUL
  // in the BSTR while Windows does not; one trailing NUL is removed.
  bool FlaggedWordBlob(std::u16string* text);
  bool Bstr(std::optional<std::u16string>* text);

 private:
  bool RunPointee(const Body& pointee);
  bool Defer(Body pointee);

  ByteReader in_;
  NdrLimits limits_;
  std::vector<std::vector<Body>> deferred_;
  size_t pointee_depth_ = 0;
  std::set<uint32_t> seen_full_referents_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_NDR_READER_H_
