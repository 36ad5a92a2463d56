// NEGOTIATE_MESSAGE (MS-NLMP 2.2.1.1).

#include "auth/ntlm/flags.h"
#include "auth/ntlm/message_fields.h"
#include "auth/ntlm/messages.h"

namespace cimulate::ntlm {

namespace {
constexpr size_t kFixedSize = 32;  // signature, type, flags, two field refs
}  // namespace

using namespace internal;

Result<Bytes> EncodeNegotiate(const NegotiateMessage& m) {
  uint32_t f = m.flags;
  if (!m.domain.empty()) f |= flags::kOemDomainSupplied;
  if (!m.workstation.empty()) f |= flags::kOemWorkstationSupplied;
  // The domain and workstation here are always OEM (MS-NLMP 2.2.1.1).
  auto domain = EncodeString(m.domain, false);
  auto workstation = EncodeString(m.workstation, false);
  if (!domain.ok()) return domain.status();
  if (!workstation.ok()) return workstation.status();

  MessageBuilder b(MessageType::kNegotiate);
  b.header().U32(f);
  size_t domain_ref = b.ReserveField();
  size_t workstation_ref = b.ReserveField();
  if (f & flags::kVersion) WriteVersion(b.header(), m.version.value_or(Version{}));
  Status s = b.SetField(domain_ref, *domain);
  if (s.ok()) s = b.SetField(workstation_ref, *workstation);
  if (!s.ok()) return s;
  return b.Finish();
}

Result<NegotiateMessage> ParseNegotiate(ByteView message) {
  ByteReader in(message);
  Status s = ReadHeader(in, MessageType::kNegotiate);
  if (!s.ok()) return s;
  NegotiateMessage m;
  m.flags = in.U32();
  FieldRef domain_ref = ReadFieldRef(in);
  FieldRef workstation_ref = ReadFieldRef(in);
  if (!in.ok()) return Malformed("NEGOTIATE message shorter than its fixed header");

  size_t header_end = kFixedSize;
  if ((m.flags & flags::kVersion) &&
      PayloadStart(message, {domain_ref, workstation_ref}) >= kFixedSize + kVersionSize) {
    m.version = ReadVersion(in);
    header_end += kVersionSize;
  }
  auto domain = ResolveField(message, header_end, domain_ref, "DomainName");
  if (!domain.ok()) return domain.status();
  auto workstation = ResolveField(message, header_end, workstation_ref, "Workstation");
  if (!workstation.ok()) return workstation.status();
  m.domain = *DecodeString(*domain, false, "DomainName");
  m.workstation = *DecodeString(*workstation, false, "Workstation");
  return m;
}

}  // namespace cimulate::ntlm
