#include "auth/ntlm/session_security.h"

#include <algorithm>

#include "auth/ntlm/flags.h"
#include "auth/ntlm/session_keys.h"

namespace cimulate::ntlm {

namespace {

constexpr uint32_t kSignatureVersion = 1;
constexpr size_t kChecksumSize = 8;

using Checksum = std::array<uint8_t, kChecksumSize>;

Result<Checksum> PlainChecksum(const Key16& signing_key, uint32_t sequence, ByteView to_sign) {
  uint8_t seq[4];
  StoreU32(seq, sequence);
  auto mac = HmacMd5(signing_key, {seq, to_sign});
  if (!mac.ok()) return mac.status();
  Checksum c;
  std::copy_n(mac->begin(), kChecksumSize, c.begin());
  return c;
}

Signature Assemble(const Checksum& checksum, uint32_t sequence) {
  Signature s{};
  StoreU32(s.data(), kSignatureVersion);
  std::copy(checksum.begin(), checksum.end(), s.begin() + 4);
  StoreU32(s.data() + 12, sequence);
  return s;
}

}  // namespace

Result<SessionSecurity> SessionSecurity::Create(Role role, uint32_t negotiated_flags,
                                                const Key16& exported_session_key) {
  auto keys = DeriveSessionKeys(negotiated_flags, exported_session_key);
  if (!keys.ok()) return keys.status();
  auto client_rc4 = Rc4::Create(keys->client_sealing);
  if (!client_rc4.ok()) return client_rc4.status();
  auto server_rc4 = Rc4::Create(keys->server_sealing);
  if (!server_rc4.ok()) return server_rc4.status();

  Direction client_to_server{keys->client_signing, std::move(client_rc4).value()};
  Direction server_to_client{keys->server_signing, std::move(server_rc4).value()};
  bool key_exchange = negotiated_flags & flags::kKeyExchange;
  if (role == Role::kClient) {
    return SessionSecurity(std::move(client_to_server), std::move(server_to_client), key_exchange);
  }
  return SessionSecurity(std::move(server_to_client), std::move(client_to_server), key_exchange);
}

SessionSecurity::SessionSecurity(Direction send, Direction receive, bool key_exchange)
    : send_(std::move(send)), receive_(std::move(receive)), key_exchange_(key_exchange) {}

// The shared core of all four operations. Keystream order is always: RC4
// over `data` (empty when only signing), then RC4 over the checksum. The
// MAC must cover plaintext, so a sender computes it before encrypting
// `data` and a receiver after decrypting it (the spans may overlap).
Result<Signature> SessionSecurity::MakeSignature(Direction& d, ByteView to_sign, bool sending,
                                                 std::span<uint8_t> data) {
  Result<Checksum> checksum = Checksum{};
  if (sending) {
    checksum = PlainChecksum(d.signing_key, d.sequence, to_sign);
    if (!checksum.ok()) return checksum.status();
    Status s = d.sealing.Apply(data);
    if (!s.ok()) return s;
  } else {
    Status s = d.sealing.Apply(data);
    if (!s.ok()) return s;
    checksum = PlainChecksum(d.signing_key, d.sequence, to_sign);
    if (!checksum.ok()) return checksum.status();
  }
  if (key_exchange_) {
    Status s = d.sealing.Apply(*checksum);
    if (!s.ok()) return s;
  }
  Signature sig = Assemble(*checksum, d.sequence);
  ++d.sequence;
  return sig;
}

Result<Signature> SessionSecurity::Sign(ByteView to_sign) {
  return MakeSignature(send_, to_sign, true, {});
}

Result<Signature> SessionSecurity::Seal(std::span<uint8_t> data, ByteView to_sign) {
  return MakeSignature(send_, to_sign, true, data);
}

Status SessionSecurity::Verify(ByteView signed_data, ByteView signature) {
  return CheckSignature(signed_data, signature, {});
}

Status SessionSecurity::Unseal(std::span<uint8_t> data, ByteView to_sign, ByteView signature) {
  return CheckSignature(to_sign, signature, data);
}

Status SessionSecurity::CheckSignature(ByteView to_sign, ByteView signature,
                                       std::span<uint8_t> data) {
  if (receive_.broken) return WrongState("receive direction failed earlier; context unusable");
  receive_.broken = true;  // cleared below only on success
  if (signature.size() != kSignatureSize) return Malformed("signature is not 16 bytes");
  if (LoadU32(signature.data()) != kSignatureVersion) return Malformed("signature version is not 1");
  if (LoadU32(signature.data() + 12) != receive_.sequence) {
    return AccessDenied("signature sequence number out of order");
  }
  auto expected = MakeSignature(receive_, to_sign, false, data);
  if (!expected.ok()) return expected.status();
  if (!ConstantTimeEqual(*expected, signature)) return AccessDenied("signature mismatch");
  receive_.broken = false;
  return Status::Ok();
}

}  // namespace cimulate::ntlm
