#include "core/instance.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "MI.h"

namespace cimulate::core {
namespace {

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

InstancePtr NewInstance(const char* class_name = "Test_Class") {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(NewDynamicInstance(class_name, MI_FLAG_CLASS, &raw), MI_RESULT_OK);
  return InstancePtr(raw);
}

// An instance of class `class_name` with one uint32 property "Id".
InstancePtr NewTagged(const char* class_name, MI_Uint32 id) {
  InstancePtr instance = NewInstance(class_name);
  MI_Value value;
  value.uint32 = id;
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), "Id", &value, MI_UINT32, MI_FLAG_KEY), MI_RESULT_OK);
  return instance;
}

std::string ClassOf(const MI_Instance* instance) {
  const MI_Char* name = nullptr;
  if (MI_Instance_GetClassName(instance, &name) != MI_RESULT_OK || name == nullptr) return "<none>";
  return name;
}

MI_Uint32 IdOf(const MI_Instance* instance) {
  MI_Value value;
  MI_Type type;
  if (MI_Instance_GetElement(instance, "Id", &value, &type, nullptr, nullptr) != MI_RESULT_OK || type != MI_UINT32)
    return 0xFFFFFFFFu;
  return value.uint32;
}

size_t ScalarSize(MI_Type type) {
  switch (static_cast<MI_Type>(type & ~MI_ARRAY)) {
    case MI_BOOLEAN:
    case MI_UINT8:
    case MI_SINT8: return 1;
    case MI_UINT16:
    case MI_SINT16:
    case MI_CHAR16: return 2;
    case MI_UINT32:
    case MI_SINT32:
    case MI_REAL32: return 4;
    case MI_UINT64:
    case MI_SINT64:
    case MI_REAL64: return 8;
    case MI_DATETIME: return sizeof(MI_Datetime);
    default: return sizeof(void*);
  }
}

// Bytes the value of `type` occupies in a field (the offset of the 'exists' byte).
size_t FieldSize(MI_Type type) { return (type & MI_ARRAY) ? sizeof(MI_Array) : ScalarSize(type); }

bool SameInstance(const MI_Instance* a, const MI_Instance* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return ClassOf(a) == ClassOf(b) && IdOf(a) == IdOf(b);
}

bool SameDatetime(const MI_Datetime& a, const MI_Datetime& b) {
  if (a.isTimestamp != b.isTimestamp) return false;
  if (a.isTimestamp) return std::memcmp(&a.u.timestamp, &b.u.timestamp, sizeof(MI_Timestamp)) == 0;
  const MI_Interval& x = a.u.interval;
  const MI_Interval& y = b.u.interval;
  return x.days == y.days && x.hours == y.hours && x.minutes == y.minutes && x.seconds == y.seconds &&
         x.microseconds == y.microseconds;
}

// Deep comparison, independent of the library's own helpers.
bool SameValue(MI_Type type, const MI_Value& a, const MI_Value& b) {
  switch (type) {
    case MI_STRING:
      if (a.string == nullptr || b.string == nullptr) return a.string == b.string;
      return std::strcmp(a.string, b.string) == 0;
    case MI_INSTANCE:
    case MI_REFERENCE: return SameInstance(a.instance, b.instance);
    case MI_DATETIME: return SameDatetime(a.datetime, b.datetime);
    case MI_STRINGA:
      if (a.stringa.size != b.stringa.size) return false;
      for (MI_Uint32 i = 0; i < a.stringa.size; ++i)
        if (std::strcmp(a.stringa.data[i], b.stringa.data[i]) != 0) return false;
      return true;
    case MI_INSTANCEA:
    case MI_REFERENCEA:
      if (a.instancea.size != b.instancea.size) return false;
      for (MI_Uint32 i = 0; i < a.instancea.size; ++i)
        if (!SameInstance(a.instancea.data[i], b.instancea.data[i])) return false;
      return true;
    case MI_DATETIMEA:
      if (a.datetimea.size != b.datetimea.size) return false;
      for (MI_Uint32 i = 0; i < a.datetimea.size; ++i)
        if (!SameDatetime(a.datetimea.data[i], b.datetimea.data[i])) return false;
      return true;
    default: break;
  }
  if (type & MI_ARRAY) {
    if (a.array.size != b.array.size) return false;
    return a.array.size == 0 || std::memcmp(a.array.data, b.array.data, a.array.size * ScalarSize(type)) == 0;
  }
  return std::memcmp(&a, &b, ScalarSize(type)) == 0;
}

MI_Datetime Timestamp(MI_Uint32 year, MI_Sint32 utc) {
  MI_Datetime datetime;
  std::memset(&datetime, 0, sizeof(datetime));
  datetime.isTimestamp = 1;
  datetime.u.timestamp.year = year;
  datetime.u.timestamp.month = 2;
  datetime.u.timestamp.day = 28;
  datetime.u.timestamp.hour = 13;
  datetime.u.timestamp.minute = 14;
  datetime.u.timestamp.second = 15;
  datetime.u.timestamp.microseconds = 161718;
  datetime.u.timestamp.utc = utc;
  return datetime;
}

MI_Datetime Interval(MI_Uint32 days, MI_Uint32 seconds) {
  MI_Datetime datetime;
  std::memset(&datetime, 0, sizeof(datetime));
  datetime.isTimestamp = 0;
  datetime.u.interval.days = days;
  datetime.u.interval.hours = 23;
  datetime.u.interval.minutes = 59;
  datetime.u.interval.seconds = seconds;
  datetime.u.interval.microseconds = 999999;
  return datetime;
}

// Two distinct sample values for every MI_Type; owns everything the values point at.
class Samples {
 public:
  Samples() {
    embedded_.push_back(NewTagged("Embedded_A", 1));
    embedded_.push_back(NewTagged("Embedded_B", 2));
    embedded_.push_back(NewTagged("Embedded_C", 3));
    embedded_.push_back(NewTagged("Embedded_D", 4));
    instances1_ = {embedded_[0].get(), embedded_[1].get()};
    instances2_ = {embedded_[2].get(), embedded_[3].get(), embedded_[0].get()};
  }

