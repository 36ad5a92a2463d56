#include "dcom/orpc.h"

#include <string>

namespace cimulate::dcom {

using dcerpc::ErrorCode;

namespace {

uint32_t PaddedExtentSize(uint32_t size) { return (size + 7u) & ~7u; }

// ORPC_EXTENT { GUID id; u32 size; [size_is((size+7)&~7)] byte data[]; },
// a conformant struct, so its max_count comes first.
void WriteExtent(NdrWriter& out, const OrpcExtent& extent) {
  const auto size = static_cast<uint32_t>(extent.data.size());
  out.Constructed([&](NdrWriter& w) {
    w.MaxCount(PaddedExtentSize(size));
    w.WriteGuid(extent.id);
    w.U32(size);
    w.Bytes(extent.data);
    for (uint32_t i = size; i < PaddedExtentSize(size); ++i) w.U8(0);
  });
}

bool ReadExtent(NdrReader& in, OrpcExtent* extent) {
  uint32_t max_count = 0, size = 0;
  std::span<const uint8_t> data;
  in.Constructed([&](NdrReader& r) {
    r.MaxCount(&max_count, 1);
    r.ReadGuid(&extent->id);
    r.U32(&size);
    if (r.ok() && (size > max_count || max_count != PaddedExtentSize(size))) {
      r.Fail(ErrorCode::kMalformed, "ORPC_EXTENT size does not match its array");
      return;
    }
    r.Bytes(max_count, &data);
  });
  if (!in.ok()) return false;
  extent->data.assign(data.begin(), data.begin() + size);
  return true;
}

// [unique] ORPC_EXTENT_ARRAY* { u32 size; u32 reserved;
//   [size_is((size+1)&~1), unique] ORPC_EXTENT** extent; }
// The pointer array is rounded up to even length; the extra slot is NULL.
// A pointee runs after the callback that wrote its pointer has returned (NDR
// defers it to the end of the enclosing construct), so every pointee lambda
// here captures by value.
void WriteExtensions(NdrWriter& out, const std::vector<OrpcExtent>& extensions) {
  const std::vector<OrpcExtent>* list = &extensions;
  out.Pointer(PointerKind::kUnique, !list->empty(), [list](NdrWriter& w) {
    const auto count = static_cast<uint32_t>(list->size());
    const uint32_t slots = (count + 1u) & ~1u;
    w.Constructed([&](NdrWriter& s) {
      s.U32(count);
      s.U32(0);
      s.Pointer(PointerKind::kUnique, true, [list, count, slots](NdrWriter& a) {
        a.Constructed([&](NdrWriter& array) {
          array.MaxCount(slots);
          for (uint32_t i = 0; i < slots; ++i) {
            const bool present = i < count;
            array.Pointer(PointerKind::kUnique, present,
                          [list, i](NdrWriter& e) { WriteExtent(e, (*list)[i]); });
          }
        });
      });
    });
  });
}

bool ReadExtensions(NdrReader& in, std::vector<OrpcExtent>* extensions) {
  extensions->clear();
  bool present = false;
  in.Pointer(PointerKind::kUnique, &present, [extensions](NdrReader& r) {
    uint32_t count = 0, reserved = 0;
    bool array_present = false;
    r.Constructed([&](NdrReader& s) {
      s.U32(&count);
      s.U32(&reserved);
      if (s.ok() && count > kMaxOrpcExtents) {
        s.Fail(ErrorCode::kLimitExceeded, "ORPC_EXTENT_ARRAY has " + std::to_string(count) +
                                              " extents");
        return;
      }
      s.Pointer(PointerKind::kUnique, &array_present, [count, extensions](NdrReader& a) {
        a.Constructed([&](NdrReader& array) {
          uint32_t slots = 0;
          if (!array.MaxCount(&slots, 4)) return;
          if (slots != ((count + 1u) & ~1u)) {
            array.Fail(ErrorCode::kMalformed, "ORPC_EXTENT_ARRAY count and array size differ");
            return;
          }
          // Pointees are deferred to the end of the array, so the vector
          // must not reallocate after the callbacks captured its elements.
          extensions->reserve(count);
          for (uint32_t i = 0; i < slots && array.ok(); ++i) {
            bool slot_present = false;
            array.Pointer(PointerKind::kUnique, &slot_present, [extensions](NdrReader& e) {
              extensions->emplace_back();
              ReadExtent(e, &extensions->back());
            });
            if (slot_present && i >= count) {
              array.Fail(ErrorCode::kMalformed, "ORPC extent beyond the announced count");
            }
          }
        });
      });
    });
  });
  return in.ok();
}

}  // namespace

void WriteOrpcThis(NdrWriter& out, const OrpcThis& value) {
  out.Constructed([&](NdrWriter& w) {
    w.U16(value.version.major);
    w.U16(value.version.minor);
    w.U32(value.flags);
    w.U32(value.reserved1);
    w.WriteGuid(value.cid);
    WriteExtensions(w, value.extensions);
  });
}

bool ReadOrpcThis(NdrReader& in, OrpcThis* value) {
  return in.Constructed([value](NdrReader& r) {
    r.U16(&value->version.major);
    r.U16(&value->version.minor);
    r.U32(&value->flags);
    r.U32(&value->reserved1);
    r.ReadGuid(&value->cid);
    ReadExtensions(r, &value->extensions);
  }) && in.ok();
}

void WriteOrpcThat(NdrWriter& out, const OrpcThat& value) {
  out.Constructed([&](NdrWriter& w) {
    w.U32(value.flags);
    WriteExtensions(w, value.extensions);
  });
}

bool ReadOrpcThat(NdrReader& in, OrpcThat* value) {
  return in.Constructed([value](NdrReader& r) {
    r.U32(&value->flags);
    ReadExtensions(r, &value->extensions);
  }) && in.ok();
}

void WriteInterfacePointerData(NdrWriter& out, const MInterfacePointer& value) {
  const auto size = static_cast<uint32_t>(value.data.size());
  out.Constructed([&](NdrWriter& w) {
    w.MaxCount(size);
    w.U32(size);
    w.Bytes(value.data);
  });
}

bool ReadInterfacePointerData(NdrReader& in, MInterfacePointer* value) {
  uint32_t max_count = 0, size = 0;
  std::span<const uint8_t> data;
  in.Constructed([&](NdrReader& r) {
    r.MaxCount(&max_count, 1);
    r.U32(&size);
    if (r.ok() && size != max_count) {
      r.Fail(ErrorCode::kMalformed, "MInterfacePointer ulCntData differs from its array size");
      return;
    }
    r.Bytes(size, &data);
  });
  if (!in.ok()) return false;
  value->data.assign(data.begin(), data.end());
  return true;
}

void WriteInterfacePointer(NdrWriter& out, PointerKind kind, const MInterfacePointer* value) {
  out.Pointer(kind, value != nullptr,
              [value](NdrWriter& w) { WriteInterfacePointerData(w, *value); });
}

bool ReadInterfacePointer(NdrReader& in, PointerKind kind,
                          std::optional<MInterfacePointer>* value) {
  value->reset();
  bool present = false;
  in.Pointer(kind, &present, [value](NdrReader& r) {
    value->emplace();
    ReadInterfacePointerData(r, &**value);
  });
  return in.ok();
}

}  // namespace cimulate::dcom
