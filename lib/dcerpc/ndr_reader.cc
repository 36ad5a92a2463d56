#include "dcerpc/ndr_reader.h"

#include <string>

namespace cimulate::dcerpc {

bool NdrReader::U16(uint16_t* value) {
  *value = 0;
  return in_.Align(2) && in_.U16(value);
}

bool NdrReader::U32(uint32_t* value) {
  *value = 0;
  return in_.Align(4) && in_.U32(value);
}

bool NdrReader::U64(uint64_t* value) {
  *value = 0;
  return in_.Align(8) && in_.U64(value);
}

bool NdrReader::I32(int32_t* value) {
  uint32_t raw = 0;
  bool ok = U32(&raw);
  *value = static_cast<int32_t>(raw);
  return ok;
}

bool NdrReader::ReadGuid(Guid* guid) {
  *guid = Guid{};
  return in_.Align(4) && Guid::Read(in_, guid);
}

bool NdrReader::RunPointee(const Body& pointee) {
  if (!ok()) return false;
  if (pointee_depth_ >= limits_.max_pointer_depth) {
    return in_.Fail(ErrorCode::kLimitExceeded,
                    "pointees nested deeper than " + std::to_string(limits_.max_pointer_depth));
  }
  // The depth counts pointees whose own deferred pointees are still pending,
  // which is exactly the recursion depth of this function.
  ++pointee_depth_;
  deferred_.emplace_back();
  pointee(*this);
  std::vector<Body> pending = std::move(deferred_.back());
  deferred_.pop_back();
  for (const Body& next : pending) {
    if (!RunPointee(next)) break;
  }
  --pointee_depth_;
  return ok();
}

bool NdrReader::Defer(Body pointee) {
  if (deferred_.empty()) return RunPointee(pointee);
  deferred_.back().push_back(std::move(pointee));
  return ok();
}

bool NdrReader::Constructed(const Body& body) {
  if (!ok()) return false;
  if (!deferred_.empty()) {
    body(*this);
    return ok();
  }
  return RunPointee(body);
}

bool NdrReader::Pointer(PointerKind kind, bool* present, const Body& pointee) {
  *present = false;
  if (!ok()) return false;
  if (kind == PointerKind::kRef && deferred_.empty()) {
    *present = true;
    return RunPointee(pointee);
  }
  uint32_t referent_id = 0;
  if (!U32(&referent_id)) return false;
  if (referent_id == 0) {
    if (kind == PointerKind::kRef) return in_.Fail(ErrorCode::kMalformed, "NULL [ref] pointer");
    return true;
  }
  *present = true;
  return Defer(pointee);
}

bool NdrReader::FullPointer(uint32_t* referent_id, bool* first_occurrence, const Body& pointee) {
  *first_occurrence = false;
  if (!U32(referent_id)) return false;
  if (*referent_id == 0) return true;
  if (!seen_full_referents_.insert(*referent_id).second) return true;
  *first_occurrence = true;
  return Defer(pointee);
}

bool NdrReader::MaxCount(uint32_t* max_count, size_t element_size) {
  if (!U32(max_count)) return false;
  if (element_size != 0 && *max_count > in_.remaining() / element_size) {
    const uint32_t claimed = *max_count;
    *max_count = 0;
    return in_.Fail(ErrorCode::kLimitExceeded,
                    "array count " + std::to_string(claimed) + " exceeds the " +
                        std::to_string(in_.remaining()) + " bytes left");
  }
  return true;
}

bool NdrReader::VaryingCounts(uint32_t max_count, size_t element_size, uint32_t* offset,
                              uint32_t* actual_count) {
  *actual_count = 0;
  if (!U32(offset) || !U32(actual_count)) return false;
  if (uint64_t{*offset} + *actual_count > max_count) {
    *actual_count = 0;
    return in_.Fail(ErrorCode::kMalformed, "varying array exceeds its max_count");
  }
  if (element_size != 0 && *actual_count > in_.remaining() / element_size) {
    *actual_count = 0;
    return in_.Fail(ErrorCode::kLimitExceeded, "varying array count exceeds the bytes left");
  }
  return true;
}

bool NdrReader::Utf16Units(uint32_t count, std::u16string* out) {
  out->clear();
  if (!ok()) return false;
  if (count > in_.remaining() / 2) {
    return in_.Fail(ErrorCode::kTruncated, "UTF-16 text longer than the bytes left");
  }
  out->reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    uint16_t unit = 0;
    in_.U16(&unit);
    out->push_back(static_cast<char16_t>(unit));
  }
  return ok();
}

bool NdrReader::WideStringPointee(std::u16string* text) {
  text->clear();
  uint32_t max_count = 0, offset = 0, actual = 0;
  if (!MaxCount(&max_count, 2) || !VaryingCounts(max_count, 2, &offset, &actual)) return false;
  if (offset != 0) return in_.Fail(ErrorCode::kMalformed, "[string] with a non-zero offset");
  if (actual == 0) return in_.Fail(ErrorCode::kMalformed, "[string] without its terminator");
  if (!Utf16Units(actual, text)) return false;
  if (text->back() != u'\0') {
    text->clear();
    return in_.Fail(ErrorCode::kMalformed, "[string] does not end with NUL");
  }
  text->pop_back();
  return true;
}

bool NdrReader::UniqueWideString(std::optional<std::u16string>* text) {
  // The pointee may be deferred past this call (an embedded pointer), so it
  // writes straight into the caller's `text`, which outlives the struct.
  text->reset();
  bool present = false;
  return Pointer(PointerKind::kUnique, &present, [text](NdrReader& r) {
    std::u16string value;
    if (r.WideStringPointee(&value)) *text = std::move(value);
  });
}

bool NdrReader::FlaggedWordBlob(std::u16string* text) {
  text->clear();
  uint32_t max_count = 0, byte_count = 0, char_count = 0;
  if (!MaxCount(&max_count, 2) || !U32(&byte_count) || !U32(&char_count)) return false;
  if (char_count != max_count) {
    return in_.Fail(ErrorCode::kMalformed, "FLAGGED_WORD_BLOB clSize differs from max_count");
  }
  // cBytes may be odd (a byte-string BSTR) and MS-OAUT marks a NULL BSTR
  // with 0xFFFFFFFF; anything else must agree with clSize.
  const bool null_marker = byte_count == 0xFFFFFFFFu && char_count == 0;
  if (!null_marker && (uint64_t{byte_count} + 1) / 2 != char_count) {
    return in_.Fail(ErrorCode::kMalformed, "FLAGGED_WORD_BLOB cBytes disagrees with clSize");
  }
  if (!Utf16Units(char_count, text)) return false;
  if (!text->empty() && text->back() == u'\0') text->pop_back();
  return true;
}

bool NdrReader::Bstr(std::optional<std::u16string>* text) {
  text->reset();
  bool present = false;
  return Pointer(PointerKind::kUnique, &present, [text](NdrReader& r) {
    std::u16string value;
    if (r.FlaggedWordBlob(&value)) *text = std::move(value);
  });
}

}  // namespace cimulate::dcerpc
