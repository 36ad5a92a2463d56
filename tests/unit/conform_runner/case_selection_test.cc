#include "runner/case_selection.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runner/step_plan.h"
#include "test_scenarios.h"

namespace cimulate::conform {
namespace {

using ::testing::ElementsAre;

CaseRef Case(const std::string& name, std::vector<std::string> tags) {
  CaseRef ref;
  ref.scenario.name = name;
  ref.scenario.tags = std::move(tags);
  return ref;
}

std::vector<CaseRef> Suite() {
  return {Case("deferred-new-session", {"deferred"}), Case("deferred-first-op", {"deferred"}),
          Case("shutdown-close-app", {"shutdown"}), Case("errors-bad-protocol", {"errors", "shutdown"}),
          Case("ops-get", {"operations"})};
}

std::vector<std::string> Names(const std::vector<CaseRef>& cases) {
  std::vector<std::string> names;
  for (const CaseRef& c : cases) names.push_back(c.scenario.name);
  return names;
}

std::vector<std::string> Select(const std::string& filter, Shard shard = {}) {
  CaseFilter f;
  std::string error;
  EXPECT_TRUE(CaseFilter::Parse(filter, &f, &error)) << error;
  return Names(SelectCases(Suite(), f, shard));
}

TEST(CaseSelectionTest, FilterGlobsNamesAndTags) {
  EXPECT_EQ(Select("").size(), 5u);
  EXPECT_THAT(Select("deferred-*"), ElementsAre("deferred-new-session", "deferred-first-op"));
  EXPECT_THAT(Select("tag:shutdown"), ElementsAre("shutdown-close-app", "errors-bad-protocol"));
  EXPECT_THAT(Select("ops-get,tag:deferred"), ElementsAre("deferred-new-session", "deferred-first-op", "ops-get"));
  EXPECT_THAT(Select("*-get"), ElementsAre("ops-get"));
  EXPECT_TRUE(Select("nothing").empty());
}

TEST(CaseSelectionTest, BadFiltersAreRejected) {
  CaseFilter f;
  std::string error;
  EXPECT_FALSE(CaseFilter::Parse("a,,b", &f, &error));
  EXPECT_FALSE(CaseFilter::Parse("tag:", &f, &error));
  EXPECT_FALSE(CaseFilter::Parse(",", &f, &error));
}

TEST(CaseSelectionTest, ShardsPartitionTheFilteredCases) {
  std::vector<std::string> all;
  for (std::size_t k = 1; k <= 2; ++k) {
    for (const std::string& name : Select("", Shard{k, 2})) all.push_back(name);
  }
  EXPECT_THAT(Select("", Shard{1, 2}), ElementsAre("deferred-new-session", "shutdown-close-app", "ops-get"));
  EXPECT_THAT(Select("", Shard{2, 2}), ElementsAre("deferred-first-op", "errors-bad-protocol"));
  EXPECT_EQ(all.size(), 5u);
  EXPECT_THAT(Select("tag:shutdown", Shard{2, 2}), ElementsAre("errors-bad-protocol"));
  EXPECT_TRUE(Select("", Shard{7, 7}).empty());
}

TEST(CaseSelectionTest, ShardSyntax) {
  Shard s;
  std::string error;
  EXPECT_TRUE(ParseShard("2/3", &s, &error));
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 3u);
  for (const char* bad : {"0/3", "4/3", "1/0", "3", "a/b", "1/2/3", "/2", ""}) {
    EXPECT_FALSE(ParseShard(bad, &s, &error)) << bad;
  }
}

TEST(CaseCatalogTest, FoldersLoadSortedByFileThenPosition) {
  testing::TempDir dir;
  dir.Write("b/second.yaml", testing::ScenarioText("b1", "  - initialize: {}\n") + "---\n" +
                                 testing::ScenarioText("b2", "  - initialize: {}\n"));
  dir.Write("a.yml", testing::ScenarioText("a1", "  - initialize: {}\n"));
  dir.Write("notes.txt", "not a scenario");
  std::vector<CaseRef> cases;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadCases({dir.path()}, &cases, &errors)) << errors[0];
  EXPECT_THAT(Names(cases), ElementsAre("a1", "b1", "b2"));
  EXPECT_EQ(cases[2].position, 1u);
}

TEST(CaseCatalogTest, ScenarioErrorsCarryFileLineColumn) {
  testing::TempDir dir;
  std::string file = dir.Write("bad.yaml", "name: bad\nsteps:\n  - frobnicate: {}\n");
  std::vector<CaseRef> cases;
  std::vector<std::string> errors;
  EXPECT_FALSE(LoadCases({file, dir.path() + "/missing.yaml"}, &cases, &errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0], ::testing::HasSubstr("missing.yaml"));
  EXPECT_TRUE(cases.empty());
  errors.clear();
  EXPECT_FALSE(LoadCases({file}, &cases, &errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0], ::testing::MatchesRegex(".*bad.yaml:[0-9]+:[0-9]+: .*"));
}

TEST(StepPlanTest, DeadlinesFollowTheExpectations) {
  testing::TempDir dir;
  CaseRef ref = testing::LoadOne(dir.Write("plan.yaml", testing::ScenarioText("plan", testing::OpenSession() +
                                                                                          "  - close_application: {}\n"
                                                                                          "    expect: {blocks_for_ms: 200}\n"
                                                                                          "  - close_session: {}\n"
                                                                                          "    expect: {returns_within_ms: 100}\n")));
  StepPlan plan = PlanSteps(ref.scenario, 1000);
  ASSERT_EQ(plan.steps.size(), 4u);
  EXPECT_EQ(plan.steps[0].deadline_ms, 1000);
  EXPECT_EQ(plan.steps[2].deadline_ms, 200 + 1000);
  EXPECT_EQ(plan.steps[3].deadline_ms, 100 + kLateReturnGraceMs);
  EXPECT_EQ(plan.steps[3].session, std::optional<std::size_t>(1));
  EXPECT_EQ(plan.steps[2].application, std::optional<std::size_t>(0));
  EXPECT_EQ(plan.TotalDeadlineMs(), 1000 + 1000 + 1200 + 600);
}

}  // namespace
}  // namespace cimulate::conform
