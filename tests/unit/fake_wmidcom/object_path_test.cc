#include "wmidcom/object_path.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cimulate::fake::wmidcom {
namespace {

TEST(ObjectPath, ClassOnly) {
  ObjectPath p;
  std::string error;
  ASSERT_TRUE(ParseObjectPath("Win32_Service", &p, &error)) << error;
  EXPECT_TRUE(p.is_class);
  EXPECT_EQ(p.class_name, "Win32_Service");
}

TEST(ObjectPath, KeysWithQuotesEscapesAndNumbers) {
  ObjectPath p;
  std::string error;
  ASSERT_TRUE(ParseObjectPath(R"(Win32_Thing.Name="a \"b\" c:\\d",Id=42)", &p, &error)) << error;
  EXPECT_FALSE(p.is_class);
  ASSERT_EQ(p.keys.size(), 2u);
  EXPECT_EQ(p.keys[0].name, "Name");
  EXPECT_EQ(p.keys[0].value, R"(a "b" c:\d)");
  EXPECT_EQ(p.keys[1].value, "42");
}

TEST(ObjectPath, ServerAndNamespacePrefix) {
  ObjectPath p;
  std::string error;
  ASSERT_TRUE(ParseObjectPath(R"(\\.\root\cimv2:Win32_Service.Name="WinRM")", &p, &error)) << error;
  EXPECT_EQ(p.name_space, "root/cimv2");
  EXPECT_EQ(p.class_name, "Win32_Service");
  ASSERT_EQ(p.keys.size(), 1u);
  EXPECT_EQ(p.keys[0].value, "WinRM");
}

TEST(ObjectPath, UnnamedKeyAndSingleton) {
  ObjectPath p;
  std::string error;
  ASSERT_TRUE(ParseObjectPath("Win32_Service='Dhcp'", &p, &error)) << error;
  EXPECT_EQ(p.unnamed_key, "Dhcp");
  ASSERT_TRUE(ParseObjectPath("Win32_OperatingSystem=@", &p, &error)) << error;
  EXPECT_TRUE(p.singleton);
}

TEST(ObjectPath, BadPathsSayWhere) {
  ObjectPath p;
  std::string error;
  EXPECT_FALSE(ParseObjectPath("", &p, &error));
  EXPECT_FALSE(ParseObjectPath("Win32_Service.Name=\"open", &p, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("unterminated"));
  EXPECT_FALSE(ParseObjectPath("Win32_Service.Name=\"a\"x", &p, &error));
  EXPECT_FALSE(ParseObjectPath("Win32_Service#", &p, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("column 14"));
  EXPECT_FALSE(ParseObjectPath("Win32_Service.=1", &p, &error));
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
