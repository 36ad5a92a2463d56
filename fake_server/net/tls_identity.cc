#include "net/tls_identity.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>

namespace cimulate::fake {

std::string TakeOpenSslErrors() {
  std::string out;
  unsigned long e;
  while ((e = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "unknown OpenSSL error" : out;
}

namespace {

bool AddExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

}  // namespace

std::unique_ptr<TlsIdentity> TlsIdentity::Generate(const std::string& common_name, std::string* error) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (!key) {
    *error = "key generation failed: " + TakeOpenSslErrors();
    return nullptr;
  }
  X509* cert = X509_new();
  bool ok = cert != nullptr;
  if (ok) {
    unsigned char serial[16];
    ok = RAND_bytes(serial, sizeof serial) == 1;
    serial[0] &= 0x7F;  // a positive INTEGER
    BIGNUM* bn = ok ? BN_bin2bn(serial, sizeof serial, nullptr) : nullptr;
    ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != nullptr;
    BN_free(bn);
  }
  ok = ok && X509_set_version(cert, 2) == 1;
  // Valid from an hour ago: a client whose clock is slightly behind still
  // accepts it.
  ok = ok && X509_gmtime_adj(X509_getm_notBefore(cert), -3600) != nullptr;
  ok = ok && X509_gmtime_adj(X509_getm_notAfter(cert), 365L * 24 * 3600) != nullptr;
  ok = ok && X509_set_pubkey(cert, key) == 1;
  if (ok) {
    X509_NAME* name = X509_get_subject_name(cert);
    ok = X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0) == 1 &&
         X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("cimulate"), -1,
                                    -1, 0) == 1 &&
         X509_set_issuer_name(cert, name) == 1;
  }
  if (ok) {
    const std::string san = "DNS:" + common_name + ",DNS:localhost,IP:127.0.0.1,IP:::1";
    ok = AddExtension(cert, NID_subject_alt_name, san.c_str()) &&
         AddExtension(cert, NID_basic_constraints, "critical,CA:FALSE") &&
         AddExtension(cert, NID_ext_key_usage, "serverAuth");
  }
  ok = ok && X509_sign(cert, key, EVP_sha256()) > 0;
  if (!ok) {
    *error = "certificate generation failed: " + TakeOpenSslErrors();
    X509_free(cert);
    EVP_PKEY_free(key);
    return nullptr;
  }
  return std::unique_ptr<TlsIdentity>(new TlsIdentity(cert, key));
}

std::unique_ptr<TlsIdentity> TlsIdentity::LoadPem(const std::string& cert_path, const std::string& key_path,
                                                  std::string* error) {
  FILE* f = std::fopen(cert_path.c_str(), "rb");
  if (!f) {
    *error = "cannot open certificate " + cert_path;
    return nullptr;
  }
  X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (!cert) {
    *error = "cannot read certificate " + cert_path + ": " + TakeOpenSslErrors();
    return nullptr;
  }
  f = std::fopen(key_path.c_str(), "rb");
  if (!f) {
    X509_free(cert);
    *error = "cannot open key " + key_path;
    return nullptr;
  }
  EVP_PKEY* key = PEM_read_PrivateKey(f, nullptr, nullptr, nullptr);
  std::fclose(f);
  if (!key) {
    X509_free(cert);
    *error = "cannot read key " + key_path + ": " + TakeOpenSslErrors();
    return nullptr;
  }
  if (X509_check_private_key(cert, key) != 1) {
    X509_free(cert);
    EVP_PKEY_free(key);
    *error = "key " + key_path + " does not match certificate " + cert_path;
    return nullptr;
  }
  return std::unique_ptr<TlsIdentity>(new TlsIdentity(cert, key));
}

TlsIdentity::~TlsIdentity() {
  X509_free(cert_);
  EVP_PKEY_free(key_);
}

SSL_CTX* TlsIdentity::NewServerContext(std::string* error) const {
  SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
  if (!ctx) {
    *error = TakeOpenSslErrors();
    return nullptr;
  }
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  // Writes are retried with the same buffer but the fault injector may
  // resume from a stack copy; let OpenSSL accept a moved buffer.
  SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (SSL_CTX_use_certificate(ctx, cert_) != 1 || SSL_CTX_use_PrivateKey(ctx, key_) != 1) {
    *error = TakeOpenSslErrors();
    SSL_CTX_free(ctx);
    return nullptr;
  }
  return ctx;
}

std::string TlsIdentity::CertificatePem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert_);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(n));
  BIO_free(bio);
  return pem;
}

}  // namespace cimulate::fake
