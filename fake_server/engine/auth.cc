#include "engine/auth.h"

#include "engine/base64.h"
#include "engine/text.h"

namespace cimulate::fake {
namespace {

// "DOMAIN\user", "user@domain" or "user".
void SplitAccountName(const std::string& name, std::string* user, std::string* domain) {
  if (size_t slash = name.find('\\'); slash != std::string::npos) {
    *domain = name.substr(0, slash);
    *user = name.substr(slash + 1);
  } else if (size_t at = name.rfind('@'); at != std::string::npos) {
    *user = name.substr(0, at);
    *domain = name.substr(at + 1);
  } else {
    *user = name;
    domain->clear();
  }
}

AuthResult Reject(std::string why) {
  AuthResult r;
  r.had_credentials = true;
  r.why = std::move(why);
  return r;
}

AuthResult CheckBasic(const scenario::AuthConfig& config, const EngineRequest& request, std::string_view token) {
  if (!config.basic) return Reject("Basic authentication is disabled (auth.basic: false)");
  // WinRM refuses Basic over plain HTTP unless AllowUnencrypted is set.
  if (!config.allow_unencrypted && request.listener != "winrm_https") {
    return Reject("Basic over unencrypted HTTP refused (auth.allow_unencrypted: false)");
  }
  std::string decoded;
  if (!Base64Decode(Trim(token), &decoded)) return Reject("Basic credentials are not valid base64");
  size_t colon = decoded.find(':');
  if (colon == std::string::npos) return Reject("Basic credentials without ':'");
  std::string user, domain;
  SplitAccountName(decoded.substr(0, colon), &user, &domain);
  std::string password = decoded.substr(colon + 1);
  for (const scenario::Account& a : config.accounts) {
    if (!EqualsIgnoreCase(a.user, user)) continue;
    if (!domain.empty() && !a.domain.empty() && !EqualsIgnoreCase(a.domain, domain)) continue;
    if (!a.password) return Reject("account '" + a.user + "' has only an NT hash; Basic needs a password");
    if (*a.password != password) return Reject("wrong password for '" + a.user + "'");
    AuthResult ok;
    ok.ok = ok.had_credentials = true;
    ok.user = a.user;
    return ok;
  }
  return Reject("no account '" + user + "'");
}

}  // namespace

AuthResult Authenticate(const scenario::AuthConfig& config, const EngineRequest& request) {
  if (request.authenticated_user) {
    AuthResult r;
    r.ok = r.had_credentials = true;
    r.user = *request.authenticated_user;
    return r;
  }
  const std::string* header = request.headers.Find("Authorization");
  if (header == nullptr) {
    AuthResult r;
    r.ok = config.anonymous;
    if (!r.ok) r.why = "no Authorization header";
    return r;
  }
  std::string value = Trim(*header);
  if (StartsWithIgnoreCase(value, "Basic ")) return CheckBasic(config, request, std::string_view(value).substr(6));
  return Reject("unsupported scheme '" + value.substr(0, value.find(' ')) + "'");
}

std::string AuthChallenge(const scenario::AuthConfig& config) {
  return config.basic ? "Basic realm=\"WSMAN\"" : "Negotiate";
}

}  // namespace cimulate::fake
