// The WQL subset: parsing, errors, and evaluation against instances.
#include <gtest/gtest.h>

#include "core/instance.h"
#include "engine/wql.h"

namespace cimulate::fake {
namespace {

core::InstancePtr Service(const char* name, const char* state, MI_Uint32 pid, bool started) {
  MI_Instance* raw = nullptr;
  EXPECT_EQ(core::NewDynamicInstance("Win32_Service", 0, &raw), MI_RESULT_OK);
  MI_Value v;
  v.string = const_cast<MI_Char*>(name);
  MI_Instance_AddElement(raw, "Name", &v, MI_STRING, MI_FLAG_KEY);
  v.string = const_cast<MI_Char*>(state);
  MI_Instance_AddElement(raw, "State", &v, MI_STRING, 0);
  v.uint32 = pid;
  MI_Instance_AddElement(raw, "ProcessId", &v, MI_UINT32, 0);
  v.boolean = started ? MI_TRUE : MI_FALSE;
  MI_Instance_AddElement(raw, "Started", &v, MI_BOOLEAN, 0);
  MI_Instance_AddElement(raw, "Description", nullptr, MI_STRING, MI_FLAG_NULL);
  return core::InstancePtr(raw);
}

WqlQuery Parse(const char* text) {
  WqlQuery q;
  std::string error;
  EXPECT_TRUE(ParseWql(text, &q, &error)) << text << ": " << error;
  return q;
}

std::string ParseError(const char* text) {
  WqlQuery q;
  std::string error;
  EXPECT_FALSE(ParseWql(text, &q, &error)) << text;
  return error;
}

TEST(Wql, ParsesStarAndPropertyLists) {
  WqlQuery q = Parse("SELECT * FROM Win32_Service");
  EXPECT_TRUE(q.properties.empty());
  EXPECT_EQ(q.class_name, "Win32_Service");
  EXPECT_TRUE(q.where.empty());
  q = Parse("select Name , State from Win32_Service where State = 'Running' and ProcessId>=4");
  EXPECT_EQ(q.properties, (std::vector<std::string>{"Name", "State"}));
  ASSERT_EQ(q.where.size(), 2u);
  EXPECT_EQ(q.where[0].property, "State");
  EXPECT_EQ(q.where[0].op, WqlOp::kEq);
  EXPECT_EQ(q.where[0].literal.text, "Running");
  EXPECT_EQ(q.where[1].op, WqlOp::kGe);
  EXPECT_EQ(q.where[1].literal.number, 4);
}

TEST(Wql, RejectsWhatItDoesNotSupportWithAPosition) {
  EXPECT_NE(ParseError("SELECT FROM X").find("expected * or a property name"), std::string::npos);
  EXPECT_NE(ParseError("SELECT * X").find("expected FROM"), std::string::npos);
  EXPECT_NE(ParseError("SELECT * FROM X WHERE A = 'open").find("unterminated string"), std::string::npos);
  EXPECT_NE(ParseError("SELECT * FROM X WHERE A = 1 OR B = 2").find("expected AND"), std::string::npos);
  EXPECT_NE(ParseError("SELECT * FROM X WHERE A LIKE 'x'").find("comparison operator"), std::string::npos);
  EXPECT_NE(ParseError("SELECT * FROM X WHERE A = B").find("string, number, TRUE or FALSE"), std::string::npos);
  ParseError("");
  ParseError("SELECT * FROM X WHERE A = 1e");
}

TEST(Wql, EvaluatesStringsCaseInsensitivelyAndNumbersNumerically) {
  core::InstancePtr winrm = Service("WinRM", "Running", 1234, true);
  auto holds = [&](const char* text) { return WqlMatches(Parse(text), winrm.get()); };
  EXPECT_TRUE(holds("SELECT * FROM S WHERE State = 'running'"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE State <> \"Stopped\""));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE State != 'Running'"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE Name < 'x'"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE ProcessId > 1000 AND ProcessId <= 1234"));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE ProcessId < 1234"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE ProcessId = '1234'"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE ProcessId >= -5.5"));
  EXPECT_TRUE(holds("SELECT * FROM S WHERE Started = TRUE"));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE Started = false"));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE Started = 'true'"));
  // NULL and missing properties never satisfy a comparison.
  EXPECT_FALSE(holds("SELECT * FROM S WHERE Description = ''"));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE Description <> ''"));
  EXPECT_FALSE(holds("SELECT * FROM S WHERE Nope = 1"));
}

}  // namespace
}  // namespace cimulate::fake
