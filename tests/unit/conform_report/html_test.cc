#include "report/html.h"

#include <string>

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::AwkwardText;
using testing::MakeCase;
using testing::SampleRun;

std::size_t Occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

TEST(ConformHtml, ContainsEveryCaseExpandable) {
  const RunReport run = SampleRun();
  const std::string html = ToHtml(run);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(Occurrences(html, "<details class=\"case\""), run.cases.size());
  for (const CaseResult& result : run.cases) {
    EXPECT_NE(html.find("<span>" + result.name + "</span>"), std::string::npos) << result.name;
  }
  EXPECT_NE(html.find("data-verdict=\"HANG\""), std::string::npos);
  EXPECT_NE(html.find("class=\"badge v-stale\""), std::string::npos);
}

TEST(ConformHtml, ShowsChecksStepsStacksAndOutput) {
  const std::string html = ToHtml(SampleRun());
  EXPECT_NE(html.find("<td>error.CIMStatusCode</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"bad\">FAIL</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>sample.yaml:14:9</td>"), std::string::npos);
  EXPECT_NE(html.find("never returned"), std::string::npos);
  EXPECT_NE(html.find("<h3>stacks</h3>"), std::string::npos);
  EXPECT_NE(html.find("<h3>output</h3>"), std::string::npos);
  EXPECT_NE(html.find("seed 18446744073709551615"), std::string::npos);
  EXPECT_NE(html.find("network loopback"), std::string::npos);
}

TEST(ConformHtml, SummarySeparatesMustFromShouldAndMayFailures) {
  const std::string html = ToHtml(SampleRun());
  // FAIL and HANG are MUST; CRASH is SHOULD.
  EXPECT_NE(html.find("MUST failures: 2</span>"), std::string::npos);
  EXPECT_NE(html.find("SHOULD/MAY failures: 1 "), std::string::npos);
  EXPECT_NE(html.find("(exit 3)"), std::string::npos);
}

TEST(ConformHtml, EscapesEverythingFromTheReport) {
  RunReport run;
  run.implementation = "<impl>";
  CaseResult result = MakeCase("<img src=x onerror=alert(1)>", Verdict::kFail);
  result.reason = result.summary = result.stacks = result.output = result.clause = AwkwardText();
  result.tags = {"</script><script>alert(1)</script>"};
  StepReport step;
  step.kind = "<kind>";
  step.checks.push_back(Check{"<what>", "\"expected\"", "'actual'", "<where>", false});
  result.steps.push_back(step);
  run.cases.push_back(result);
  const std::string html = ToHtml(run);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<impl>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<what>"), std::string::npos);
  EXPECT_EQ(html.find("<kind>"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&quot;expected&quot;"), std::string::npos);
  EXPECT_NE(html.find("&#39;actual&#39;"), std::string::npos);
  // The page's own script is the only one.
  EXPECT_EQ(Occurrences(html, "<script>"), 1u);
  EXPECT_EQ(Occurrences(html, "</script>"), 1u);
  // No raw control characters; the escape is visible instead.
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find('\0'), std::string::npos);
  EXPECT_NE(html.find("esc\\x1b[31m"), std::string::npos);
  EXPECT_NE(html.find("é € 𝄞"), std::string::npos);
}

TEST(ConformHtml, EmptyRunIsAPage) {
  const std::string html = ToHtml(RunReport());
  EXPECT_NE(html.find("0 cases"), std::string::npos);
  EXPECT_NE(html.find("(exit 0)"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace cimulate::conform
