#include "wmi/stub_codec.h"

#include <string>

namespace cimulate::wmi {

using dcerpc::ErrorCode;
using dcerpc::PointerKind;

void WriteInterfacePtr(NdrWriter& out, const InterfacePtr& value) {
  dcom::WriteInterfacePointer(out, PointerKind::kUnique, value ? &*value : nullptr);
}

bool ReadInterfacePtr(NdrReader& in, InterfacePtr* value) {
  return dcom::ReadInterfacePointer(in, PointerKind::kUnique, value);
}

void WriteInOutInterfacePtr(NdrWriter& out, const InOutInterfacePtr& value) {
  out.Pointer(PointerKind::kUnique, value.requested,
              [&](NdrWriter& w) { WriteInterfacePtr(w, value.value); });
}

bool ReadInOutInterfacePtr(NdrReader& in, InOutInterfacePtr* value) {
  *value = {};
  return in.Pointer(PointerKind::kUnique, &value->requested,
                    [&](NdrReader& r) { ReadInterfacePtr(r, &value->value); });
}

bool ReadHResult(NdrReader& in, HResult* value) { return in.U32(value); }

Status FinishRequest(const NdrReader& in, std::string_view call) {
  if (in.ok()) return Status::Ok();
  return Status(in.status().code(), std::string(call) + " request: " + in.status().message());
}

Status FinishResponse(const NdrReader& in, std::string_view call) {
  if (!in.ok()) {
    return Status(in.status().code(), std::string(call) + " response: " + in.status().message());
  }
  if (in.remaining() != 0) {
    return Status(ErrorCode::kMalformed, std::string(call) + " response: " +
                                             std::to_string(in.remaining()) +
                                             " bytes after the HRESULT");
  }
  return Status::Ok();
}

}  // namespace cimulate::wmi
