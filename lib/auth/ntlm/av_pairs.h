// AV_PAIR lists (MS-NLMP 2.2.2.1): the TargetInfo of a CHALLENGE, echoed
// back (possibly extended) inside the client's NTLMv2 response.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/ntlm/bytes.h"
#include "auth/ntlm/status.h"

namespace cimulate::ntlm {

enum class AvId : uint16_t {
  kEol = 0,
  kNbComputerName = 1,
  kNbDomainName = 2,
  kDnsComputerName = 3,
  kDnsDomainName = 4,
  kDnsTreeName = 5,
  kFlags = 6,
  kTimestamp = 7,
  kSingleHost = 8,
  kTargetName = 9,
  kChannelBindings = 10,
};

// MsvAvFlags bit: the AUTHENTICATE message carries a MIC.
inline constexpr uint32_t kAvFlagMicPresent = 0x00000002;

struct AvPair {
  AvId id;
  Bytes value;
};

// An ordered AV_PAIR list without its terminating MsvAvEOL.
class AvPairList {
 public:
  // Parses up to and including MsvAvEOL; bytes after the EOL are ignored
  // (NTLMv2 responses carry padding there). A missing EOL is malformed.
  static Result<AvPairList> Parse(ByteView data);

  // Fails if the value is longer than an AV_PAIR length can say (65535).
  Status Add(AvId id, ByteView value);
  // Adds a UTF-16LE string value. Fails on invalid UTF-8.
  Status AddString(AvId id, std::string_view utf8);
  void AddTimestamp(uint64_t filetime);

  const AvPair* Find(AvId id) const;
  // The value of `id` decoded from UTF-16LE, if present and well formed.
  std::optional<std::string> FindString(AvId id) const;
  std::optional<uint64_t> FindTimestamp() const;
  std::optional<uint32_t> FindFlags() const;

  const std::vector<AvPair>& pairs() const { return pairs_; }
  // Encodes the list followed by MsvAvEOL.
  Bytes Encode() const;

 private:
  std::vector<AvPair> pairs_;
};

}  // namespace cimulate::ntlm
