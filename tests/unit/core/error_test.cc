#include "core/error.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "MI.h"
#include "core/instance.h"

namespace cimulate::core {
namespace {

std::string StringOf(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  MI_Uint32 flags = 0;
  EXPECT_EQ(MI_Instance_GetElement(instance, name, &value, &type, &flags, nullptr), MI_RESULT_OK) << name;
  EXPECT_EQ(type, MI_STRING) << name;
  EXPECT_FALSE(flags & MI_FLAG_NULL) << name;
  return value.string ? value.string : "";
}

MI_Uint32 Uint32Of(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance, name, &value, &type, nullptr, nullptr), MI_RESULT_OK) << name;
  EXPECT_EQ(type, MI_UINT32) << name;
  return value.uint32;
}

MI_Uint16 Uint16Of(const MI_Instance* instance, const char* name) {
  MI_Value value;
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance, name, &value, &type, nullptr, nullptr), MI_RESULT_OK) << name;
  EXPECT_EQ(type, MI_UINT16) << name;
  return value.uint16;
}

// error_Category is an unsigned integer property; accept either width.
MI_Uint32 CategoryOf(const MI_Instance* instance) {
  MI_Value value;
  MI_Type type;
  EXPECT_EQ(MI_Instance_GetElement(instance, "error_Category", &value, &type, nullptr, nullptr), MI_RESULT_OK);
  if (type == MI_UINT16) return value.uint16;
  EXPECT_EQ(type, MI_UINT32);
  return value.uint32;
}

TEST(BuildErrorTest, ProducesMsftWmiErrorWithCimErrorProperties) {
  InstancePtr error = BuildError(MI_RESULT_NOT_FOUND, "no such widget");
  ASSERT_NE(error, nullptr);
  const MI_Char* class_name = nullptr;
  ASSERT_EQ(MI_Instance_GetClassName(error.get(), &class_name), MI_RESULT_OK);
  EXPECT_STREQ(class_name, "MSFT_WmiError");

  EXPECT_EQ(Uint32Of(error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_NOT_FOUND));
  EXPECT_EQ(StringOf(error.get(), "Message"), "no such widget");
  EXPECT_EQ(StringOf(error.get(), "MessageID"), "MI RESULT 6");
  EXPECT_FALSE(StringOf(error.get(), "OwningEntity").empty());
  EXPECT_EQ(Uint16Of(error.get(), "PerceivedSeverity"), 7);
  EXPECT_EQ(Uint16Of(error.get(), "ProbableCause"), 0);
  EXPECT_EQ(StringOf(error.get(), "ProbableCauseDescription"), "Unknown");
}

TEST(BuildErrorTest, CarriesWindowsExtensionsForMiResult) {
  InstancePtr error = BuildError(MI_RESULT_ACCESS_DENIED, "go away");
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(Uint32Of(error.get(), "error_Code"), static_cast<MI_Uint32>(MI_RESULT_ACCESS_DENIED));
  EXPECT_EQ(StringOf(error.get(), "error_Type"), "MI");
  EXPECT_EQ(CategoryOf(error.get()), static_cast<MI_Uint32>(CategoryForResult(MI_RESULT_ACCESS_DENIED)));
  EXPECT_EQ(CategoryOf(error.get()), static_cast<MI_Uint32>(MI_ERRORCATEGORY_ACCESS_DENIED));
  EXPECT_FALSE(StringOf(error.get(), "error_WindowsErrorMessage").empty());
}

