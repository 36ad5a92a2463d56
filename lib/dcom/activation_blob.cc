#include "dcom/activation_blob.h"

#include <string>

#include "dcerpc/byte_reader.h"
#include "dcerpc/byte_writer.h"
#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"
#include "dcerpc/type_serialization.h"

namespace cimulate::dcom {

using dcerpc::ErrorCode;
using dcerpc::Guid;
using dcerpc::NdrReader;
using dcerpc::NdrWriter;
using dcerpc::PointerKind;
using dcerpc::Status;

namespace {

struct CustomHeader {
  uint32_t total_size = 0;
  uint32_t header_size = 0;
  uint32_t dest_context = 0;
  Guid class_info_clsid;
  std::vector<Guid> clsids;
  std::vector<uint32_t> sizes;
};

// Every field has a fixed width, so the serialized size does not depend on
// the two size fields and the header can be encoded once to measure it.
std::vector<uint8_t> EncodeCustomHeader(const CustomHeader& header) {
  NdrWriter w;
  w.Constructed([&header](NdrWriter& s) {
    const auto count = static_cast<uint32_t>(header.clsids.size());
    s.U32(header.total_size);
    s.U32(header.header_size);
    s.U32(0);  // dwReserved
    s.U32(header.dest_context);
    s.U32(count);
    s.WriteGuid(header.class_info_clsid);
    const CustomHeader* h = &header;
    s.Pointer(PointerKind::kUnique, true, [h, count](NdrWriter& a) {
      a.MaxCount(count);
      for (const Guid& clsid : h->clsids) a.WriteGuid(clsid);
    });
    s.Pointer(PointerKind::kUnique, true, [h, count](NdrWriter& a) {
      a.MaxCount(count);
      for (uint32_t size : h->sizes) a.U32(size);
    });
    s.Pointer(PointerKind::kUnique, false, {});  // pdwReserved
  });
  return dcerpc::EncodeTypeSerialized(w.Finish());
}

bool ReadCustomHeader(NdrReader& in, CustomHeader* header) {
  uint32_t reserved = 0, count = 0;
  bool clsids_present = false, sizes_present = false, reserved_present = false;
  in.Constructed([&](NdrReader& s) {
    s.U32(&header->total_size);
    s.U32(&header->header_size);
    s.U32(&reserved);
    s.U32(&header->dest_context);
    s.U32(&count);
    s.ReadGuid(&header->class_info_clsid);
    if (s.ok() && (count == 0 || count > kMaxActivationProperties)) {
      s.Fail(ErrorCode::kLimitExceeded,
             "CustomHeader cIfs " + std::to_string(count) + " outside 1.." +
                 std::to_string(kMaxActivationProperties));
      return;
    }
    s.Pointer(PointerKind::kUnique, &clsids_present, [header, count](NdrReader& a) {
      uint32_t max_count = 0;
      if (!a.MaxCount(&max_count, Guid::kWireSize)) return;
      if (max_count != count) {
        a.Fail(ErrorCode::kMalformed, "CustomHeader pclsid size differs from cIfs");
        return;
      }
      header->clsids.resize(count);
      for (Guid& clsid : header->clsids) a.ReadGuid(&clsid);
    });
    s.Pointer(PointerKind::kUnique, &sizes_present, [header, count](NdrReader& a) {
      uint32_t max_count = 0;
      if (!a.MaxCount(&max_count, 4)) return;
      if (max_count != count) {
        a.Fail(ErrorCode::kMalformed, "CustomHeader pSizes size differs from cIfs");
        return;
      }
      header->sizes.resize(count);
      for (uint32_t& size : header->sizes) a.U32(&size);
    });
    s.Pointer(PointerKind::kUnique, &reserved_present, [](NdrReader& a) {
      uint32_t ignored = 0;
      a.U32(&ignored);
    });
  });
  if (in.ok() && (!clsids_present || !sizes_present)) {
    return in.Fail(ErrorCode::kMalformed, "CustomHeader without pclsid or pSizes");
  }
  return in.ok();
}

}  // namespace

std::vector<uint8_t> EncodeActivationBlob(const ActivationBlob& blob) {
  CustomHeader header;
  header.dest_context = blob.dest_context;
  header.class_info_clsid = blob.class_info_clsid;
  std::vector<std::vector<uint8_t>> properties;
  uint32_t properties_size = 0;
  for (const auto& property : blob.properties) {
    properties.push_back(dcerpc::EncodeTypeSerialized(property.ndr));
    header.clsids.push_back(property.clsid);
    header.sizes.push_back(static_cast<uint32_t>(properties.back().size()));
    properties_size += header.sizes.back();
  }
  header.header_size = static_cast<uint32_t>(EncodeCustomHeader(header).size());
  header.total_size = header.header_size + properties_size;

  dcerpc::ByteWriter out;
  out.U32(header.total_size);  // dwSize
  out.U32(0);                  // dwReserved
  out.Bytes(EncodeCustomHeader(header));
  for (const auto& property : properties) out.Bytes(property);
  return out.Take();
}

Status DecodeActivationBlob(std::span<const uint8_t> input, ActivationBlob* blob) {
  *blob = {};
  dcerpc::ByteReader in(input);
  uint32_t size = 0, reserved = 0;
  if (!in.U32(&size) || !in.U32(&reserved)) return in.status();
  if (size > in.remaining()) {
    return Status(ErrorCode::kTruncated, "ACTIVATION_BLOB dwSize " + std::to_string(size) +
                                             " exceeds the " + std::to_string(in.remaining()) +
                                             " bytes present");
  }
  const std::span<const uint8_t> content = input.subspan(8, size);

  std::span<const uint8_t> header_ndr;
  size_t header_consumed = 0;
  Status status = dcerpc::DecodeTypeSerialized(content, &header_ndr, &header_consumed);
  if (!status.ok()) return status;
  CustomHeader header;
  NdrReader header_reader(header_ndr);
  if (!ReadCustomHeader(header_reader, &header)) return header_reader.status();
  if (header.header_size < header_consumed || header.header_size > content.size() ||
      header.total_size > content.size()) {
    return Status(ErrorCode::kMalformed, "CustomHeader headerSize/totalSize do not fit the blob");
  }
  blob->dest_context = header.dest_context;
  blob->class_info_clsid = header.class_info_clsid;

  size_t offset = header.header_size;
  for (size_t i = 0; i < header.clsids.size(); ++i) {
    if (header.sizes[i] > content.size() - offset) {
      return Status(ErrorCode::kTruncated, "activation property " + std::to_string(i) +
                                               " runs past the blob");
    }
    std::span<const uint8_t> body;
    status = dcerpc::DecodeTypeSerialized(content.subspan(offset, header.sizes[i]), &body);
    if (!status.ok()) return status;
    blob->properties.push_back({header.clsids[i], std::vector<uint8_t>(body.begin(), body.end())});
    offset += header.sizes[i];
  }
  return Status::Ok();
}

}  // namespace cimulate::dcom
