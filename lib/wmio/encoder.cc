// MS-WMIO encoder.  Layout choices that matter to impacket are noted where
// they are made; see codec.h for the list.

#include <algorithm>
#include <bit>
#include <cstring>

#include "wmio/codec.h"
#include "wmio/encoded_string.h"
#include "wmio/heap_writer.h"
#include "wmio/names.h"
#include "wmio/reader.h"
#include "wmio/wire_format.h"

namespace cimulate::wmio {
namespace {

#define RETURN_IF_ERROR(expr)          \
  do {                                 \
    Status status_ = (expr);           \
    if (!status_.ok()) return status_; \
  } while (0)

Status EncodeBlock(const Object& object, int depth, std::vector<uint8_t>* out);

Status CheckLength(size_t length, const char* what) {
  if (length >= kHeapBit) return Status(ErrorCode::kLimitExceeded, std::string(what) + " above 2 GiB");
  return Status::Ok();
}

void PutLe(std::vector<uint8_t>* out, uint64_t v, size_t size) {
  for (size_t i = 0; i < size; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}

// One fixed-size element (scalar slot or array item) of a numeric or
// boolean type.
void PutFixed(std::vector<uint8_t>* out, CimType element, uint64_t bits_or_int, double real, bool boolean) {
  switch (KindOf(element)) {
    case CimKind::kReal:
      if (element == CimType::kReal32) {
        PutU32(out, std::bit_cast<uint32_t>(static_cast<float>(real)));
      } else {
        PutU64(out, std::bit_cast<uint64_t>(real));
      }
      return;
    case CimKind::kBoolean:
      PutU16(out, boolean ? 0xFFFF : 0);  // MS-WMIO and impacket: true is 0xFFFF
      return;
    default:
      PutLe(out, bits_or_int, ValueTableSize(element));  // two's complement for signed
  }
}

// Heap part of an embedded object: ObjectEncodingLength then ObjectBlock.
Status AppendEmbedded(const ObjectPtr& object, HeapWriter* heap, int depth, uint32_t* ref) {
  if (!object) return Status(ErrorCode::kInvalidArgument, "embedded object value without an object");
  std::vector<uint8_t> block;
  RETURN_IF_ERROR(EncodeBlock(*object, depth + 1, &block));
  RETURN_IF_ERROR(CheckLength(block.size(), "embedded object"));
  std::vector<uint8_t> framed;
  PutU32(&framed, static_cast<uint32_t>(block.size()));
  framed.insert(framed.end(), block.begin(), block.end());
  *ref = heap->Append(framed);
  return Status::Ok();
}

// Arrays on the heap: count, then the items; strings and objects as a
// table of per-item heap references followed by the items.
Status AppendArray(const Value& value, HeapWriter* heap, int depth, uint32_t* ref) {
  CimType element = ElementType(value.type());
  size_t count = value.array_size();
  RETURN_IF_ERROR(CheckLength(count, "array"));
  std::vector<uint8_t> head;
  PutU32(&head, static_cast<uint32_t>(count));
  CimKind kind = KindOf(element);
  if (kind != CimKind::kString && kind != CimKind::kObject) {
    for (size_t i = 0; i < count; ++i) {
      switch (kind) {
        case CimKind::kSigned: PutFixed(&head, element, static_cast<uint64_t>(value.as_int64_array()[i]), 0, false); break;
        case CimKind::kUnsigned: PutFixed(&head, element, value.as_uint64_array()[i], 0, false); break;
        case CimKind::kReal: PutFixed(&head, element, 0, value.as_double_array()[i], false); break;
        default: PutFixed(&head, element, 0, 0, value.as_bool_array()[i]); break;
      }
    }
    *ref = heap->Append(head);
    return Status::Ok();
  }
  head.resize(4 + 4 * count);
  *ref = heap->Append(head);
  for (size_t i = 0; i < count; ++i) {
    uint32_t item = 0;
    if (kind == CimKind::kString) {
      RETURN_IF_ERROR(heap->AppendString(value.as_string_array()[i], &item));
    } else {
      RETURN_IF_ERROR(AppendEmbedded(value.as_object_array()[i], heap, depth, &item));
    }
    PatchU32(&heap->bytes(), *ref + 4 + 4 * i, item);
  }
  return Status::Ok();
}

// The ValueTableSize(type) bytes of a value-table slot or qualifier value,
// with any heap part appended to `heap`.  NULL is a zero-filled slot
// (impacket reads a non-zero slot as a value whatever the NdTable says).
Status EncodeSlot(const Value& given, CimType type, HeapWriter* heap, int depth, std::vector<uint8_t>* out) {
  if (given.is_null()) {
    out->insert(out->end(), ValueTableSize(type), 0);
    return Status::Ok();
  }
  std::optional<Value> coerced = given.CoerceTo(type);
  if (!coerced) {
    return Status(ErrorCode::kInvalidArgument, "value " + given.ToString() + " of type " +
                                                   std::string(CimTypeName(given.type())) +
                                                   " does not fit " + std::string(CimTypeName(type)));
  }
  const Value& value = *coerced;
  uint32_t ref = 0;
  if (IsArray(type)) {
    RETURN_IF_ERROR(AppendArray(value, heap, depth, &ref));
    PutU32(out, ref);
    return Status::Ok();
  }
  switch (KindOf(type)) {
    case CimKind::kString:
      RETURN_IF_ERROR(heap->AppendString(value.as_string(), &ref));
      PutU32(out, ref);
      return Status::Ok();
    case CimKind::kObject:
      RETURN_IF_ERROR(AppendEmbedded(value.as_object(), heap, depth, &ref));
      PutU32(out, ref);
      return Status::Ok();
    case CimKind::kSigned:
      PutFixed(out, type, static_cast<uint64_t>(value.as_int64()), 0, false);
      return Status::Ok();
    default:
      PutFixed(out, type, value.as_uint64(), value.as_double(), value.as_bool());
      return Status::Ok();
  }
}

Status EncodeQualifierSet(const QualifierList& qualifiers, HeapWriter* heap, int depth,
                          std::vector<uint8_t>* out) {
  size_t start = out->size();
  PutU32(out, 0);
  for (const Qualifier& q : qualifiers) {
    uint32_t name_ref = 0;
    if (std::optional<uint32_t> index = DictionaryIndex(q.name)) {
      name_ref = kHeapBit | *index;
    } else {
      RETURN_IF_ERROR(heap->AppendString(q.name, &name_ref));
    }
    PutU32(out, name_ref);
    PutU8(out, q.flavor);
    PutU32(out, static_cast<uint32_t>(q.value.type()));
    RETURN_IF_ERROR(EncodeSlot(q.value, q.value.type(), heap, depth, out));
  }
  PatchU32(out, start, static_cast<uint32_t>(out->size() - start));
  return Status::Ok();
}

Status EncodeDerivation(const std::vector<std::string>& derivation, std::vector<uint8_t>* out) {
  size_t start = out->size();
  PutU32(out, 0);
  for (const std::string& name : derivation) {
    size_t at = out->size();
    RETURN_IF_ERROR(AppendEncodedString(name, out));
    PutU32(out, static_cast<uint32_t>(out->size() - at));
  }
  PatchU32(out, start, static_cast<uint32_t>(out->size() - start));
  return Status::Ok();
}

// Value-table offsets follow declaration order: impacket walks the table
// in that order and ignores ValueTableOffset.
std::vector<uint32_t> ValueOffsets(const std::vector<Property>& properties, uint32_t* total) {
  std::vector<uint32_t> offsets;
  uint32_t at = 0;
  for (const Property& p : properties) {
    offsets.push_back(at);
    at += static_cast<uint32_t>(ValueTableSize(p.type));
  }
  *total = at;
  return offsets;
}

struct LookupEntry {
  std::string_view name;
  uint32_t name_ref;
  uint32_t info_ref;
};

// ClassPart (MS-WMIO 2.2.15) of `cls`, or the empty part of "no class".
Status EncodeClassPart(const Class* cls, int depth, std::vector<uint8_t>* out) {
  static const Class kEmpty;
  const Class& c = cls ? *cls : kEmpty;
  HeapWriter heap;
  uint32_t name_ref = kNoHeapRef;
  // The class name goes first, at heap offset 0: impacket reads a zero
  // string reference as "no value", so no value may live there.
  if (cls) RETURN_IF_ERROR(heap.AppendString(c.name, &name_ref));
  if (c.properties.size() > 0xFFFF) return Status(ErrorCode::kLimitExceeded, "more than 65535 properties");

  std::vector<uint8_t> body;
  RETURN_IF_ERROR(EncodeDerivation(c.derivation, &body));
  RETURN_IF_ERROR(EncodeQualifierSet(c.qualifiers, &heap, depth, &body));

  uint32_t value_table_size = 0;
  std::vector<uint32_t> offsets = ValueOffsets(c.properties, &value_table_size);
  std::vector<LookupEntry> lookup;
  for (size_t i = 0; i < c.properties.size(); ++i) {
    const Property& p = c.properties[i];
    uint32_t property_name_ref = 0;
    RETURN_IF_ERROR(heap.AppendString(p.name, &property_name_ref));
    std::vector<uint8_t> info;
    PutU32(&info, static_cast<uint32_t>(p.type) | (p.inherited ? kInheritedFlag : 0));
    PutU16(&info, static_cast<uint16_t>(i));
    PutU32(&info, offsets[i]);
    PutU32(&info, p.class_of_origin);
    RETURN_IF_ERROR(EncodeQualifierSet(p.qualifiers, &heap, depth, &info));
    lookup.push_back({p.name, property_name_ref, heap.Append(info)});
  }
  std::stable_sort(lookup.begin(), lookup.end(),
                   [](const LookupEntry& a, const LookupEntry& b) { return NameLess(a.name, b.name); });
  PutU32(&body, static_cast<uint32_t>(lookup.size()));
  for (const LookupEntry& e : lookup) {
    PutU32(&body, e.name_ref);
    PutU32(&body, e.info_ref);
  }

  std::vector<uint8_t> nd(NdTableSize(c.properties.size()), 0);
  std::vector<uint8_t> values;
  for (size_t i = 0; i < c.properties.size(); ++i) {
    const Property& p = c.properties[i];
    if (p.default_value.is_null()) nd[i / 4] |= static_cast<uint8_t>(kNdNull << (2 * (i % 4)));
    RETURN_IF_ERROR(EncodeSlot(p.default_value, p.type, &heap, depth, &values));
  }
  body.insert(body.end(), nd.begin(), nd.end());
  body.insert(body.end(), values.begin(), values.end());
  RETURN_IF_ERROR(heap.Emit(&body));

  size_t total = kClassHeaderSize + body.size();
  RETURN_IF_ERROR(CheckLength(total, "ClassPart"));
  PutU32(out, static_cast<uint32_t>(total));
  PutU8(out, 0);
  PutU32(out, name_ref);
  PutU32(out, static_cast<uint32_t>(nd.size() + values.size()));
  out->insert(out->end(), body.begin(), body.end());
  return Status::Ok();
}

// MethodSignatureBlock: EncodingLength then the ObjectBlock of the
// __PARAMETERS class.
Status AppendSignature(const ClassPtr& params, HeapWriter* heap, int depth, uint32_t* ref) {
  if (!params) {
    *ref = kNoHeapRef;
    return Status::Ok();
  }
  std::vector<uint8_t> block;
  RETURN_IF_ERROR(EncodeBlock(Object::ForClass(params), depth + 1, &block));
  RETURN_IF_ERROR(CheckLength(block.size(), "method signature"));
  std::vector<uint8_t> framed;
  PutU32(&framed, static_cast<uint32_t>(block.size()));
  framed.insert(framed.end(), block.begin(), block.end());
  *ref = heap->Append(framed);
  return Status::Ok();
}

// MethodsPart (MS-WMIO 2.2.38); classes always carry one, empty or not.
Status EncodeMethodsPart(const Class* cls, int depth, std::vector<uint8_t>* out) {
  static const std::vector<Method> kNone;
  const std::vector<Method>& methods = cls ? cls->methods : kNone;
  if (methods.size() > 0xFFFF) return Status(ErrorCode::kLimitExceeded, "more than 65535 methods");
  HeapWriter heap;
  std::vector<uint8_t> descriptions;
  for (const Method& m : methods) {
    uint32_t name_ref = 0, qualifiers_ref = 0, in_ref = 0, out_ref = 0;
    RETURN_IF_ERROR(heap.AppendString(m.name, &name_ref));
    std::vector<uint8_t> qualifiers;
    RETURN_IF_ERROR(EncodeQualifierSet(m.qualifiers, &heap, depth, &qualifiers));
    qualifiers_ref = heap.Append(qualifiers);
    RETURN_IF_ERROR(AppendSignature(m.in_params, &heap, depth, &in_ref));
    RETURN_IF_ERROR(AppendSignature(m.out_params, &heap, depth, &out_ref));
    PutU32(&descriptions, name_ref);
    PutU8(&descriptions, m.flags);
    descriptions.insert(descriptions.end(), 3, 0);
    PutU32(&descriptions, m.origin);
    PutU32(&descriptions, qualifiers_ref);
    PutU32(&descriptions, in_ref);
    PutU32(&descriptions, out_ref);
  }
  std::vector<uint8_t> part;
  PutU32(&part, 0);
  PutU16(&part, static_cast<uint16_t>(methods.size()));
  PutU16(&part, 0);
  part.insert(part.end(), descriptions.begin(), descriptions.end());
  RETURN_IF_ERROR(heap.Emit(&part));
  RETURN_IF_ERROR(CheckLength(part.size(), "MethodsPart"));
  PatchU32(&part, 0, static_cast<uint32_t>(part.size()));
  out->insert(out->end(), part.begin(), part.end());
  return Status::Ok();
}

// The instance data after the class part (MS-WMIO 2.2.53, from
// EncodingLength on).
Status EncodeInstanceData(const Instance& instance, int depth, std::vector<uint8_t>* out) {
  const Class& c = *instance.cls;
  if (instance.values.size() != c.properties.size()) {
    return Status(ErrorCode::kInvalidArgument, "instance of " + c.name + " has " +
                                                   std::to_string(instance.values.size()) + " values for " +
                                                   std::to_string(c.properties.size()) + " properties");
  }
  HeapWriter heap;
  uint32_t class_name_ref = 0;
  RETURN_IF_ERROR(heap.AppendString(c.name, &class_name_ref));  // offset 0, see EncodeClassPart
  std::vector<uint8_t> nd(NdTableSize(c.properties.size()), 0);
  std::vector<uint8_t> values;
  for (size_t i = 0; i < c.properties.size(); ++i) {
    if (instance.values[i].is_null()) nd[i / 4] |= static_cast<uint8_t>(kNdNull << (2 * (i % 4)));
    Status status = EncodeSlot(instance.values[i], c.properties[i].type, &heap, depth, &values);
    if (!status.ok()) return Status(status.code(), "property " + c.properties[i].name + ": " + status.message());
  }
  std::vector<uint8_t> data;
  PutU32(&data, 0);
  PutU8(&data, 0);  // InstanceFlags
  PutU32(&data, class_name_ref);
  data.insert(data.end(), nd.begin(), nd.end());
  data.insert(data.end(), values.begin(), values.end());
  RETURN_IF_ERROR(EncodeQualifierSet(instance.qualifiers, &heap, depth, &data));
  // Flag 2 (per-property instance qualifier sets) makes impacket raise.
  PutU8(&data, kNoPropertyQualifierSets);
  RETURN_IF_ERROR(heap.Emit(&data));
  RETURN_IF_ERROR(CheckLength(data.size(), "instance"));
  PatchU32(&data, 0, static_cast<uint32_t>(data.size()));
  out->insert(out->end(), data.begin(), data.end());
  return Status::Ok();
}

Status EncodeBlock(const Object& object, int depth, std::vector<uint8_t>* out) {
  if (depth > kMaxNesting) return Status(ErrorCode::kLimitExceeded, "objects nested too deeply");
  const Class* cls = object.is_instance() ? object.instance->cls.get() : object.cls.get();
  if (!cls) return Status(ErrorCode::kInvalidArgument, "object without a class");
  uint8_t flags = object.is_instance() ? kObjectFlagInstance : kObjectFlagClass;
  if (object.decoration) flags |= kObjectFlagDecorated;
  PutU8(out, flags);
  if (object.decoration) {
    RETURN_IF_ERROR(AppendEncodedString(object.decoration->server, out));
    RETURN_IF_ERROR(AppendEncodedString(object.decoration->name_space, out));
  }
  if (object.is_instance()) {
    // MS-WMIO 2.2.14: an instance's CurrentClass has no MethodsPart.
    RETURN_IF_ERROR(EncodeClassPart(cls, depth, out));
    return EncodeInstanceData(*object.instance, depth, out);
  }
  RETURN_IF_ERROR(EncodeClassPart(object.parent.get(), depth, out));
  RETURN_IF_ERROR(EncodeMethodsPart(object.parent.get(), depth, out));
  RETURN_IF_ERROR(EncodeClassPart(cls, depth, out));
  return EncodeMethodsPart(cls, depth, out);
}

}  // namespace

Status EncodeObjectBlock(const Object& object, std::vector<uint8_t>* out) {
  std::vector<uint8_t> block;
  RETURN_IF_ERROR(EncodeBlock(object, 0, &block));
  out->insert(out->end(), block.begin(), block.end());
  return Status::Ok();
}

Status EncodeEncodingUnit(const Object& object, std::vector<uint8_t>* out) {
  std::vector<uint8_t> block;
  RETURN_IF_ERROR(EncodeBlock(object, 0, &block));
  RETURN_IF_ERROR(CheckLength(block.size(), "ObjectBlock"));
  PutU32(out, kEncodingUnitSignature);
  PutU32(out, static_cast<uint32_t>(block.size()));
  out->insert(out->end(), block.begin(), block.end());
  return Status::Ok();
}

}  // namespace cimulate::wmio