  MI_Value Get(MI_Type type, int which) {
    MI_Value v;
    std::memset(&v, 0, sizeof(v));
    bool first = which == 0;
    switch (type) {
      case MI_BOOLEAN: v.boolean = first ? MI_TRUE : MI_FALSE; break;
      case MI_UINT8: v.uint8 = first ? 200 : 7; break;
      case MI_SINT8: v.sint8 = first ? -100 : 99; break;
      case MI_UINT16: v.uint16 = first ? 60000 : 1; break;
      case MI_SINT16: v.sint16 = first ? -30000 : 12345; break;
      case MI_UINT32: v.uint32 = first ? 4000000000u : 17u; break;
      case MI_SINT32: v.sint32 = first ? -2000000000 : 3; break;
      case MI_UINT64: v.uint64 = first ? 0xFEDCBA9876543210ull : 2ull; break;
      case MI_SINT64: v.sint64 = first ? -0x123456789ABCll : 42ll; break;
      case MI_REAL32: v.real32 = first ? 3.5f : -0.125f; break;
      case MI_REAL64: v.real64 = first ? -2.25e300 : 1.0 / 3.0; break;
      case MI_CHAR16: v.char16 = first ? 0x263A : 'Z'; break;
      case MI_DATETIME: v.datetime = first ? Timestamp(2024, -480) : Interval(12, 34); break;
      case MI_STRING: v.string = first ? string1_ : string2_; break;
      case MI_REFERENCE: v.reference = embedded_[first ? 0 : 1].get(); break;
      case MI_INSTANCE: v.instance = embedded_[first ? 2 : 3].get(); break;
      case MI_BOOLEANA: v.booleana = {first ? booleans1_ : booleans2_, first ? 3u : 1u}; break;
      case MI_UINT8A: v.uint8a = {first ? uint8s1_ : uint8s2_, first ? 3u : 2u}; break;
      case MI_SINT8A: v.sint8a = {first ? sint8s1_ : sint8s2_, first ? 3u : 2u}; break;
      case MI_UINT16A: v.uint16a = {first ? uint16s1_ : uint16s2_, first ? 3u : 2u}; break;
      case MI_SINT16A: v.sint16a = {first ? sint16s1_ : sint16s2_, first ? 3u : 2u}; break;
      case MI_UINT32A: v.uint32a = {first ? uint32s1_ : uint32s2_, first ? 3u : 2u}; break;
      case MI_SINT32A: v.sint32a = {first ? sint32s1_ : sint32s2_, first ? 3u : 2u}; break;
      case MI_UINT64A: v.uint64a = {first ? uint64s1_ : uint64s2_, first ? 3u : 2u}; break;
      case MI_SINT64A: v.sint64a = {first ? sint64s1_ : sint64s2_, first ? 3u : 2u}; break;
      case MI_REAL32A: v.real32a = {first ? real32s1_ : real32s2_, first ? 3u : 2u}; break;
      case MI_REAL64A: v.real64a = {first ? real64s1_ : real64s2_, first ? 3u : 2u}; break;
      case MI_CHAR16A: v.char16a = {first ? char16s1_ : char16s2_, first ? 3u : 2u}; break;
      case MI_DATETIMEA:
        datetimes_[0] = Timestamp(1999, 60);
        datetimes_[1] = Interval(1, 2);
        datetimes_[2] = Timestamp(2038, 0);
        v.datetimea = {first ? datetimes_ : datetimes_ + 1, first ? 3u : 1u};
        break;
      case MI_STRINGA:
        v.stringa = {first ? strings1_ : strings2_, first ? 3u : 1u};
        break;
      case MI_REFERENCEA:
        v.referencea = {first ? instances1_.data() : instances2_.data(), first ? 2u : 3u};
        break;
      case MI_INSTANCEA:
        v.instancea = {first ? instances2_.data() : instances1_.data(), first ? 3u : 2u};
        break;
      default: ADD_FAILURE() << "type " << type; break;
    }
    return v;
  }

 private:
  std::vector<InstancePtr> embedded_;
  std::vector<MI_Instance*> instances1_, instances2_;
  char string1_[16] = "hello";
  char string2_[16] = "w\xC3\xB6rld";
  char s0_[8] = "alpha", s1_[8] = "", s2_[8] = "gamma", s3_[8] = "delta";
  MI_Char* strings1_[3] = {s0_, s1_, s2_};
  MI_Char* strings2_[1] = {s3_};
  MI_Boolean booleans1_[3] = {1, 0, 1}, booleans2_[1] = {0};
  MI_Uint8 uint8s1_[3] = {0, 128, 255}, uint8s2_[2] = {9, 8};
  MI_Sint8 sint8s1_[3] = {-128, 0, 127}, sint8s2_[2] = {-1, 1};
  MI_Uint16 uint16s1_[3] = {1, 2, 65535}, uint16s2_[2] = {7, 7};
  MI_Sint16 sint16s1_[3] = {-32768, 5, 32767}, sint16s2_[2] = {-7, 7};
  MI_Uint32 uint32s1_[3] = {1, 0xFFFFFFFFu, 3}, uint32s2_[2] = {10, 20};
  MI_Sint32 sint32s1_[3] = {-1, 0, 1}, sint32s2_[2] = {-10, 20};
  MI_Uint64 uint64s1_[3] = {1, ~0ull, 3}, uint64s2_[2] = {5, 6};
  MI_Sint64 sint64s1_[3] = {-1, 0, 1ll << 62}, sint64s2_[2] = {-5, 6};
  MI_Real32 real32s1_[3] = {0.5f, -1.5f, 1e30f}, real32s2_[2] = {2, 3};
  MI_Real64 real64s1_[3] = {0.25, -1e-300, 1e300}, real64s2_[2] = {4, 5};
  MI_Char16 char16s1_[3] = {'a', 0x20AC, 0xFFFF}, char16s2_[2] = {'x', 'y'};
  MI_Datetime datetimes_[3];
};

const MI_Type kAllTypes[] = {
    MI_BOOLEAN,   MI_UINT8,   MI_SINT8,   MI_UINT16,   MI_SINT16,   MI_UINT32,    MI_SINT32,    MI_UINT64,
    MI_SINT64,    MI_REAL32,  MI_REAL64,  MI_CHAR16,   MI_DATETIME, MI_STRING,    MI_REFERENCE, MI_INSTANCE,
    MI_BOOLEANA,  MI_UINT8A,  MI_SINT8A,  MI_UINT16A,  MI_SINT16A,  MI_UINT32A,   MI_SINT32A,   MI_UINT64A,
    MI_SINT64A,   MI_REAL32A, MI_REAL64A, MI_CHAR16A,  MI_DATETIMEA, MI_STRINGA,  MI_REFERENCEA, MI_INSTANCEA,
};

bool OwnsMemory(MI_Type type) {
  return type == MI_STRING || type == MI_REFERENCE || type == MI_INSTANCE || (type & MI_ARRAY);
}

// The pointer a value of `type` holds (nullptr for plain scalars).
const void* PointerOf(MI_Type type, const MI_Value& value) {
  if (type & MI_ARRAY) return value.array.data;
  if (type == MI_STRING) return value.string;
  if (type == MI_REFERENCE || type == MI_INSTANCE) return value.instance;
  return nullptr;
}

// ---------------------------------------------------------------------------
// Values of every type
// ---------------------------------------------------------------------------

TEST(InstanceValuesTest, AllTypesRoundTripThroughAddGetAndSet) {
  ASSERT_EQ(sizeof(kAllTypes) / sizeof(kAllTypes[0]), 32u);
  Samples samples;
  for (MI_Type type : kAllTypes) {
    SCOPED_TRACE(testing::Message() << "type " << type);
    InstancePtr instance = NewInstance();
    ASSERT_NE(instance, nullptr);
    MI_Value filler;
    filler.uint32 = 1;
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "First", &filler, MI_UINT32, 0), MI_RESULT_OK);

    MI_Value first = samples.Get(type, 0);
    MI_Value second = samples.Get(type, 1);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Prop", &first, type, 0), MI_RESULT_OK);

    MI_Value read;
    MI_Type read_type = static_cast<MI_Type>(99);
    MI_Uint32 flags = 0;
    MI_Uint32 index = 99;
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Prop", &read, &read_type, &flags, &index), MI_RESULT_OK);
    EXPECT_EQ(read_type, type);
    EXPECT_EQ(index, 1u);
    EXPECT_FALSE(flags & MI_FLAG_NULL);
    EXPECT_TRUE(SameValue(type, read, first));
    if (OwnsMemory(type)) {
      EXPECT_NE(PointerOf(type, read), PointerOf(type, first)) << "not copied";
    }

    ASSERT_EQ(MI_Instance_SetElement(instance.get(), "Prop", &second, type, 0), MI_RESULT_OK);
    const MI_Char* name = nullptr;
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), 1, &name, &read, &read_type, &flags), MI_RESULT_OK);
    EXPECT_STREQ(name, "Prop");
    EXPECT_EQ(read_type, type);
    EXPECT_TRUE(SameValue(type, read, second));

    ASSERT_EQ(MI_Instance_SetElementAt(instance.get(), 1, &first, type, 0), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), 1, &name, &read, &read_type, &flags), MI_RESULT_OK);
    EXPECT_TRUE(SameValue(type, read, first));

    // The neighbouring property is untouched.
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), 0, &name, &read, &read_type, &flags), MI_RESULT_OK);
    EXPECT_EQ(read.uint32, 1u);
  }
}

