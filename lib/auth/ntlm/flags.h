// NEGOTIATE flags (MS-NLMP 2.2.2.5). Bit names follow the specification.
#pragma once

#include <cstdint>

namespace cimulate::ntlm {

namespace flags {
inline constexpr uint32_t kUnicode = 0x00000001;
inline constexpr uint32_t kOem = 0x00000002;
inline constexpr uint32_t kRequestTarget = 0x00000004;
inline constexpr uint32_t kSign = 0x00000010;
inline constexpr uint32_t kSeal = 0x00000020;
inline constexpr uint32_t kDatagram = 0x00000040;
inline constexpr uint32_t kLmKey = 0x00000080;
inline constexpr uint32_t kNtlm = 0x00000200;
inline constexpr uint32_t kAnonymous = 0x00000800;
inline constexpr uint32_t kOemDomainSupplied = 0x00001000;
inline constexpr uint32_t kOemWorkstationSupplied = 0x00002000;
inline constexpr uint32_t kAlwaysSign = 0x00008000;
inline constexpr uint32_t kTargetTypeDomain = 0x00010000;
inline constexpr uint32_t kTargetTypeServer = 0x00020000;
inline constexpr uint32_t kExtendedSessionSecurity = 0x00080000;
inline constexpr uint32_t kIdentify = 0x00100000;
inline constexpr uint32_t kRequestNonNtSessionKey = 0x00400000;
inline constexpr uint32_t kTargetInfo = 0x00800000;
inline constexpr uint32_t kVersion = 0x02000000;
inline constexpr uint32_t k128 = 0x20000000;
inline constexpr uint32_t kKeyExchange = 0x40000000;
inline constexpr uint32_t k56 = 0x80000000;

// Capabilities both sides must agree on; the AUTHENTICATE flags are the
// client's request restricted to these as granted by the CHALLENGE.
inline constexpr uint32_t kNegotiable = kUnicode | kOem | kSign | kSeal | kDatagram | kLmKey |
                                        kNtlm | kAlwaysSign | kExtendedSessionSecurity |
                                        kIdentify | kRequestNonNtSessionKey | kTargetInfo |
                                        kVersion | k128 | kKeyExchange | k56;

// What our client asks for by default: what impacket and Windows send for
// DCE/RPC at PKT_PRIVACY (NTLMv2, ESS, 128-bit, key exchange).
inline constexpr uint32_t kClientDefault = kUnicode | kRequestTarget | kSign | kSeal | kNtlm |
                                           kAlwaysSign | kExtendedSessionSecurity | kTargetInfo |
                                           k128 | kKeyExchange | k56;
// What our server grants at most: no connectionless (datagram) NTLM and
// none of the NTLMv1-era key options.
inline constexpr uint32_t kServerDefault =
    kNegotiable & ~(kDatagram | kLmKey | kRequestNonNtSessionKey);
}  // namespace flags

}  // namespace cimulate::ntlm
