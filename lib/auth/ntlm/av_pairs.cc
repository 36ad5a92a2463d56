#include <algorithm>

#include "auth/ntlm/av_pairs.h"

#include "auth/ntlm/text.h"

namespace cimulate::ntlm {

Result<AvPairList> AvPairList::Parse(ByteView data) {
  AvPairList list;
  ByteReader in(data);
  while (true) {
    auto id = static_cast<AvId>(in.U16());
    uint16_t len = in.U16();
    if (!in.ok()) return Malformed("AV_PAIR list ends without MsvAvEOL");
    if (id == AvId::kEol) {
      if (len != 0) return Malformed("MsvAvEOL with non-zero length");
      return list;
    }
    ByteView value = in.Take(len);
    if (!in.ok()) return Malformed("AV_PAIR value runs past the end of TargetInfo");
    list.pairs_.push_back(AvPair{id, Bytes(value.begin(), value.end())});
  }
}

Status AvPairList::Add(AvId id, ByteView value) {
  if (value.size() > 0xFFFF) return InvalidArgument("AV_PAIR value longer than 65535 bytes");
  pairs_.push_back(AvPair{id, Bytes(value.begin(), value.end())});
  return Status::Ok();
}

Status AvPairList::AddString(AvId id, std::string_view utf8) {
  auto wide = Utf8ToUtf16Le(utf8);
  if (!wide.ok()) return wide.status();
  return Add(id, *wide);
}

void AvPairList::AddTimestamp(uint64_t filetime) {
  ByteWriter w;
  w.U64(filetime);
  pairs_.push_back(AvPair{AvId::kTimestamp, w.Take()});
}

const AvPair* AvPairList::Find(AvId id) const {
  for (const AvPair& p : pairs_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::optional<std::string> AvPairList::FindString(AvId id) const {
  const AvPair* p = Find(id);
  if (p == nullptr) return std::nullopt;
  auto text = Utf16LeToUtf8(p->value);
  if (!text.ok()) return std::nullopt;
  return std::move(text).value();
}

std::optional<uint64_t> AvPairList::FindTimestamp() const {
  const AvPair* p = Find(AvId::kTimestamp);
  if (p == nullptr || p->value.size() != 8) return std::nullopt;
  return ByteReader(p->value).U64();
}

std::optional<uint32_t> AvPairList::FindFlags() const {
  const AvPair* p = Find(AvId::kFlags);
  if (p == nullptr || p->value.size() != 4) return std::nullopt;
  return ByteReader(p->value).U32();
}

Bytes AvPairList::Encode() const {
  ByteWriter w;
  for (const AvPair& p : pairs_) {
    w.U16(static_cast<uint16_t>(p.id));
    w.U16(static_cast<uint16_t>(p.value.size()));
    w.Append(p.value);
  }
  w.U32(0);  // MsvAvEOL: id 0, length 0
  return w.Take();
}

}  // namespace cimulate::ntlm
