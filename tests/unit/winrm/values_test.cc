// Values both ways for every MI_Type: a CreateInstance carrying each scalar
// type, arrays, a datetime and an interval, NULL, an embedded instance and a
// reference; then a GetInstance.  Each value is compared with what was sent,
// in the Create request the engine decoded and in what the Get returned.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/instance.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {
namespace {

void Add(MI_Instance* instance, const char* name, MI_Value value, MI_Type type, MI_Uint32 flags = 0) {
  ASSERT_EQ(MI_Instance_AddElement(instance, name, &value, type, flags), MI_RESULT_OK) << name;
}

MI_Datetime Timestamp() {
  MI_Datetime d{};
  d.isTimestamp = MI_TRUE;
  d.u.timestamp = {2024, 1, 31, 23, 59, 59, 123456, 60};
  return d;
}

MI_Datetime Interval() {
  MI_Datetime d{};
  d.isTimestamp = MI_FALSE;
  d.u.interval = {1, 2, 3, 4, 500000, 0, 0, 0};
  return d;
}

// A Sample_Types instance with every type the class declares.
core::InstancePtr EveryType(const core::InstancePtr& owner, const core::InstancePtr& inner) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance("Sample_Types", 0, &raw), MI_RESULT_OK);
  core::InstancePtr out(raw);
  MI_Value v{};
  v.string = const_cast<MI_Char*>("two");
  Add(raw, "Id", v, MI_STRING, MI_FLAG_KEY);
  v = {}; v.boolean = MI_TRUE; Add(raw, "B", v, MI_BOOLEAN);
  v = {}; v.uint8 = 255; Add(raw, "U8", v, MI_UINT8);
  v = {}; v.sint8 = -128; Add(raw, "S8", v, MI_SINT8);
  v = {}; v.uint16 = 65535; Add(raw, "U16", v, MI_UINT16);
  v = {}; v.sint16 = -32768; Add(raw, "S16", v, MI_SINT16);
  v = {}; v.uint32 = 4294967295u; Add(raw, "U32", v, MI_UINT32);
  v = {}; v.sint32 = -2147483647 - 1; Add(raw, "S32", v, MI_SINT32);
  v = {}; v.uint64 = 18446744073709551615ull; Add(raw, "U64", v, MI_UINT64);
  v = {}; v.sint64 = INT64_MIN; Add(raw, "S64", v, MI_SINT64);
  v = {}; v.real32 = 1.1f; Add(raw, "R32", v, MI_REAL32);
  v = {}; v.real64 = -2.0 / 3.0; Add(raw, "R64", v, MI_REAL64);
  v = {}; v.char16 = u'\u00e9'; Add(raw, "C16", v, MI_CHAR16);
  v = {}; v.datetime = Timestamp(); Add(raw, "When", v, MI_DATETIME);
  v = {}; v.datetime = Interval(); Add(raw, "Span", v, MI_DATETIME);
  v = {}; v.string = const_cast<MI_Char*>("a < b & c \"q\" 'é' ]]>"); Add(raw, "Text", v, MI_STRING);
  if (MI_Instance_AddElement(raw, "Nothing", nullptr, MI_STRING, MI_FLAG_NULL) != MI_RESULT_OK) ADD_FAILURE();
  static MI_Uint32 numbers[] = {0, 7, 4294967295u};
  v = {}; v.uint32a = {numbers, 3}; Add(raw, "Numbers", v, MI_UINT32A);
  static MI_Char* words[] = {const_cast<MI_Char*>("x"), const_cast<MI_Char*>("y z"), const_cast<MI_Char*>("")};
  v = {}; v.stringa = {words, 3}; Add(raw, "Words", v, MI_STRINGA);
  static MI_Boolean flags[] = {MI_TRUE, MI_FALSE};
  v = {}; v.booleana = {flags, 2}; Add(raw, "Flags", v, MI_BOOLEANA);
  v = {}; v.reference = owner.get(); Add(raw, "Owner", v, MI_REFERENCE);
  v = {}; v.instance = inner.get(); Add(raw, "Inner", v, MI_INSTANCE);
  return out;
}

::testing::AssertionResult SameValue(const MI_Instance* want, const MI_Instance* got, const char* name);

