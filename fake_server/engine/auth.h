// Basic authentication against the scenario's accounts, with WinRM's switches
// (Auth/Basic, AllowUnencrypted) and the anonymous mode.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_AUTH_H_
#define CIMULATE_FAKE_SERVER_ENGINE_AUTH_H_

#include <string>

#include "engine/request.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

struct AuthResult {
  bool ok = false;
  bool had_credentials = false;  // an Authorization header (or a transport identity) came along
  std::string user;              // the account name as declared; empty when anonymous
  std::string why;               // for the journal when !ok
};

AuthResult Authenticate(const scenario::AuthConfig& config, const EngineRequest& request);

// The 401 challenge header value(s) WinRM would send for `config`.
std::string AuthChallenge(const scenario::AuthConfig& config);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_AUTH_H_
