// MS-WMIO encode/decode: the MS-WMIO section 4 examples, round trips of
// every CIM type, layout details impacket depends on, and malformed input.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "spec_examples.h"
#include "wmio/codec.h"

namespace cimulate::wmio {
namespace {

using testing::kBaseClass;
using testing::kInstanceOfMyClass;
using testing::kMyClass;

TEST(SpecExamples, BaseClass) {
  Object object;
  Status status = DecodeEncodingUnit(kBaseClass, &object);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_TRUE(object.is_class());
  EXPECT_EQ(object.decoration, (Decoration{"DPRAVAT-DEV", "ROOT"}));
  EXPECT_EQ(object.parent, nullptr);
  EXPECT_EQ(object.cls->name, "Base");
  EXPECT_TRUE(object.cls->derivation.empty());
  ASSERT_EQ(object.cls->properties.size(), 1u);
  const Property& id = object.cls->properties[0];
  EXPECT_EQ(id.name, "Id");
  EXPECT_EQ(id.type, CimType::kSint32);
  EXPECT_TRUE(id.default_value.is_null());
  ASSERT_NE(FindQualifier(id.qualifiers, "CIMTYPE"), nullptr);
  EXPECT_EQ(FindQualifier(id.qualifiers, "CIMTYPE")->value.as_string(), "sint32");
  ASSERT_NE(FindQualifier(id.qualifiers, "key"), nullptr);
  EXPECT_TRUE(FindQualifier(id.qualifiers, "key")->value.as_bool());
}

TEST(SpecExamples, MyClass) {
  Object object;
  Status status = DecodeEncodingUnit(kMyClass, &object);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_TRUE(object.is_class());
  ASSERT_NE(object.parent, nullptr);
  EXPECT_EQ(object.parent->name, "Base");
  const Class& c = *object.cls;
  EXPECT_EQ(c.name, "MyClass");
  EXPECT_EQ(c.superclass(), "Base");
  ASSERT_NE(FindQualifier(c.qualifiers, "Description"), nullptr);
  EXPECT_EQ(FindQualifier(c.qualifiers, "Description")->value.as_string(), "MyClass Example");
  ASSERT_EQ(c.properties.size(), 4u);
  EXPECT_EQ(c.properties[0].name, "Id");
  EXPECT_TRUE(c.properties[0].inherited);
  EXPECT_EQ(c.properties[1].name, "Data1");
  EXPECT_EQ(c.properties[1].type, CimType::kString);
  EXPECT_EQ(c.properties[2].name, "Data2");
  EXPECT_EQ(c.properties[3].name, "Array");
  EXPECT_EQ(c.properties[3].type, ArrayOf(CimType::kUint32));
  EXPECT_FALSE(c.properties[1].inherited);
}

TEST(SpecExamples, InstanceOfMyClass) {
  Object object;
  Status status = DecodeEncodingUnit(kInstanceOfMyClass, &object);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_TRUE(object.is_instance());
  const Instance& instance = *object.instance;
  EXPECT_EQ(instance.class_name(), "MyClass");
  EXPECT_EQ(instance.Get("Id")->as_int64(), 123);
  EXPECT_EQ(instance.Get("Array")->as_uint64_array(), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(instance.Get("Data1")->as_string(), "StringField");
  EXPECT_TRUE(instance.Get("Data2")->is_null() || instance.Get("Data2")->type() == CimType::kString);
}

ObjectPtr SmallEmbedded() {
  auto cls = std::make_shared<Class>();
  cls->name = "Inner";
  cls->AddProperty("Label", CimType::kString);
  Instance inner = Instance::OfClass(cls);
  EXPECT_TRUE(inner.Set("Label", Value::String("inside")).ok());
  return std::make_shared<Object>(Object::ForInstance(inner));
}

// Every scalar and array type with a representative value.
std::vector<std::pair<std::string, Value>> AllTypeValues() {
  ObjectPtr embedded = SmallEmbedded();
  return {
      {"S8", Value::Sint8(-128)},
      {"U8", Value::Uint8(255)},
      {"S16", Value::Sint16(-32768)},
      {"U16", Value::Uint16(65535)},
      {"S32", Value::Sint32(std::numeric_limits<int32_t>::min())},
      {"U32", Value::Uint32(0xFFFFFFFFu)},
      {"S64", Value::Sint64(std::numeric_limits<int64_t>::min())},
      {"U64", Value::Uint64(0xFFFFFFFFFFFFFFFFull)},
      {"R32", Value::Real32(1.5f)},
      {"R64", Value::Real64(-2.25e300)},
      {"Bool", Value::Boolean(true)},
      {"False", Value::Boolean(false)},
      {"Str", Value::String("hello")},
      {"Wide", Value::String("gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80")},
      {"Empty", Value::String("")},
      {"When", Value::Datetime("20240102030405.000000+000")},
      {"Ref", Value::Reference("\\\\H\\root\\cimv2:Win32_Service.Name=\"x\"")},
      {"Ch", Value::Char16(u'\x263A')},
      {"Obj", Value::EmbeddedObject(embedded)},
      {"AS8", Value::SignedArray(ArrayOf(CimType::kSint8), {-1, 0, 127})},
      {"AU8", Value::UnsignedArray(ArrayOf(CimType::kUint8), {0, 200})},
      {"AS16", Value::SignedArray(ArrayOf(CimType::kSint16), {-300})},
      {"AU16", Value::UnsignedArray(ArrayOf(CimType::kUint16), {1, 65535})},
      {"AS32", Value::SignedArray(ArrayOf(CimType::kSint32), {-5, 6})},
      {"AU32", Value::UnsignedArray(ArrayOf(CimType::kUint32), {})},
      {"AS64", Value::SignedArray(ArrayOf(CimType::kSint64), {-7})},
      {"AU64", Value::UnsignedArray(ArrayOf(CimType::kUint64), {1ull << 63})},
      {"AR32", Value::RealArray(ArrayOf(CimType::kReal32), {0.5, -8})},
      {"AR64", Value::RealArray(ArrayOf(CimType::kReal64), {3.125})},
      {"ABool", Value::BooleanArray({true, false, true})},
      {"AStr", Value::StringArray(ArrayOf(CimType::kString), {"a", "", "\xc3\xa9t\xc3\xa9"})},
      {"ADt", Value::StringArray(ArrayOf(CimType::kDatetime), {"20000101000000.000000+000"})},
      {"ARef", Value::StringArray(ArrayOf(CimType::kReference), {"A.x=1", "B.y=2"})},
      {"ACh", Value::UnsignedArray(ArrayOf(CimType::kChar16), {'a', 0x263A})},
      {"AObj", Value::ObjectArray({embedded, embedded})},
      {"NullStr", Value::Null(CimType::kString)},
      {"NullU32", Value::Null(CimType::kUint32)},
      {"NullArr", Value::Null(ArrayOf(CimType::kString))},
  };
}

ClassPtr AllTypesClass() {
  auto cls = std::make_shared<Class>();
  cls->name = "Cim_AllTypes";
  cls->derivation = {"Cim_Base"};
  cls->qualifiers = {{"dynamic", kFlavorPropagateToInstance, Value::Boolean(true)},
                     {"provider", 0, Value::String("prov")},
                     {"Version", 0, Value::StringArray(ArrayOf(CimType::kString), {"1", "2"})}};
  for (const auto& [name, value] : AllTypeValues()) {
    Property& p = cls->AddProperty(name, value.type());
    if (name == "U16") p.default_value = Value::Uint16(7);
    if (name == "S8") {
      p.inherited = true;
      p.class_of_origin = 0;
      p.qualifiers.push_back({"key", kFlavorNotOverridable, Value::Boolean(true)});
    }
  }
  return cls;
}

TEST(RoundTrip, InstanceOfEveryType) {
  ClassPtr cls = AllTypesClass();
  Instance instance = Instance::OfClass(cls);
  for (const auto& [name, value] : AllTypeValues()) ASSERT_TRUE(instance.Set(name, value).ok()) << name;
  instance.qualifiers = {{"Note", 0, Value::Sint32(3)}};
  Object original = Object::ForInstance(instance, Decoration{"FAKEWMI", "ROOT\\cimv2"});
  std::vector<uint8_t> bytes;
  Status status = EncodeEncodingUnit(original, &bytes);
  ASSERT_TRUE(status.ok()) << status.ToString();
  Object decoded;
  status = DecodeEncodingUnit(bytes, &decoded);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(decoded == original);
  for (const auto& [name, value] : AllTypeValues()) {
    EXPECT_EQ(*decoded.instance->Get(name), value) << name << ": " << decoded.instance->Get(name)->ToString();
  }
  EXPECT_EQ(decoded.instance->Get("Obj")->as_object()->instance->Get("Label")->as_string(), "inside");
}

TEST(RoundTrip, ClassWithMethodsAndParent) {
  auto base = std::make_shared<Class>();
  base->name = "Cim_Base";
  base->AddProperty("S8", CimType::kSint8);
  ClassPtr cls = AllTypesClass();
  auto in = std::make_shared<Class>();
  in->name = "__PARAMETERS";
  in->AddProperty("CommandLine", CimType::kString).qualifiers.push_back({"ID", 0, Value::Sint32(0)});
  auto out = std::make_shared<Class>();
  out->name = "__PARAMETERS";
  out->AddProperty("ReturnValue", CimType::kUint32).qualifiers.push_back({"out", 0, Value::Boolean(true)});
  auto with_methods = std::make_shared<Class>(*cls);
  with_methods->methods.push_back({"Create", 0, 0, {{"Static", 0, Value::Boolean(true)}}, in, out});
  with_methods->methods.push_back({"Stop", 0, 0, {}, nullptr, out});
  Object original = Object::ForClass(with_methods, Decoration{"S", "root"}, base);
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(EncodeEncodingUnit(original, &bytes).ok());
  Object decoded;
  Status status = DecodeEncodingUnit(bytes, &decoded);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(decoded == original);
  ASSERT_NE(decoded.cls->FindMethod("create"), nullptr);
  EXPECT_EQ(decoded.cls->FindMethod("Create")->in_params->properties[0].name, "CommandLine");
  EXPECT_EQ(decoded.cls->FindProperty("U16")->default_value.as_uint64(), 7u);
}

// Offsets into a freshly encoded instance of a one-string class.
TEST(Layout, InstanceIsShapedForImpacket) {
  auto cls = std::make_shared<Class>();
  cls->name = "C";
  cls->AddProperty("A", CimType::kString);
  cls->AddProperty("B", CimType::kBoolean);
  Instance instance = Instance::OfClass(cls);
  ASSERT_TRUE(instance.Set("B", Value::Boolean(true)).ok());
  std::vector<uint8_t> block;
  ASSERT_TRUE(EncodeObjectBlock(Object::ForInstance(instance), &block).ok());
  EXPECT_EQ(block[0], kObjectFlagInstance);
  uint32_t class_part = block[1] | block[2] << 8 | block[3] << 16;
  size_t at = 1 + class_part;  // instance data: EncodingLength, flags, class name ref
  EXPECT_EQ(block[at + 4], 0);  // InstanceFlags
  EXPECT_EQ(block[at + 5] | block[at + 6] << 8, 0);  // class name at heap offset 0
  size_t nd = at + 9;
  EXPECT_EQ(block[nd], 0x01);  // A is NULL, B has a value
  for (size_t i = 1; i <= 4; ++i) EXPECT_EQ(block[nd + i], 0) << "NULL string slot is zero-filled";
  EXPECT_EQ(block[nd + 5], 0xFF);  // boolean true is 0xFFFF
  EXPECT_EQ(block[nd + 6], 0xFF);
  EXPECT_EQ(block[nd + 7], 4);  // empty instance qualifier set
  EXPECT_EQ(block[nd + 11], 1);  // InstancePropQualifierSet flag 1
}

TEST(Layout, EncoderRejectsValueOfWrongType) {
  auto cls = std::make_shared<Class>();
  cls->name = "C";
  cls->AddProperty("N", CimType::kUint8);
  Instance instance = Instance::OfClass(cls);
  instance.values[0] = Value::String("not a number");
  std::vector<uint8_t> bytes;
  EXPECT_EQ(EncodeEncodingUnit(Object::ForInstance(instance), &bytes).code(), ErrorCode::kInvalidArgument);
}

TEST(Malformed, EveryTruncationFailsCleanly) {
  // The section 4 examples carry trailing bytes; our own encodings do not.
  Instance instance = Instance::OfClass(AllTypesClass());
  for (const auto& [name, value] : AllTypeValues()) ASSERT_TRUE(instance.Set(name, value).ok());
  std::vector<uint8_t> encoded;
  ASSERT_TRUE(EncodeEncodingUnit(Object::ForInstance(instance), &encoded).ok());
  for (const std::vector<uint8_t>* example : {&encoded}) {
    for (size_t n = 0; n < example->size(); ++n) {
      std::vector<uint8_t> cut(example->begin(), example->begin() + static_cast<long>(n));
      Object object;
      EXPECT_FALSE(DecodeEncodingUnit(cut, &object).ok()) << n;
    }
  }
}

TEST(Malformed, ByteFlipsNeverCrash) {
  std::vector<uint8_t> bytes = kInstanceOfMyClass;
  size_t failures = 0;
  for (size_t i = 8; i < bytes.size(); ++i) {
    for (uint8_t x : {0x01, 0x80, 0xFF}) {
      std::vector<uint8_t> flipped = bytes;
      flipped[i] ^= x;
      Object object;
      if (!DecodeEncodingUnit(flipped, &object).ok()) ++failures;
    }
  }
  EXPECT_GT(failures, 0u);
}

TEST(Malformed, HugeCountsAndBadSignature) {
  std::vector<uint8_t> bad = kBaseClass;
  bad[0] = 0;
  Object object;
  EXPECT_EQ(DecodeEncodingUnit(bad, &object).code(), ErrorCode::kMalformed);
  // An array claiming 2^32-1 items in a tiny heap.
  auto cls = std::make_shared<Class>();
  cls->name = "C";
  cls->AddProperty("A", ArrayOf(CimType::kUint64));
  Instance instance = Instance::OfClass(cls);
  ASSERT_TRUE(instance.Set("A", Value::UnsignedArray(ArrayOf(CimType::kUint64), {1})).ok());
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(EncodeEncodingUnit(Object::ForInstance(instance), &bytes).ok());
  // The array header is the last 12 bytes of the instance heap: count then item.
  size_t count_at = bytes.size() - 12;
  ASSERT_EQ(bytes[count_at], 1);
  for (size_t i = 0; i < 4; ++i) bytes[count_at + i] = 0xFF;
  Status status = DecodeEncodingUnit(bytes, &object);
  EXPECT_EQ(status.code(), ErrorCode::kTruncated) << status.ToString();
}

TEST(Malformed, NestingIsBounded) {
  auto cls = std::make_shared<Class>();
  cls->name = "Nest";
  cls->AddProperty("Inner", CimType::kObject);
  ObjectPtr object;
  for (int i = 0; i < 40; ++i) {
    Instance instance = Instance::OfClass(cls);
    if (object) instance.values[0] = Value::EmbeddedObject(object);
    object = std::make_shared<Object>(Object::ForInstance(instance));
  }
  std::vector<uint8_t> bytes;
  EXPECT_EQ(EncodeEncodingUnit(*object, &bytes).code(), ErrorCode::kLimitExceeded);
}

}  // namespace
}  // namespace cimulate::wmio
