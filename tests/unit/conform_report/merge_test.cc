#include "report/merge.h"

#include <gtest/gtest.h>

#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::MakeCase;

RunReport Shard(std::string label, std::string started_at, std::vector<std::string> names) {
  RunReport run;
  run.implementation = "libvendor";
  run.shard = std::move(label);
  run.started_at = std::move(started_at);
  run.duration_us = 1000;
  for (auto& name : names) run.cases.push_back(MakeCase(name, Verdict::kPass));
  return run;
}

TEST(ConformMerge, ConcatenatesCompleteShards) {
  RunReport merged;
  std::string error;
  ASSERT_TRUE(MergeShards({Shard("2/2", "2026-01-01T10:00:05Z", {"b", "d"}),
                           Shard("1/2", "2026-01-01T10:00:01Z", {"a", "c"})},
                          &merged, &error))
      << error;
  EXPECT_EQ(merged.implementation, "libvendor");
  EXPECT_EQ(merged.started_at, "2026-01-01T10:00:01Z");
  EXPECT_EQ(merged.duration_us, 2000);
  EXPECT_EQ(merged.shard, "");
  ASSERT_EQ(merged.cases.size(), 4u);
  EXPECT_EQ(merged.cases[0].name, "b");
  EXPECT_EQ(merged.cases[3].name, "c");
}

TEST(ConformMerge, IncompleteShardsKeepTheirLabels) {
  RunReport merged;
  std::string error;
  ASSERT_TRUE(MergeShards({Shard("1/3", "", {"a"}), Shard("3/3", "", {"c"})}, &merged, &error));
  EXPECT_EQ(merged.shard, "1/3,3/3");
}

TEST(ConformMerge, DuplicateCaseIsAnError) {
  RunReport merged;
  merged.implementation = "untouched";
  std::string error;
  EXPECT_FALSE(
      MergeShards({Shard("1/2", "", {"a", "b"}), Shard("1/2", "", {"b"})}, &merged, &error));
  EXPECT_EQ(error, "case \"b\" is in both shard 1/2 and shard 1/2");
  EXPECT_EQ(merged.implementation, "untouched");
  EXPECT_FALSE(MergeShards({Shard("", "", {"a", "a"})}, &merged, &error));
  EXPECT_EQ(error, "case \"a\" is twice in report #1");
}

TEST(ConformMerge, DifferentImplementationsAreAnError) {
  RunReport other = Shard("2/2", "", {"b"});
  other.implementation = "ours";
  RunReport merged;
  std::string error;
  EXPECT_FALSE(MergeShards({Shard("1/2", "", {"a"}), other}, &merged, &error));
  EXPECT_NE(error.find("shard 2/2 is of implementation \"ours\""), std::string::npos);
  EXPECT_FALSE(MergeShards({}, &merged, &error));
  EXPECT_EQ(error, "no reports to merge");
}

}  // namespace
}  // namespace cimulate::conform