TEST(BuildErrorTest, CategoryMatchesCategoryForResultForEveryResult) {
  for (int r = 1; r <= 28; ++r) {
    if (r == 18 || r == 19) continue;
    auto result = static_cast<MI_Result>(r);
    InstancePtr error = BuildError(result, "");
    ASSERT_NE(error, nullptr) << r;
    EXPECT_EQ(Uint32Of(error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(r));
    EXPECT_EQ(CategoryOf(error.get()), static_cast<MI_Uint32>(CategoryForResult(result))) << r;
    EXPECT_EQ(StringOf(error.get(), "MessageID"), "MI RESULT " + std::to_string(r));
  }
}

TEST(BuildErrorTest, NativeHresultSetsMessageIdTypeAndCategory) {
  ErrorInfo info;
  info.result = MI_RESULT_FAILED;
  info.message = "cannot connect";
  info.native_code = 0x80338012u;
  info.native_type = MI_RESULT_TYPE_HRESULT;
  InstancePtr error = BuildError(info);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(Uint32Of(error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_FAILED));
  EXPECT_EQ(StringOf(error.get(), "MessageID"), "HRESULT 0x80338012");
  EXPECT_EQ(StringOf(error.get(), "error_Type"), "HRESULT");
  EXPECT_EQ(Uint32Of(error.get(), "error_Code"), 0x80338012u);
  EXPECT_EQ(CategoryOf(error.get()), static_cast<MI_Uint32>(MI_ERRORCATEGORY_CONNECTION_ERROR));
  EXPECT_EQ(StringOf(error.get(), "Message"), "cannot connect");
}

TEST(BuildErrorTest, ExplicitCategoryAndWindowsMessageWin) {
  ErrorInfo info;
  info.result = MI_RESULT_FAILED;
  info.message = "m";
  info.category = MI_ERRORCATEGORY_AUTHENTICATION_ERROR;
  info.windows_message = "The user name or password is incorrect.";
  info.probable_cause = 3;
  info.probable_cause_description = "cause";
  InstancePtr error = BuildError(info);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(CategoryOf(error.get()), static_cast<MI_Uint32>(MI_ERRORCATEGORY_AUTHENTICATION_ERROR));
  EXPECT_EQ(StringOf(error.get(), "error_WindowsErrorMessage"), "The user name or password is incorrect.");
  EXPECT_EQ(Uint16Of(error.get(), "ProbableCause"), 3);
  EXPECT_EQ(StringOf(error.get(), "ProbableCauseDescription"), "cause");
}

TEST(BuildErrorTest, EmptyMessageUsesDefaultText) {
  InstancePtr error = BuildError(MI_RESULT_INVALID_NAMESPACE, "");
  ASSERT_NE(error, nullptr);
  std::string message = StringOf(error.get(), "Message");
  EXPECT_FALSE(message.empty());
  EXPECT_EQ(message, DefaultMessage(MI_RESULT_INVALID_NAMESPACE));
}

TEST(BuildErrorTest, InstanceIsIndependentOfTheMessageString) {
  std::string message = "transient text";
  InstancePtr error = BuildError(MI_RESULT_FAILED, message);
  message.assign(message.size(), 'x');
  EXPECT_EQ(StringOf(error.get(), "Message"), "transient text");
}

TEST(ResultTableTest, EveryDefinedResultHasANameAndCategory) {
  static const char* const kNames[] = {
      "MI_RESULT_OK",
      "MI_RESULT_FAILED",
      "MI_RESULT_ACCESS_DENIED",
      "MI_RESULT_INVALID_NAMESPACE",
      "MI_RESULT_INVALID_PARAMETER",
      "MI_RESULT_INVALID_CLASS",
      "MI_RESULT_NOT_FOUND",
      "MI_RESULT_NOT_SUPPORTED",
      "MI_RESULT_CLASS_HAS_CHILDREN",
      "MI_RESULT_CLASS_HAS_INSTANCES",
      "MI_RESULT_INVALID_SUPERCLASS",
      "MI_RESULT_ALREADY_EXISTS",
      "MI_RESULT_NO_SUCH_PROPERTY",
      "MI_RESULT_TYPE_MISMATCH",
      "MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED",
      "MI_RESULT_INVALID_QUERY",
      "MI_RESULT_METHOD_NOT_AVAILABLE",
      "MI_RESULT_METHOD_NOT_FOUND",
      nullptr,
      nullptr,
      "MI_RESULT_NAMESPACE_NOT_EMPTY",
      "MI_RESULT_INVALID_ENUMERATION_CONTEXT",
      "MI_RESULT_INVALID_OPERATION_TIMEOUT",
      "MI_RESULT_PULL_HAS_BEEN_ABANDONED",
      "MI_RESULT_PULL_CANNOT_BE_ABANDONED",
      "MI_RESULT_FILTERED_ENUMERATION_NOT_SUPPORTED",
      "MI_RESULT_CONTINUATION_ON_ERROR_NOT_SUPPORTED",
      "MI_RESULT_SERVER_LIMITS_EXCEEDED",
      "MI_RESULT_SERVER_IS_SHUTTING_DOWN",
  };
  for (int r = 0; r <= 28; ++r) {
    if (r == 18 || r == 19) continue;
    auto result = static_cast<MI_Result>(r);
    EXPECT_STREQ(ResultName(result), kNames[r]) << r;
    ASSERT_NE(DefaultMessage(result), nullptr);
    EXPECT_GT(std::strlen(DefaultMessage(result)), 0u) << r;
    EXPECT_STRNE(DefaultMessage(result), "Unknown error.") << r;
    MI_ErrorCategory category = CategoryForResult(result);
    EXPECT_LE(static_cast<int>(category), static_cast<int>(MI_ERRORCATEGORY_NOT_ENABLED)) << r;
    EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_MI, static_cast<MI_Uint32>(r)), category) << r;
  }
}

