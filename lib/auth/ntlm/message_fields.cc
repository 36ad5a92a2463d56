#include "auth/ntlm/message_fields.h"

#include <algorithm>

#include "auth/ntlm/text.h"

namespace cimulate::ntlm::internal {

namespace {
constexpr uint8_t kSignature[8] = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
}  // namespace

Status ReadHeader(ByteReader& in, MessageType expected) {
  ByteView sig = in.Take(sizeof(kSignature));
  uint32_t type = in.U32();
  if (!in.ok()) return Malformed("message shorter than the NTLMSSP header");
  if (!std::equal(sig.begin(), sig.end(), kSignature)) {
    return Malformed("missing NTLMSSP signature");
  }
  if (type != static_cast<uint32_t>(expected)) {
    return Malformed("unexpected NTLMSSP message type " + std::to_string(type));
  }
  return Status::Ok();
}

FieldRef ReadFieldRef(ByteReader& in) {
  FieldRef ref;
  ref.length = in.U16();
  ref.max_length = in.U16();
  ref.offset = in.U32();
  return ref;
}

Result<ByteView> ResolveField(ByteView message, size_t header_end, const FieldRef& ref,
                              std::string_view name) {
  if (ref.length == 0) return ByteView{};
  uint64_t end = uint64_t{ref.offset} + ref.length;
  if (ref.offset < header_end) {
    return Malformed(std::string(name) + " field overlaps the message header");
  }
  if (end > message.size()) {
    return Malformed(std::string(name) + " field runs past the end of the message");
  }
  return message.subspan(ref.offset, ref.length);
}

size_t PayloadStart(ByteView message, std::initializer_list<FieldRef> refs) {
  size_t start = message.size();
  for (const FieldRef& r : refs) {
    if (r.length != 0) start = std::min<size_t>(start, r.offset);
  }
  return start;
}

Result<std::string> DecodeString(ByteView raw, bool unicode, std::string_view name) {
  if (!unicode) return Latin1ToUtf8(raw);
  auto text = Utf16LeToUtf8(raw);
  if (!text.ok()) return Malformed(std::string(name) + ": " + text.status().message());
  return text;
}

Result<Bytes> EncodeString(std::string_view utf8, bool unicode) {
  if (unicode) return Utf8ToUtf16Le(utf8);
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return InvalidArgument("non-ASCII text needs NTLMSSP_NEGOTIATE_UNICODE");
    }
  }
  return Bytes(utf8.begin(), utf8.end());
}

Version ReadVersion(ByteReader& in) {
  Version v;
  v.major = in.U8();
  v.minor = in.U8();
  v.build = in.U16();
  in.Skip(3);  // reserved
  v.ntlm_revision = in.U8();
  return v;
}

void WriteVersion(ByteWriter& out, const Version& v) {
  out.U8(v.major);
  out.U8(v.minor);
  out.U16(v.build);
  out.Zeros(3);
  out.U8(v.ntlm_revision);
}

MessageBuilder::MessageBuilder(MessageType type) {
  out_.Append(kSignature);
  out_.U32(static_cast<uint32_t>(type));
}

size_t MessageBuilder::ReserveField() {
  size_t handle = out_.size();
  out_.Zeros(8);
  return handle;
}

Status MessageBuilder::SetField(size_t handle, ByteView data) {
  if (data.size() > 0xFFFF) return InvalidArgument("payload field longer than 65535 bytes");
  auto len = static_cast<uint16_t>(data.size());
  out_.PatchU16(handle, len);
  out_.PatchU16(handle + 2, len);
  out_.PatchU32(handle + 4, static_cast<uint32_t>(out_.size()));
  out_.Append(data);
  return Status::Ok();
}

}  // namespace cimulate::ntlm::internal

namespace cimulate::ntlm {

Result<MessageType> PeekMessageType(ByteView message) {
  for (auto type : {MessageType::kNegotiate, MessageType::kChallenge, MessageType::kAuthenticate}) {
    ByteReader probe(message);
    if (internal::ReadHeader(probe, type).ok()) return type;
  }
  return Malformed("not an NTLMSSP message of a known type");
}

}  // namespace cimulate::ntlm
