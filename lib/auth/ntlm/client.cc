#include "auth/ntlm/client.h"

#include "auth/ntlm/av_pairs.h"

namespace cimulate::ntlm {

namespace {

// Restricts the client's request to what the server granted. Request bits
// that are not capabilities (REQUEST_TARGET) stay as the client sent them,
// as Windows and impacket do.
uint32_t NegotiatedFlags(uint32_t requested, uint32_t granted) {
  return requested & (granted | ~flags::kNegotiable);
}

}  // namespace

Result<Bytes> Client::Negotiate() {
  if (state_ != State::kStart) return WrongState("Negotiate called twice");
  NegotiateMessage m;
  m.flags = config_.flags;
  m.version = config_.version;
  auto out = EncodeNegotiate(m);
  if (out.ok()) state_ = State::kNegotiateSent;
  return out;
}

Result<Client::Responses> Client::ComputeResponses(const ChallengeMessage& challenge) const {
  const ClientCredentials& cred = config_.credentials;
  if (cred.anonymous()) {
    // MS-NLMP 3.1.5.1.2: empty NT response, LM = Z(1); the session base
    // key and hence the key-exchange key are Z(16).
    return Responses{Bytes(1, 0), Bytes(), Key16{}};
  }
  Result<NtHash> nt_hash = cred.nt_hash ? Result<NtHash>(*cred.nt_hash)
                                        : NtHashFromPassword(cred.password);
  if (!nt_hash.ok()) return nt_hash.status();
  auto response_key = NtOwfV2(*nt_hash, cred.user, cred.domain);
  if (!response_key.ok()) return response_key.status();

  auto pairs = AvPairList::Parse(challenge.target_info);
  std::optional<uint64_t> server_time = pairs.ok() ? pairs->FindTimestamp() : std::nullopt;
  uint64_t timestamp = config_.timestamp.value_or(server_time.value_or(FileTimeNow()));
  ClientChallenge client_challenge{};
  if (config_.client_challenge) {
    client_challenge = *config_.client_challenge;
  } else if (Status s = RandomBytes(client_challenge); !s.ok()) {
    return s;
  }

  auto r = ComputeNtlmV2Response(*response_key, challenge.server_challenge, client_challenge,
                                 timestamp, challenge.target_info);
  if (!r.ok()) return r.status();
  Responses out{std::move(r->lm_response), std::move(r->nt_response), r->session_base_key};
  // A server that sends a timestamp expects Z(24) for LM (MS-NLMP 3.1.5.1.2).
  if (server_time) out.lm.assign(24, 0);
  return out;
}

Result<Bytes> Client::BuildAuthenticate(const ChallengeMessage& challenge) {
  auto responses = ComputeResponses(challenge);
  if (!responses.ok()) return responses.status();

  AuthenticateMessage m;
  m.flags = NegotiatedFlags(config_.flags, challenge.flags);
  if (config_.credentials.anonymous()) m.flags |= flags::kAnonymous;
  m.lm_response = std::move(responses->lm);
  m.nt_response = std::move(responses->nt);
  m.domain = config_.credentials.domain;
  m.user = config_.credentials.user;
  m.workstation = config_.workstation;
  m.version = config_.version;

  Key16 exported = responses->key_exchange_key;
  if (m.flags & flags::kKeyExchange) {
    if (config_.exported_session_key) {
      exported = *config_.exported_session_key;
    } else if (Status s = RandomBytes(exported); !s.ok()) {
      return s;
    }
    auto encrypted = Rc4Once(responses->key_exchange_key, exported);
    if (!encrypted.ok()) return encrypted.status();
    m.encrypted_session_key.assign(encrypted->begin(), encrypted->end());
  }
  auto out = EncodeAuthenticate(m);
  if (!out.ok()) return out;
  negotiated_flags_ = m.flags;
  exported_session_key_ = exported;
  return out;
}

Result<Bytes> Client::Authenticate(ByteView challenge_message) {
  if (state_ != State::kNegotiateSent) return WrongState("Authenticate needs Negotiate first");
  state_ = State::kFailed;
  auto challenge = ParseChallenge(challenge_message);
  if (!challenge.ok()) return challenge.status();
  auto out = BuildAuthenticate(*challenge);
  if (out.ok()) state_ = State::kDone;
  return out;
}

Result<SessionSecurity> Client::MakeSessionSecurity() const {
  if (state_ != State::kDone) return WrongState("not authenticated");
  return SessionSecurity::Create(Role::kClient, negotiated_flags_, exported_session_key_);
}

}  // namespace cimulate::ntlm
