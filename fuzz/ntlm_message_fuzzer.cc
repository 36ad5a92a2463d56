// Feeds arbitrary bytes to the three NTLMSSP message parsers and the AV-pair list.
#include <cstddef>
#include <cstdint>

#include "auth/ntlm/av_pairs.h"
#include "auth/ntlm/messages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cimulate::ntlm::ByteView bytes(data, size);
  (void)cimulate::ntlm::ParseNegotiate(bytes);
  (void)cimulate::ntlm::ParseChallenge(bytes);
  (void)cimulate::ntlm::ParseAuthenticate(bytes);
  (void)cimulate::ntlm::AvPairList::Parse(bytes);
  return 0;
}
