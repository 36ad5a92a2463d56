#include "auth/ntlm/session_keys.h"

#include <string_view>

#include "auth/ntlm/flags.h"

namespace cimulate::ntlm {

namespace {

// The magic constants include their terminating NUL (sizeof, not strlen).
constexpr char kClientSigning[] = "session key to client-to-server signing key magic constant";
constexpr char kServerSigning[] = "session key to server-to-client signing key magic constant";
constexpr char kClientSealing[] = "session key to client-to-server sealing key magic constant";
constexpr char kServerSealing[] = "session key to server-to-client sealing key magic constant";

template <size_t N>
ByteView Magic(const char (&text)[N]) {
  return AsBytes(std::string_view(text, N));
}

// SEALKEY weakens the key to the negotiated strength before hashing.
ByteView SealKeyMaterial(uint32_t negotiated_flags, const Key16& key) {
  ByteView all(key);
  if (negotiated_flags & flags::k128) return all;
  if (negotiated_flags & flags::k56) return all.first(7);
  return all.first(5);
}

}  // namespace

Result<SessionKeys> DeriveSessionKeys(uint32_t negotiated_flags, const Key16& exported_session_key) {
  if (!(negotiated_flags & flags::kExtendedSessionSecurity)) {
    return Unsupported("session security without NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY");
  }
  ByteView seal_material = SealKeyMaterial(negotiated_flags, exported_session_key);
  auto client_signing = Md5({exported_session_key, Magic(kClientSigning)});
  auto server_signing = Md5({exported_session_key, Magic(kServerSigning)});
  auto client_sealing = Md5({seal_material, Magic(kClientSealing)});
  auto server_sealing = Md5({seal_material, Magic(kServerSealing)});
  for (auto* r : {&client_signing, &server_signing, &client_sealing, &server_sealing}) {
    if (!r->ok()) return r->status();
  }
  return SessionKeys{*client_signing, *server_signing, *client_sealing, *server_sealing};
}

}  // namespace cimulate::ntlm
