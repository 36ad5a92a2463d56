// The three NTLMSSP messages (MS-NLMP 2.2.1) and their wire codec.
//
// Parsing is strict and bounds-checked: every payload field must lie
// inside the message and after the fixed header, strings must decode, and
// the signature and message type must match. Any violation yields a
// kMalformed Status; no input can make a parser read out of bounds.
// Strings are UTF-8 in these structs; on the wire they are UTF-16LE when
// kUnicode is set and OEM (treated as Latin-1) otherwise.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/crypto.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

// The VERSION structure (MS-NLMP 2.2.2.10); informational only.
struct Version {
  uint8_t major = 10;
  uint8_t minor = 0;
  uint16_t build = 20348;
  uint8_t ntlm_revision = 15;  // NTLMSSP_REVISION_W2K3

  bool operator==(const Version&) const = default;
};

struct NegotiateMessage {
  uint32_t flags = 0;
  std::string domain;       // sent only with kOemDomainSupplied
  std::string workstation;  // sent only with kOemWorkstationSupplied
  std::optional<Version> version;
};

using ServerChallenge = std::array<uint8_t, 8>;

struct ChallengeMessage {
  uint32_t flags = 0;
  ServerChallenge server_challenge{};
  std::string target_name;
  // AV_PAIR list including MsvAvEOL, kept as raw bytes because the
  // client's NTLMv2 response must hash it byte for byte.
  Bytes target_info;
  std::optional<Version> version;
};

struct AuthenticateMessage {
  uint32_t flags = 0;
  Bytes lm_response;
  Bytes nt_response;
  std::string domain;
  std::string user;
  std::string workstation;
  Bytes encrypted_session_key;
  std::optional<Version> version;
  // On encode: if set, a 16-byte MIC field is written after the version.
  // On parse: set when the payload leaves room for one; whether it is a MIC
  // is decided by MsvAvFlags in the NTLMv2 response.
  std::optional<Key16> mic;
  // Offset of the MIC field in the encoded message (parse only).
  size_t mic_offset = 0;
};

inline constexpr size_t kMicSize = 16;

enum class MessageType : uint32_t { kNegotiate = 1, kChallenge = 2, kAuthenticate = 3 };

// The message type of an NTLMSSP token, after checking its signature.
Result<MessageType> PeekMessageType(ByteView message);

Result<Bytes> EncodeNegotiate(const NegotiateMessage& m);
Result<NegotiateMessage> ParseNegotiate(ByteView message);

Result<Bytes> EncodeChallenge(const ChallengeMessage& m);
Result<ChallengeMessage> ParseChallenge(ByteView message);

Result<Bytes> EncodeAuthenticate(const AuthenticateMessage& m);
Result<AuthenticateMessage> ParseAuthenticate(ByteView message);

}  // namespace cimulate::ntlm
