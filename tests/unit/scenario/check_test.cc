#include "scenario/check.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace cimulate::scenario {
namespace {

std::string TempFile(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(CheckTest, ValidFileExitsZero) {
  std::string path = std::string(CIMULATE_SOURCE_DIR) + "/scenarios/examples/full.yaml";
  std::ostringstream out;
  EXPECT_EQ(CheckScenarioFile(path, out), 0);
  EXPECT_EQ(out.str(), path + ": ok (1 scenario)\n");
}

TEST(CheckTest, InvalidFilePrintsOneErrorPerLineAndExitsTwo) {
  std::string path = TempFile("check_bad.yaml", "name: t\nsumary: x\nseed: -1\n");
  std::ostringstream out;
  EXPECT_EQ(CheckScenarioFile(path, out), 2);
  EXPECT_EQ(out.str(), path + ":2:1: sumary: unknown key; expected one of name, summary, spec, tags, seed, endpoint, "
                              "steps (did you mean \"summary\"?)\n" +
                           path + ":3:7: seed: expected an integer from 0 to 18446744073709551615 but found \"-1\"\n");
  std::remove(path.c_str());
}

TEST(CheckTest, ErrorsPastTheLimitAreCounted) {
  std::string text = "name: t\n";
  for (int i = 0; i < 25; ++i) text += "k" + std::to_string(i) + ": 1\n";
  std::string path = TempFile("check_many.yaml", text);
  std::ostringstream out;
  EXPECT_EQ(CheckScenarioFile(path, out), 2);
  EXPECT_NE(out.str().find(path + ": 5 more errors not shown\n"), std::string::npos);
  std::remove(path.c_str());
}

TEST(CheckTest, MissingFileExitsTwo) {
  std::ostringstream out;
  EXPECT_EQ(CheckScenarioFile("/nonexistent/x.yaml", out), 2);
  EXPECT_EQ(out.str(), "/nonexistent/x.yaml:1:1: cannot open the file\n");
}

}  // namespace
}  // namespace cimulate::scenario
