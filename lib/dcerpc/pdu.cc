#include "dcerpc/pdu.h"

#include <string>

#include "dcerpc/byte_reader.h"
#include "dcerpc/byte_writer.h"

namespace cimulate::dcerpc {
namespace {

constexpr uint8_t kLittleEndianAscii = 0x10;

Status Malformed(std::string message) { return Status(ErrorCode::kMalformed, std::move(message)); }

// Bytes between the common header and the stub of the stub-carrying PDUs.
size_t StubHeaderSize(const CommonHeader& header) {
  switch (header.type) {
    case PduType::kRequest: return (header.flags & kPfcObjectUuid) ? 24 : 8;
    case PduType::kResponse: return 8;
    case PduType::kFault: return 16;
    default: return 0;
  }
}

void WriteSyntax(ByteWriter& out, const SyntaxId& syntax) {
  syntax.uuid.Write(out);
  out.U16(syntax.version_major);
  out.U16(syntax.version_minor);
}

bool ReadSyntax(ByteReader& in, SyntaxId* syntax) {
  return Guid::Read(in, &syntax->uuid) && in.U16(&syntax->version_major) &&
         in.U16(&syntax->version_minor);
}

void WriteSecTrailer(ByteWriter& out, const SecTrailer& trailer) {
  out.U8(trailer.auth_type);
  out.U8(static_cast<uint8_t>(trailer.auth_level));
  out.U8(trailer.auth_pad_length);
  out.U8(trailer.auth_reserved);
  out.U32(trailer.auth_context_id);
}

bool ReadSecTrailer(ByteReader& in, SecTrailer* trailer) {
  uint8_t level = 0;
  bool ok = in.U8(&trailer->auth_type) && in.U8(&level) && in.U8(&trailer->auth_pad_length) &&
            in.U8(&trailer->auth_reserved) && in.U32(&trailer->auth_context_id);
  trailer->auth_level = static_cast<AuthLevel>(level);
  return ok;
}

// ---- body decoders: `in` spans the PDU up to the sec_trailer, positioned
// after the common header, so alignment is PDU-relative as C706 defines it.

Status DecodeBind(ByteReader& in, BindBody* body) {
  uint8_t count = 0, reserved8 = 0;
  uint16_t reserved16 = 0;
  in.U16(&body->max_xmit_frag);
  in.U16(&body->max_recv_frag);
  in.U32(&body->assoc_group_id);
  in.U8(&count);
  in.U8(&reserved8);
  in.U16(&reserved16);
  for (unsigned i = 0; i < count && in.ok(); ++i) {
    ContextElement element;
    uint8_t transfer_count = 0;
    in.U16(&element.context_id);
    in.U8(&transfer_count);
    in.U8(&reserved8);
    ReadSyntax(in, &element.abstract_syntax);
    for (unsigned t = 0; t < transfer_count && in.ok(); ++t) {
      SyntaxId syntax;
      if (ReadSyntax(in, &syntax)) element.transfer_syntaxes.push_back(syntax);
    }
    if (in.ok()) body->contexts.push_back(std::move(element));
  }
  return in.status();
}

Status DecodeBindAck(ByteReader& in, BindAckBody* body) {
  uint16_t address_length = 0;
  in.U16(&body->max_xmit_frag);
  in.U16(&body->max_recv_frag);
  in.U32(&body->assoc_group_id);
  in.U16(&address_length);
  std::span<const uint8_t> address;
  if (!in.Bytes(address_length, &address)) return in.status();
  body->secondary_address.assign(address.begin(), address.end());
  // The length counts the terminating NUL.
  if (!body->secondary_address.empty() && body->secondary_address.back() == '\0') {
    body->secondary_address.pop_back();
  }
  in.Align(4);
  uint8_t count = 0, reserved8 = 0;
  uint16_t reserved16 = 0;
  in.U8(&count);
  in.U8(&reserved8);
  in.U16(&reserved16);
  for (unsigned i = 0; i < count && in.ok(); ++i) {
    ContextResult result;
    uint16_t code = 0;
    in.U16(&code);
    in.U16(&result.reason);
    result.result = static_cast<ContextResultCode>(code);
    if (ReadSyntax(in, &result.transfer_syntax)) body->results.push_back(result);
  }
  return in.status();
}

Status DecodeBindNak(ByteReader& in, BindNakBody* body) {
  in.U16(&body->reject_reason);
  // The version list is optional in practice (Windows omits it at times).
  if (!in.ok() || in.remaining() == 0) return in.status();
  uint8_t count = 0;
  in.U8(&count);
  for (unsigned i = 0; i < count && in.ok(); ++i) {
    uint8_t major = 0, minor = 0;
    if (in.U8(&major) && in.U8(&minor)) body->versions.emplace_back(major, minor);
  }
  return in.status();
}

std::vector<uint8_t> StubBytes(std::span<const uint8_t> pdu, const PduLayout& layout) {
  size_t pad = layout.trailer ? layout.trailer->auth_pad_length : 0;
  auto first = pdu.begin() + static_cast<std::ptrdiff_t>(layout.stub_offset);
  auto last = pdu.begin() + static_cast<std::ptrdiff_t>(layout.stub_end - pad);
  return std::vector<uint8_t>(first, last);
}

Status DecodeBody(std::span<const uint8_t> pdu, const PduLayout& layout, Pdu* out) {
  ByteReader in(pdu.first(layout.trailer ? layout.trailer_offset : pdu.size()));
  in.Skip(kCommonHeaderSize);
  switch (layout.header.type) {
    case PduType::kBind:
    case PduType::kAlterContext:
      return DecodeBind(in, &out->body.emplace<BindBody>());
    case PduType::kBindAck:
    case PduType::kAlterContextResp:
      return DecodeBindAck(in, &out->body.emplace<BindAckBody>());
    case PduType::kBindNak:
      return DecodeBindNak(in, &out->body.emplace<BindNakBody>());
    case PduType::kRequest: {
      auto& body = out->body.emplace<RequestBody>();
      in.U32(&body.alloc_hint);
      in.U16(&body.context_id);
      in.U16(&body.opnum);
      if (layout.header.flags & kPfcObjectUuid) {
        Guid object;
        if (Guid::Read(in, &object)) body.object = object;
      }
      body.stub = StubBytes(pdu, layout);
      return in.status();
    }
    case PduType::kResponse: {
      auto& body = out->body.emplace<ResponseBody>();
      uint8_t reserved = 0;
      in.U32(&body.alloc_hint);
      in.U16(&body.context_id);
      in.U8(&body.cancel_count);
      in.U8(&reserved);
      body.stub = StubBytes(pdu, layout);
      return in.status();
    }
    case PduType::kFault: {
      auto& body = out->body.emplace<FaultBody>();
      uint32_t reserved = 0;
      in.U32(&body.alloc_hint);
      in.U16(&body.context_id);
      in.U8(&body.cancel_count);
      in.U8(&body.fault_flags);
      in.U32(&body.status);
      in.U32(&reserved);
      body.stub = StubBytes(pdu, layout);
      return in.status();
    }
    case PduType::kAuth3:
    case PduType::kShutdown:
    case PduType::kCoCancel:
    case PduType::kOrphaned:
      out->body.emplace<EmptyBody>();
      return Status::Ok();
  }
  return Status(ErrorCode::kUnsupported,
                "PDU type " + std::to_string(static_cast<int>(layout.header.type)));
}

// ---- body encoders; `out` already holds the 16-byte header placeholder.

Status EncodeBind(ByteWriter& out, const BindBody& body) {
  if (body.contexts.size() > 0xff) return Status(ErrorCode::kLimitExceeded, "over 255 contexts");
  out.U16(body.max_xmit_frag);
  out.U16(body.max_recv_frag);
  out.U32(body.assoc_group_id);
  out.U8(static_cast<uint8_t>(body.contexts.size()));
  out.Fill(3, 0);
  for (const ContextElement& element : body.contexts) {
    if (element.transfer_syntaxes.size() > 0xff) {
      return Status(ErrorCode::kLimitExceeded, "over 255 transfer syntaxes");
    }
    out.U16(element.context_id);
    out.U8(static_cast<uint8_t>(element.transfer_syntaxes.size()));
    out.U8(0);
    WriteSyntax(out, element.abstract_syntax);
    for (const SyntaxId& syntax : element.transfer_syntaxes) WriteSyntax(out, syntax);
  }
  return Status::Ok();
}

Status EncodeBindAck(ByteWriter& out, const BindAckBody& body) {
  if (body.results.size() > 0xff) return Status(ErrorCode::kLimitExceeded, "over 255 results");
  if (body.secondary_address.size() >= 0xffff) {
    return Status(ErrorCode::kLimitExceeded, "secondary address too long");
  }
  out.U16(body.max_xmit_frag);
  out.U16(body.max_recv_frag);
  out.U32(body.assoc_group_id);
  if (body.secondary_address.empty()) {
    out.U16(0);
  } else {
    out.U16(static_cast<uint16_t>(body.secondary_address.size() + 1));
    out.Bytes({reinterpret_cast<const uint8_t*>(body.secondary_address.data()),
               body.secondary_address.size()});
    out.U8(0);
  }
  out.Align(4);
  out.U8(static_cast<uint8_t>(body.results.size()));
  out.Fill(3, 0);
  for (const ContextResult& result : body.results) {
    out.U16(static_cast<uint16_t>(result.result));
    out.U16(result.reason);
    WriteSyntax(out, result.transfer_syntax);
  }
  return Status::Ok();
}

Status EncodeBody(ByteWriter& out, const Pdu& pdu, size_t* stub_offset) {
  const PduType type = pdu.header.type;
  auto mismatch = [&] {
    return Malformed(std::string("body does not match PDU type ") + std::string(PduTypeName(type)));
  };
  switch (type) {
    case PduType::kBind:
    case PduType::kAlterContext:
      if (auto* body = std::get_if<BindBody>(&pdu.body)) return EncodeBind(out, *body);
      return mismatch();
    case PduType::kBindAck:
    case PduType::kAlterContextResp:
      if (auto* body = std::get_if<BindAckBody>(&pdu.body)) return EncodeBindAck(out, *body);
      return mismatch();
    case PduType::kBindNak: {
      auto* body = std::get_if<BindNakBody>(&pdu.body);
      if (body == nullptr) return mismatch();
      if (body->versions.size() > 0xff) return Status(ErrorCode::kLimitExceeded, "versions");
      out.U16(body->reject_reason);
      out.U8(static_cast<uint8_t>(body->versions.size()));
      for (auto [major, minor] : body->versions) {
        out.U8(major);
        out.U8(minor);
      }
      return Status::Ok();
    }
    case PduType::kRequest: {
      auto* body = std::get_if<RequestBody>(&pdu.body);
      if (body == nullptr) return mismatch();
      out.U32(body->alloc_hint);
      out.U16(body->context_id);
      out.U16(body->opnum);
      if (body->object) body->object->Write(out);
      *stub_offset = out.size();
      out.Bytes(body->stub);
      return Status::Ok();
    }
    case PduType::kResponse: {
      auto* body = std::get_if<ResponseBody>(&pdu.body);
      if (body == nullptr) return mismatch();
      out.U32(body->alloc_hint);
      out.U16(body->context_id);
      out.U8(body->cancel_count);
      out.U8(0);
      *stub_offset = out.size();
      out.Bytes(body->stub);
      return Status::Ok();
    }
    case PduType::kFault: {
      auto* body = std::get_if<FaultBody>(&pdu.body);
      if (body == nullptr) return mismatch();
      out.U32(body->alloc_hint);
      out.U16(body->context_id);
      out.U8(body->cancel_count);
      out.U8(body->fault_flags);
      out.U32(body->status);
      out.U32(0);
      *stub_offset = out.size();
      out.Bytes(body->stub);
      return Status::Ok();
    }
    case PduType::kAuth3:
      // MS-RPCE 2.2.2.10: four pad octets precede the sec_trailer.
      out.Fill(4, 0);
      return Status::Ok();
    case PduType::kShutdown:
    case PduType::kCoCancel:
    case PduType::kOrphaned:
      return Status::Ok();
  }
  return Status(ErrorCode::kUnsupported, "PDU type " + std::to_string(static_cast<int>(type)));
}

bool IsKnownType(PduType type) {
  switch (type) {
    case PduType::kRequest: case PduType::kResponse: case PduType::kFault:
    case PduType::kBind: case PduType::kBindAck: case PduType::kBindNak:
    case PduType::kAlterContext: case PduType::kAlterContextResp: case PduType::kAuth3:
    case PduType::kShutdown: case PduType::kCoCancel: case PduType::kOrphaned:
      return true;
  }
  return false;
}

}  // namespace

std::string_view PduTypeName(PduType type) {
  switch (type) {
    case PduType::kRequest: return "request";
    case PduType::kResponse: return "response";
    case PduType::kFault: return "fault";
    case PduType::kBind: return "bind";
    case PduType::kBindAck: return "bind_ack";
    case PduType::kBindNak: return "bind_nak";
    case PduType::kAlterContext: return "alter_context";
    case PduType::kAlterContextResp: return "alter_context_resp";
    case PduType::kAuth3: return "auth3";
    case PduType::kShutdown: return "shutdown";
    case PduType::kCoCancel: return "co_cancel";
    case PduType::kOrphaned: return "orphaned";
  }
  return "unknown";
}

bool CarriesStub(PduType type) {
  return type == PduType::kRequest || type == PduType::kResponse || type == PduType::kFault;
}

Status DecodeCommonHeader(std::span<const uint8_t> bytes, CommonHeader* header) {
  *header = CommonHeader{};
  ByteReader in(bytes);
  uint8_t type = 0;
  std::span<const uint8_t> drep;
  in.U8(&header->version);
  in.U8(&header->version_minor);
  in.U8(&type);
  in.U8(&header->flags);
  in.Bytes(4, &drep);
  in.U16(&header->frag_length);
  in.U16(&header->auth_length);
  in.U32(&header->call_id);
  if (!in.ok()) return in.status();
  header->type = static_cast<PduType>(type);
  for (int i = 0; i < 4; ++i) header->data_representation[i] = drep[i];
  if (header->version != 5 || header->version_minor > 1) {
    return Status(ErrorCode::kUnsupported, "RPC version " + std::to_string(header->version) + "." +
                                               std::to_string(header->version_minor));
  }
  if (drep[0] != kLittleEndianAscii) {
    return Status(ErrorCode::kUnsupported, "data representation other than little-endian ASCII");
  }
  if (header->frag_length < kCommonHeaderSize) {
    return Malformed("frag_length " + std::to_string(header->frag_length) +
                     " is smaller than the common header");
  }
  if (!IsKnownType(header->type)) {
    return Status(ErrorCode::kUnsupported, "PDU type " + std::to_string(type));
  }
  return Status::Ok();
}

Status ParsePduLayout(std::span<const uint8_t> pdu, PduLayout* layout) {
  *layout = PduLayout{};
  Status status = DecodeCommonHeader(pdu, &layout->header);
  if (!status.ok()) return status;
  const CommonHeader& header = layout->header;
  if (pdu.size() < header.frag_length) {
    return Status(ErrorCode::kTruncated, "PDU shorter than its frag_length");
  }
  if (pdu.size() > header.frag_length) return Malformed("bytes after frag_length");

  const size_t frag_length = header.frag_length;
  layout->stub_offset = kCommonHeaderSize + StubHeaderSize(header);
  if (layout->stub_offset > frag_length) {
    return Status(ErrorCode::kTruncated, "PDU ends inside its type-specific header");
  }
  layout->stub_end = frag_length;
  layout->auth_value_offset = frag_length;
  if (header.auth_length == 0) return Status::Ok();

  if (size_t{header.auth_length} + kSecTrailerSize > frag_length - layout->stub_offset) {
    return Malformed("auth_length " + std::to_string(header.auth_length) +
                     " does not fit in the PDU");
  }
  layout->auth_value_offset = frag_length - header.auth_length;
  layout->trailer_offset = layout->auth_value_offset - kSecTrailerSize;
  if (layout->trailer_offset % 4 != 0) return Malformed("sec_trailer is not 4-byte aligned");
  layout->stub_end = layout->trailer_offset;
  ByteReader in(pdu.subspan(layout->trailer_offset, kSecTrailerSize));
  SecTrailer trailer;
  ReadSecTrailer(in, &trailer);
  if (trailer.auth_pad_length > layout->trailer_offset - layout->stub_offset) {
    return Malformed("auth_pad_length is larger than the stub");
  }
  layout->trailer = trailer;
  return Status::Ok();
}

Status DecodePdu(std::span<const uint8_t> pdu, Pdu* out) {
  *out = Pdu{};
  PduLayout layout;
  Status status = ParsePduLayout(pdu, &layout);
  if (!status.ok()) return status;
  out->header = layout.header;
  status = DecodeBody(pdu, layout, out);
  if (!status.ok()) return status;
  if (layout.trailer) {
    AuthVerifier auth;
    auth.trailer = *layout.trailer;
    auth.auth_value.assign(pdu.begin() + static_cast<std::ptrdiff_t>(layout.auth_value_offset),
                           pdu.end());
    out->auth = std::move(auth);
  }
  return Status::Ok();
}

Status EncodePdu(const Pdu& pdu, std::vector<uint8_t>* out) {
  out->clear();
  ByteWriter writer;
  writer.Fill(kCommonHeaderSize, 0);
  size_t stub_offset = 0;
  Status status = EncodeBody(writer, pdu, &stub_offset);
  if (!status.ok()) return status;

  CommonHeader header = pdu.header;
  if (const auto* request = std::get_if<RequestBody>(&pdu.body); request != nullptr) {
    header.flags = request->object ? (header.flags | kPfcObjectUuid)
                                   : (header.flags & ~kPfcObjectUuid);
  }
  if (pdu.auth) {
    if (pdu.auth->auth_value.size() > kMaxFragmentLength) {
      return Status(ErrorCode::kLimitExceeded, "auth_value too long");
    }
    SecTrailer trailer = pdu.auth->trailer;
    const size_t before = writer.size();
    if (CarriesStub(header.type)) {
      writer.Fill((kStubAuthPadAlignment - (before - stub_offset) % kStubAuthPadAlignment) %
                      kStubAuthPadAlignment,
                  0);
    } else {
      writer.Align(kBindAuthPadAlignment);
    }
    trailer.auth_pad_length = static_cast<uint8_t>(writer.size() - before);
    WriteSecTrailer(writer, trailer);
    writer.Bytes(pdu.auth->auth_value);
    header.auth_length = static_cast<uint16_t>(pdu.auth->auth_value.size());
  } else {
    header.auth_length = 0;
  }
  if (writer.size() > kMaxFragmentLength) {
    return Status(ErrorCode::kLimitExceeded,
                  "PDU of " + std::to_string(writer.size()) + " bytes exceeds frag_length");
  }
  header.frag_length = static_cast<uint16_t>(writer.size());

  std::vector<uint8_t>& bytes = writer.mutable_buffer();
  bytes[0] = header.version;
  bytes[1] = header.version_minor;
  bytes[2] = static_cast<uint8_t>(header.type);
  bytes[3] = header.flags;
  for (int i = 0; i < 4; ++i) bytes[4 + i] = header.data_representation[i];
  writer.PatchU16(8, header.frag_length);
  writer.PatchU16(10, header.auth_length);
  writer.PatchU32(12, header.call_id);
  *out = writer.Take();
  return Status::Ok();
}

}  // namespace cimulate::dcerpc
