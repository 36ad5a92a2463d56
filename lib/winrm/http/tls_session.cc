#include "winrm/http/tls_session.h"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include <openssl/err.h>
#include <openssl/x509v3.h>

namespace cimulate::winrm::http {
namespace {

using Code = TransportErrorCode;

// OpenSSL's own socket BIO writes with write(), which raises SIGPIPE when the
// server has gone; a library must not kill (or reconfigure) its host
// process, so this BIO sends with MSG_NOSIGNAL.  The socket is non-blocking:
// EAGAIN becomes a retry, which SSL_get_error reports as WANT_READ/WRITE.
int FdOf(BIO* bio) { return static_cast<int>(reinterpret_cast<std::intptr_t>(BIO_get_data(bio))); }

bool Transient(int err) { return err == EAGAIN || err == EWOULDBLOCK || err == EINTR; }

int BioWrite(BIO* bio, const char* data, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t n = ::send(FdOf(bio), data, static_cast<size_t>(size), MSG_NOSIGNAL);
  if (n < 0 && Transient(errno)) BIO_set_retry_write(bio);
  return static_cast<int>(n);
}

int BioRead(BIO* bio, char* out, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t n = ::recv(FdOf(bio), out, static_cast<size_t>(size), 0);
  if (n < 0 && Transient(errno)) BIO_set_retry_read(bio);
  return static_cast<int>(n);
}

long BioCtrl(BIO*, int cmd, long, void*) { return cmd == BIO_CTRL_FLUSH ? 1 : 0; }

int BioCreate(BIO* bio) {
  BIO_set_init(bio, 1);
  return 1;
}

BIO_METHOD* NoSigpipeSocketMethod() {
  static BIO_METHOD* method = [] {
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "cimulate socket");
    BIO_meth_set_write(m, BioWrite);
    BIO_meth_set_read(m, BioRead);
    BIO_meth_set_ctrl(m, BioCtrl);
    BIO_meth_set_create(m, BioCreate);
    return m;
  }();
  return method;
}

std::string NameText(const X509_NAME* name) {
  if (name == nullptr) return "(none)";
  BIO* mem = BIO_new(BIO_s_mem());
  X509_NAME_print_ex(mem, name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long size = BIO_get_mem_data(mem, &data);
  std::string text(data, static_cast<std::size_t>(size));
  BIO_free(mem);
  return text;
}

std::string IpText(const ASN1_OCTET_STRING* ip) {
  char text[INET6_ADDRSTRLEN] = "?";
  const int family = ip->length == 4 ? AF_INET : ip->length == 16 ? AF_INET6 : -1;
  if (family > 0) ::inet_ntop(family, ip->data, text, sizeof text);
  return text;
}

// "CN=localhost; DNS:localhost, IP:127.0.0.1": the names a host is matched against.
std::string CertificateNames(X509* cert) {
  std::string names = "subject " + NameText(X509_get_subject_name(cert));
  auto* sans = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (sans == nullptr) return names + ", no subjectAltName";
  names += ", subjectAltName ";
  for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans, i);
    if (i > 0) names += ", ";
    if (name->type == GEN_DNS) {
      const ASN1_IA5STRING* dns = name->d.dNSName;
      names += "DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                    static_cast<std::size_t>(ASN1_STRING_length(dns)));
    } else if (name->type == GEN_IPADD) {
      names += "IP:" + IpText(name->d.iPAddress);
    } else {
      names += "(other)";
    }
  }
  GENERAL_NAMES_free(sans);
  return names;
}

TransportStatus CheckCertificate(SSL* ssl, const TlsPeer& peer) {
  X509* cert = SSL_get1_peer_certificate(ssl);
  if (cert == nullptr) return {Code::kTlsFailed, peer.where + ": the server sent no certificate"};
  std::unique_ptr<X509, void (*)(X509*)> owner(cert, X509_free);
  if (peer.check_ca) {
    const long verdict = SSL_get_verify_result(ssl);
    if (verdict != X509_V_OK) {
      return {Code::kCertificateRejected,
              peer.where + ": certificate not trusted (CA check): " + X509_verify_cert_error_string(verdict) +
                  "; subject " + NameText(X509_get_subject_name(cert)) + ", issuer " +
                  NameText(X509_get_issuer_name(cert))};
    }
  }
  if (peer.check_cn) {
    const bool match = IsIpAddress(peer.host) ? X509_check_ip_asc(cert, peer.host.c_str(), 0) == 1
                                              : X509_check_host(cert, peer.host.data(), peer.host.size(), 0, nullptr) == 1;
    if (!match) {
      return {Code::kCertificateRejected, peer.where + ": certificate does not name '" + peer.host +
                                              "' (CN check); it has " + CertificateNames(cert)};
    }
  }
  return TransportStatus::Ok();
}

