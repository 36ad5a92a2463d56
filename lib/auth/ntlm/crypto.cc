#include "auth/ntlm/crypto.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <string>

namespace cimulate::ntlm {

namespace {

std::string OpenSslError() {
  unsigned long code = ERR_get_error();
  if (code == 0) return "no OpenSSL error recorded";
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  ERR_clear_error();
  return text;
}

// Algorithms fetched once from a private library context. Never freed:
// they live for the whole process, and freeing at exit would race with
// other threads still signing messages during shutdown.
struct Algorithms {
  Status status;
  OSSL_LIB_CTX* ctx = nullptr;
  EVP_MD* md4 = nullptr;
  EVP_MD* md5 = nullptr;
  EVP_MAC* hmac = nullptr;
  EVP_CIPHER* rc4 = nullptr;
};

Algorithms LoadAlgorithms() {
  Algorithms a;
  a.ctx = OSSL_LIB_CTX_new();
  if (a.ctx == nullptr) {
    a.status = CryptoUnavailable("OSSL_LIB_CTX_new failed: " + OpenSslError());
    return a;
  }
  if (OSSL_PROVIDER_load(a.ctx, "default") == nullptr) {
    a.status = CryptoUnavailable("cannot load OpenSSL default provider: " + OpenSslError());
    return a;
  }
  if (OSSL_PROVIDER_load(a.ctx, "legacy") == nullptr) {
    a.status = CryptoUnavailable(
        "cannot load OpenSSL legacy provider (needed for MD4 and RC4; check OPENSSL_MODULES "
        "points at the directory holding legacy.so): " + OpenSslError());
    return a;
  }
  a.md4 = EVP_MD_fetch(a.ctx, "MD4", nullptr);
  a.md5 = EVP_MD_fetch(a.ctx, "MD5", nullptr);
  a.hmac = EVP_MAC_fetch(a.ctx, "HMAC", nullptr);
  a.rc4 = EVP_CIPHER_fetch(a.ctx, "RC4", nullptr);
  if (!a.md4 || !a.md5 || !a.hmac || !a.rc4) {
    a.status = CryptoUnavailable("cannot fetch MD4/MD5/HMAC/RC4: " + OpenSslError());
  }
  return a;
}

const Algorithms& Algos() {
  static const Algorithms algorithms = LoadAlgorithms();
  return algorithms;
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct MacCtxDeleter {
  void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};

Result<Key16> Digest(const EVP_MD* md, std::initializer_list<ByteView> parts) {
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  bool ok = ctx && EVP_DigestInit_ex2(ctx.get(), md, nullptr) == 1;
  for (ByteView p : parts) ok = ok && EVP_DigestUpdate(ctx.get(), p.data(), p.size()) == 1;
  Key16 out{};
  unsigned int len = 0;
  ok = ok && EVP_DigestFinal_ex(ctx.get(), out.data(), &len) == 1 && len == out.size();
  if (!ok) return CryptoUnavailable("digest failed: " + OpenSslError());
  return out;
}

}  // namespace

Status CryptoAvailable() { return Algos().status; }

Result<Key16> Md4(ByteView data) {
  if (!Algos().status.ok()) return Algos().status;
  return Digest(Algos().md4, {data});
}

Result<Key16> Md5(std::initializer_list<ByteView> parts) {
  if (!Algos().status.ok()) return Algos().status;
  return Digest(Algos().md5, parts);
}

Result<Key16> HmacMd5(ByteView key, std::initializer_list<ByteView> parts) {
  if (!Algos().status.ok()) return Algos().status;
  std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(Algos().hmac));
  char digest_name[] = "MD5";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end(),
  };
  bool ok = ctx && EVP_MAC_init(ctx.get(), key.data(), key.size(), params) == 1;
  for (ByteView p : parts) ok = ok && EVP_MAC_update(ctx.get(), p.data(), p.size()) == 1;
  Key16 out{};
  size_t len = 0;
  ok = ok && EVP_MAC_final(ctx.get(), out.data(), &len, out.size()) == 1 && len == out.size();
  if (!ok) return CryptoUnavailable("HMAC-MD5 failed: " + OpenSslError());
  return out;
}

Status RandomBytes(std::span<uint8_t> out) {
  if (out.empty()) return Status::Ok();
  if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    return CryptoUnavailable("RAND_bytes failed: " + OpenSslError());
  }
  return Status::Ok();
}

struct Rc4::State {
  ~State() { EVP_CIPHER_CTX_free(ctx); }
  EVP_CIPHER_CTX* ctx = nullptr;
};

Rc4::Rc4(std::unique_ptr<State> state) : state_(std::move(state)) {}
Rc4::Rc4(Rc4&&) noexcept = default;
Rc4& Rc4::operator=(Rc4&&) noexcept = default;
Rc4::~Rc4() = default;

Result<Rc4> Rc4::Create(ByteView key) {
  if (!Algos().status.ok()) return Algos().status;
  if (key.empty() || key.size() > 256) return InvalidArgument("RC4 key must be 1..256 bytes");
  auto state = std::make_unique<State>();
  state->ctx = EVP_CIPHER_CTX_new();
  unsigned int key_len = static_cast<unsigned int>(key.size());
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_uint(OSSL_CIPHER_PARAM_KEYLEN, &key_len),
      OSSL_PARAM_construct_end(),
  };
  // The key length must be set before the key itself, so initialise twice.
  bool ok = state->ctx != nullptr &&
            EVP_EncryptInit_ex2(state->ctx, Algos().rc4, nullptr, nullptr, params) == 1 &&
            EVP_EncryptInit_ex2(state->ctx, nullptr, key.data(), nullptr, nullptr) == 1;
  if (!ok) return CryptoUnavailable("RC4 init failed: " + OpenSslError());
  return Rc4(std::move(state));
}

Status Rc4::Apply(std::span<uint8_t> data) {
  if (!state_) return WrongState("RC4 stream was moved from");
  while (!data.empty()) {
    size_t chunk = std::min<size_t>(data.size(), INT_MAX / 2);
    int out_len = 0;
    if (EVP_EncryptUpdate(state_->ctx, data.data(), &out_len, data.data(),
                          static_cast<int>(chunk)) != 1 ||
        out_len != static_cast<int>(chunk)) {
      return CryptoUnavailable("RC4 failed: " + OpenSslError());
    }
    data = data.subspan(chunk);
  }
  return Status::Ok();
}

Result<Key16> Rc4Once(ByteView key, const Key16& data) {
  auto rc4 = Rc4::Create(key);
  if (!rc4.ok()) return rc4.status();
  Key16 out = data;
  Status s = rc4->Apply(out);
  if (!s.ok()) return s;
  return out;
}

}  // namespace cimulate::ntlm
