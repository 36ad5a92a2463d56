// NDR 2.0 (C706 ch.14) marshalling for the subset MS-DCOM and MS-WMI need.
//
// Hand-written marshallers call the primitives in field order. Pointers take
// the pointee as a callback because NDR places the pointee somewhere else
// depending on where the pointer sits:
//   * a pointer written outside any constructed type (a top-level parameter)
//     is followed by its pointee at once;
//   * a pointer inside a struct or array (an embedded pointer) only gets its
//     referent ID in place; the pointee is deferred until the outermost
//     constructed type ends.
// Deferred pointees run in order; each one's own embedded pointees follow it
// immediately (depth first), which is what MIDL-generated stubs and impacket
// produce. Every pointee callback has run by the time the outermost
// Constructed()/Pointer() call returns, so callbacks may capture locals.

#ifndef CIMULATE_DCERPC_NDR_WRITER_H_
#define CIMULATE_DCERPC_NDR_WRITER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "dcerpc/byte_writer.h"
#include "dcerpc/guid.h"
#include "dcerpc/ndr_types.h"

namespace cimulate::dcerpc {

class NdrWriter {
 public:
  using Body = std::function<void(NdrWriter&)>;

  // Each primitive is aligned to its own size, relative to the stub start.
  void U8(uint8_t value) { out_.U8(value); }
  void U16(uint16_t value);
  void U32(uint32_t value);
  void U64(uint64_t value);
  void I32(int32_t value) { U32(static_cast<uint32_t>(value)); }
  void WriteGuid(const Guid& guid);  // a struct of 4-byte alignment
  void Bytes(std::span<const uint8_t> bytes) { out_.Bytes(bytes); }
  void Align(size_t alignment) { out_.Align(alignment, fill_); }

  // Filler byte used for alignment padding. Zero by default; Windows leaves
  // garbage and impacket writes 0xbf/0xfa, so readers must never check it.
  void set_alignment_fill(uint8_t fill) { fill_ = fill; }

  // A struct or array that may contain embedded pointers.
  void Constructed(const Body& body);

  // [ref], [unique] or [ptr] pointer. `pointee` is ignored when !present.
  // A top-level [ref] pointer has no wire representation of its own.
  void Pointer(PointerKind kind, bool present, const Body& pointee);

  // [ptr] (full) pointer with aliasing: the same non-null `identity` yields
  // the same referent ID and its pointee is written only the first time.
  void FullPointer(const void* identity, const Body& pointee);

  // Array counts. A conformant struct writes its max_count first (hoisted)
  // and then its fields; the trailing array then has no count of its own.
  void MaxCount(uint32_t max_count) { U32(max_count); }
  void VaryingCounts(uint32_t offset, uint32_t actual_count);

  // [string] wchar_t* pointee: conformant varying array with terminator.
  void WideStringPointee(std::u16string_view text);
  // [unique, string] LPWSTR; nullopt writes a NULL pointer.
  void UniqueWideString(std::optional<std::u16string_view> text);

  // FLAGGED_WORD_BLOB pointee (MS-OAUT 2.2.23.1): a conformant struct
  // {cBytes, clSize, asData[clSize]}; the text is written as given.
  void FlaggedWordBlob(std::u16string_view text);
  // BSTR as DCOM marshals it: a unique pointer to a FLAGGED_WORD_BLOB.
  void Bstr(std::optional<std::u16string_view> text);

  size_t size() const { return out_.size(); }
  const std::vector<uint8_t>& data() const { return out_.buffer(); }
  std::vector<uint8_t> Finish() { return out_.Take(); }

 private:
  uint32_t NewReferentId();
  void RunPointee(const Body& pointee);
  void Defer(Body pointee);

  ByteWriter out_;
  uint8_t fill_ = 0;
  uint32_t last_referent_id_ = kFirstReferentId - kReferentIdStep;
  // One frame per open constructed type or pointee; each holds the pointees
  // of the embedded pointers seen in it so far.
  std::vector<std::vector<Body>> deferred_;
  std::map<const void*, uint32_t> full_pointer_ids_;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_NDR_WRITER_H_
