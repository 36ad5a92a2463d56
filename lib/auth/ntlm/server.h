// The acceptor side of NTLMSSP: a CHALLENGE for the client's NEGOTIATE,
// then verification of the AUTHENTICATE against an AccountTable (real
// NTProofStr check, and the MIC when the client says it sent one). After
// Authenticate succeeds, MakeSessionSecurity() gives the signing/sealing
// context. One Server object per security context.
//
//   Server server(config, accounts);
//   Bytes challenge = *server.Challenge(negotiate_from_client);
//   auto who = server.Authenticate(authenticate_from_client);
//   if (who.status().code() == ErrorCode::kAccessDenied) ... wrong credentials
#pragma once

#include <optional>
#include <string>

#include "auth/ntlm/accounts.h"
#include "auth/ntlm/bytes.h"
#include "auth/ntlm/flags.h"
#include "auth/ntlm/messages.h"
#include "auth/ntlm/session_security.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

struct ServerConfig {
  // Names announced in the CHALLENGE's TargetInfo. MsvAvNbComputerName is
  // always sent: impacket builds its SPN from it and fails without it.
  std::string nb_computer_name = "CIMULATE";
  std::string nb_domain_name = "CIMULATE";
  std::string dns_computer_name = "cimulate.local";
  std::string dns_domain_name = "local";
  // Capabilities the server is willing to grant.
  uint32_t supported_flags = flags::kServerDefault;
  Version version;

  // Deterministic values for tests; random or current-time when unset.
  std::optional<ServerChallenge> server_challenge;
  std::optional<uint64_t> timestamp;
};

struct AuthenticatedIdentity {
  std::string domain;
  std::string user;
  std::string workstation;
  bool anonymous = false;
};

class Server {
 public:
  Server(ServerConfig config, AccountTable accounts)
      : config_(std::move(config)), accounts_(std::move(accounts)) {}

  Result<Bytes> Challenge(ByteView negotiate_message);
  // Errors: kAccessDenied for unknown users, wrong passwords, a bad MIC or
  // disallowed anonymous logon; kUnsupported for NTLMv1 responses;
  // kMalformed for unparseable messages. May be called once.
  Result<AuthenticatedIdentity> Authenticate(ByteView authenticate_message);

  bool authenticated() const { return state_ == State::kDone; }
  uint32_t negotiated_flags() const { return negotiated_flags_; }
  const Key16& exported_session_key() const { return exported_session_key_; }
  Result<SessionSecurity> MakeSessionSecurity() const;

 private:
  enum class State { kStart, kChallengeSent, kDone, kFailed };

  uint32_t GrantFlags(uint32_t requested) const;
  Result<Bytes> BuildTargetInfo() const;
  Result<Key16> VerifyResponse(const AuthenticateMessage& m) const;
  Status VerifyMic(const AuthenticateMessage& m, ByteView authenticate_message) const;
  Status Accept(const AuthenticateMessage& m, ByteView authenticate_message);

  ServerConfig config_;
  AccountTable accounts_;
  State state_ = State::kStart;
  Bytes negotiate_message_;
  Bytes challenge_message_;
  ServerChallenge server_challenge_{};
  uint32_t challenge_flags_ = 0;
  uint32_t negotiated_flags_ = 0;
  Key16 exported_session_key_{};
};

}  // namespace cimulate::ntlm
