#include "fake_endpoint.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace cimulate::winrm::testing {

FakeEndpoint::FakeEndpoint(fake::ListenerOptions options) : name_(options.name) {
  listener_ = std::make_unique<fake::HttpListener>(
      std::move(options),
      [this](const fake::Request& request, ConnectionContext& connection) {
        Handler handler;
        {
          std::lock_guard<std::mutex> lock(mu_);
          handler = handler_;
        }
        if (handler) return handler(request, connection);
        Reply reply;
        reply.body = "echo:" + request.body;
        return reply;
      },
      &journal_);
  std::string error;
  started_ = listener_->Start(&error);
  EXPECT_TRUE(started_) << error;
}

void FakeEndpoint::SetHandler(Handler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  handler_ = std::move(handler);
}

void FakeEndpoint::SetFault(scenario::TransportFault fault) {
  SetHandler([fault](const fake::Request&, ConnectionContext&) {
    Reply reply;
    reply.body = std::string(200, 'x');
    reply.fault = fault;
    return reply;
  });
}

scenario::TransportFault Fault(scenario::TransportFaultKind kind) {
  scenario::TransportFault fault;
  fault.kind = kind;
  return fault;
}

HttpTransportConfig ConfigFor(const FakeEndpoint& endpoint, const std::string& host) {
  HttpTransportConfig config;
  config.host = host;
  config.port = endpoint.port();
  config.connect_timeout = std::chrono::seconds(5);
  return config;
}

PostRequest Request(std::string body, std::chrono::milliseconds timeout) {
  PostRequest request;
  request.body = std::move(body);
  request.deadline = Clock::now() + timeout;
  return request;
}

long long MillisSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

bool WaitUntil(const std::function<bool()>& condition) {
  const auto until = Clock::now() + std::chrono::seconds(2);
  while (Clock::now() < until) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return condition();
}

OneShotServer::OneShotServer(std::string answer) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  EXPECT_EQ(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), len), 0);
  EXPECT_EQ(::listen(listen_fd_, 4), 0);
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this, answer = std::move(answer)] {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 5000) != 1) return;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      pollfd q{fd, POLLIN, 0};
      if (::poll(&q, 1, 5000) != 1) break;
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      request.append(buf, static_cast<std::size_t>(n));
    }
    // The client may stop reading (size limit) and close: no SIGPIPE.
    for (std::size_t off = 0; off < answer.size();) {
      const ssize_t n = ::send(fd, answer.data() + off, answer.size() - off, MSG_NOSIGNAL);
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
    ::shutdown(fd, SHUT_WR);
    // Wait for the client's close so ours is a FIN, not an RST over unread input.
    pollfd q{fd, POLLIN, 0};
    while (::poll(&q, 1, 2000) == 1 && ::recv(fd, buf, sizeof buf, 0) > 0) {
    }
    ::close(fd);
  });
}

OneShotServer::~OneShotServer() {
  if (thread_.joinable()) thread_.join();
  ::close(listen_fd_);
}

TempFile::TempFile(const std::string& contents) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/cimulate-http-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  EXPECT_GE(fd, 0);
  if (fd >= 0) ::close(fd);
  path_ = pattern;
  std::ofstream(path_, std::ios::binary) << contents;
}

TempFile::~TempFile() { ::unlink(path_.c_str()); }

namespace {

std::string ToPem(int (*write)(BIO*, void*), void* object) {
  BIO* mem = BIO_new(BIO_s_mem());
  write(mem, object);
  char* data = nullptr;
  const long size = BIO_get_mem_data(mem, &data);
  std::string pem(data, static_cast<std::size_t>(size));
  BIO_free(mem);
  return pem;
}

}  // namespace

TestCertificate MakeCertificate(const std::string& common_name) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name.c_str()),
                             -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  const std::string san = "DNS:" + common_name;
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, san.c_str());
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  X509_sign(cert, key, EVP_sha256());
  TestCertificate out;
  out.cert_pem = ToPem([](BIO* b, void* c) { return PEM_write_bio_X509(b, static_cast<X509*>(c)); }, cert);
  out.key_pem = ToPem(
      [](BIO* b, void* k) {
        return PEM_write_bio_PrivateKey(b, static_cast<EVP_PKEY*>(k), nullptr, nullptr, 0, nullptr, nullptr);
      },
      key);
  X509_free(cert);
  EVP_PKEY_free(key);
  return out;
}

}  // namespace cimulate::winrm::testing
