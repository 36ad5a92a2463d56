// No input makes the loader crash, hang or run away with memory.
#include <chrono>
#include <fstream>
#include <iterator>
#include <random>

#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace cimulate::scenario {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(LimitsTest, OversizeFileIsRejectedBeforeParsing) {
  std::string text = "name: t\nsummary: \"" + std::string(4 * 1024 * 1024, 'a') + "\"\n";
  LoadResult r = LoadScenarios(text, "big.yaml");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString(),
            "big.yaml:1:1: file is " + std::to_string(text.size()) + " bytes, larger than the limit of 4194304 bytes");
}

TEST(LimitsTest, BillionLaughsFailsAtTheFirstAnchor) {
  std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev +
            ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
  }
  auto start = Clock::now();
  LoadResult r = LoadScenarios(text, "lol.yaml");
  EXPECT_LT(SecondsSince(start), 1.0);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].ToString(), "lol.yaml:1:4: YAML anchors and aliases are not supported in scenarios");
}

TEST(LimitsTest, AliasWithoutAnchorIsRejected) {
  LoadResult r = LoadScenarios("name: *x\n", "alias.yaml");
  EXPECT_FALSE(r.ok());
}

TEST(LimitsTest, DeepNestingIsBounded) {
  std::string flow = "name: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  LoadResult r = LoadScenarios(flow, "deep.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message, "nesting deeper than 64 levels");
  std::string block = "name: t\n";
  for (int i = 0; i < 100; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  r = LoadScenarios(block, "deep.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message, "nesting deeper than 64 levels");
}

TEST(LimitsTest, NodeCountIsBounded) {
  LoadOptions options;
  options.limits.max_nodes = 1000;
  std::string text = "tags: [" + std::string(2000 * 2, ',') + "]\n";
  for (size_t i = 7; i < text.size() - 2; i += 2) text[i] = 'x';
  LoadResult r = LoadScenarios(text, "wide.yaml", options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message, "document has too many nodes (limit 1000)");
}

TEST(LimitsTest, EmptyAndNonMapDocuments) {
  EXPECT_EQ(LoadScenarios("", "e.yaml").errors[0].ToString(), "e.yaml:1:1: the file holds no scenario");
  EXPECT_EQ(LoadScenarios("- a\n", "e.yaml").errors[0].ToString(), "e.yaml:1:1: expected a map but found a sequence");
  EXPECT_FALSE(LoadScenarios("!!binary abc\n", "e.yaml").ok());
}

// Mutations of the full example: whatever the bytes, the loader returns.
TEST(LimitsTest, MutatedInputNeverCrashes) {
  LoadResult base = LoadScenarioFile(std::string(CIMULATE_SOURCE_DIR) + "/scenarios/examples/full.yaml");
  ASSERT_TRUE(base.ok());
  std::string text;
  {
    std::ifstream in(std::string(CIMULATE_SOURCE_DIR) + "/scenarios/examples/full.yaml");
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::mt19937 rng(1234);
  const char kBytes[] = ":-[]{}&*!|>'\"#%@ \n\t,?0a\x01\xff";
  auto start = Clock::now();
  for (int i = 0; i < 300; ++i) {
    std::string mutated = text;
    for (int j = 0; j < 4; ++j) {
      size_t at = rng() % mutated.size();
      switch (rng() % 3) {
        case 0: mutated[at] = kBytes[rng() % (sizeof(kBytes) - 1)]; break;
        case 1: mutated.erase(at, rng() % 16); break;
        default: mutated.insert(at, mutated.substr(rng() % mutated.size(), rng() % 32)); break;
      }
    }
    LoadResult r = LoadScenarios(mutated, "m.yaml");
    if (!r.ok()) {
      EXPECT_FALSE(r.errors.empty());
      EXPECT_TRUE(r.scenarios.empty());
    }
  }
  EXPECT_LT(SecondsSince(start), 30.0);
}

}  // namespace
}  // namespace cimulate::scenario
