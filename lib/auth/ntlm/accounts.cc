#include "auth/ntlm/accounts.h"

#include "auth/ntlm/text.h"

namespace cimulate::ntlm {

Status AccountTable::AddPassword(std::string_view user, std::string_view password) {
  auto hash = NtHashFromPassword(password);
  if (!hash.ok()) return hash.status();
  AddNtHash(user, *hash);
  return Status::Ok();
}

void AccountTable::AddNtHash(std::string_view user, const NtHash& nt_hash) {
  if (user == kWildcardUser) {
    wildcard_ = nt_hash;
    return;
  }
  for (Account& a : accounts_) {
    if (EqualsIgnoringCase(a.user, user)) {
      a.nt_hash = nt_hash;
      return;
    }
  }
  accounts_.push_back(Account{std::string(user), nt_hash});
}

std::optional<NtHash> AccountTable::Find(std::string_view user) const {
  for (const Account& a : accounts_) {
    if (EqualsIgnoringCase(a.user, user)) return a.nt_hash;
  }
  return wildcard_;
}

}  // namespace cimulate::ntlm