bool SameDatetime(const MI_Datetime& a, const MI_Datetime& b) {
  if (a.isTimestamp != b.isTimestamp) return false;
  if (a.isTimestamp) {
    const MI_Timestamp &x = a.u.timestamp, &y = b.u.timestamp;
    return x.year == y.year && x.month == y.month && x.day == y.day && x.hour == y.hour && x.minute == y.minute &&
           x.second == y.second && x.microseconds == y.microseconds && x.utc == y.utc;
  }
  const MI_Interval &x = a.u.interval, &y = b.u.interval;
  return x.days == y.days && x.hours == y.hours && x.minutes == y.minutes && x.seconds == y.seconds &&
         x.microseconds == y.microseconds;
}

::testing::AssertionResult SameScalar(MI_Type type, const MI_Value& a, const MI_Value& b) {
  auto fail = [&]() { return ::testing::AssertionFailure() << "type " << type << " differs"; };
  switch (type) {
    case MI_BOOLEAN: return a.boolean == b.boolean ? ::testing::AssertionSuccess() : fail();
    case MI_UINT8: return a.uint8 == b.uint8 ? ::testing::AssertionSuccess() : fail();
    case MI_SINT8: return a.sint8 == b.sint8 ? ::testing::AssertionSuccess() : fail();
    case MI_UINT16: return a.uint16 == b.uint16 ? ::testing::AssertionSuccess() : fail();
    case MI_SINT16: return a.sint16 == b.sint16 ? ::testing::AssertionSuccess() : fail();
    case MI_UINT32: return a.uint32 == b.uint32 ? ::testing::AssertionSuccess() : fail();
    case MI_SINT32: return a.sint32 == b.sint32 ? ::testing::AssertionSuccess() : fail();
    case MI_UINT64: return a.uint64 == b.uint64 ? ::testing::AssertionSuccess() : fail();
    case MI_SINT64: return a.sint64 == b.sint64 ? ::testing::AssertionSuccess() : fail();
    case MI_REAL32: return a.real32 == b.real32 ? ::testing::AssertionSuccess() : fail();
    case MI_REAL64: return a.real64 == b.real64 ? ::testing::AssertionSuccess() : fail();
    case MI_CHAR16: return a.char16 == b.char16 ? ::testing::AssertionSuccess() : fail();
    case MI_STRING:
      return std::strcmp(a.string, b.string) == 0 ? ::testing::AssertionSuccess()
                                                  : ::testing::AssertionFailure() << a.string << " != " << b.string;
    case MI_DATETIME: return SameDatetime(a.datetime, b.datetime) ? ::testing::AssertionSuccess() : fail();
    default: return ::testing::AssertionFailure() << "unexpected type " << type;
  }
}

