// The initiator side of NTLMSSP: NEGOTIATE, then AUTHENTICATE from the
// server's CHALLENGE, with NTLMv2 responses (or anonymous NTLM), extended
// session security and key exchange. After Authenticate succeeds,
// MakeSessionSecurity() gives the signing/sealing context.
//
//   Client client(config);
//   Bytes negotiate = *client.Negotiate();          // send to server
//   Bytes authenticate = *client.Authenticate(challenge_from_server);
//   SessionSecurity sec = *client.MakeSessionSecurity();
#pragma once

#include <optional>
#include <string>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/flags.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/ntlmv2.h"
#include "auth/ntlm/session_security.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

struct ClientCredentials {
  std::string domain;
  std::string user;
  std::string password;
  // Pass-the-hash: used instead of `password` when set.
  std::optional<NtHash> nt_hash;

  // Anonymous NTLM: empty user, no password, no hash.
  bool anonymous() const { return user.empty() && password.empty() && !nt_hash; }
};

struct ClientConfig {
  ClientCredentials credentials;
  std::string workstation;
  uint32_t flags = flags::kClientDefault;
  Version version;  // sent only when `flags` has kVersion

  // Deterministic values for tests; random or current-time when unset.
  std::optional<ClientChallenge> client_challenge;
  std::optional<Key16> exported_session_key;  // used only with KEY_EXCH
  std::optional<uint64_t> timestamp;          // else the CHALLENGE's MsvAvTimestamp, else now
};

class Client {
 public:
  explicit Client(ClientConfig config) : config_(std::move(config)) {}

  Result<Bytes> Negotiate();
  // Requires Negotiate() first; may be called once.
  Result<Bytes> Authenticate(ByteView challenge_message);

  bool authenticated() const { return state_ == State::kDone; }
  // Valid once authenticated.
  uint32_t negotiated_flags() const { return negotiated_flags_; }
  const Key16& exported_session_key() const { return exported_session_key_; }
  Result<SessionSecurity> MakeSessionSecurity() const;

 private:
  enum class State { kStart, kNegotiateSent, kDone, kFailed };

  struct Responses {
    Bytes lm;
    Bytes nt;
    Key16 key_exchange_key{};
  };

  Result<Responses> ComputeResponses(const ChallengeMessage& challenge) const;
  Result<Bytes> BuildAuthenticate(const ChallengeMessage& challenge);

  ClientConfig config_;
  State state_ = State::kStart;
  uint32_t negotiated_flags_ = 0;
  Key16 exported_session_key_{};
};

}  // namespace cimulate::ntlm
