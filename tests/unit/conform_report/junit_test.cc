#include "report/junit.h"

#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::AwkwardText;
using testing::MakeCase;
using testing::SampleRun;

pugi::xml_document Parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  EXPECT_TRUE(parsed) << parsed.description() << " at offset " << parsed.offset;
  return doc;
}

pugi::xml_node FindCase(const pugi::xml_document& doc, const char* name) {
  return doc.select_node(("//testcase[@name='" + std::string(name) + "']").c_str()).node();
}

TEST(ConformJunit, ParsesBackWithTheRightCounts) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  const pugi::xml_node suites = doc.child("testsuites");
  ASSERT_TRUE(suites);
  EXPECT_STREQ(suites.attribute("name").value(), "cimulate-conform: cimulate (built-in)");
  EXPECT_EQ(suites.attribute("tests").as_int(), 8);
  EXPECT_EQ(suites.attribute("failures").as_int(), 2);  // FAIL, STALE
  EXPECT_EQ(suites.attribute("errors").as_int(), 3);    // HANG, CRASH, ERROR
  EXPECT_EQ(suites.attribute("skipped").as_int(), 1);
  EXPECT_STREQ(suites.attribute("time").value(), "2.500");  // the run's, not the cases' sum
  EXPECT_EQ(doc.select_nodes("//testcase").size(), 8u);
  EXPECT_EQ(doc.select_nodes("//failure").size(), 2u);
  EXPECT_EQ(doc.select_nodes("//error").size(), 3u);
  EXPECT_EQ(doc.select_nodes("//skipped").size(), 1u);
}

TEST(ConformJunit, OneSuitePerScenarioFileInOrderOfAppearance) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  const pugi::xpath_node_set suites = doc.select_nodes("/testsuites/testsuite");
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_STREQ(suites[0].node().attribute("name").value(), "scenarios/conformance/sample.yaml");
  EXPECT_EQ(suites[0].node().attribute("tests").as_int(), 7);
  EXPECT_STREQ(suites[0].node().attribute("timestamp").value(), "2026-11-21T10:00:00Z");
  EXPECT_STREQ(suites[1].node().attribute("name").value(), "scenarios/conformance/other.yaml");
  EXPECT_EQ(suites[1].node().attribute("skipped").as_int(), 1);
  EXPECT_STREQ(suites[0]
                   .node()
                   .select_node("properties/property[@name='implementation']")
                   .node()
                   .attribute("value")
                   .value(),
               "cimulate (built-in)");
}

TEST(ConformJunit, TestcaseCarriesClauseNameAndTime) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  const pugi::xml_node pass = FindCase(doc, "group/pass");
  ASSERT_TRUE(pass);
  EXPECT_STREQ(pass.attribute("classname").value(),
               "MI_Application_NewSession/deferred-connection");
  EXPECT_STREQ(pass.attribute("time").value(), "0.012");
  EXPECT_FALSE(pass.child("failure"));
  EXPECT_NE(std::string(pass.child_value("system-out")).find("seed: 42"), std::string::npos);
  EXPECT_NE(std::string(pass.child_value("system-out")).find("network: loopback"),
            std::string::npos);
}

TEST(ConformJunit, FailureListsExpectedActualAndWhere) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  const pugi::xml_node failure = FindCase(doc, "group/fail").child("failure");
  ASSERT_TRUE(failure);
  EXPECT_STREQ(failure.attribute("type").value(), "FAIL");
  EXPECT_EQ(std::string(failure.attribute("message").value()).rfind("error.CIMStatusCode", 0), 0u);
  const std::string body = failure.child_value();
  EXPECT_NE(body.find("step 1 get_instance (as: op, thread: main) at sample.yaml:10:5"),
            std::string::npos);
  EXPECT_NE(body.find("error.CIMStatusCode: expected 6, actual quote\""), std::string::npos);
  EXPECT_NE(body.find("(sample.yaml:14:9)"), std::string::npos);
  EXPECT_EQ(body.find("MI_RESULT_OK"), std::string::npos);  // passed checks are left out
  EXPECT_NE(std::string(FindCase(doc, "group/fail").child_value("system-err")).find("</script>"),
            std::string::npos);
}

TEST(ConformJunit, HangAndCrashAreErrorsWithStacks) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  const pugi::xml_node hang = FindCase(doc, "shutdown/hang").child("error");
  ASSERT_TRUE(hang);
  EXPECT_STREQ(hang.attribute("type").value(), "HANG");
  const std::string body = hang.child_value();
  EXPECT_NE(body.find("close_application"), std::string::npos);
  EXPECT_NE(body.find("never returned"), std::string::npos);
  EXPECT_NE(body.find("futex_wait"), std::string::npos);
  const pugi::xml_node crash = FindCase(doc, "group/crash").child("error");
  EXPECT_STREQ(crash.attribute("type").value(), "CRASH");
  EXPECT_STREQ(crash.attribute("message").value(), "[SHOULD] killed by SIGSEGV");
  EXPECT_STREQ(FindCase(doc, "group/error").child("error").attribute("type").value(), "ERROR");
}

TEST(ConformJunit, SkipXfailAndStale) {
  const pugi::xml_document doc = Parse(ToJunitXml(SampleRun()));
  EXPECT_STREQ(FindCase(doc, "wmidcom/skip").child("skipped").attribute("message").value(),
               "reason for SKIP");
  const pugi::xml_node xfail = FindCase(doc, "group/xfail");
  EXPECT_FALSE(xfail.child("failure"));
  EXPECT_FALSE(xfail.child("error"));
  EXPECT_NE(
      std::string(xfail.child_value("system-out")).find("baseline lists it: reason for XFAIL"),
      std::string::npos);
  EXPECT_STREQ(FindCase(doc, "group/stale").child("failure").attribute("type").value(), "STALE");
}

TEST(ConformJunit, ForbiddenCharactersAreReplacedAndTheRestEscaped) {
  RunReport run;
  run.implementation = AwkwardText() + "\xff";
  CaseResult result = MakeCase(AwkwardText(), Verdict::kFail);
  result.reason = AwkwardText();
  result.output = AwkwardText();
  run.cases.push_back(result);
  const std::string xml = ToJunitXml(run);
  for (char c : xml) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n' || c == '\r' || c == '\t') << "byte " << int(byte);
  }
  const pugi::xml_document doc = Parse(xml);
  const pugi::xml_node testcase = doc.select_node("//testcase").node();
  const std::string name = testcase.attribute("name").value();
  EXPECT_NE(name.find("esc\\x1b[31m"), std::string::npos);
  EXPECT_NE(name.find("\\x00"), std::string::npos);
  EXPECT_NE(name.find("<b>&amp;</b> </script> ]]> é € 𝄞"), std::string::npos);
  EXPECT_NE(std::string(doc.child("testsuites").attribute("name").value()).find("\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(std::string(testcase.child_value("system-err")).find("]]>"), std::string::npos);
}

TEST(ConformJunit, EmptyRunIsAValidDocument) {
  const pugi::xml_document doc = Parse(ToJunitXml(RunReport()));
  EXPECT_EQ(doc.child("testsuites").attribute("tests").as_int(), 0);
  EXPECT_FALSE(doc.child("testsuites").child("testsuite"));
}

}  // namespace
}  // namespace cimulate::conform
