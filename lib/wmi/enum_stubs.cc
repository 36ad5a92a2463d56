#include "wmi/enum_stubs.h"

#include <algorithm>
#include <optional>
#include <string>

namespace cimulate::wmi {

using dcerpc::ErrorCode;
using dcerpc::PointerKind;

// Requests with nothing but ORPCTHIS.

std::vector<uint8_t> Encode(const ResetRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, ResetRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  return FinishRequest(in, "Reset");
}

std::vector<uint8_t> Encode(const CloneRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, CloneRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  return FinishRequest(in, "Clone");
}

std::vector<uint8_t> Encode(const HResultResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, HResultResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "IEnumWbemClassObject");
}

// Next

std::vector<uint8_t> Encode(const NextRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  out.I32(value.timeout);
  out.U32(value.count);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, NextRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.I32(&value->timeout);
  in.U32(&value->count);
  return FinishRequest(in, "Next");
}

std::vector<uint8_t> Encode(const NextResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  const auto returned = static_cast<uint32_t>(value.objects.size());
  // apObjects is a top-level [out, size_is, length_is] array: no pointer of
  // its own, its elements are embedded pointers whose pointees follow it.
  out.Constructed([&](NdrWriter& w) {
    w.MaxCount(std::max(value.max_count, returned));
    w.VaryingCounts(0, returned);
    for (const MInterfacePointer& object : value.objects) {
      dcom::WriteInterfacePointer(w, PointerKind::kUnique, &object);
    }
  });
  out.U32(returned);
  out.U32(value.hresult);
  return out.Finish();
}

namespace {

bool ReadNextObjects(NdrReader& in, NextResponse* value) {
  std::vector<std::optional<MInterfacePointer>> objects;
  in.Constructed([&](NdrReader& r) {
    uint32_t offset = 0, actual = 0;
    if (!r.MaxCount(&value->max_count, 4) ||
        !r.VaryingCounts(value->max_count, 4, &offset, &actual)) {
      return;
    }
    if (offset != 0) {
      r.Fail(ErrorCode::kMalformed, "apObjects offset " + std::to_string(offset) + " is not 0");
      return;
    }
    if (actual > kMaxNextObjects) {
      r.Fail(ErrorCode::kLimitExceeded, "apObjects holds " + std::to_string(actual) + " objects");
      return;
    }
    // Sized once, before any pointee is read: the deferred pointees keep
    // pointers into this vector.
    objects.resize(actual);
    for (auto& object : objects) dcom::ReadInterfacePointer(r, PointerKind::kUnique, &object);
  });
  if (!in.ok()) return false;
  for (size_t i = 0; i < objects.size(); ++i) {
    if (!objects[i]) {
      return in.Fail(ErrorCode::kMalformed, "apObjects[" + std::to_string(i) + "] is NULL");
    }
    value->objects.push_back(std::move(*objects[i]));
  }
  return true;
}

}  // namespace

Status Decode(std::span<const uint8_t> stub, NextResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadNextObjects(in, value);
  uint32_t returned = 0;
  if (in.U32(&returned) && returned != value->objects.size()) {
    in.Fail(ErrorCode::kMalformed, "puReturned " + std::to_string(returned) + " but " +
                                       std::to_string(value->objects.size()) +
                                       " objects in apObjects");
  }
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "Next");
}

// NextAsync

std::vector<uint8_t> Encode(const NextAsyncRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  out.U32(value.count);
  WriteInterfacePtr(out, value.sink);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, NextAsyncRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.U32(&value->count);
  ReadInterfacePtr(in, &value->sink);
  return FinishRequest(in, "NextAsync");
}

// Clone

std::vector<uint8_t> Encode(const CloneResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInterfacePtr(out, value.enumerator);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, CloneResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInterfacePtr(in, &value->enumerator);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "Clone");
}

// Skip

std::vector<uint8_t> Encode(const SkipRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  out.I32(value.timeout);
  out.U32(value.count);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, SkipRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.I32(&value->timeout);
  in.U32(&value->count);
  return FinishRequest(in, "Skip");
}

}  // namespace cimulate::wmi
