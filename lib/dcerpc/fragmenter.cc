#include "dcerpc/fragmenter.h"

#include <algorithm>
#include <string>

#include "dcerpc/pdu.h"

namespace cimulate::dcerpc {
namespace {

bool Protects(const OutgoingCall& call) {
  return call.auth.has_value() && LevelProtectsMessages(call.auth->level);
}

// Largest stub chunk that fits a fragment, or 0 when max_xmit_frag is too
// small to carry any.
size_t ChunkSize(const OutgoingCall& call, size_t signature_size) {
  size_t overhead = kCommonHeaderSize + 8;
  if (call.type == PduType::kRequest && call.object) overhead += Guid::kWireSize;
  if (Protects(call)) overhead += kSecTrailerSize + signature_size;
  if (call.max_xmit_frag <= overhead) return 0;
  const size_t room = call.max_xmit_frag - overhead;
  return room - room % (Protects(call) ? kStubAuthPadAlignment : 8);
}

Pdu MakeFragment(const OutgoingCall& call, std::span<const uint8_t> chunk, uint32_t alloc_hint,
                 uint8_t flags) {
  Pdu pdu;
  pdu.header.type = call.type;
  pdu.header.flags = flags;
  pdu.header.call_id = call.call_id;
  if (call.type == PduType::kRequest) {
    RequestBody body;
    body.alloc_hint = alloc_hint;
    body.context_id = call.context_id;
    body.opnum = call.opnum;
    body.object = call.object;
    body.stub.assign(chunk.begin(), chunk.end());
    pdu.body = std::move(body);
  } else {
    ResponseBody body;
    body.alloc_hint = alloc_hint;
    body.context_id = call.context_id;
    body.cancel_count = call.cancel_count;
    body.stub.assign(chunk.begin(), chunk.end());
    pdu.body = std::move(body);
  }
  return pdu;
}

Status ProtectFragment(const AuthSettings& auth, SecurityContext* security,
                       std::vector<uint8_t>* fragment) {
  PduLayout layout;
  Status status = ParsePduLayout(*fragment, &layout);
  if (!status.ok()) return status;
  std::span<uint8_t> bytes(*fragment);
  return security->Protect(auth.level, bytes.first(layout.auth_value_offset),
                           bytes.subspan(layout.stub_offset, layout.stub_end - layout.stub_offset),
                           bytes.subspan(layout.auth_value_offset));
}

}  // namespace

Status FragmentCall(const OutgoingCall& call, std::span<const uint8_t> stub,
                    SecurityContext* security, std::vector<std::vector<uint8_t>>* fragments) {
  if (call.type != PduType::kRequest && call.type != PduType::kResponse) {
    return Status(ErrorCode::kUnsupported, "only requests and responses are fragmented");
  }
  if (Protects(call) && security == nullptr) {
    return Status(ErrorCode::kSecurity, "protected call without a security context");
  }
  const size_t signature_size = Protects(call) ? security->SignatureSize() : 0;
  const size_t chunk_size = ChunkSize(call, signature_size);
  if (chunk_size == 0) {
    return Status(ErrorCode::kLimitExceeded,
                  "max_xmit_frag " + std::to_string(call.max_xmit_frag) + " leaves no room for stub");
  }
  if (stub.size() > UINT32_MAX) return Status(ErrorCode::kLimitExceeded, "stub over 4 GiB");

  size_t offset = 0;
  do {
    const size_t length = std::min(chunk_size, stub.size() - offset);
    uint8_t flags = 0;
    if (offset == 0) flags |= kPfcFirstFrag;
    if (offset + length == stub.size()) flags |= kPfcLastFrag;
    Pdu pdu = MakeFragment(call, stub.subspan(offset, length),
                           static_cast<uint32_t>(stub.size() - offset), flags);
    if (Protects(call)) {
      AuthVerifier verifier;
      verifier.trailer.auth_type = call.auth->auth_type;
      verifier.trailer.auth_level = call.auth->level;
      verifier.trailer.auth_context_id = call.auth->context_id;
      verifier.auth_value.assign(signature_size, 0);
      pdu.auth = std::move(verifier);
    }
    std::vector<uint8_t> fragment;
    Status status = EncodePdu(pdu, &fragment);
    if (status.ok() && Protects(call)) status = ProtectFragment(*call.auth, security, &fragment);
    if (!status.ok()) return status;
    fragments->push_back(std::move(fragment));
    offset += length;
  } while (offset < stub.size());
  return Status::Ok();
}

}  // namespace cimulate::dcerpc