TEST(InstanceValuesTest, AllTypesInOneInstance) {
  Samples samples;
  InstancePtr instance = NewInstance();
  for (MI_Type type : kAllTypes) {
    std::string name = "P" + std::to_string(type);
    MI_Value value = samples.Get(type, type % 2);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), name.c_str(), &value, type, 0), MI_RESULT_OK) << type;
  }
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 32u);
  for (MI_Type type : kAllTypes) {
    std::string name = "P" + std::to_string(type);
    MI_Value read;
    MI_Type read_type;
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), name.c_str(), &read, &read_type, nullptr, nullptr),
              MI_RESULT_OK);
    EXPECT_EQ(read_type, type);
    EXPECT_TRUE(SameValue(type, read, samples.Get(type, type % 2))) << type;
  }
}

TEST(InstanceValuesTest, EmptyArraysRoundTrip) {
  InstancePtr instance = NewInstance();
  MI_Value empty;
  std::memset(&empty, 0, sizeof(empty));
  for (MI_Type type : {MI_UINT32A, MI_STRINGA, MI_INSTANCEA}) {
    std::string name = "E" + std::to_string(type);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), name.c_str(), &empty, type, 0), MI_RESULT_OK);
    MI_Value read;
    MI_Uint32 flags = 0;
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), name.c_str(), &read, nullptr, &flags, nullptr), MI_RESULT_OK);
    EXPECT_EQ(read.array.size, 0u);
    EXPECT_FALSE(flags & MI_FLAG_NULL);
  }
}

TEST(InstanceValuesTest, ElementCountFollowsAddElement) {
  InstancePtr instance = NewInstance();
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
  MI_Value value;
  value.uint8 = 1;
  for (int i = 0; i < 5; ++i) {
    std::string name = "N" + std::to_string(i);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), name.c_str(), &value, MI_UINT8, 0), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
    EXPECT_EQ(count, static_cast<MI_Uint32>(i + 1));
  }
  // Clearing a value keeps the property.
  ASSERT_EQ(MI_Instance_ClearElement(instance.get(), "N2"), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 5u);
}

TEST(InstanceValuesTest, ManyPropertiesSurviveStorageGrowth) {
  InstancePtr instance = NewInstance();
  for (MI_Uint32 i = 0; i < 200; ++i) {
    std::string name = "Prop" + std::to_string(i);
    std::string text = "value " + std::to_string(i);
    MI_Value value;
    value.string = text.data();
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), name.c_str(), &value, MI_STRING, 0), MI_RESULT_OK);
  }
  for (MI_Uint32 i = 0; i < 200; ++i) {
    MI_Value read;
    const MI_Char* name = nullptr;
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), i, &name, &read, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_EQ(std::string(name), "Prop" + std::to_string(i));
    EXPECT_EQ(std::string(read.string), "value " + std::to_string(i));
  }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

TEST(InstanceErrorsTest, DuplicateAddElementIsAlreadyExists) {
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.uint32 = 1;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Name", &value, MI_UINT32, 0), MI_RESULT_OK);
  value.uint32 = 2;
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), "Name", &value, MI_UINT32, 0), MI_RESULT_ALREADY_EXISTS);
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), "NAME", &value, MI_STRING, 0), MI_RESULT_ALREADY_EXISTS);
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Name", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(read.uint32, 1u);
}

TEST(InstanceErrorsTest, NamesAreCaseInsensitive) {
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.uint32 = 5;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Caption", &value, MI_UINT32, 0), MI_RESULT_OK);
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "cAPTION", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(read.uint32, 5u);
}

TEST(InstanceErrorsTest, UnknownNameIsNoSuchProperty) {
  InstancePtr instance = NewTagged("X", 1);
  MI_Value value;
  value.uint32 = 1;
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance.get(), "Missing", &value, &type, nullptr, nullptr),
            MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Instance_SetElement(instance.get(), "Missing", &value, MI_UINT32, 0), MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Instance_ClearElement(instance.get(), "Missing"), MI_RESULT_NO_SUCH_PROPERTY);
}

TEST(InstanceErrorsTest, IndexOutOfRangeIsNoSuchProperty) {
  InstancePtr instance = NewTagged("X", 1);
  MI_Value value;
  value.uint32 = 1;
  const MI_Char* name = nullptr;
  MI_Type type;
  MI_Uint32 flags;
  EXPECT_EQ(MI_Instance_GetElementAt(instance.get(), 1, &name, &value, &type, &flags), MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Instance_GetElementAt(instance.get(), 0xFFFFFFFFu, &name, &value, &type, &flags),
            MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Instance_SetElementAt(instance.get(), 1, &value, MI_UINT32, 0), MI_RESULT_NO_SUCH_PROPERTY);
  EXPECT_EQ(MI_Instance_ClearElementAt(instance.get(), 1), MI_RESULT_NO_SUCH_PROPERTY);
}

TEST(InstanceErrorsTest, SetWithAnotherTypeIsTypeMismatch) {
  InstancePtr instance = NewTagged("X", 7);
  MI_Value value;
  value.string = const_cast<MI_Char*>("7");
  EXPECT_EQ(MI_Instance_SetElement(instance.get(), "Id", &value, MI_STRING, 0), MI_RESULT_TYPE_MISMATCH);
  value.uint64 = 7;
  EXPECT_EQ(MI_Instance_SetElementAt(instance.get(), 0, &value, MI_UINT64, 0), MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(MI_Instance_SetElement(instance.get(), "Id", &value, MI_UINT32A, 0), MI_RESULT_TYPE_MISMATCH);
  EXPECT_EQ(IdOf(instance.get()), 7u);
}

TEST(InstanceErrorsTest, AddElementRefusesBadArguments) {
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.uint32 = 1;
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), nullptr, &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), "", &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_AddElement(instance.get(), "X", &value, static_cast<MI_Type>(32), 0),
            MI_RESULT_INVALID_PARAMETER);
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
}

// An instance of another implementation whose Clone always fails.
MI_Result MI_CALL FailingClone(const MI_Instance*, MI_Instance** out) {
  if (out) *out = nullptr;
  return MI_RESULT_SERVER_LIMITS_EXCEEDED;
}

TEST(InstanceErrorsTest, FailedAddElementLeavesNoProperty) {
  MI_InstanceFT failing_ft{};
  failing_ft.Clone = FailingClone;
  MI_Instance foreign;
  std::memset(&foreign, 0, sizeof(foreign));
  foreign.ft = &failing_ft;

  InstancePtr instance = NewInstance();
  MI_Value value;
  value.instance = &foreign;
  EXPECT_NE(MI_Instance_AddElement(instance.get(), "Embedded", &value, MI_INSTANCE, 0), MI_RESULT_OK);
  MI_Uint32 count = 99;
  ASSERT_EQ(MI_Instance_GetElementCount(instance.get(), &count), MI_RESULT_OK);
  EXPECT_EQ(count, 0u);
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance.get(), "Embedded", nullptr, &type, nullptr, nullptr),
            MI_RESULT_NO_SUCH_PROPERTY);
}

