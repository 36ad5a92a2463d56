// AUTHENTICATE_MESSAGE (MS-NLMP 2.2.1.3).

#include <algorithm>

#include "auth/ntlm/flags.h"
#include "auth/ntlm/message_fields.h"
#include "auth/ntlm/messages.h"

namespace cimulate::ntlm {

namespace {
// signature, type, six field refs, flags
constexpr size_t kFixedSize = 64;
constexpr size_t kMicOffset = kFixedSize + internal::kVersionSize;

struct AuthenticateRefs {
  internal::FieldRef lm, nt, domain, user, workstation, session_key;
};

}  // namespace

using namespace internal;

Result<Bytes> EncodeAuthenticate(const AuthenticateMessage& m) {
  bool unicode = m.flags & flags::kUnicode;
  auto domain = EncodeString(m.domain, unicode);
  auto user = EncodeString(m.user, unicode);
  auto workstation = EncodeString(m.workstation, unicode);
  if (!domain.ok()) return domain.status();
  if (!user.ok()) return user.status();
  if (!workstation.ok()) return workstation.status();

  MessageBuilder b(MessageType::kAuthenticate);
  size_t lm_ref = b.ReserveField();
  size_t nt_ref = b.ReserveField();
  size_t domain_ref = b.ReserveField();
  size_t user_ref = b.ReserveField();
  size_t workstation_ref = b.ReserveField();
  size_t key_ref = b.ReserveField();
  b.header().U32(m.flags);
  // A MIC sits at a fixed offset after VERSION, so it forces VERSION out.
  if ((m.flags & flags::kVersion) || m.mic) WriteVersion(b.header(), m.version.value_or(Version{}));
  if (m.mic) b.header().Append(*m.mic);
  // Payload in the order Windows uses (and MS-NLMP 4.2.4.3 shows).
  Status s = b.SetField(domain_ref, *domain);
  if (s.ok()) s = b.SetField(user_ref, *user);
  if (s.ok()) s = b.SetField(workstation_ref, *workstation);
  if (s.ok()) s = b.SetField(lm_ref, m.lm_response);
  if (s.ok()) s = b.SetField(nt_ref, m.nt_response);
  if (s.ok()) s = b.SetField(key_ref, m.encrypted_session_key);
  if (!s.ok()) return s;
  return b.Finish();
}

namespace {

// Reads VERSION and MIC when the payload leaves room for them, and returns
// where the fixed part of the message ends.
size_t ReadOptionalTail(ByteView message, ByteReader& in, size_t payload_start,
                        AuthenticateMessage& m) {
  if (payload_start < kMicOffset) return kFixedSize;
  Version v = ReadVersion(in);
  if (m.flags & flags::kVersion) m.version = v;
  if (payload_start < kMicOffset + kMicSize) return kMicOffset;
  Key16 mic{};
  ByteView raw = message.subspan(kMicOffset, kMicSize);
  std::copy(raw.begin(), raw.end(), mic.begin());
  m.mic = mic;
  m.mic_offset = kMicOffset;
  return kMicOffset + kMicSize;
}

Status ResolveInto(ByteView message, size_t header_end, const FieldRef& ref,
                   std::string_view name, Bytes& out) {
  auto view = ResolveField(message, header_end, ref, name);
  if (!view.ok()) return view.status();
  out.assign(view->begin(), view->end());
  return Status::Ok();
}

Status ResolveString(ByteView message, size_t header_end, const FieldRef& ref,
                     std::string_view name, bool unicode, std::string& out) {
  auto view = ResolveField(message, header_end, ref, name);
  if (!view.ok()) return view.status();
  auto text = DecodeString(*view, unicode, name);
  if (!text.ok()) return text.status();
  out = std::move(text).value();
  return Status::Ok();
}

}  // namespace

Result<AuthenticateMessage> ParseAuthenticate(ByteView message) {
  ByteReader in(message);
  Status s = ReadHeader(in, MessageType::kAuthenticate);
  if (!s.ok()) return s;
  AuthenticateRefs r;
  r.lm = ReadFieldRef(in);
  r.nt = ReadFieldRef(in);
  r.domain = ReadFieldRef(in);
  r.user = ReadFieldRef(in);
  r.workstation = ReadFieldRef(in);
  r.session_key = ReadFieldRef(in);
  AuthenticateMessage m;
  m.flags = in.U32();
  if (!in.ok()) return Malformed("AUTHENTICATE message shorter than its fixed header");

  size_t payload_start =
      PayloadStart(message, {r.lm, r.nt, r.domain, r.user, r.workstation, r.session_key});
  size_t header_end = ReadOptionalTail(message, in, payload_start, m);
  bool unicode = m.flags & flags::kUnicode;
  s = ResolveInto(message, header_end, r.lm, "LmChallengeResponse", m.lm_response);
  if (s.ok()) s = ResolveInto(message, header_end, r.nt, "NtChallengeResponse", m.nt_response);
  if (s.ok()) s = ResolveString(message, header_end, r.domain, "DomainName", unicode, m.domain);
  if (s.ok()) s = ResolveString(message, header_end, r.user, "UserName", unicode, m.user);
  if (s.ok()) {
    s = ResolveString(message, header_end, r.workstation, "Workstation", unicode, m.workstation);
  }
  if (s.ok()) {
    s = ResolveInto(message, header_end, r.session_key, "EncryptedRandomSessionKey",
                    m.encrypted_session_key);
  }
  if (!s.ok()) return s;
  return m;
}

}  // namespace cimulate::ntlm
