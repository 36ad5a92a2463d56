#include "report/matrix.h"

#include <string>

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::MakeCase;

RunReport RunOf(std::string implementation, std::vector<CaseResult> cases) {
  RunReport run;
  run.implementation = std::move(implementation);
  run.cases = std::move(cases);
  return run;
}

// The text of the matrix row of `name`.
std::string RowOf(const std::string& html, const std::string& name) {
  const std::size_t start = html.find("<tr><td>" + name + "</td>");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</tr>", start) - start);
}

TEST(ConformMatrix, RowsAreTheUnionOfCasesAndMissingCellsShowADash) {
  const std::string html = ToMatrixHtml({
      RunOf("ours", {MakeCase("a", Verdict::kPass), MakeCase("b", Verdict::kFail)}),
      RunOf("vendor", {MakeCase("b", Verdict::kPass), MakeCase("c", Verdict::kHang)}),
  });
  const std::string a = RowOf(html, "a");
  const std::string b = RowOf(html, "b");
  const std::string c = RowOf(html, "c");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  ASSERT_FALSE(c.empty());
  EXPECT_LT(html.find(a), html.find(b));  // order of first appearance
  EXPECT_LT(html.find(b), html.find(c));
  EXPECT_NE(a.find("v-pass"), std::string::npos);
  EXPECT_NE(a.find("<td class=\"v-missing\""), std::string::npos);
  EXPECT_LT(b.find("v-fail"), b.find("v-pass"));  // columns in the order of the runs
  EXPECT_NE(b.find("<details><summary>FAIL</summary><div>reason for FAIL</div></details>"),
            std::string::npos);
  EXPECT_LT(c.find("v-missing"), c.find("v-hang"));
  EXPECT_NE(html.find("<th>ours</th>"), std::string::npos);
  EXPECT_NE(html.find("<th>vendor</th>"), std::string::npos);
}

TEST(ConformMatrix, SummaryRowPerImplementation) {
  const std::string html = ToMatrixHtml({
      RunOf("ours", {MakeCase("a", Verdict::kPass), MakeCase("b", Verdict::kPass)}),
      RunOf("vendor",
            {MakeCase("a", Verdict::kFail), MakeCase("b", Verdict::kFail, Strength::kMay)}),
  });
  EXPECT_NE(html.find("<th>2 / 2</th><th>0 / 2</th>"), std::string::npos);
  const std::size_t vendor = html.find("<tr><th>vendor</th>");
  ASSERT_NE(vendor, std::string::npos);
  const std::string row = html.substr(vendor, html.find("</tr>", vendor) - vendor);
  EXPECT_NE(row.find("<td class=\"num bad\">1</td><td class=\"num\">1</td>"), std::string::npos);
  EXPECT_NE(row.find("exit 1"), std::string::npos);
}

TEST(ConformMatrix, RepeatedImplementationNamesAreTold) {
  const std::string html = ToMatrixHtml({RunOf("x", {}), RunOf("x", {}), RunOf("<y>", {})});
  EXPECT_NE(html.find("<th>x #2</th>"), std::string::npos);
  EXPECT_NE(html.find("<th>&lt;y&gt;</th>"), std::string::npos);
  EXPECT_EQ(html.find("<y>"), std::string::npos);
}

TEST(ConformMatrix, NoRunsIsAPage) {
  const std::string html = ToMatrixHtml({});
  EXPECT_NE(html.find("0 implementations"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace cimulate::conform
