// Namespace paths, object paths from keys, CIM name checks.
#include "wmidcom/object_path.h"

#include <gtest/gtest.h>

#include "core/instance.h"

namespace cimulate::wmidcom {
namespace {

core::InstancePtr NewInstance(const char* class_name) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance(class_name, 0, &raw), MI_RESULT_OK);
  return core::InstancePtr(raw);
}

void AddString(MI_Instance* i, const char* name, const char* text, MI_Uint32 flags = 0) {
  MI_Value v;
  v.string = const_cast<MI_Char*>(text);
  ASSERT_EQ(MI_Instance_AddElement(i, name, &v, MI_STRING, flags), MI_RESULT_OK);
}

void AddUint32(MI_Instance* i, const char* name, MI_Uint32 n, MI_Uint32 flags = 0) {
  MI_Value v;
  v.uint32 = n;
  ASSERT_EQ(MI_Instance_AddElement(i, name, &v, MI_UINT32, flags), MI_RESULT_OK);
}

TEST(WmidcomPathTest, NamespacePaths) {
  EXPECT_EQ(NamespacePath(std::nullopt), "//./root/cimv2");
  EXPECT_EQ(NamespacePath(std::string("root\\cimv2")), "//./root/cimv2");
  EXPECT_EQ(NamespacePath(std::string("/root/standardcimv2")), "//./root/standardcimv2");
  EXPECT_EQ(NamespacePath(std::string("//server/root/default")), "//server/root/default");
}

TEST(WmidcomPathTest, KeysMakeThePath) {
  auto i = NewInstance("Win32_Service");
  AddString(i.get(), "Name", "Win\"RM\\x", MI_FLAG_KEY);
  AddString(i.get(), "State", "Running");
  AddUint32(i.get(), "Id", 7, MI_FLAG_KEY);
  std::string path, error;
  ASSERT_TRUE(InstancePath(*i, &path, &error)) << error;
  EXPECT_EQ(path, "Win32_Service.Name=\"Win\\\"RM\\\\x\",Id=7");
}

TEST(WmidcomPathTest, WithoutKeyFlagsEveryValueIsAKey) {
  auto i = NewInstance("Win32_Service");
  AddString(i.get(), "Name", "WinRM");
  MI_Value v;
  v.string = nullptr;
  ASSERT_EQ(MI_Instance_AddElement(i.get(), "Other", &v, MI_STRING, MI_FLAG_NULL), MI_RESULT_OK);
  std::string path, error;
  ASSERT_TRUE(InstancePath(*i, &path, &error)) << error;
  EXPECT_EQ(path, "Win32_Service.Name=\"WinRM\"");
  auto singleton = NewInstance("Win32_OperatingSystem");
  ASSERT_TRUE(InstancePath(*singleton, &path, &error)) << error;
  EXPECT_EQ(path, "Win32_OperatingSystem=@");
}

TEST(WmidcomPathTest, BadClassOrNullKeyIsRefused) {
  auto bad = NewInstance("Win32 Service");
  std::string path, error;
  EXPECT_FALSE(InstancePath(*bad, &path, &error));
  EXPECT_FALSE(error.empty());
  auto null_key = NewInstance("C");
  MI_Value v;
  v.string = nullptr;
  ASSERT_EQ(MI_Instance_AddElement(null_key.get(), "K", &v, MI_STRING, MI_FLAG_KEY | MI_FLAG_NULL), MI_RESULT_OK);
  EXPECT_FALSE(InstancePath(*null_key, &path, &error));
  EXPECT_NE(error.find("K"), std::string::npos);
}

TEST(WmidcomPathTest, CimNames) {
  EXPECT_TRUE(IsCimName("Win32_Service"));
  EXPECT_TRUE(IsCimName("_x1"));
  EXPECT_FALSE(IsCimName(""));
  EXPECT_FALSE(IsCimName("1abc"));
  EXPECT_FALSE(IsCimName("a;DROP"));
  EXPECT_FALSE(IsCimName("a b"));
}

}  // namespace
}  // namespace cimulate::wmidcom
