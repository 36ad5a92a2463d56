// CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2).

#include <algorithm>

#include "auth/ntlm/av_pairs.h"
#include "auth/ntlm/flags.h"
#include "auth/ntlm/message_fields.h"
#include "auth/ntlm/messages.h"

namespace cimulate::ntlm {

namespace {
// signature, type, target name ref, flags, challenge, reserved, target info ref
constexpr size_t kFixedSize = 48;
}  // namespace

using namespace internal;

Result<Bytes> EncodeChallenge(const ChallengeMessage& m) {
  auto target_name = EncodeString(m.target_name, m.flags & flags::kUnicode);
  if (!target_name.ok()) return target_name.status();

  MessageBuilder b(MessageType::kChallenge);
  size_t name_ref = b.ReserveField();
  b.header().U32(m.flags);
  b.header().Append(m.server_challenge);
  b.header().Zeros(8);  // reserved
  size_t info_ref = b.ReserveField();
  if (m.flags & flags::kVersion) WriteVersion(b.header(), m.version.value_or(Version{}));
  Status s = b.SetField(name_ref, *target_name);
  if (s.ok()) s = b.SetField(info_ref, m.target_info);
  if (!s.ok()) return s;
  return b.Finish();
}

Result<ChallengeMessage> ParseChallenge(ByteView message) {
  ByteReader in(message);
  Status s = ReadHeader(in, MessageType::kChallenge);
  if (!s.ok()) return s;
  ChallengeMessage m;
  FieldRef name_ref = ReadFieldRef(in);
  m.flags = in.U32();
  ByteView challenge = in.Take(m.server_challenge.size());
  in.Skip(8);  // reserved
  FieldRef info_ref = ReadFieldRef(in);
  if (!in.ok()) return Malformed("CHALLENGE message shorter than its fixed header");
  std::copy(challenge.begin(), challenge.end(), m.server_challenge.begin());

  size_t header_end = kFixedSize;
  if ((m.flags & flags::kVersion) &&
      PayloadStart(message, {name_ref, info_ref}) >= kFixedSize + kVersionSize) {
    m.version = ReadVersion(in);
    header_end += kVersionSize;
  }
  auto name = ResolveField(message, header_end, name_ref, "TargetName");
  if (!name.ok()) return name.status();
  auto info = ResolveField(message, header_end, info_ref, "TargetInfo");
  if (!info.ok()) return info.status();
  auto target_name = DecodeString(*name, m.flags & flags::kUnicode, "TargetName");
  if (!target_name.ok()) return target_name.status();
  m.target_name = std::move(target_name).value();
  if (!info->empty()) {
    auto pairs = AvPairList::Parse(*info);  // validate now, keep raw bytes
    if (!pairs.ok()) return pairs.status();
  }
  m.target_info.assign(info->begin(), info->end());
  return m;
}

}  // namespace cimulate::ntlm
