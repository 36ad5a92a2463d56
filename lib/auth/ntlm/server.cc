#include "auth/ntlm/server.h"

#include <algorithm>

#include "auth/ntlm/av_pairs.h"
#include "auth/ntlm/ntlmv2.h"

namespace cimulate::ntlm {

namespace {

constexpr size_t kNtProofSize = 16;
// NTLMv2_CLIENT_CHALLENGE up to its AV pairs: versions, reserved,
// timestamp, client challenge, reserved.
constexpr size_t kBlobHeaderSize = 28;

bool IsAnonymousResponse(const AuthenticateMessage& m) {
  bool lm_empty = m.lm_response.empty() || m.lm_response == Bytes(1, 0);
  return m.user.empty() && m.nt_response.empty() && lm_empty;
}

bool ClientSaysMicPresent(const AuthenticateMessage& m) {
  if (m.nt_response.size() < kNtProofSize + kBlobHeaderSize) return false;
  auto pairs = AvPairList::Parse(ByteView(m.nt_response).subspan(kNtProofSize + kBlobHeaderSize));
  if (!pairs.ok()) return false;
  auto av_flags = pairs->FindFlags();
  return av_flags && (*av_flags & kAvFlagMicPresent);
}

}  // namespace

uint32_t Server::GrantFlags(uint32_t requested) const {
  uint32_t granted = requested & config_.supported_flags & flags::kNegotiable;
  if ((requested & flags::kUnicode) && (config_.supported_flags & flags::kUnicode)) {
    granted = (granted | flags::kUnicode) & ~flags::kOem;
  } else {
    granted = (granted | flags::kOem) & ~flags::kUnicode;
  }
  // NTLMv2 needs TargetInfo; ESS supersedes LM_KEY (MS-NLMP 2.2.2.5).
  granted |= flags::kNtlm | flags::kTargetInfo;
  if (granted & flags::kExtendedSessionSecurity) granted &= ~flags::kLmKey;
  if (requested & flags::kRequestTarget) {
    granted |= flags::kRequestTarget | flags::kTargetTypeDomain;
  }
  return granted;
}

Result<Bytes> Server::BuildTargetInfo() const {
  AvPairList pairs;
  Status s = pairs.AddString(AvId::kNbDomainName, config_.nb_domain_name);
  if (s.ok()) s = pairs.AddString(AvId::kNbComputerName, config_.nb_computer_name);
  if (s.ok()) s = pairs.AddString(AvId::kDnsDomainName, config_.dns_domain_name);
  if (s.ok()) s = pairs.AddString(AvId::kDnsComputerName, config_.dns_computer_name);
  if (!s.ok()) return s;
  pairs.AddTimestamp(config_.timestamp.value_or(FileTimeNow()));
  return pairs.Encode();
}

Result<Bytes> Server::Challenge(ByteView negotiate_message) {
  if (state_ != State::kStart) return WrongState("Challenge called twice");
  state_ = State::kFailed;
  auto negotiate = ParseNegotiate(negotiate_message);
  if (!negotiate.ok()) return negotiate.status();

  ChallengeMessage m;
  m.flags = GrantFlags(negotiate->flags);
  m.target_name = config_.nb_domain_name;
  m.version = config_.version;
  if (config_.server_challenge) {
    m.server_challenge = *config_.server_challenge;
  } else if (Status s = RandomBytes(m.server_challenge); !s.ok()) {
    return s;
  }
  auto target_info = BuildTargetInfo();
  if (!target_info.ok()) return target_info.status();
  m.target_info = std::move(target_info).value();
  auto out = EncodeChallenge(m);
  if (!out.ok()) return out;

  negotiate_message_.assign(negotiate_message.begin(), negotiate_message.end());
  challenge_message_ = *out;
  server_challenge_ = m.server_challenge;
  challenge_flags_ = m.flags;
  state_ = State::kChallengeSent;
  return out;
}

// Recomputes the NTProofStr from the stored NT hash; returns the session
// base key (which is the key-exchange key for NTLMv2).
Result<Key16> Server::VerifyResponse(const AuthenticateMessage& m) const {
  if (m.nt_response.empty()) return AccessDenied("empty NT response for a named user");
  if (m.nt_response.size() == 24) return Unsupported("NTLMv1 responses are not accepted");
  if (m.nt_response.size() < kNtProofSize + kBlobHeaderSize) {
    return Malformed("NTLMv2 response shorter than its fixed part");
  }
  std::optional<NtHash> nt_hash = accounts_.Find(m.user);
  if (!nt_hash) return AccessDenied("unknown user '" + m.user + "'");
  auto response_key = NtOwfV2(*nt_hash, m.user, m.domain);
  if (!response_key.ok()) return response_key.status();

  ByteView response(m.nt_response);
  ByteView proof = response.first(kNtProofSize);
  auto expected = ComputeNtProofStr(*response_key, server_challenge_, response.subspan(kNtProofSize));
  if (!expected.ok()) return expected.status();
  if (!ConstantTimeEqual(*expected, proof)) {
    return AccessDenied("NTLMv2 response does not match the password of '" + m.user + "'");
  }
  return HmacMd5(*response_key, {proof});
}

// MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE || CHALLENGE || AUTHENTICATE
// with the MIC field zeroed) (MS-NLMP 3.2.5.1.2).
Status Server::VerifyMic(const AuthenticateMessage& m, ByteView authenticate_message) const {
  if (!ClientSaysMicPresent(m)) return Status::Ok();
  if (!m.mic) return Malformed("MsvAvFlags announces a MIC but the message has no room for one");
  Bytes zeroed(authenticate_message.begin(), authenticate_message.end());
  std::fill_n(zeroed.begin() + static_cast<std::ptrdiff_t>(m.mic_offset), kMicSize, 0);
  auto mic = HmacMd5(exported_session_key_, {negotiate_message_, challenge_message_, zeroed});
  if (!mic.ok()) return mic.status();
  if (!ConstantTimeEqual(*mic, *m.mic)) return AccessDenied("MIC mismatch");
  return Status::Ok();
}

Status Server::Accept(const AuthenticateMessage& m, ByteView authenticate_message) {
  bool anonymous = IsAnonymousResponse(m);
  if (anonymous && !accounts_.allow_anonymous()) return AccessDenied("anonymous logon not allowed");
  Key16 key_exchange_key{};  // anonymous: Z(16)
  if (!anonymous) {
    auto base_key = VerifyResponse(m);
    if (!base_key.ok()) return base_key.status();
    key_exchange_key = *base_key;
  }
  negotiated_flags_ = m.flags & (challenge_flags_ | ~flags::kNegotiable);
  exported_session_key_ = key_exchange_key;
  if (negotiated_flags_ & flags::kKeyExchange) {
    if (m.encrypted_session_key.size() != 16) {
      return Malformed("KEY_EXCH negotiated but EncryptedRandomSessionKey is not 16 bytes");
    }
    Key16 encrypted{};
    std::copy(m.encrypted_session_key.begin(), m.encrypted_session_key.end(), encrypted.begin());
    auto exported = Rc4Once(key_exchange_key, encrypted);
    if (!exported.ok()) return exported.status();
    exported_session_key_ = *exported;
  }
  return VerifyMic(m, authenticate_message);
}

Result<AuthenticatedIdentity> Server::Authenticate(ByteView authenticate_message) {
  if (state_ != State::kChallengeSent) return WrongState("Authenticate needs Challenge first");
  state_ = State::kFailed;
  auto m = ParseAuthenticate(authenticate_message);
  if (!m.ok()) return m.status();
  Status s = Accept(*m, authenticate_message);
  if (!s.ok()) return s;
  state_ = State::kDone;
  return AuthenticatedIdentity{m->domain, m->user, m->workstation, IsAnonymousResponse(*m)};
}

Result<SessionSecurity> Server::MakeSessionSecurity() const {
  if (state_ != State::kDone) return WrongState("not authenticated");
  return SessionSecurity::Create(Role::kServer, negotiated_flags_, exported_session_key_);
}

}  // namespace cimulate::ntlm
