// The fake server's credential store. A server can only verify an NTLMv2
// response (and derive the session key that signing and sealing need) if
// it knows the user's NT hash, so "accept anything" is limited to the
// honest forms: known accounts, a wildcard user with one shared secret,
// and anonymous NTLM when explicitly allowed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/ntlm/ntlmv2.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

class AccountTable {
 public:
  static constexpr std::string_view kWildcardUser = "*";

  // `user` may be kWildcardUser: any user name with this password.
  Status AddPassword(std::string_view user, std::string_view password);
  void AddNtHash(std::string_view user, const NtHash& nt_hash);
  void set_allow_anonymous(bool allow) { allow_anonymous_ = allow; }
  bool allow_anonymous() const { return allow_anonymous_; }

  // The NT hash for `user` (case-insensitive, like Windows account names),
  // else the wildcard's, else nothing.
  std::optional<NtHash> Find(std::string_view user) const;

 private:
  struct Account {
    std::string user;
    NtHash nt_hash;
  };
  std::vector<Account> accounts_;
  std::optional<NtHash> wildcard_;
  bool allow_anonymous_ = false;
};

}  // namespace cimulate::ntlm