TEST(ResultTableTest, ErrorResultsMapToTheirCategories) {
  EXPECT_EQ(CategoryForResult(MI_RESULT_OK), MI_ERRORCATEGORY_NOT_SPECIFIED);
  EXPECT_EQ(CategoryForResult(MI_RESULT_ACCESS_DENIED), MI_ERRORCATEGORY_ACCESS_DENIED);
  EXPECT_EQ(CategoryForResult(MI_RESULT_INVALID_PARAMETER), MI_ERRORCATEGORY_INVALID_ARGUMENT);
  EXPECT_EQ(CategoryForResult(MI_RESULT_NOT_FOUND), MI_ERRORCATEGORY_OBJECT_NOT_FOUND);
  EXPECT_EQ(CategoryForResult(MI_RESULT_NOT_SUPPORTED), MI_ERRORCATEGORY_NOT_IMPLEMENTED);
  EXPECT_EQ(CategoryForResult(MI_RESULT_ALREADY_EXISTS), MI_ERRORCATEGORY_RESOURCE_EXISTS);
  EXPECT_EQ(CategoryForResult(MI_RESULT_TYPE_MISMATCH), MI_ERRORCATEGORY_INVALID_TYPE);
  EXPECT_EQ(CategoryForResult(MI_RESULT_INVALID_CLASS), MI_ERRORCATEGORY_METADATA_ERROR);
}

TEST(ResultTableTest, UnassignedResultsAreUnknown) {
  EXPECT_STREQ(ResultName(static_cast<MI_Result>(18)), "MI_RESULT_UNKNOWN");
  EXPECT_STREQ(ResultName(static_cast<MI_Result>(19)), "MI_RESULT_UNKNOWN");
  EXPECT_STREQ(ResultName(static_cast<MI_Result>(5000)), "MI_RESULT_UNKNOWN");
  EXPECT_EQ(CategoryForResult(static_cast<MI_Result>(5000)), MI_ERRORCATEGORY_NOT_SPECIFIED);
}

TEST(CategoryForErrorTest, MapsNativeCodes) {
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_HRESULT, 0x80338012u), MI_ERRORCATEGORY_CONNECTION_ERROR);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_WINRM, 0x80338012u), MI_ERRORCATEGORY_CONNECTION_ERROR);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_HRESULT, 0x80070005u), MI_ERRORCATEGORY_ACCESS_DENIED);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_WIN32, 5), MI_ERRORCATEGORY_ACCESS_DENIED);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_ERRNO, 13), MI_ERRORCATEGORY_ACCESS_DENIED);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_ERRNO, 2), MI_ERRORCATEGORY_OBJECT_NOT_FOUND);
  EXPECT_EQ(CategoryForError(nullptr, MI_RESULT_NOT_FOUND), MI_ERRORCATEGORY_OBJECT_NOT_FOUND);
  EXPECT_EQ(CategoryForError(MI_RESULT_TYPE_HRESULT, 0x12345678u), MI_ERRORCATEGORY_NOT_SPECIFIED);
}

TEST(ReportErrorTest, NullOutPointerFreesTheInstanceAndReturnsResult) {
  // Leak checking (ASan/LSan) verifies the instance is released.
  EXPECT_EQ(ReportError(MI_RESULT_NOT_FOUND, BuildError(MI_RESULT_NOT_FOUND, "x"), nullptr), MI_RESULT_NOT_FOUND);
  ErrorInfo info;
  info.result = MI_RESULT_ACCESS_DENIED;
  EXPECT_EQ(ReportError(info, nullptr), MI_RESULT_ACCESS_DENIED);
}

TEST(ReportErrorTest, OutPointerReceivesTheInstance) {
  MI_Instance* out = nullptr;
  EXPECT_EQ(ReportError(MI_RESULT_INVALID_QUERY, BuildError(MI_RESULT_INVALID_QUERY, "bad"), &out),
            MI_RESULT_INVALID_QUERY);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(Uint32Of(out, "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_INVALID_QUERY));
  EXPECT_EQ(MI_Instance_Delete(out), MI_RESULT_OK);

  ErrorInfo info;
  info.result = MI_RESULT_NOT_SUPPORTED;
  info.message = "nope";
  MI_Instance* built = nullptr;
  EXPECT_EQ(ReportError(info, &built), MI_RESULT_NOT_SUPPORTED);
  ASSERT_NE(built, nullptr);
  EXPECT_EQ(StringOf(built, "Message"), "nope");
  MI_Instance_Delete(built);
}

}  // namespace
}  // namespace cimulate::core
