#include "dcom/objref.h"

#include <charconv>

namespace cimulate::dcom {

using dcerpc::ByteReader;
using dcerpc::ByteWriter;
using dcerpc::ErrorCode;

std::u16string TcpBindingAddress(std::string_view host, uint16_t port) {
  std::string text(host);
  text += "[" + std::to_string(port) + "]";
  return std::u16string(text.begin(), text.end());
}

std::optional<TcpEndpoint> ParseTcpBindingAddress(std::u16string_view address) {
  std::string text;
  for (char16_t c : address) {
    if (c > 0x7e) return std::nullopt;  // host names and IP literals are ASCII
    text.push_back(static_cast<char>(c));
  }
  const size_t open = text.rfind('[');
  if (open == std::string::npos || open == 0 || text.back() != ']') return std::nullopt;
  unsigned port = 0;
  const char* first = text.data() + open + 1;
  const char* last = text.data() + text.size() - 1;
  auto [end, error] = std::from_chars(first, last, port);
  if (error != std::errc() || end != last || first == last || port == 0 || port > 0xffff) {
    return std::nullopt;
  }
  return TcpEndpoint{text.substr(0, open), static_cast<uint16_t>(port)};
}

namespace {

// Both halves of the entries are lists of NUL-terminated records closed by
// one more NUL; an empty list is two NULs.
void AppendText(std::vector<uint16_t>& units, std::u16string_view text) {
  units.insert(units.end(), text.begin(), text.end());
  units.push_back(0);
}

std::vector<uint16_t> DualStringArrayUnits(const DualStringArray& value, uint16_t* security_offset) {
  std::vector<uint16_t> units;
  for (const auto& binding : value.string_bindings) {
    units.push_back(binding.tower_id);
    AppendText(units, binding.network_address);
  }
  if (value.string_bindings.empty()) units.push_back(0);
  units.push_back(0);
  *security_offset = static_cast<uint16_t>(units.size());
  for (const auto& binding : value.security_bindings) {
    units.push_back(binding.authn_service);
    units.push_back(binding.authz_service);
    AppendText(units, binding.principal_name);
  }
  if (value.security_bindings.empty()) units.push_back(0);
  units.push_back(0);
  return units;
}

// Reads one NUL-terminated text starting at units[*at], within [*at, end).
bool TakeText(std::span<const uint16_t> units, size_t* at, size_t end, std::u16string* text) {
  while (*at < end && units[*at] != 0) text->push_back(static_cast<char16_t>(units[(*at)++]));
  if (*at >= end) return false;
  ++*at;  // the terminator
  return true;
}

Status ParseDualStringArrayUnits(std::span<const uint16_t> units, uint16_t security_offset,
                                 DualStringArray* value) {
  *value = {};
  if (security_offset > units.size()) {
    return Status(ErrorCode::kMalformed, "DUALSTRINGARRAY wSecurityOffset beyond wNumEntries");
  }
  size_t at = 0;
  while (at < security_offset && units[at] != 0) {
    StringBinding binding;
    binding.tower_id = units[at++];
    if (!TakeText(units, &at, security_offset, &binding.network_address)) {
      return Status(ErrorCode::kMalformed, "STRINGBINDING not terminated before wSecurityOffset");
    }
    value->string_bindings.push_back(std::move(binding));
  }
  at = security_offset;
  while (at < units.size() && units[at] != 0) {
    SecurityBinding binding;
    binding.authn_service = units[at++];
    if (at >= units.size()) break;
    binding.authz_service = units[at++];
    if (!TakeText(units, &at, units.size(), &binding.principal_name)) {
      return Status(ErrorCode::kMalformed, "SECURITYBINDING not terminated");
    }
    value->security_bindings.push_back(std::move(binding));
  }
  if (at >= units.size()) {
    return Status(ErrorCode::kMalformed, "DUALSTRINGARRAY security bindings not terminated");
  }
  return Status::Ok();
}

}  // namespace

void AppendDualStringArray(ByteWriter& out, const DualStringArray& value) {
  uint16_t security_offset = 0;
  const std::vector<uint16_t> units = DualStringArrayUnits(value, &security_offset);
  out.U16(static_cast<uint16_t>(units.size()));
  out.U16(security_offset);
  for (uint16_t unit : units) out.U16(unit);
}

bool ReadDualStringArray(ByteReader& in, DualStringArray* value) {
  uint16_t count = 0, security_offset = 0;
  if (!in.U16(&count) || !in.U16(&security_offset)) return false;
  std::span<const uint8_t> bytes;
  if (!in.Bytes(size_t{count} * 2, &bytes)) return false;
  std::vector<uint16_t> units(count);
  for (size_t i = 0; i < count; ++i) {
    units[i] = static_cast<uint16_t>(bytes[2 * i] | bytes[2 * i + 1] << 8);
  }
  Status status = ParseDualStringArrayUnits(units, security_offset, value);
  return status.ok() || in.Fail(std::move(status));
}

void WriteDualStringArrayNdr(dcerpc::NdrWriter& out, const DualStringArray& value) {
  uint16_t security_offset = 0;
  const std::vector<uint16_t> units = DualStringArrayUnits(value, &security_offset);
  out.Constructed([&](dcerpc::NdrWriter& w) {
    w.MaxCount(static_cast<uint32_t>(units.size()));
    w.U16(static_cast<uint16_t>(units.size()));
    w.U16(security_offset);
    for (uint16_t unit : units) w.U16(unit);
  });
}

bool ReadDualStringArrayNdr(dcerpc::NdrReader& in, DualStringArray* value) {
  uint32_t max_count = 0;
  uint16_t count = 0, security_offset = 0;
  std::vector<uint16_t> units;
  in.Constructed([&](dcerpc::NdrReader& r) {
    if (!r.MaxCount(&max_count, 2) || !r.U16(&count) || !r.U16(&security_offset)) return;
    if (max_count != count) {
      r.Fail(ErrorCode::kMalformed, "DUALSTRINGARRAY wNumEntries differs from its array size");
      return;
    }
    units.resize(count);
    for (uint16_t& unit : units) r.U16(&unit);
  });
  if (!in.ok()) return false;
  Status status = ParseDualStringArrayUnits(units, security_offset, value);
  return status.ok() || in.Fail(status.code(), status.message());
}

ObjRef StandardObjRef(const Guid& iid, const StdObjRef& std, DualStringArray resolver_address) {
  ObjRef ref;
  ref.flags = kObjRefStandard;
  ref.iid = iid;
  ref.std = std;
  ref.resolver_address = std::move(resolver_address);
  return ref;
}

ObjRef CustomObjRef(const Guid& iid, const Guid& clsid, std::vector<uint8_t> object_data) {
  ObjRef ref;
  ref.flags = kObjRefCustom;
  ref.iid = iid;
  ref.clsid = clsid;
  ref.object_data = std::move(object_data);
  return ref;
}

std::vector<uint8_t> EncodeObjRef(const ObjRef& value) {
  ByteWriter out;
  out.U32(kObjRefSignature);
  out.U32(value.flags);
  value.iid.Write(out);
  if (value.flags == kObjRefCustom) {
    value.clsid.Write(out);
    out.U32(value.extension_size);
    out.U32(value.reserved.value_or(static_cast<uint32_t>(value.object_data.size() + 8)));
    out.Bytes(value.object_data);
  } else {
    out.U32(value.std.flags);
    out.U32(value.std.public_refs);
    out.U64(value.std.oxid);
    out.U64(value.std.oid);
    value.std.ipid.Write(out);
    AppendDualStringArray(out, value.resolver_address);
  }
  return out.Take();
}

Status DecodeObjRef(std::span<const uint8_t> input, ObjRef* value) {
  *value = {};
  ByteReader in(input);
  uint32_t signature = 0;
  in.U32(&signature);
  in.U32(&value->flags);
  Guid::Read(in, &value->iid);
  if (!in.ok()) return in.status();
  if (signature != kObjRefSignature) return Status(ErrorCode::kMalformed, "OBJREF signature is not MEOW");
  if (value->flags == kObjRefCustom) {
    uint32_t reserved = 0;
    Guid::Read(in, &value->clsid);
    in.U32(&value->extension_size);
    in.U32(&reserved);
    if (!in.ok()) return in.status();
    value->reserved = reserved;
    // cbExtension must be 0 (MS-DCOM 2.2.18.6); anything else would shift
    // the object data by an extension layout nobody defines.
    if (value->extension_size != 0) return Status(ErrorCode::kUnsupported, "OBJREF_CUSTOM cbExtension");
    std::span<const uint8_t> data;
    in.Bytes(in.remaining(), &data);
    value->object_data.assign(data.begin(), data.end());
    return Status::Ok();
  }
  if (value->flags != kObjRefStandard) {
    return Status(ErrorCode::kUnsupported, "OBJREF flags " + std::to_string(value->flags));
  }
  in.U32(&value->std.flags);
  in.U32(&value->std.public_refs);
  in.U64(&value->std.oxid);
  in.U64(&value->std.oid);
  Guid::Read(in, &value->std.ipid);
  ReadDualStringArray(in, &value->resolver_address);
  return in.status();
}

}  // namespace cimulate::dcom