TEST(InstanceErrorsTest, FailedSetElementKeepsTheOldValue) {
  MI_InstanceFT failing_ft{};
  failing_ft.Clone = FailingClone;
  MI_Instance foreign;
  std::memset(&foreign, 0, sizeof(foreign));
  foreign.ft = &failing_ft;

  InstancePtr instance = NewInstance();
  InstancePtr inner = NewTagged("Inner", 4);
  MI_Value value;
  value.instance = inner.get();
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Embedded", &value, MI_INSTANCE, 0), MI_RESULT_OK);
  value.instance = &foreign;
  EXPECT_NE(MI_Instance_SetElement(instance.get(), "Embedded", &value, MI_INSTANCE, 0), MI_RESULT_OK);
  MI_Value read;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Embedded", &read, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
  EXPECT_EQ(IdOf(read.instance), 4u);
}

// ---------------------------------------------------------------------------
// Flags: KEY, NULL, BORROW, NOT_MODIFIED
// ---------------------------------------------------------------------------

TEST(InstanceFlagsTest, KeyFlagIsKeptInReturnedFlags) {
  InstancePtr instance = NewTagged("X", 1);
  MI_Value value;
  value.string = const_cast<MI_Char*>("n");
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Other", &value, MI_STRING, 0), MI_RESULT_OK);
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Id", &value, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Other", &value, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_FALSE(flags & MI_FLAG_KEY);
  // Setting a new value does not drop the key flag.
  value.uint32 = 2;
  ASSERT_EQ(MI_Instance_SetElement(instance.get(), "Id", &value, MI_UINT32, 0), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "Id", &value, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_KEY);
}

TEST(InstanceFlagsTest, NullFlagStoresNull) {
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.string = const_cast<MI_Char*>("ignored");
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_NULL), MI_RESULT_OK);
  MI_Uint32 flags = 0;
  MI_Type type;
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  EXPECT_EQ(type, MI_STRING);

  // A value, then NULL again through SetElement.
  ASSERT_EQ(MI_Instance_SetElement(instance.get(), "S", &value, MI_STRING, 0), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
  ASSERT_EQ(MI_Instance_SetElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_NULL), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);

  // A NULL value pointer also stores NULL.
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "N", nullptr, MI_UINT32, 0), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "N", &read, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
}

TEST(InstanceFlagsTest, ClearElementMakesItNull) {
  Samples samples;
  InstancePtr instance = NewInstance();
  MI_Value value = samples.Get(MI_STRINGA, 0);
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "A", &value, MI_STRINGA, 0), MI_RESULT_OK);
  value = samples.Get(MI_INSTANCE, 0);
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "B", &value, MI_INSTANCE, 0), MI_RESULT_OK);

  ASSERT_EQ(MI_Instance_ClearElement(instance.get(), "A"), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_ClearElementAt(instance.get(), 1), MI_RESULT_OK);
  for (MI_Uint32 i = 0; i < 2; ++i) {
    MI_Uint32 flags = 0;
    const MI_Char* name = nullptr;
    MI_Value read;
    MI_Type type;
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), i, &name, &read, &type, &flags), MI_RESULT_OK);
    EXPECT_TRUE(flags & MI_FLAG_NULL) << name;
  }
  // Clearing twice is fine.
  EXPECT_EQ(MI_Instance_ClearElement(instance.get(), "A"), MI_RESULT_OK);
}

TEST(InstanceFlagsTest, BorrowStoresTheCallersPointerAndNeverFreesIt) {
  char* text = static_cast<char*>(std::malloc(16));
  std::strcpy(text, "borrowed");
  MI_Uint32* numbers = static_cast<MI_Uint32*>(std::malloc(3 * sizeof(MI_Uint32)));
  numbers[0] = 1;
  numbers[1] = 2;
  numbers[2] = 3;
  InstancePtr embedded = NewTagged("Lent", 9);
  {
    InstancePtr instance = NewInstance();
    MI_Value value;
    value.string = text;
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_BORROW), MI_RESULT_OK);
    value.uint32a.data = numbers;
    value.uint32a.size = 3;
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "A", &value, MI_UINT32A, MI_FLAG_BORROW), MI_RESULT_OK);
    value.instance = embedded.get();
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "I", &value, MI_INSTANCE, MI_FLAG_BORROW), MI_RESULT_OK);

    MI_Value read;
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_EQ(read.string, text);
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "A", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_EQ(read.uint32a.data, numbers);
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "I", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_EQ(read.instance, embedded.get());

    // A borrowed value reflects the owner's later changes.
    text[0] = 'B';
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_STREQ(read.string, "Borrowed");

    // A clone copies borrowed values.
    MI_Instance* clone = nullptr;
    ASSERT_EQ(MI_Instance_Clone(instance.get(), &clone), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElement(clone, "S", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_NE(read.string, text);
    EXPECT_STREQ(read.string, "Borrowed");
    MI_Instance_Delete(clone);
  }
  // The instance is gone; the buffers are still ours to use and free.
  EXPECT_STREQ(text, "Borrowed");
  EXPECT_EQ(numbers[2], 3u);
  EXPECT_EQ(IdOf(embedded.get()), 9u);
  std::free(text);
  std::free(numbers);
}

TEST(InstanceFlagsTest, ReplacingABorrowedValueDoesNotFreeIt) {
  char* text = static_cast<char*>(std::malloc(8));
  std::strcpy(text, "lent");
  {
    InstancePtr instance = NewInstance();
    MI_Value value;
    value.string = text;
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_BORROW), MI_RESULT_OK);
    value.string = const_cast<MI_Char*>("owned");
    ASSERT_EQ(MI_Instance_SetElement(instance.get(), "S", &value, MI_STRING, 0), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_ClearElement(instance.get(), "S"), MI_RESULT_OK);
    value.string = text;
    ASSERT_EQ(MI_Instance_SetElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_BORROW), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_ClearElement(instance.get(), "S"), MI_RESULT_OK);
  }
  EXPECT_STREQ(text, "lent");
  std::free(text);
}

TEST(InstanceFlagsTest, AdoptIsTreatedAsACopy) {
  char text[] = "adopt me";
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.string = text;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_ADOPT), MI_RESULT_OK);
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_NE(read.string, text);
  EXPECT_STREQ(read.string, "adopt me");
}

TEST(InstanceFlagsTest, ValueFlagsAreNotStoredAsPropertyFlags) {
  InstancePtr instance = NewInstance();
  char text[] = "x";
  MI_Value value;
  value.string = text;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, MI_FLAG_BORROW | MI_FLAG_KEY),
            MI_RESULT_OK);
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &value, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  EXPECT_FALSE(flags & MI_FLAG_BORROW);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
}

// ---------------------------------------------------------------------------
// Copies and aliasing
// ---------------------------------------------------------------------------

TEST(InstanceCopyTest, ValuesAreDeepCopiesWithoutBorrow) {
  char text[] = "original";
  MI_Uint16 numbers[] = {1, 2, 3};
  char s0[] = "one", s1[] = "two";
  MI_Char* strings[] = {s0, s1};
  MI_Datetime datetimes[] = {Timestamp(2000, 0)};
  InstancePtr embedded = NewTagged("Inner", 5);

  InstancePtr instance = NewInstance();
  MI_Value value;
  value.string = text;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "S", &value, MI_STRING, 0), MI_RESULT_OK);
  value.uint16a = {numbers, 3};
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "A", &value, MI_UINT16A, 0), MI_RESULT_OK);
  value.stringa = {strings, 2};
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "SA", &value, MI_STRINGA, 0), MI_RESULT_OK);
  value.datetimea = {datetimes, 1};
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "DA", &value, MI_DATETIMEA, 0), MI_RESULT_OK);
  value.instance = embedded.get();
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "I", &value, MI_INSTANCE, 0), MI_RESULT_OK);

  // Mutate or free everything the caller passed.
  std::strcpy(text, "changed!");
  numbers[0] = 99;
  s0[0] = 'X';
  strings[1] = s0;
  datetimes[0].u.timestamp.year = 1900;
  MI_Value id;
  id.uint32 = 6;
  ASSERT_EQ(MI_Instance_SetElement(embedded.get(), "Id", &id, MI_UINT32, 0), MI_RESULT_OK);
  embedded.reset();

  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "S", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(read.string, "original");
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "A", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(read.uint16a.data[0], 1);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "SA", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(read.stringa.data[0], "one");
  EXPECT_STREQ(read.stringa.data[1], "two");
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "DA", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(read.datetimea.data[0].u.timestamp.year, 2000u);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "I", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(ClassOf(read.instance), "Inner");
  EXPECT_EQ(IdOf(read.instance), 5u);
}

