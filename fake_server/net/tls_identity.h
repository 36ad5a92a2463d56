// The HTTPS listener's certificate and key, and the SSL_CTX built from them.
//
// A scenario may name PEM files; otherwise a self-signed certificate is made
// at start (EC P-256, fast enough to generate per test, for CN=localhost with
// subjectAltNames localhost, 127.0.0.1 and ::1) so clients that pin or verify
// can be given its PEM.
#ifndef CIMULATE_FAKE_SERVER_NET_TLS_IDENTITY_H_
#define CIMULATE_FAKE_SERVER_NET_TLS_IDENTITY_H_

#include <memory>
#include <string>

#include <openssl/ssl.h>

namespace cimulate::fake {

class TlsIdentity {
 public:
  // Returns null and sets *error on failure.
  static std::unique_ptr<TlsIdentity> Generate(const std::string& common_name, std::string* error);
  static std::unique_ptr<TlsIdentity> LoadPem(const std::string& cert_path, const std::string& key_path,
                                              std::string* error);
  ~TlsIdentity();

  TlsIdentity(const TlsIdentity&) = delete;
  TlsIdentity& operator=(const TlsIdentity&) = delete;

  // A server context (TLS 1.2 and later) using this identity; null on error.
  SSL_CTX* NewServerContext(std::string* error) const;
  std::string CertificatePem() const;

 private:
  TlsIdentity(X509* cert, EVP_PKEY* key) : cert_(cert), key_(key) {}

  X509* cert_;
  EVP_PKEY* key_;
};

// The text of OpenSSL's error queue (and clears it).
std::string TakeOpenSslErrors();

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_TLS_IDENTITY_H_