// Every property of `want` (an instance or a reference's keys) is in `got`
// with the same value; references' keys come back as strings (selectors
// carry no types).
::testing::AssertionResult SameProperties(const MI_Instance* want, const MI_Instance* got) {
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(want, &count);
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    MI_Instance_GetElementAt(want, i, &name, &v, &type, &flags);
    ::testing::AssertionResult r = SameValue(want, got, name);
    if (!r) return r;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult SameValue(const MI_Instance* want, const MI_Instance* got, const char* name) {
  MI_Value a, b;
  MI_Type ta, tb;
  MI_Uint32 fa = 0, fb = 0;
  if (MI_Instance_GetElement(want, name, &a, &ta, &fa, nullptr) != MI_RESULT_OK) {
    return ::testing::AssertionFailure() << name << " missing in the original";
  }
  if (MI_Instance_GetElement(got, name, &b, &tb, &fb, nullptr) != MI_RESULT_OK) {
    return ::testing::AssertionFailure() << name << " missing";
  }
  if ((fa & MI_FLAG_NULL) || (fb & MI_FLAG_NULL)) {
    return (fa & MI_FLAG_NULL) == (fb & MI_FLAG_NULL) ? ::testing::AssertionSuccess()
                                                      : ::testing::AssertionFailure() << name << ": NULL differs";
  }
  if (ta != tb) return ::testing::AssertionFailure() << name << ": type " << tb << ", want " << ta;
  if (ta == MI_INSTANCE || ta == MI_REFERENCE) {
    if (ClassName(a.instance) != ClassName(b.instance)) {
      return ::testing::AssertionFailure() << name << ": class " << ClassName(b.instance);
    }
    return ta == MI_INSTANCE ? SameProperties(a.instance, b.instance)
                             : (Text(a.instance, "Name") == Text(b.instance, "Name")
                                    ? ::testing::AssertionSuccess()
                                    : ::testing::AssertionFailure() << name << ": key " << Text(b.instance, "Name"));
  }
  if (ta & MI_ARRAY) {
    if (a.array.size != b.array.size) return ::testing::AssertionFailure() << name << ": " << b.array.size << " elements";
    MI_Type scalar = static_cast<MI_Type>(ta & ~MI_ARRAY);
    size_t size = ta == MI_STRINGA ? sizeof(MI_Char*) : ta == MI_BOOLEANA ? sizeof(MI_Boolean) : sizeof(MI_Uint32);
    for (MI_Uint32 i = 0; i < a.array.size; ++i) {
      MI_Value ea{}, eb{};
      std::memcpy(&ea, static_cast<char*>(a.array.data) + i * size, size);
      std::memcpy(&eb, static_cast<char*>(b.array.data) + i * size, size);
      ::testing::AssertionResult r = SameScalar(scalar, ea, eb);
      if (!r) return r << " (" << name << "[" << i << "])";
    }
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult r = SameScalar(ta, a, b);
  return r ? r : r << " (" << name << ")";
}

TEST(WinrmValuesTest, EveryTypeSurvivesCreateAndGet) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr owner = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  core::InstancePtr inner = MakeInstance("CIM_Service", {{"Name", "embedded"}});
  core::InstancePtr sent = EveryType(owner, inner);
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_CreateInstance(session, 0, nullptr, "root/cimv2", sent.get(), nullptr, &op);
  Outcome created = Drain(&op);
  ASSERT_EQ(created.result, MI_RESULT_OK) << created.message;
  ASSERT_EQ(created.instances.size(), 1u);
  EXPECT_EQ(Text(created.instances[0].get(), "Id"), "two");

  // What the engine decoded from the Create request.
  const auto* body = std::get_if<wsman::InstanceBody>(&h.hub().Sent().back()->message.body);
  ASSERT_NE(body, nullptr);
  EXPECT_TRUE(SameProperties(sent.get(), body->instance.get()));

  core::InstancePtr key = MakeInstance("Sample_Types", {{"Id", "two"}});
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome got = Drain(&op);
  ASSERT_EQ(got.result, MI_RESULT_OK) << got.message;
  ASSERT_EQ(got.instances.size(), 1u);
  EXPECT_TRUE(SameProperties(sent.get(), got.instances[0].get()));
}

// The data's instance, declared in YAML, reads back with the declared types.
TEST(WinrmValuesTest, DeclaredValuesReadBackTyped) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr key = MakeInstance("Sample_Types", {{"Id", "one"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome got = Drain(&op);
  ASSERT_EQ(got.result, MI_RESULT_OK) << got.message;
  const MI_Instance* i = got.instances[0].get();
  EXPECT_EQ(Text(i, "U64"), "18446744073709551615");
  EXPECT_EQ(Text(i, "S64"), "-9223372036854775808");
  EXPECT_EQ(Text(i, "Nothing"), "<null>");
  EXPECT_EQ(TypeOf(i, "R32"), MI_REAL32);
  EXPECT_EQ(TypeOf(i, "C16"), MI_CHAR16);
  EXPECT_EQ(TypeOf(i, "Numbers"), MI_UINT32A);
  EXPECT_EQ(TypeOf(i, "Owner"), MI_REFERENCE);
  EXPECT_EQ(TypeOf(i, "Inner"), MI_INSTANCE);
  MI_Value v;
  MI_Type type;
  ASSERT_EQ(MI_Instance_GetElement(i, "Span", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(type, MI_DATETIME);
  EXPECT_FALSE(v.datetime.isTimestamp);
  EXPECT_EQ(v.datetime.u.interval.days, 1u);
  EXPECT_EQ(v.datetime.u.interval.microseconds, 500000u);
  ASSERT_EQ(MI_Instance_GetElement(i, "When", &v, &type, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(v.datetime.isTimestamp);
  EXPECT_EQ(v.datetime.u.timestamp.utc, 60);
  EXPECT_EQ(v.datetime.u.timestamp.microseconds, 123456u);
}

}  // namespace
}  // namespace cimulate::winrm::testing
