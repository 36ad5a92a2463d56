// MS-WMIO decoder.  Every length, count and heap reference is checked
// against the bytes at hand before it is used, so no input can make it read
// out of bounds or allocate more than a small multiple of its size.

#include <bit>

#include "wmio/codec.h"
#include "wmio/encoded_string.h"
#include "wmio/reader.h"
#include "wmio/wire_format.h"

namespace cimulate::wmio {
namespace {

#define RETURN_IF_ERROR(expr)          \
  do {                                 \
    Status status_ = (expr);           \
    if (!status_.ok()) return status_; \
  } while (0)

using Bytes = std::span<const uint8_t>;

Status DecodeBlock(Bytes data, int depth, Object* out, size_t* consumed);

Status Malformed(const std::string& message) { return Status(ErrorCode::kMalformed, message); }

// A class part as decoded, with what the instance data after it needs.
struct ClassLayout {
  std::shared_ptr<Class> cls;
  std::vector<uint32_t> offsets;  // value-table offset per property
  uint32_t nd_value_length = 0;
};

Status ReadType(uint32_t code, CimType* type) {
  std::optional<CimType> parsed = CimTypeFromWire(code);
  if (!parsed) return Malformed("CimType " + std::to_string(code));
  *type = *parsed;
  return Status::Ok();
}

Status ReadName(Bytes heap, uint32_t ref, std::string* name) {
  if (ref & kHeapBit) {
    std::optional<std::string_view> entry = DictionaryName(ref & ~kHeapBit);
    if (!entry) return Malformed("dictionary reference " + std::to_string(ref & ~kHeapBit));
    *name = std::string(*entry);
    return Status::Ok();
  }
  size_t consumed = 0;
  return ReadEncodedString(heap, ref, name, &consumed);
}

// Length-prefixed ObjectBlock at heap[ref] (embedded objects and method
// signatures share this framing).
Status ReadFramedObject(Bytes heap, uint32_t ref, int depth, Object* out) {
  if (ref >= heap.size()) return Malformed("object reference outside the heap");
  Reader r(heap.subspan(ref), "embedded object");
  uint32_t length = 0;
  Bytes block;
  r.U32(&length);
  r.Bytes(length, &block);
  if (!r.ok()) return r.status();
  size_t consumed = 0;
  return DecodeBlock(block, depth + 1, out, &consumed);
}

Status ReadObjectValue(Bytes heap, uint32_t ref, int depth, ObjectPtr* out) {
  auto object = std::make_shared<Object>();
  RETURN_IF_ERROR(ReadFramedObject(heap, ref, depth, object.get()));
  *out = std::move(object);
  return Status::Ok();
}

int64_t SignExtend(uint64_t raw, size_t size) {
  unsigned shift = static_cast<unsigned>(64 - 8 * size);
  return static_cast<int64_t>(raw << shift) >> shift;
}

Value FixedValue(CimType type, uint64_t raw) {
  size_t size = ValueTableSize(type);
  switch (KindOf(type)) {
    case CimKind::kSigned: return Value::Signed(type, SignExtend(raw, size));
    case CimKind::kReal:
      return type == CimType::kReal32 ? Value::Real32(std::bit_cast<float>(static_cast<uint32_t>(raw)))
                                      : Value::Real64(std::bit_cast<double>(raw));
    case CimKind::kBoolean: return Value::Boolean(raw != 0);
    default: return Value::Unsigned(type, raw);
  }
}

Status ReadArray(Bytes heap, uint32_t ref, CimType type, int depth, Value* out) {
  if (ref >= heap.size()) return Malformed("array reference outside the heap");
  Reader r(heap.subspan(ref), "array");
  uint32_t count = 0;
  if (!r.U32(&count)) return r.status();
  CimType element = ElementType(type);
  CimKind kind = KindOf(element);
  size_t item_size = (kind == CimKind::kString || kind == CimKind::kObject) ? 4 : ValueTableSize(element);
  // Bound the count by the bytes present before allocating for it.
  if (count > r.remaining() / item_size) return Status(ErrorCode::kTruncated, "array of " + std::to_string(count) + " items overruns the heap");
  std::vector<int64_t> signed_items;
  std::vector<uint64_t> unsigned_items;
  std::vector<double> real_items;
  std::vector<bool> bool_items;
  std::vector<std::string> string_items;
  std::vector<ObjectPtr> object_items;
  for (uint32_t i = 0; i < count; ++i) {
    Bytes item;
    r.Bytes(item_size, &item);
    uint64_t raw = LoadLe(item);
    switch (kind) {
      case CimKind::kSigned: signed_items.push_back(SignExtend(raw, item_size)); break;
      case CimKind::kUnsigned: unsigned_items.push_back(raw); break;
      case CimKind::kReal: real_items.push_back(FixedValue(element, raw).as_double()); break;
      case CimKind::kBoolean: bool_items.push_back(raw != 0); break;
      case CimKind::kString: {
        std::string text;
        size_t consumed = 0;
        RETURN_IF_ERROR(ReadEncodedString(heap, static_cast<uint32_t>(raw), &text, &consumed));
        string_items.push_back(std::move(text));
        break;
      }
      case CimKind::kObject: {
        ObjectPtr object;
        RETURN_IF_ERROR(ReadObjectValue(heap, static_cast<uint32_t>(raw), depth, &object));
        object_items.push_back(std::move(object));
        break;
      }
    }
  }
  switch (kind) {
    case CimKind::kSigned: *out = Value::SignedArray(type, std::move(signed_items)); break;
    case CimKind::kUnsigned: *out = Value::UnsignedArray(type, std::move(unsigned_items)); break;
    case CimKind::kReal: *out = Value::RealArray(type, std::move(real_items)); break;
    case CimKind::kBoolean: *out = Value::BooleanArray(std::move(bool_items)); break;
    case CimKind::kString: *out = Value::StringArray(type, std::move(string_items)); break;
    case CimKind::kObject: *out = Value::ObjectArray(std::move(object_items)); break;
  }
  return Status::Ok();
}

// A value from its slot bytes and the heap they may reference.
Status ReadSlot(Bytes slot, CimType type, Bytes heap, int depth, Value* out) {
  uint64_t raw = LoadLe(slot);
  if (IsArray(type)) return ReadArray(heap, static_cast<uint32_t>(raw), type, depth, out);
  switch (KindOf(type)) {
    case CimKind::kString: {
      std::string text;
      size_t consumed = 0;
      RETURN_IF_ERROR(ReadEncodedString(heap, static_cast<uint32_t>(raw), &text, &consumed));
      *out = Value::Text(type, std::move(text));
      return Status::Ok();
    }
    case CimKind::kObject: {
      ObjectPtr object;
      RETURN_IF_ERROR(ReadObjectValue(heap, static_cast<uint32_t>(raw), depth, &object));
      *out = Value::EmbeddedObject(std::move(object));
      return Status::Ok();
    }
    default:
      *out = FixedValue(type, raw);
      return Status::Ok();
  }
}

Status ReadValueAt(Bytes table, uint32_t offset, CimType type, Bytes heap, int depth, Value* out) {
  size_t size = ValueTableSize(type);
  if (offset > table.size() || size > table.size() - offset) {
    return Malformed("value-table offset " + std::to_string(offset) + " outside a table of " +
                     std::to_string(table.size()));
  }
  return ReadSlot(table.subspan(offset, size), type, heap, depth, out);
}

Status ReadQualifierSet(Bytes set, Bytes heap, int depth, QualifierList* out) {
  Reader r(set, "QualifierSet");
  while (r.ok() && r.remaining() > 0) {
    uint32_t name_ref = 0, type_code = 0;
    uint8_t flavor = 0;
    r.U32(&name_ref);
    r.U8(&flavor);
    r.U32(&type_code);
    if (!r.ok()) return r.status();
    Qualifier q;
    q.flavor = flavor;
    CimType type;
    RETURN_IF_ERROR(ReadType(type_code, &type));
    Bytes slot;
    if (!r.Bytes(ValueTableSize(type), &slot)) return r.status();
    RETURN_IF_ERROR(ReadName(heap, name_ref, &q.name));
    Status status = ReadSlot(slot, type, heap, depth, &q.value);
    if (!status.ok()) return Status(status.code(), "qualifier " + q.name + ": " + status.message());
    out->push_back(std::move(q));
  }
  return r.status();
}

// Reads a structure that starts with its own u32 EncodingLength and
// returns the bytes after that length field.
bool ReadLengthPrefixed(Reader& r, Bytes* body) {
  uint32_t length = 0;
  if (!r.U32(&length)) return false;
  if (length < 4) return r.Fail(ErrorCode::kMalformed, "EncodingLength " + std::to_string(length));
  return r.Bytes(length - 4, body);
}

bool ReadHeap(Reader& r, Bytes* heap) {
  uint32_t length = 0;
  if (!r.U32(&length)) return false;
  return r.Bytes(length & ~kHeapBit, heap);
}

Status ReadDerivation(Bytes list, std::vector<std::string>* out) {
  Reader r(list, "DerivationList");
  while (r.ok() && r.remaining() > 0) {
    std::string name;
    size_t consumed = 0;
    RETURN_IF_ERROR(ReadEncodedString(list, r.position(), &name, &consumed));
    r.Skip(consumed);
    uint32_t length = 0;
    r.U32(&length);
    out->push_back(std::move(name));
  }
  return r.status();
}

Status ReadPropertyInfo(Bytes heap, uint32_t ref, int depth, Property* p, uint16_t* order, uint32_t* offset) {
  if (ref >= heap.size()) return Malformed("PropertyInfo reference outside the heap");
  Reader r(heap.subspan(ref), "PropertyInfo");
  uint32_t type_code = 0;
  Bytes qualifiers;
  r.U32(&type_code);
  r.U16(order);
  r.U32(offset);
  r.U32(&p->class_of_origin);
  ReadLengthPrefixed(r, &qualifiers);
  if (!r.ok()) return r.status();
  p->inherited = (type_code & kInheritedFlag) != 0;
  RETURN_IF_ERROR(ReadType(type_code & ~kInheritedFlag, &p->type));
  return ReadQualifierSet(qualifiers, heap, depth, &p->qualifiers);
}

Status ReadClassPart(Reader& outer, int depth, ClassLayout* layout) {
  Bytes part;
  uint32_t length = 0;
  if (!outer.U32(&length)) return outer.status();
  if (length < kClassHeaderSize) return Malformed("ClassPart EncodingLength " + std::to_string(length));
  if (!outer.Bytes(length - 4, &part)) return outer.status();
  Reader r(part, "ClassPart");
  uint8_t reserved = 0;
  uint32_t name_ref = 0, nd_value_length = 0, property_count = 0;
  Bytes derivation, qualifiers, lookup, nd_values, heap;
  r.U8(&reserved);
  r.U32(&name_ref);
  r.U32(&nd_value_length);
  ReadLengthPrefixed(r, &derivation);
  ReadLengthPrefixed(r, &qualifiers);
  r.U32(&property_count);
  if (r.ok() && property_count > r.remaining() / 8) return Malformed("property count " + std::to_string(property_count) + " overruns the ClassPart");
  r.Bytes(size_t{property_count} * 8, &lookup);
  r.Bytes(nd_value_length, &nd_values);
  ReadHeap(r, &heap);
  if (!r.ok()) return r.status();  // bytes after the heap, up to EncodingLength, are ignored

  auto cls = std::make_shared<Class>();
  if (name_ref != kNoHeapRef) RETURN_IF_ERROR(ReadName(heap, name_ref, &cls->name));
  RETURN_IF_ERROR(ReadDerivation(derivation, &cls->derivation));
  RETURN_IF_ERROR(ReadQualifierSet(qualifiers, heap, depth, &cls->qualifiers));

  size_t nd_size = NdTableSize(property_count);
  if (nd_values.size() < nd_size) return Malformed("NdTable shorter than the property count");
  Bytes values = nd_values.subspan(nd_size);
  cls->properties.resize(property_count);
  layout->offsets.assign(property_count, 0);
  std::vector<bool> seen(property_count, false);
  Reader entries(lookup, "PropertyLookupTable");
  for (uint32_t i = 0; i < property_count; ++i) {
    uint32_t name = 0, info = 0;
    entries.U32(&name);
    entries.U32(&info);
    Property p;
    uint16_t order = 0;
    uint32_t offset = 0;
    RETURN_IF_ERROR(ReadName(heap, name, &p.name));
    RETURN_IF_ERROR(ReadPropertyInfo(heap, info, depth, &p, &order, &offset));
    if (order >= property_count || seen[order]) {
      return Malformed("property " + p.name + " has declaration order " + std::to_string(order));
    }
    seen[order] = true;
    uint8_t nd = static_cast<uint8_t>(nd_values[order / 4] >> (2 * (order % 4)));
    if (nd & kNdNull) {
      p.default_value = Value::Null(p.type);
    } else {
      Status status = ReadValueAt(values, offset, p.type, heap, depth, &p.default_value);
      if (!status.ok()) return Status(status.code(), "default of " + p.name + ": " + status.message());
    }
    layout->offsets[order] = offset;
    cls->properties[order] = std::move(p);
  }
  layout->cls = std::move(cls);
  layout->nd_value_length = nd_value_length;
  return Status::Ok();
}

Status ReadMethodsPart(Reader& outer, int depth, std::vector<Method>* methods) {
  Bytes part;
  if (!ReadLengthPrefixed(outer, &part)) return outer.status();
  Reader r(part, "MethodsPart");
  uint16_t count = 0, padding = 0;
  Bytes descriptions, heap;
  r.U16(&count);
  r.U16(&padding);
  r.Bytes(size_t{count} * kMethodDescriptionSize, &descriptions);
  ReadHeap(r, &heap);
  if (!r.ok()) return r.status();
  Reader d(descriptions, "MethodDescription");
  for (uint16_t i = 0; i < count; ++i) {
    uint32_t name_ref = 0, qualifiers_ref = 0, in_ref = 0, out_ref = 0;
    Method m;
    d.U32(&name_ref);
    d.U8(&m.flags);
    d.Skip(3);
    d.U32(&m.origin);
    d.U32(&qualifiers_ref);
    d.U32(&in_ref);
    d.U32(&out_ref);
    RETURN_IF_ERROR(ReadName(heap, name_ref, &m.name));
    if (qualifiers_ref != kNoHeapRef) {
      if (qualifiers_ref >= heap.size()) return Malformed("method qualifier reference outside the heap");
      Reader q(heap.subspan(qualifiers_ref), "method QualifierSet");
      Bytes set;
      if (!ReadLengthPrefixed(q, &set)) return q.status();
      RETURN_IF_ERROR(ReadQualifierSet(set, heap, depth, &m.qualifiers));
    }
    for (auto [ref, params] : {std::pair{in_ref, &m.in_params}, std::pair{out_ref, &m.out_params}}) {
      if (ref == kNoHeapRef) continue;
      if (ref > heap.size() - 4 || heap.size() < 4) return Malformed("method signature reference outside the heap");
      if (LoadLe(heap.subspan(ref, 4)) == 0) continue;  // EncodingLength 0: no signature
      Object signature;
      RETURN_IF_ERROR(ReadFramedObject(heap, ref, depth, &signature));
      if (!signature.is_class()) return Malformed("method signature is not a class");
      *params = signature.cls;
    }
    methods->push_back(std::move(m));
  }
  return Status::Ok();
}

// The instance data after the class part (InstanceType from EncodingLength).
Status ReadInstanceData(Reader& outer, const ClassLayout& layout, int depth, Instance* out) {
  Bytes data;
  if (!ReadLengthPrefixed(outer, &data)) return outer.status();
  Reader r(data, "InstanceType");
  uint8_t flags = 0, property_sets = 0;
  uint32_t class_name_ref = 0;
  Bytes nd_values, qualifiers, heap;
  r.U8(&flags);
  r.U32(&class_name_ref);
  r.Bytes(layout.nd_value_length, &nd_values);
  ReadLengthPrefixed(r, &qualifiers);
  r.U8(&property_sets);
  if (r.ok() && property_sets == kPropertyQualifierSets) {
    // One qualifier set per property; the model keeps no per-property
    // instance qualifiers, so they are checked for framing and skipped.
    for (size_t i = 0; i < layout.cls->properties.size() && r.ok(); ++i) {
      Bytes skipped;
      ReadLengthPrefixed(r, &skipped);
    }
  } else if (r.ok() && property_sets != kNoPropertyQualifierSets) {
    return Malformed("InstancePropQualifierSet flag " + std::to_string(property_sets));
  }
  ReadHeap(r, &heap);
  if (!r.ok()) return r.status();

  const Class& c = *layout.cls;
  Instance instance;
  instance.cls = layout.cls;
  std::string class_name;
  RETURN_IF_ERROR(ReadName(heap, class_name_ref, &class_name));
  size_t nd_size = NdTableSize(c.properties.size());
  if (nd_values.size() < nd_size) return Malformed("instance NdTable shorter than the property count");
  Bytes values = nd_values.subspan(nd_size);
  for (size_t i = 0; i < c.properties.size(); ++i) {
    const Property& p = c.properties[i];
    uint8_t nd = static_cast<uint8_t>(nd_values[i / 4] >> (2 * (i % 4)));
    Value value;
    if (nd & kNdNull) {
      value = Value::Null(p.type);
    } else if (nd & kNdDefault) {
      value = p.default_value;
    } else {
      Status status = ReadValueAt(values, layout.offsets[i], p.type, heap, depth, &value);
      if (!status.ok()) return Status(status.code(), "property " + p.name + ": " + status.message());
    }
    instance.values.push_back(std::move(value));
  }
  RETURN_IF_ERROR(ReadQualifierSet(qualifiers, heap, depth, &instance.qualifiers));
  *out = std::move(instance);
  return Status::Ok();
}

bool IsEmptyPart(const Class& c) {
  return c.name.empty() && c.properties.empty() && c.methods.empty() && c.qualifiers.empty();
}

Status DecodeBlock(Bytes data, int depth, Object* out, size_t* consumed) {
  if (depth > kMaxNesting) return Status(ErrorCode::kLimitExceeded, "objects nested too deeply");
  Reader r(data, "ObjectBlock");
  uint8_t flags = 0;
  if (!r.U8(&flags)) return r.status();
  bool is_class = (flags & kObjectFlagClass) != 0;
  bool is_instance = (flags & kObjectFlagInstance) != 0;
  if (is_class == is_instance) return Malformed("ObjectFlags " + std::to_string(flags));
  Object object;
  if (flags & kObjectFlagDecorated) {
    Decoration decoration;
    size_t used = 0;
    RETURN_IF_ERROR(ReadEncodedString(data, r.position(), &decoration.server, &used));
    r.Skip(used);
    RETURN_IF_ERROR(ReadEncodedString(data, r.position(), &decoration.name_space, &used));
    r.Skip(used);
    object.decoration = std::move(decoration);
  }
  if (is_instance) {
    ClassLayout layout;
    RETURN_IF_ERROR(ReadClassPart(r, depth, &layout));
    object.instance.emplace();
    RETURN_IF_ERROR(ReadInstanceData(r, layout, depth, &*object.instance));
    object.cls = layout.cls;
  } else {
    ClassLayout parent, current;
    RETURN_IF_ERROR(ReadClassPart(r, depth, &parent));
    RETURN_IF_ERROR(ReadMethodsPart(r, depth, &parent.cls->methods));
    RETURN_IF_ERROR(ReadClassPart(r, depth, &current));
    RETURN_IF_ERROR(ReadMethodsPart(r, depth, &current.cls->methods));
    if (!IsEmptyPart(*parent.cls)) object.parent = parent.cls;
    object.cls = current.cls;
  }
  *consumed = r.position();
  *out = std::move(object);
  return Status::Ok();
}

}  // namespace

Status DecodeObjectBlock(std::span<const uint8_t> data, Object* out) {
  size_t consumed = 0;
  return DecodeBlock(data, 0, out, &consumed);
}

Status DecodeEncodingUnit(std::span<const uint8_t> data, Object* out) {
  Reader r(data, "EncodingUnit");
  uint32_t signature = 0, length = 0;
  r.U32(&signature);
  r.U32(&length);
  if (!r.ok()) return r.status();
  if (signature != kEncodingUnitSignature) return Malformed("signature is not 0x12345678");
  // Tolerate an ObjectEncodingLength that overstates the data (the MS-WMIO
  // section 4 examples do): parse what is there; the parts bound themselves.
  size_t available = std::min<size_t>(length, r.remaining());
  size_t consumed = 0;
  return DecodeBlock(data.subspan(8, available), 0, out, &consumed);
}

}  // namespace cimulate::wmio
