#include "dcerpc/ndr_writer.h"

namespace cimulate::dcerpc {

void NdrWriter::U16(uint16_t value) {
  Align(2);
  out_.U16(value);
}

void NdrWriter::U32(uint32_t value) {
  Align(4);
  out_.U32(value);
}

void NdrWriter::U64(uint64_t value) {
  Align(8);
  out_.U64(value);
}

void NdrWriter::WriteGuid(const Guid& guid) {
  Align(4);
  guid.Write(out_);
}

uint32_t NdrWriter::NewReferentId() {
  last_referent_id_ += kReferentIdStep;
  return last_referent_id_;
}

// Runs a pointee in a frame of its own, then the pointees it deferred.
void NdrWriter::RunPointee(const Body& pointee) {
  deferred_.emplace_back();
  pointee(*this);
  std::vector<Body> pending = std::move(deferred_.back());
  deferred_.pop_back();
  for (const Body& next : pending) RunPointee(next);
}

void NdrWriter::Defer(Body pointee) {
  if (deferred_.empty()) {
    RunPointee(pointee);
  } else {
    deferred_.back().push_back(std::move(pointee));
  }
}

void NdrWriter::Constructed(const Body& body) {
  if (!deferred_.empty()) {
    // Nested inside another construct: its pointees wait for the outermost one.
    body(*this);
    return;
  }
  RunPointee(body);
}

void NdrWriter::Pointer(PointerKind kind, bool present, const Body& pointee) {
  const bool top_level = deferred_.empty();
  if (kind == PointerKind::kRef && top_level) {
    RunPointee(pointee);
    return;
  }
  if (!present && kind != PointerKind::kRef) {
    U32(0);
    return;
  }
  U32(NewReferentId());
  Defer(pointee);
}

void NdrWriter::FullPointer(const void* identity, const Body& pointee) {
  if (identity == nullptr) {
    U32(0);
    return;
  }
  auto [it, inserted] = full_pointer_ids_.try_emplace(identity, 0);
  if (!inserted) {
    U32(it->second);
    return;
  }
  it->second = NewReferentId();
  U32(it->second);
  Defer(pointee);
}

void NdrWriter::VaryingCounts(uint32_t offset, uint32_t actual_count) {
  U32(offset);
  U32(actual_count);
}

void NdrWriter::WideStringPointee(std::u16string_view text) {
  const uint32_t count = static_cast<uint32_t>(text.size() + 1);
  MaxCount(count);
  VaryingCounts(0, count);
  for (char16_t c : text) out_.U16(static_cast<uint16_t>(c));
  out_.U16(0);
}

void NdrWriter::UniqueWideString(std::optional<std::u16string_view> text) {
  // By value: an embedded pointer's pointee runs after this call returns.
  Pointer(PointerKind::kUnique, text.has_value(),
          [text](NdrWriter& w) { w.WideStringPointee(*text); });
}

void NdrWriter::FlaggedWordBlob(std::u16string_view text) {
  const uint32_t chars = static_cast<uint32_t>(text.size());
  MaxCount(chars);
  U32(chars * 2);  // cBytes
  U32(chars);      // clSize
  for (char16_t c : text) out_.U16(static_cast<uint16_t>(c));
}

void NdrWriter::Bstr(std::optional<std::u16string_view> text) {
  Pointer(PointerKind::kUnique, text.has_value(), [text](NdrWriter& w) { w.FlaggedWordBlob(*text); });
}

}  // namespace cimulate::dcerpc
