#include "runner/progress.h"

#include <fcntl.h>
#include <unistd.h>

#include "gtest/gtest.h"

namespace cimulate::conform {
namespace {

std::vector<std::string> WrittenLines(const std::function<void(ProgressWriter&)>& write) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  {
    ProgressWriter writer(fds[1]);
    write(writer);
  }
  ::close(fds[1]);
  std::string data;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof(buffer))) > 0) data.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  std::vector<std::string> lines;
  std::size_t start = 0, nl;
  while ((nl = data.find('\n', start)) != std::string::npos) {
    lines.push_back(data.substr(start, nl - start));
    start = nl + 1;
  }
  EXPECT_EQ(start, data.size()) << "every event ends with a newline";
  return lines;
}

TEST(ProgressTest, ChecksSurviveTabsNewlinesAndBackslashes) {
  Check check{"error.Message", "a\tb", "line1\nline2\\n", "x.yaml:3:4", false};
  auto lines = WrittenLines([&](ProgressWriter& w) { w.CheckDone(7, check); });
  ASSERT_EQ(lines.size(), 1u);
  ProgressEvent e;
  ASSERT_TRUE(ParseProgressLine(lines[0], &e));
  EXPECT_EQ(e.kind, ProgressKind::kCheck);
  EXPECT_EQ(e.step, 7u);
  EXPECT_EQ(e.check.what, check.what);
  EXPECT_EQ(e.check.expected, check.expected);
  EXPECT_EQ(e.check.actual, check.actual);
  EXPECT_EQ(e.check.where, check.where);
  EXPECT_FALSE(e.check.passed);
}

TEST(ProgressTest, EveryKindRoundTrips) {
  auto lines = WrittenLines([](ProgressWriter& w) {
    w.Network("netns");
    w.StepStarted(2, 5000);
    w.StepEnded(2, 1234);
    w.Skip("no\tWMIDCOM");
    w.Error("boom");
    w.Done();
  });
  ASSERT_EQ(lines.size(), 6u);
  ProgressEvent e;
  ASSERT_TRUE(ParseProgressLine(lines[0], &e));
  EXPECT_EQ(e.kind, ProgressKind::kNetwork);
  EXPECT_EQ(e.text, "netns");
  ASSERT_TRUE(ParseProgressLine(lines[1], &e));
  EXPECT_EQ(e.kind, ProgressKind::kStepStarted);
  EXPECT_EQ(e.number, 5000);
  ASSERT_TRUE(ParseProgressLine(lines[2], &e));
  EXPECT_EQ(e.kind, ProgressKind::kStepEnded);
  EXPECT_EQ(e.number, 1234);
  ASSERT_TRUE(ParseProgressLine(lines[3], &e));
  EXPECT_EQ(e.text, "no\tWMIDCOM");
  ASSERT_TRUE(ParseProgressLine(lines[4], &e));
  EXPECT_EQ(e.kind, ProgressKind::kError);
  ASSERT_TRUE(ParseProgressLine(lines[5], &e));
  EXPECT_EQ(e.kind, ProgressKind::kDone);
}

TEST(ProgressTest, MalformedLinesAreRejected) {
  ProgressEvent e;
  for (const char* line : {"", "start\t1", "start\tx\t2", "check\t1\t2\ta\tb\tc\td", "done\textra", "nonsense"}) {
    EXPECT_FALSE(ParseProgressLine(line, &e)) << line;
  }
}

}  // namespace
}  // namespace cimulate::conform
