// expect.callbacks: what the conformance runner checks about the callbacks a
// step received (count, order, thread).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace cimulate::scenario {
namespace {

using ::testing::ElementsAre;

std::string WithExpect(const std::string& expect) {
  return "name: t\n"
         "steps:\n"
         "  - initialize: {}\n"
         "  - new_session: {destination: {listener: winrm_http}}\n"
         "  - close_session: {completion_callback: true}\n"
         "    expect: " +
         expect + "\n";
}

TEST(CallbacksExpectationTest, ReadsCountOrderAndThread) {
  LoadResult r = LoadScenarios(WithExpect("{callbacks: {count: 1, order: [completion], thread: other}}"), "x.yaml");
  ASSERT_TRUE(r.ok()) << r.errors[0].ToString();
  const std::optional<Expectation>& e = r.scenarios[0].steps[2].expect;
  ASSERT_TRUE(e && e->callbacks);
  EXPECT_EQ(e->callbacks->count, std::optional<std::uint32_t>(1));
  ASSERT_TRUE(e->callbacks->order);
  EXPECT_THAT(*e->callbacks->order, ElementsAre("completion"));
  EXPECT_EQ(e->callbacks->thread, CallbackExpectation::Thread::kOther);
}

TEST(CallbacksExpectationTest, EverythingIsOptional) {
  LoadResult r = LoadScenarios(WithExpect("{callbacks: {}}"), "x.yaml");
  ASSERT_TRUE(r.ok()) << r.errors[0].ToString();
  const CallbackExpectation& c = *r.scenarios[0].steps[2].expect->callbacks;
  EXPECT_FALSE(c.count);
  EXPECT_FALSE(c.order);
  EXPECT_EQ(c.thread, CallbackExpectation::Thread::kAny);
}

TEST(CallbacksExpectationTest, UnknownNamesAndThreadsAreErrors) {
  LoadResult r = LoadScenarios(WithExpect("{callbacks: {order: [completion, instanse], thread: main, cnt: 1}}"),
                               "x.yaml");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> errors;
  for (const Diagnostic& d : r.errors) errors.push_back(d.ToString());
  EXPECT_THAT(errors,
              ElementsAre("x.yaml:6:71: steps[2].expect.callbacks.cnt: unknown key; expected one of count, order, "
                          "thread",
                          "x.yaml:6:46: steps[2].expect.callbacks.order[1]: expected one of instance, result, "
                          "indication, class, write_error, write_message, session_error, session_message, "
                          "completion but found \"instanse\" (did you mean \"instance\"?)",
                          "x.yaml:6:65: steps[2].expect.callbacks.thread: expected one of caller, other but found "
                          "\"main\""));
  EXPECT_FALSE(LoadScenarios(WithExpect("{callbacks: {order: completion}}"), "x.yaml").ok());
}

}  // namespace
}  // namespace cimulate::scenario
