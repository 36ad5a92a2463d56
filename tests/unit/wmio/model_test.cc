// The object model: building instances by name, coercion, lookups.

#include <gtest/gtest.h>

#include "wmio/instance.h"
#include "wmio/object.h"

namespace cimulate::wmio {
namespace {

ClassPtr ServiceClass() {
  auto cls = std::make_shared<Class>();
  cls->name = "Win32_Service";
  cls->AddProperty("Name", CimType::kString);
  cls->AddProperty("ProcessId", CimType::kUint32);
  cls->AddProperty("Started", CimType::kBoolean);
  return cls;
}

TEST(Model, MakeInstanceByNameCoercesAndKeepsDefaults) {
  Instance instance;
  ASSERT_TRUE(Instance::Make(ServiceClass(), {{"name", Value::String("Spooler")}, {"PROCESSID", Value::Sint64(42)}},
                             &instance)
                  .ok());
  EXPECT_EQ(instance.Get("Name")->as_string(), "Spooler");
  EXPECT_EQ(instance.Get("ProcessId")->type(), CimType::kUint32);
  EXPECT_EQ(instance.Get("ProcessId")->as_uint64(), 42u);
  EXPECT_TRUE(instance.Get("Started")->is_null());
  EXPECT_EQ(instance.Get("Nope"), nullptr);
}

TEST(Model, SetRejectsUnknownNamesAndLossyConversions) {
  Instance instance = Instance::OfClass(ServiceClass());
  EXPECT_EQ(instance.Set("Missing", Value::String("x")).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(instance.Set("ProcessId", Value::Sint32(-1)).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(instance.Set("ProcessId", Value::Uint64(1ull << 40)).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(instance.Set("Name", Value::Uint8(1)).code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(instance.Set("Name", Value::Null(CimType::kUint8)).ok());
  EXPECT_EQ(instance.Get("Name")->type(), CimType::kString);
}

TEST(Model, CoerceArraysElementWise) {
  Value v = Value::SignedArray(ArrayOf(CimType::kSint64), {1, 2, 300});
  EXPECT_FALSE(v.CoerceTo(ArrayOf(CimType::kUint8)).has_value());
  std::optional<Value> wide = v.CoerceTo(ArrayOf(CimType::kUint16));
  ASSERT_TRUE(wide.has_value());
  EXPECT_EQ(wide->as_uint64_array(), (std::vector<uint64_t>{1, 2, 300}));
  EXPECT_FALSE(v.CoerceTo(CimType::kUint16).has_value());
}

TEST(Model, TypeNamesRoundTrip) {
  EXPECT_EQ(CimTypeName(ArrayOf(CimType::kUint32)), "uint32[]");
  EXPECT_EQ(CimTypeFromName("datetime"), CimType::kDatetime);
  EXPECT_EQ(CimTypeFromName("string[]"), ArrayOf(CimType::kString));
  EXPECT_FALSE(CimTypeFromWire(0x1234).has_value());
  EXPECT_EQ(ValueTableSize(CimType::kSint64), 8u);
  EXPECT_EQ(ValueTableSize(ArrayOf(CimType::kUint8)), 4u);
}

TEST(Model, ValueText) {
  EXPECT_EQ(Value::Null(CimType::kString).ToString(), "NULL");
  EXPECT_EQ(Value::StringArray(ArrayOf(CimType::kString), {"a", "b"}).ToString(), "[\"a\", \"b\"]");
  EXPECT_EQ(Value::Boolean(true).ToString(), "true");
}

}  // namespace
}  // namespace cimulate::wmio
