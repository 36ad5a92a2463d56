// wmio instances -> MI instances: types, keys, NULLs, arrays, datetimes, references, embedded objects.
#include "wmidcom/object_conversion.h"

#include <gtest/gtest.h>

#include <memory>

#include "wmio/class.h"
#include "wmio/object.h"

namespace cimulate::wmidcom {
namespace {

using wmio::CimType;

wmio::Property Prop(const char* name, CimType type, bool key = false) {
  wmio::Property p;
  p.name = name;
  p.type = type;
  p.default_value = wmio::Value::Null(type);
  if (key) p.qualifiers.push_back(wmio::Qualifier{"key", {}, wmio::Value::Boolean(true)});
  return p;
}

TEST(WmidcomConversionTest, EveryKindOfValue) {
  auto inner_cls = std::make_shared<wmio::Class>();
  inner_cls->name = "Inner";
  inner_cls->properties = {Prop("X", CimType::kUint8)};
  wmio::Instance inner = wmio::Instance::OfClass(inner_cls);
  inner.values[0] = wmio::Value::Uint8(9);
  auto inner_object = std::make_shared<wmio::Object>(wmio::Object::ForInstance(inner));

  auto cls = std::make_shared<wmio::Class>();
  cls->name = "Test_Class";
  cls->properties = {Prop("Name", CimType::kString, true),
                     Prop("Count", CimType::kUint32),
                     Prop("Delta", CimType::kSint16),
                     Prop("Ratio", CimType::kReal64),
                     Prop("On", CimType::kBoolean),
                     Prop("When", CimType::kDatetime),
                     Prop("Owner", CimType::kReference),
                     Prop("Tags", wmio::ArrayOf(CimType::kString)),
                     Prop("Sizes", wmio::ArrayOf(CimType::kUint64)),
                     Prop("Inner", CimType::kObject),
                     Prop("Missing", CimType::kString)};
  wmio::Instance in = wmio::Instance::OfClass(cls);
  in.values[0] = wmio::Value::String("a\"b");
  in.values[1] = wmio::Value::Uint32(4000000000u);
  in.values[2] = wmio::Value::Sint16(-5);
  in.values[3] = wmio::Value::Real64(0.25);
  in.values[4] = wmio::Value::Boolean(true);
  in.values[5] = wmio::Value::Datetime("20240102030405.123456-060");
  in.values[6] = wmio::Value::Reference("\\\\HOST\\root\\cimv2:Win32_Account.Domain=\"D\",Id=7");
  in.values[7] = wmio::Value::StringArray(wmio::ArrayOf(CimType::kString), {"x", "y"});
  in.values[8] = wmio::Value::UnsignedArray(wmio::ArrayOf(CimType::kUint64), {1, 18446744073709551615ull});
  in.values[9] = wmio::Value::EmbeddedObject(inner_object);

  core::InstancePtr mi;
  std::string error;
  ASSERT_TRUE(ToMiInstance(in, &mi, &error)) << error;
  MI_Value v;
  MI_Type t;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Name", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(v.string, "a\"b");
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Count", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(t, MI_UINT32);
  EXPECT_EQ(v.uint32, 4000000000u);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Delta", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(v.sint16, -5);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Ratio", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_DOUBLE_EQ(v.real64, 0.25);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "On", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(v.boolean, MI_TRUE);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "When", &v, &t, &flags, nullptr), MI_RESULT_OK);
  ASSERT_EQ(t, MI_DATETIME);
  EXPECT_TRUE(v.datetime.isTimestamp);
  EXPECT_EQ(v.datetime.u.timestamp.year, 2024u);
  EXPECT_EQ(v.datetime.u.timestamp.microseconds, 123456u);
  EXPECT_EQ(v.datetime.u.timestamp.utc, -60);
  EXPECT_EQ(FormatDmtfDatetime(v.datetime), "20240102030405.123456-060");
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Owner", &v, &t, &flags, nullptr), MI_RESULT_OK);
  ASSERT_EQ(t, MI_REFERENCE);
  const MI_Char* ref_class = nullptr;
  ASSERT_EQ(MI_Instance_GetClassName(v.reference, &ref_class), MI_RESULT_OK);
  EXPECT_STREQ(ref_class, "Win32_Account");
  MI_Value key;
  ASSERT_EQ(MI_Instance_GetElement(v.reference, "Id", &key, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(key.uint64, 7u);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Tags", &v, &t, &flags, nullptr), MI_RESULT_OK);
  ASSERT_EQ(t, MI_STRINGA);
  ASSERT_EQ(v.stringa.size, 2u);
  EXPECT_STREQ(v.stringa.data[1], "y");
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Sizes", &v, &t, &flags, nullptr), MI_RESULT_OK);
  ASSERT_EQ(v.uint64a.size, 2u);
  EXPECT_EQ(v.uint64a.data[1], 18446744073709551615ull);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Inner", &v, &t, &flags, nullptr), MI_RESULT_OK);
  ASSERT_EQ(t, MI_INSTANCE);
  MI_Value x;
  ASSERT_EQ(MI_Instance_GetElement(v.instance, "X", &x, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(x.uint8, 9);
  ASSERT_EQ(MI_Instance_GetElement(mi.get(), "Missing", &v, &t, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
}

TEST(WmidcomConversionTest, BadDatetimeIsAnError) {
  auto cls = std::make_shared<wmio::Class>();
  cls->name = "C";
  cls->properties = {Prop("When", CimType::kDatetime)};
  wmio::Instance in = wmio::Instance::OfClass(cls);
  in.values[0] = wmio::Value::Datetime("yesterday");
  core::InstancePtr mi;
  std::string error;
  EXPECT_FALSE(ToMiInstance(in, &mi, &error));
  EXPECT_NE(error.find("When"), std::string::npos);
}

TEST(WmidcomConversionTest, IntervalsAndPaths) {
  auto interval = ParseDmtfDatetime("00000001020304.000005:000");
  ASSERT_TRUE(interval);
  EXPECT_FALSE(interval->isTimestamp);
  EXPECT_EQ(interval->u.interval.days, 1u);
  EXPECT_EQ(interval->u.interval.seconds, 4u);
  EXPECT_EQ(FormatDmtfDatetime(*interval), "00000001020304.000005:000");
  EXPECT_NE(ReferenceFromPath("Win32_OperatingSystem=@"), nullptr);
  EXPECT_EQ(ReferenceFromPath("not a path"), nullptr);
  EXPECT_EQ(ReferenceFromPath("C.K=\"unterminated"), nullptr);
}

}  // namespace
}  // namespace cimulate::wmidcom
