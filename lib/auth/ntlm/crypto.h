// The hash and cipher primitives NTLM is built from, taken from OpenSSL 3.
//
// MD4 and RC4 live only in OpenSSL's "legacy" provider. We load it (and
// "default", for MD5 and HMAC) into a private OSSL_LIB_CTX so that the
// process-wide default context, which other code in the same process uses
// for TLS, keeps whatever configuration it had. If the legacy provider is
// missing every function here reports kCryptoUnavailable.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

using Key16 = std::array<uint8_t, 16>;

// Ok if every algorithm NTLM needs can be fetched.
Status CryptoAvailable();

Result<Key16> Md4(ByteView data);
// The digest of the concatenation of `parts`.
Result<Key16> Md5(std::initializer_list<ByteView> parts);
Result<Key16> HmacMd5(ByteView key, std::initializer_list<ByteView> parts);

Status RandomBytes(std::span<uint8_t> out);

// An RC4 keystream. Successive Apply calls continue the same stream, which
// is what NTLM's per-direction sealing "handle" is.
class Rc4 {
 public:
  static Result<Rc4> Create(ByteView key);

  Rc4(Rc4&&) noexcept;
  Rc4& operator=(Rc4&&) noexcept;
  ~Rc4();

  // XORs the next data.size() keystream bytes into data.
  Status Apply(std::span<uint8_t> data);

 private:
  struct State;
  explicit Rc4(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// RC4K from MS-NLMP: a fresh stream keyed with `key` applied to 16 bytes.
Result<Key16> Rc4Once(ByteView key, const Key16& data);

}  // namespace cimulate::ntlm
