#include "dcerpc/reassembler.h"

#include <string>

#include "dcerpc/byte_reader.h"
#include "dcerpc/pdu.h"

namespace cimulate::dcerpc {
namespace {

Status ProtocolError(std::string message) { return Status(ErrorCode::kProtocol, std::move(message)); }

// The fields between the common header and the stub.
struct StubHeader {
  uint16_t context_id = 0;
  uint16_t opnum = 0;
  uint8_t cancel_count = 0;
  std::optional<Guid> object;
};

StubHeader ReadStubHeader(std::span<const uint8_t> fragment, const PduLayout& layout) {
  StubHeader header;
  ByteReader in(fragment.first(layout.stub_offset));
  uint32_t alloc_hint = 0;
  in.Skip(kCommonHeaderSize);
  in.U32(&alloc_hint);
  in.U16(&header.context_id);
  if (layout.header.type == PduType::kRequest) {
    in.U16(&header.opnum);
    Guid object;
    if ((layout.header.flags & kPfcObjectUuid) && Guid::Read(in, &object)) header.object = object;
  } else {
    in.U8(&header.cancel_count);
  }
  return header;
}

Status Unprotect(std::span<uint8_t> fragment, const PduLayout& layout,
                 const SecurityResolver& resolve) {
  SecurityContext* security = resolve ? resolve(*layout.trailer) : nullptr;
  if (security == nullptr) {
    return Status(ErrorCode::kSecurity, "unknown auth_context_id " +
                                            std::to_string(layout.trailer->auth_context_id));
  }
  if (security->SignatureSize() != layout.header.auth_length) {
    return Status(ErrorCode::kSecurity, "auth_length differs from the signature size");
  }
  return security->Unprotect(
      layout.trailer->auth_level, fragment.first(layout.auth_value_offset),
      fragment.subspan(layout.stub_offset, layout.stub_end - layout.stub_offset),
      fragment.subspan(layout.auth_value_offset));
}

}  // namespace

Status Reassembler::Add(std::span<uint8_t> fragment, const SecurityResolver& resolve,
                        std::optional<CompletedCall>* completed) {
  completed->reset();
  Status status = Accept(fragment, resolve, completed);
  if (!status.ok()) pending_.reset();
  return status;
}

Status Reassembler::Accept(std::span<uint8_t> fragment, const SecurityResolver& resolve,
                           std::optional<CompletedCall>* completed) {
  PduLayout layout;
  Status status = ParsePduLayout(fragment, &layout);
  if (!status.ok()) return status;
  const CommonHeader& header = layout.header;
  if (header.type != PduType::kRequest && header.type != PduType::kResponse) {
    return ProtocolError(std::string(PduTypeName(header.type)) + " is not a request or response");
  }
  const StubHeader stub_header = ReadStubHeader(fragment, layout);
  const bool first = header.flags & kPfcFirstFrag;

  if (!pending_) {
    if (!first) return ProtocolError("fragment without PFC_FIRST_FRAG starts a call");
    CompletedCall call;
    call.type = header.type;
    call.call_id = header.call_id;
    call.context_id = stub_header.context_id;
    call.opnum = stub_header.opnum;
    call.object = stub_header.object;
    call.first_flags = header.flags;
    call.auth = layout.trailer;
    pending_ = std::move(call);
  } else {
    const CompletedCall& call = *pending_;
    if (first) return ProtocolError("PFC_FIRST_FRAG in the middle of a call");
    if (header.type != call.type || header.call_id != call.call_id ||
        stub_header.context_id != call.context_id || stub_header.opnum != call.opnum ||
        stub_header.object != call.object) {
      return ProtocolError("fragment does not continue call " + std::to_string(call.call_id));
    }
    const bool same_auth =
        layout.trailer.has_value() == call.auth.has_value() &&
        (!call.auth || (layout.trailer->auth_type == call.auth->auth_type &&
                        layout.trailer->auth_level == call.auth->auth_level &&
                        layout.trailer->auth_context_id == call.auth->auth_context_id));
    if (!same_auth) return ProtocolError("fragments of one call use different auth settings");
  }

  if (layout.trailer && LevelProtectsMessages(layout.trailer->auth_level)) {
    status = Unprotect(fragment, layout, resolve);
    if (!status.ok()) return status;
  }
  const size_t pad = layout.trailer ? layout.trailer->auth_pad_length : 0;
  const size_t length = layout.stub_end - pad - layout.stub_offset;
  if (length > limits_.max_stub_size - pending_->stub.size()) {
    return Status(ErrorCode::kLimitExceeded,
                  "reassembled stub exceeds " + std::to_string(limits_.max_stub_size) + " bytes");
  }
  auto begin = fragment.begin() + static_cast<std::ptrdiff_t>(layout.stub_offset);
  pending_->stub.insert(pending_->stub.end(), begin, begin + static_cast<std::ptrdiff_t>(length));

  if (header.flags & kPfcLastFrag) {
    *completed = std::move(pending_);
    pending_.reset();
  }
  return Status::Ok();
}

}  // namespace cimulate::dcerpc