TransportStatus HandshakeWaitFailed(Readiness r, const TlsPeer& peer) {
  if (r == Readiness::kWoken) return {Code::kCancelled, peer.where + ": cancelled during the TLS handshake"};
  if (r == Readiness::kFailed) return {Code::kTlsFailed, peer.where + ": TLS handshake: " + ErrnoText(errno)};
  if (Clock::now() >= peer.deadline) {
    return {Code::kTimedOut, peer.where + ": the deadline passed during the TLS handshake"};
  }
  return {Code::kConnectFailed, peer.where + ": TLS handshake not done within the connect time-out"};
}

TransportStatus Handshake(SSL* ssl, const TlsPeer& peer, int fd) {
  const Clock::time_point limit = std::min(peer.connect_deadline, peer.deadline);
  for (;;) {
    ERR_clear_error();
    errno = 0;
    const int rc = SSL_connect(ssl);
    if (rc == 1) return TransportStatus::Ok();
    const int saved_errno = errno;
    const int error = SSL_get_error(ssl, rc);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
      const Readiness r = WaitFor(fd, error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, peer.wake_fd, limit);
      if (r != Readiness::kReady) return HandshakeWaitFailed(r, peer);
      continue;
    }
    if (error == SSL_ERROR_SYSCALL && saved_errno == ECONNRESET) {
      return {Code::kConnectionReset, peer.where + ": connection reset by the server during the TLS handshake"};
    }
    if (error == SSL_ERROR_SYSCALL && saved_errno != 0) {
      return {Code::kTlsFailed, peer.where + ": TLS handshake failed: " + ErrnoText(saved_errno)};
    }
    std::string why = OpenSslErrors();
    if (why.empty()) why = "the server closed the connection";
    return {Code::kTlsFailed, peer.where + ": TLS handshake failed: " + why};
  }
}

}  // namespace

std::string OpenSslErrors() {
  std::string text;
  while (const unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!text.empty()) text += "; ";
    text += buf;
  }
  return text;
}

TransportStatus TlsContext::Shared(const std::string& ca_file, bool load_cas, std::shared_ptr<const TlsContext>* out) {
  static std::mutex mu;
  static std::map<std::pair<std::string, bool>, std::weak_ptr<const TlsContext>> cache;
  const auto key = std::make_pair(load_cas ? ca_file : std::string(), load_cas);
  std::lock_guard<std::mutex> lock(mu);
  if (auto live = cache[key].lock()) {
    *out = std::move(live);
    return TransportStatus::Ok();
  }
  std::unique_ptr<TlsContext> made;
  TransportStatus status = Make(ca_file, load_cas, &made);
  if (!status.ok()) return status;
  std::shared_ptr<const TlsContext> shared(std::move(made));
  cache[key] = shared;
  *out = std::move(shared);
  return status;
}

TransportStatus TlsContext::Make(const std::string& ca_file, bool load_cas, std::unique_ptr<TlsContext>* out) {
  ERR_clear_error();
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (ctx == nullptr) return {Code::kTlsFailed, "cannot create a TLS context: " + OpenSslErrors()};
  std::unique_ptr<TlsContext> context(new TlsContext(ctx));
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  // The chain is still verified and its verdict kept for CheckCertificate;
  // the handshake just does not stop on it, so the checks stay separable.
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  const bool loaded = !load_cas || (ca_file.empty() ? SSL_CTX_set_default_verify_paths(ctx) == 1
                                                   : SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr) == 1);
  if (!loaded) {
    const std::string what = ca_file.empty() ? "the default CA store" : "CA file '" + ca_file + "'";
    return {Code::kTlsFailed, "cannot load " + what + ": " + OpenSslErrors()};
  }
  *out = std::move(context);
  return TransportStatus::Ok();
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

TransportStatus TlsConnect(const TlsContext& context, const TlsPeer& peer, int fd, SSL** out) {
  SSL* ssl = SSL_new(context.get());
  BIO* bio = ssl ? BIO_new(NoSigpipeSocketMethod()) : nullptr;
  if (bio == nullptr) {
    if (ssl) SSL_free(ssl);
    return {Code::kTlsFailed, peer.where + ": cannot set up TLS: " + OpenSslErrors()};
  }
  BIO_set_data(bio, reinterpret_cast<void*>(static_cast<std::intptr_t>(fd)));
  SSL_set_bio(ssl, bio, bio);
  if (!IsIpAddress(peer.host)) SSL_set_tlsext_host_name(ssl, peer.host.c_str());
  TransportStatus status = Handshake(ssl, peer, fd);
  if (status.ok()) status = CheckCertificate(ssl, peer);
  if (!status.ok()) {
    FreeTlsSession(ssl, false);
    return status;
  }
  *out = ssl;
  return status;
}

void FreeTlsSession(SSL* ssl, bool notify) {
  if (ssl == nullptr) return;
  if (notify) SSL_shutdown(ssl);  // non-blocking socket: sends or gives up, never waits
  SSL_free(ssl);
  ERR_clear_error();
}

}  // namespace cimulate::winrm::http