TEST(InstanceCopyTest, SettingAValueToItselfIsSafe) {
  Samples samples;
  for (MI_Type type : kAllTypes) {
    SCOPED_TRACE(testing::Message() << "type " << type);
    InstancePtr instance = NewInstance();
    MI_Value value = samples.Get(type, 0);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), "P", &value, type, 0), MI_RESULT_OK);
    MI_Value read;
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "P", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_SetElement(instance.get(), "P", &read, type, 0), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "P", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_SetElementAt(instance.get(), 0, &read, type, 0), MI_RESULT_OK);
    ASSERT_EQ(MI_Instance_GetElement(instance.get(), "P", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
    EXPECT_TRUE(SameValue(type, read, samples.Get(type, 0)));
  }
}

TEST(InstanceCopyTest, SettingAnElementToItsOwnEmbeddedValueIsSafe) {
  // The new value is the instance's own embedded instance: the copy must be made
  // before the old value is released.
  InstancePtr instance = NewInstance();
  InstancePtr inner = NewTagged("Inner", 11);
  MI_Value value;
  value.instance = inner.get();
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "I", &value, MI_INSTANCE, 0), MI_RESULT_OK);
  inner.reset();
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "I", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_SetElement(instance.get(), "I", &read, MI_INSTANCE, 0), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetElement(instance.get(), "I", &read, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(IdOf(read.instance), 11u);
}

// ---------------------------------------------------------------------------
// Clone, class name, namespace and server name
// ---------------------------------------------------------------------------

