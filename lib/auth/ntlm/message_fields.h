// Framing shared by the three message codecs: the "NTLMSSP\0" header,
// payload field references (length, max length, offset) and the VERSION
// block. Internal to the codec.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm::internal {

inline constexpr size_t kVersionSize = 8;

// A payload field reference as read from a fixed header.
struct FieldRef {
  uint16_t length = 0;
  uint16_t max_length = 0;
  uint32_t offset = 0;
};

// Reads the signature and checks the message type; leaves `in` after it.
Status ReadHeader(ByteReader& in, MessageType expected);
FieldRef ReadFieldRef(ByteReader& in);

// The bytes a field refers to. `header_end` is where the fixed header of
// this message ends; a non-empty field may not overlap it.
Result<ByteView> ResolveField(ByteView message, size_t header_end, const FieldRef& ref,
                              std::string_view name);

// Smallest offset among non-empty fields, or message.size() if none: the
// fixed part (VERSION, MIC) may extend up to here.
size_t PayloadStart(ByteView message, std::initializer_list<FieldRef> refs);

Result<std::string> DecodeString(ByteView raw, bool unicode, std::string_view name);
Result<Bytes> EncodeString(std::string_view utf8, bool unicode);

Version ReadVersion(ByteReader& in);
void WriteVersion(ByteWriter& out, const Version& v);

// Builds a message: the fixed header is written first with placeholder
// field references, then SetField appends each payload and patches its
// reference.
class MessageBuilder {
 public:
  explicit MessageBuilder(MessageType type);

  ByteWriter& header() { return out_; }
  // Writes a placeholder reference and returns a handle for SetField.
  size_t ReserveField();
  Status SetField(size_t handle, ByteView data);
  Bytes Finish() { return out_.Take(); }

 private:
  ByteWriter out_;
};

}  // namespace cimulate::ntlm::internal
