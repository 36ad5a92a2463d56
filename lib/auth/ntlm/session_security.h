// Message integrity and confidentiality after authentication (MS-NLMP 3.4,
// extended session security only): the SIGN/SEAL/VERIFY/UNSEAL operations
// on caller-owned byte spans.
//
// One SessionSecurity is made per authenticated security context, on each
// side, from the negotiated flags and the exported session key (Client and
// Server both offer MakeSessionSecurity()). It holds two directions:
//   send    - our signing key, our RC4 sealing handle, our sequence number;
//   receive - the peer's signing key, RC4 handle and expected sequence.
// A client sends with the client-to-server keys; a server with the
// server-to-client keys. RC4 handles and sequence numbers persist across
// messages (connection-oriented NTLM), so every message must pass through
// here exactly once and in wire order. Not thread-safe: serialise calls
// per direction.
//
// The signature is the 16-byte NTLMSSP_MESSAGE_SIGNATURE (ESS form):
//   Version (01 00 00 00) | Checksum (8) | SeqNum (LE32),
// Checksum = HMAC_MD5(SigningKey, SeqNum || to_sign)[0..8], RC4-encrypted
// with the direction's sealing handle when KEY_EXCH was negotiated.
//
// Signed region and sealed region are given separately because DCE/RPC
// (PKT_INTEGRITY / PKT_PRIVACY) signs the whole PDU (header, plaintext stub,
// auth padding and sec_trailer; not the 16 signature bytes) but seals only
// stub + padding. The sealed span may lie inside the signed span:
//   - Seal reads `to_sign` before it encrypts `data`, so the MAC covers the
//     plaintext; after it returns `data` holds ciphertext.
//   - Unseal decrypts `data` before it reads `to_sign`, so the MAC is
//     checked over the plaintext; `data` holds plaintext afterwards.
// RC4 order on the stream is: data first, then the 8 checksum bytes (as
// MS-NLMP 3.4.3 and Windows do).
//
// Failure: if Verify or Unseal fails, that direction's keystream and
// sequence are no longer in step with the peer, so the receive direction
// is marked broken and every later Verify/Unseal fails with kWrongState.
// Callers should drop the connection (DCE/RPC: fault and close).
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/crypto.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

enum class Role { kClient, kServer };

inline constexpr size_t kSignatureSize = 16;
using Signature = std::array<uint8_t, kSignatureSize>;

class SessionSecurity {
 public:
  // Fails with kUnsupported without extended session security, and with
  // kCryptoUnavailable if RC4 cannot be set up.
  static Result<SessionSecurity> Create(Role role, uint32_t negotiated_flags,
                                        const Key16& exported_session_key);

  // MAC only (PKT_INTEGRITY). Advances the send sequence.
  Result<Signature> Sign(ByteView to_sign);
  // Checks a peer's MAC over `signed_data`. Advances the receive sequence
  // on success. Errors: kAccessDenied (bad MAC or sequence), kMalformed
  // (signature not 16 bytes or wrong version), kWrongState (broken).
  Status Verify(ByteView signed_data, ByteView signature);

  // Encrypts `data` in place and returns the signature over `to_sign`
  // (PKT_PRIVACY). Advances the send sequence.
  Result<Signature> Seal(std::span<uint8_t> data, ByteView to_sign);
  // Decrypts `data` in place and checks `signature` over `to_sign`.
  Status Unseal(std::span<uint8_t> data, ByteView to_sign, ByteView signature);

  uint32_t send_sequence() const { return send_.sequence; }
  uint32_t receive_sequence() const { return receive_.sequence; }

 private:
  struct Direction {
    Key16 signing_key{};
    Rc4 sealing;
    uint32_t sequence = 0;
    bool broken = false;
  };

  SessionSecurity(Direction send, Direction receive, bool key_exchange);

  Result<Signature> MakeSignature(Direction& d, ByteView to_sign, bool sending,
                                  std::span<uint8_t> data);
  Status CheckSignature(ByteView to_sign, ByteView signature, std::span<uint8_t> data);

  Direction send_;
  Direction receive_;
  bool key_exchange_;
};

}  // namespace cimulate::ntlm