TEST(InstanceCloneTest, CloneIsDeepAndIndependent) {
  Samples samples;
  MI_Instance* original = nullptr;
  ASSERT_EQ(NewDynamicInstance("Clone_Source", MI_FLAG_CLASS, &original), MI_RESULT_OK);
  for (MI_Type type : kAllTypes) {
    std::string name = "P" + std::to_string(type);
    MI_Value value = samples.Get(type, 0);
    MI_Uint32 flags = type == MI_STRING ? MI_FLAG_KEY : 0;
    ASSERT_EQ(MI_Instance_AddElement(original, name.c_str(), &value, type, flags), MI_RESULT_OK);
  }
  ASSERT_EQ(MI_Instance_AddElement(original, "Nothing", nullptr, MI_UINT32, MI_FLAG_NULL), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_SetNameSpace(original, "root/cimv2"), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_SetServerName(original, "server01"), MI_RESULT_OK);

  MI_Instance* clone = nullptr;
  ASSERT_EQ(MI_Instance_Clone(original, &clone), MI_RESULT_OK);
  ASSERT_NE(clone, nullptr);
  ASSERT_NE(clone, original);
  MI_Value changed;
  changed.string = const_cast<MI_Char*>("changed");
  ASSERT_EQ(MI_Instance_SetElement(original, "P13", &changed, MI_STRING, 0), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_Delete(original), MI_RESULT_OK);

  EXPECT_EQ(ClassOf(clone), "Clone_Source");
  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Instance_GetNameSpace(clone, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/cimv2");
  EXPECT_STREQ(clone->nameSpace, "root/cimv2");
  ASSERT_EQ(MI_Instance_GetServerName(clone, &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "server01");
  EXPECT_STREQ(clone->serverName, "server01");

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(clone, &count), MI_RESULT_OK);
  ASSERT_EQ(count, 33u);
  MI_Uint32 i = 0;
  for (MI_Type type : kAllTypes) {
    const MI_Char* name = nullptr;
    MI_Value read;
    MI_Type read_type;
    MI_Uint32 flags = 0;
    ASSERT_EQ(MI_Instance_GetElementAt(clone, i++, &name, &read, &read_type, &flags), MI_RESULT_OK);
    EXPECT_EQ(std::string(name), "P" + std::to_string(type));
    EXPECT_EQ(read_type, type);
    EXPECT_EQ((flags & MI_FLAG_KEY) != 0, type == MI_STRING) << type;
    EXPECT_TRUE(SameValue(type, read, samples.Get(type, 0))) << type;
  }
  MI_Uint32 flags = 0;
  MI_Value read;
  ASSERT_EQ(MI_Instance_GetElement(clone, "Nothing", &read, nullptr, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  MI_Instance_Delete(clone);
}

TEST(InstanceCloneTest, CloneHasNoNameSpaceWhenTheOriginalHasNone) {
  InstancePtr original = NewTagged("Plain", 3);
  MI_Instance* clone = nullptr;
  ASSERT_EQ(MI_Instance_Clone(original.get(), &clone), MI_RESULT_OK);
  InstancePtr owned(clone);
  const MI_Char* text = "unset";
  ASSERT_EQ(MI_Instance_GetNameSpace(clone, &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  ASSERT_EQ(MI_Instance_GetServerName(clone, &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(IdOf(clone), 3u);
}

TEST(InstanceCloneTest, CloneInstanceHelperHandlesNull) {
  EXPECT_EQ(CloneInstance(nullptr), nullptr);
  InstancePtr original = NewTagged("Plain", 8);
  InstancePtr copy = CloneInstance(original.get());
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(IdOf(copy.get()), 8u);
}

TEST(InstanceHeaderTest, NameSpaceAndServerNameMatchTheHeaderFields) {
  InstancePtr instance = NewInstance("Header_Class");
  EXPECT_EQ(instance->nameSpace, nullptr);
  EXPECT_EQ(instance->serverName, nullptr);
  std::string name_space = "root/standardcimv2";
  ASSERT_EQ(MI_Instance_SetNameSpace(instance.get(), name_space.c_str()), MI_RESULT_OK);
  name_space.assign(name_space.size(), '#');  // the instance keeps a copy
  ASSERT_EQ(MI_Instance_SetServerName(instance.get(), "host.example.com"), MI_RESULT_OK);

  const MI_Char* text = nullptr;
  ASSERT_EQ(MI_Instance_GetNameSpace(instance.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "root/standardcimv2");
  EXPECT_EQ(instance->nameSpace, text);
  ASSERT_EQ(MI_Instance_GetServerName(instance.get(), &text), MI_RESULT_OK);
  EXPECT_STREQ(text, "host.example.com");
  EXPECT_EQ(instance->serverName, text);

  // Setting a name to the pointer it already returned.
  ASSERT_EQ(MI_Instance_SetNameSpace(instance.get(), instance->nameSpace), MI_RESULT_OK);
  EXPECT_STREQ(instance->nameSpace, "root/standardcimv2");

  ASSERT_EQ(MI_Instance_SetNameSpace(instance.get(), nullptr), MI_RESULT_OK);
  ASSERT_EQ(MI_Instance_GetNameSpace(instance.get(), &text), MI_RESULT_OK);
  EXPECT_EQ(text, nullptr);
  EXPECT_EQ(instance->nameSpace, nullptr);

  // The header stays valid after the storage grows.
  MI_Value value;
  value.uint32 = 1;
  for (int i = 0; i < 20; ++i)
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), ("P" + std::to_string(i)).c_str(), &value, MI_UINT32, 0),
              MI_RESULT_OK);
  EXPECT_STREQ(instance->serverName, "host.example.com");
  ASSERT_NE(instance->classDecl, nullptr);
  EXPECT_STREQ(instance->classDecl->name, "Header_Class");
  EXPECT_EQ(instance->classDecl->numProperties, 20u);
}

TEST(InstanceHeaderTest, IsAMatchesADeclOfTheSameName) {
  InstancePtr instance = NewInstance("Widget");
  MI_ClassDecl same{};
  same.flags = MI_FLAG_CLASS;
  same.name = "widget";
  MI_ClassDecl other{};
  other.flags = MI_FLAG_CLASS;
  other.name = "Gadget";
  MI_Boolean flag = MI_FALSE;
  ASSERT_EQ(MI_Instance_IsA(instance.get(), &same, &flag), MI_RESULT_OK);
  EXPECT_EQ(flag, MI_TRUE);
  ASSERT_EQ(MI_Instance_IsA(instance.get(), instance->classDecl, &flag), MI_RESULT_OK);
  EXPECT_EQ(flag, MI_TRUE);
  ASSERT_EQ(MI_Instance_IsA(instance.get(), &other, &flag), MI_RESULT_OK);
  EXPECT_EQ(flag, MI_FALSE);
}

TEST(InstanceHeaderTest, GetClassDescribesTheProperties) {
  InstancePtr instance = NewTagged("Described", 1);
  MI_Class* cls = nullptr;
  ASSERT_EQ(MI_Instance_GetClass(instance.get(), &cls), MI_RESULT_OK);
  ASSERT_NE(cls, nullptr);
  const MI_Char* name = nullptr;
  ASSERT_EQ(MI_Class_GetClassName(cls, &name), MI_RESULT_OK);
  EXPECT_STREQ(name, "Described");
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Class_GetElementCount(cls, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 1u);
  MI_Class_Delete(cls);
}

// ---------------------------------------------------------------------------
// The OMI storage model
// ---------------------------------------------------------------------------

TEST(InstanceStorageTest, DynamicStorageUsesOmiFieldLayout) {
  Samples samples;
  InstancePtr instance = NewInstance("Layout");
  for (MI_Type type : kAllTypes) {
    std::string name = "P" + std::to_string(type);
    MI_Value value = samples.Get(type, 0);
    ASSERT_EQ(MI_Instance_AddElement(instance.get(), name.c_str(), &value, type, 0), MI_RESULT_OK);
  }
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "Null", nullptr, MI_UINT64, MI_FLAG_NULL), MI_RESULT_OK);

  auto* storage = reinterpret_cast<MI_Instance*>(instance->reserved[1]);
  ASSERT_NE(storage, nullptr);
  ASSERT_NE(storage->classDecl, nullptr);
  EXPECT_EQ(storage->classDecl, instance->classDecl);
  EXPECT_STREQ(storage->classDecl->name, "Layout");
  ASSERT_EQ(storage->classDecl->numProperties, 33u);
  const auto* base = reinterpret_cast<const unsigned char*>(storage);
  for (MI_Uint32 i = 0; i < storage->classDecl->numProperties; ++i) {
    const MI_PropertyDecl* property = storage->classDecl->properties[i];
    auto type = static_cast<MI_Type>(property->type);
    SCOPED_TRACE(testing::Message() << "property " << property->name);
    EXPECT_EQ(property->offset, 64u + 40u * i);
    MI_Value read;
    ASSERT_EQ(MI_Instance_GetElementAt(instance.get(), i, nullptr, &read, nullptr, nullptr), MI_RESULT_OK);
    const unsigned char* field = base + property->offset;
    bool is_null = std::strcmp(property->name, "Null") == 0;
    EXPECT_EQ(field[FieldSize(type)], is_null ? 0 : 1) << "exists byte";
    if (!is_null) {
      EXPECT_EQ(std::memcmp(field, &read, FieldSize(type)), 0) << "value bytes";
      MI_Value in_place;
      std::memset(&in_place, 0, sizeof(in_place));
      std::memcpy(&in_place, field, FieldSize(type));
      EXPECT_TRUE(SameValue(type, in_place, samples.Get(type, 0)));
    }
  }
}

TEST(InstanceStorageTest, ClearingAFieldZeroesItsExistsByte) {
  InstancePtr instance = NewInstance();
  MI_Value value;
  value.sint16 = -5;
  ASSERT_EQ(MI_Instance_AddElement(instance.get(), "A", &value, MI_SINT16, 0), MI_RESULT_OK);
  auto* storage = reinterpret_cast<MI_Instance*>(instance->reserved[1]);
  const auto* field = reinterpret_cast<const unsigned char*>(storage) + 64;
  EXPECT_EQ(field[2], 1);
  MI_Sint16 stored;
  std::memcpy(&stored, field, sizeof(stored));
  EXPECT_EQ(stored, -5);
  ASSERT_EQ(MI_Instance_ClearElementAt(instance.get(), 0), MI_RESULT_OK);
  storage = reinterpret_cast<MI_Instance*>(instance->reserved[1]);
  field = reinterpret_cast<const unsigned char*>(storage) + 64;
  EXPECT_EQ(field[2], 0);
}

// A provider-generated class: struct + static decls, the way generated code lays them out.
struct Sample_Widget {
  MI_Instance __instance;
  MI_ConstStringField Name;
  MI_ConstUint32Field Count;
};

const MI_Uint32 kCountDefault = 42;

const MI_PropertyDecl kWidgetName = {
    MI_FLAG_PROPERTY | MI_FLAG_KEY,     // flags
    0x006E6504,                         // code
    "Name",                             // name
    nullptr,                            // qualifiers
    0,                                  // numQualifiers
    MI_STRING,                          // type
    nullptr,                            // className
    0,                                  // subscript
    offsetof(Sample_Widget, Name),      // offset
    "Sample_Widget",                    // origin
    "Sample_Widget",                    // propagator
    nullptr,                            // value
};

const MI_PropertyDecl kWidgetCount = {
    MI_FLAG_PROPERTY,                   // flags
    0x00637405,                         // code
    "Count",                            // name
    nullptr,                            // qualifiers
    0,                                  // numQualifiers
    MI_UINT32,                          // type
    nullptr,                            // className
    0,                                  // subscript
    offsetof(Sample_Widget, Count),     // offset
    "Sample_Widget",                    // origin
    "Sample_Widget",                    // propagator
    &kCountDefault,                     // value
};

const MI_PropertyDecl* const kWidgetProperties[] = {&kWidgetName, &kWidgetCount};

const MI_ClassDecl kWidgetDecl = {
    MI_FLAG_CLASS,                                              // flags
    0x0073740D,                                                 // code
    "Sample_Widget",                                            // name
    nullptr,                                                    // qualifiers
    0,                                                          // numQualifiers
    kWidgetProperties,                                          // properties
    2,                                                          // numProperties
    sizeof(Sample_Widget),                                      // size
    nullptr,                                                    // superClass
    nullptr,                                                    // superClassDecl
    nullptr,                                                    // methods
    0,                                                          // numMethods
    nullptr,                                                    // schema
    nullptr,                                                    // providerFT
    nullptr,                                                    // owningClass
};

TEST(DeclaredInstanceTest, StructFieldsAndElementsAreTheSameStorage) {
  static_assert(offsetof(Sample_Widget, Name) == 64);
  static_assert(offsetof(Sample_Widget, Count) == 80);
  MI_Instance* raw = nullptr;
  ASSERT_EQ(NewDeclaredInstance(&kWidgetDecl, &raw), MI_RESULT_OK);
  InstancePtr instance(raw);
  auto* widget = reinterpret_cast<Sample_Widget*>(raw);
  EXPECT_EQ(raw->classDecl, &kWidgetDecl);

  // Defaults: Count starts with the decl's value, Name starts NULL.
  EXPECT_EQ(widget->Count.exists, MI_TRUE);
  EXPECT_EQ(widget->Count.value, 42u);
  EXPECT_EQ(widget->Name.exists, MI_FALSE);
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElement(raw, "Count", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_EQ(value.uint32, 42u);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
  EXPECT_TRUE(flags & MI_FLAG_NOT_MODIFIED);
  ASSERT_EQ(MI_Instance_GetElement(raw, "Name", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  EXPECT_TRUE(flags & MI_FLAG_KEY);

  // Written through the struct, read through GetElement.
  widget->Count.value = 7;
  ASSERT_EQ(MI_Instance_GetElement(raw, "Count", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(value.uint32, 7u);
  widget->Count.exists = MI_FALSE;
  ASSERT_EQ(MI_Instance_GetElement(raw, "Count", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_TRUE(flags & MI_FLAG_NULL);

  // Written through SetElement, read through the struct.
  value.string = const_cast<MI_Char*>("gizmo");
  ASSERT_EQ(MI_Instance_SetElement(raw, "Name", &value, MI_STRING, 0), MI_RESULT_OK);
  EXPECT_EQ(widget->Name.exists, MI_TRUE);
  EXPECT_STREQ(widget->Name.value, "gizmo");
  value.uint32 = 9;
  ASSERT_EQ(MI_Instance_SetElementAt(raw, 1, &value, MI_UINT32, 0), MI_RESULT_OK);
  EXPECT_EQ(widget->Count.exists, MI_TRUE);
  EXPECT_EQ(widget->Count.value, 9u);
  ASSERT_EQ(MI_Instance_GetElement(raw, "Count", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_FALSE(flags & MI_FLAG_NOT_MODIFIED);

  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(raw, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
  MI_Boolean is_a = MI_FALSE;
  ASSERT_EQ(MI_Instance_IsA(raw, &kWidgetDecl, &is_a), MI_RESULT_OK);
  EXPECT_EQ(is_a, MI_TRUE);
  // The layout of a declared class is fixed.
  EXPECT_NE(MI_Instance_AddElement(raw, "Extra", &value, MI_UINT32, 0), MI_RESULT_OK);
}

TEST(DeclaredInstanceTest, CloneOfDeclaredInstanceKeepsValues) {
  MI_Instance* raw = nullptr;
  ASSERT_EQ(NewDeclaredInstance(&kWidgetDecl, &raw), MI_RESULT_OK);
  MI_Value value;
  value.string = const_cast<MI_Char*>("sprocket");
  ASSERT_EQ(MI_Instance_SetElement(raw, "Name", &value, MI_STRING, 0), MI_RESULT_OK);
  MI_Instance_ClearElement(raw, "Count");
  MI_Instance* clone = nullptr;
  ASSERT_EQ(MI_Instance_Clone(raw, &clone), MI_RESULT_OK);
  MI_Instance_Delete(raw);
  auto* widget = reinterpret_cast<Sample_Widget*>(clone);
  EXPECT_EQ(clone->classDecl, &kWidgetDecl);
  EXPECT_STREQ(widget->Name.value, "sprocket");
  EXPECT_EQ(widget->Count.exists, MI_FALSE);  // cleared, not the default
  MI_Instance_Delete(clone);
}

TEST(DeclaredInstanceTest, ConstructInCallerMemoryAndDestruct) {
  Sample_Widget widget;
  std::memset(&widget, 0xCD, sizeof(widget));
  ASSERT_EQ(ConstructDeclaredInstance(&kWidgetDecl, &widget.__instance), MI_RESULT_OK);
  EXPECT_EQ(widget.Count.value, 42u);
  EXPECT_EQ(widget.Name.exists, MI_FALSE);
  MI_Value value;
  value.string = const_cast<MI_Char*>("in place");
  ASSERT_EQ(MI_Instance_SetElement(&widget.__instance, "Name", &value, MI_STRING, 0), MI_RESULT_OK);
  EXPECT_STREQ(widget.Name.value, "in place");
  EXPECT_EQ(MI_Instance_Destruct(&widget.__instance), MI_RESULT_OK);
  // After Destruct the memory is no longer an instance.
  MI_Uint32 count = 0;
  EXPECT_EQ(MI_Instance_GetElementCount(&widget.__instance, &count), MI_RESULT_INVALID_PARAMETER);
}

TEST(DeclaredInstanceTest, CloneAsDynamicReadsAProviderStructThroughItsDecl) {
  Sample_Widget posted;
  std::memset(&posted, 0, sizeof(posted));
  posted.__instance.ft = nullptr;  // as providers post it
  posted.__instance.classDecl = &kWidgetDecl;
  posted.__instance.nameSpace = "root/sample";
  posted.__instance.serverName = "provider-host";
  char name[] = "posted widget";
  posted.Name.value = name;
  posted.Name.exists = MI_TRUE;
  posted.Count.exists = MI_FALSE;

  MI_Instance* copy = nullptr;
  ASSERT_EQ(CloneAsDynamic(&posted.__instance, &copy), MI_RESULT_OK);
  InstancePtr owned(copy);
  std::strcpy(name, "overwritten!!");

  EXPECT_EQ(ClassOf(copy), "Sample_Widget");
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(copy, &count), MI_RESULT_OK);
  EXPECT_EQ(count, 2u);
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  MI_Uint32 index = 99;
  ASSERT_EQ(MI_Instance_GetElement(copy, "Name", &value, &type, &flags, &index), MI_RESULT_OK);
  EXPECT_EQ(type, MI_STRING);
  EXPECT_EQ(index, 0u);
  EXPECT_STREQ(value.string, "posted widget");
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  ASSERT_EQ(MI_Instance_GetElement(copy, "Count", &value, &type, &flags, nullptr), MI_RESULT_OK);
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  EXPECT_STREQ(copy->nameSpace, "root/sample");
  EXPECT_STREQ(copy->serverName, "provider-host");
  // The copy is a dynamic instance: it can grow.
  value.uint32 = 1;
  EXPECT_EQ(MI_Instance_AddElement(copy, "Extra", &value, MI_UINT32, 0), MI_RESULT_OK);
}

TEST(DeclaredInstanceTest, CloneAsDynamicOfAnOwnInstanceCopiesIt) {
  MI_Instance* declared = nullptr;
  ASSERT_EQ(NewDeclaredInstance(&kWidgetDecl, &declared), MI_RESULT_OK);
  InstancePtr owned_declared(declared);
  MI_Value value;
  value.string = const_cast<MI_Char*>("own");
  ASSERT_EQ(MI_Instance_SetElement(declared, "Name", &value, MI_STRING, 0), MI_RESULT_OK);
  MI_Instance* copy = nullptr;
  ASSERT_EQ(CloneAsDynamic(declared, &copy), MI_RESULT_OK);
  InstancePtr owned(copy);
  EXPECT_NE(copy->classDecl, &kWidgetDecl);
  ASSERT_EQ(MI_Instance_GetElement(copy, "Count", &value, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(value.uint32, 42u);
  ASSERT_EQ(MI_Instance_GetElement(copy, "Name", &value, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_STREQ(value.string, "own");
}

TEST(DeclaredInstanceTest, NewDynamicInstanceOfCopiesPropertiesAndDefaults) {
  MI_Instance* raw = nullptr;
  ASSERT_EQ(NewDynamicInstanceOf(&kWidgetDecl, &raw), MI_RESULT_OK);
  InstancePtr instance(raw);
  EXPECT_NE(raw->classDecl, &kWidgetDecl);
  EXPECT_EQ(ClassOf(raw), "Sample_Widget");
  MI_Uint32 count = 0;
  ASSERT_EQ(MI_Instance_GetElementCount(raw, &count), MI_RESULT_OK);
  ASSERT_EQ(count, 2u);
  const MI_Char* name = nullptr;
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  ASSERT_EQ(MI_Instance_GetElementAt(raw, 0, &name, &value, &type, &flags), MI_RESULT_OK);
  EXPECT_STREQ(name, "Name");
  EXPECT_EQ(type, MI_STRING);
  EXPECT_TRUE(flags & MI_FLAG_KEY);
  EXPECT_TRUE(flags & MI_FLAG_NULL);
  ASSERT_EQ(MI_Instance_GetElementAt(raw, 1, &name, &value, &type, &flags), MI_RESULT_OK);
  EXPECT_STREQ(name, "Count");
  EXPECT_EQ(type, MI_UINT32);
  EXPECT_FALSE(flags & MI_FLAG_NULL);
  EXPECT_EQ(value.uint32, 42u);
  // Its storage is the dynamic layout, not the struct's.
  auto* storage = reinterpret_cast<MI_Instance*>(raw->reserved[1]);
  ASSERT_NE(storage, nullptr);
  EXPECT_EQ(storage->classDecl->properties[1]->offset, 64u + 40u);
  // It can grow, unlike a declared instance.
  value.uint32 = 1;
  EXPECT_EQ(MI_Instance_AddElement(raw, "Extra", &value, MI_UINT32, 0), MI_RESULT_OK);
}

TEST(DeclaredInstanceTest, InvalidDeclsAreRefused) {
  MI_PropertyDecl inside_header = kWidgetCount;
  inside_header.offset = 8;
  const MI_PropertyDecl* properties[] = {&inside_header};
  MI_ClassDecl decl = kWidgetDecl;
  decl.properties = properties;
  decl.numProperties = 1;
  MI_Instance* out = reinterpret_cast<MI_Instance*>(0x1);
  EXPECT_EQ(NewDeclaredInstance(&decl, &out), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(NewDynamicInstanceOf(&decl, &out), MI_RESULT_INVALID_PARAMETER);
  MI_ClassDecl unnamed = kWidgetDecl;
  unnamed.name = nullptr;
  EXPECT_EQ(NewDeclaredInstance(&unnamed, &out), MI_RESULT_INVALID_PARAMETER);
}

// ---------------------------------------------------------------------------
// NULL arguments
// ---------------------------------------------------------------------------

TEST(InstanceNullArgumentsTest, ConstructorsRefuseNull) {
  MI_Instance* out = nullptr;
  EXPECT_EQ(NewDynamicInstance(nullptr, 0, &out), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(NewDynamicInstance("X", 0, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(NewDeclaredInstance(nullptr, &out), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(NewDeclaredInstance(&kWidgetDecl, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(NewDynamicInstanceOf(nullptr, &out), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(NewDynamicInstanceOf(&kWidgetDecl, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(CloneAsDynamic(nullptr, &out), MI_RESULT_INVALID_PARAMETER);
  InstancePtr instance = NewInstance();
  EXPECT_EQ(CloneAsDynamic(instance.get(), nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(ConstructDeclaredInstance(&kWidgetDecl, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_FALSE(IsOwnInstance(nullptr));
  EXPECT_TRUE(IsOwnInstance(instance.get()));
}

TEST(InstanceNullArgumentsTest, NullOutPointersAreInvalidParameter) {
  InstancePtr instance = NewTagged("X", 1);
  MI_Instance* self = instance.get();
  MI_Boolean flag;
  MI_ClassDecl decl{};
  decl.name = "X";
  MI_Value value;
  value.uint32 = 1;
  EXPECT_EQ(MI_Instance_Clone(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_IsA(self, nullptr, &flag), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_IsA(self, &decl, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetClassName(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetNameSpace(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetServerName(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetElementCount(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetClass(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetElement(self, nullptr, &value, nullptr, nullptr, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetElement(self, nullptr, &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_ClearElement(self, nullptr), MI_RESULT_INVALID_PARAMETER);
  // All outputs of GetElement/GetElementAt are optional.
  EXPECT_EQ(MI_Instance_GetElement(self, "Id", nullptr, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(MI_Instance_GetElementAt(self, 0, nullptr, nullptr, nullptr, nullptr), MI_RESULT_OK);
  EXPECT_EQ(IdOf(self), 1u);
}

TEST(InstanceNullArgumentsTest, WrappersOnNullInstanceAreInvalidParameter) {
  MI_Instance* none = nullptr;
  MI_Instance* out = nullptr;
  MI_Boolean flag;
  const MI_Char* text = nullptr;
  MI_Uint32 count = 0;
  MI_Value value;
  value.uint32 = 0;
  MI_Type type;
  MI_Uint32 flags;
  MI_Class* cls = nullptr;
  EXPECT_EQ(MI_Instance_Clone(none, &out), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_Destruct(none), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_Delete(none), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_IsA(none, &kWidgetDecl, &flag), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetClassName(none, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetNameSpace(none, "x"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetNameSpace(none, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetElementCount(none, &count), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_AddElement(none, "x", &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetElement(none, "x", &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetElementAt(none, 0, &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetElement(none, "x", &value, &type, &flags, nullptr), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetElementAt(none, 0, &text, &value, &type, &flags), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_ClearElement(none, "x"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_ClearElementAt(none, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetServerName(none, &text), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetServerName(none, "x"), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_GetClass(none, &cls), MI_RESULT_INVALID_PARAMETER);
}

TEST(InstanceNullArgumentsTest, ForeignMemoryWithOurTableIsRefused) {
  // An MI_Instance that carries this library's ft but was not created by it.
  MI_Instance fake;
  std::memset(&fake, 0, sizeof(fake));
  fake.ft = &kInstanceFT;
  fake.classDecl = &kWidgetDecl;
  MI_Uint32 count = 0;
  MI_Value value;
  value.uint32 = 1;
  EXPECT_FALSE(IsOwnInstance(&fake));
  EXPECT_EQ(MI_Instance_GetElementCount(&fake, &count), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_SetElement(&fake, "Count", &value, MI_UINT32, 0), MI_RESULT_INVALID_PARAMETER);
  EXPECT_EQ(MI_Instance_Delete(&fake), MI_RESULT_INVALID_PARAMETER);
}

TEST(InstanceNullArgumentsTest, DynamicInstanceMetaFlagsBecomeClassFlags) {
  MI_Instance* raw = nullptr;
  ASSERT_EQ(NewDynamicInstance("Assoc", MI_FLAG_ASSOCIATION, &raw), MI_RESULT_OK);
  InstancePtr association(raw);
  EXPECT_TRUE(raw->classDecl->flags & MI_FLAG_ASSOCIATION);
  ASSERT_EQ(NewDynamicInstance("Plain", 0, &raw), MI_RESULT_OK);
  InstancePtr plain(raw);
  EXPECT_TRUE(raw->classDecl->flags & MI_FLAG_CLASS);
}

}  // namespace
}  // namespace cimulate::core
