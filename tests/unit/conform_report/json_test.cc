#include "report/json.h"

#include <gtest/gtest.h>

#include "report/json_value.h"
#include "sample_run.h"

namespace cimulate::conform {
namespace {

using testing::AwkwardText;
using testing::SameRun;
using testing::SampleRun;

RunReport RoundTrip(const RunReport& run) {
  RunReport back;
  std::string error;
  EXPECT_TRUE(FromJson(ToJson(run), &back, &error)) << error;
  return back;
}

std::string Rejection(std::string_view text) {
  RunReport report;
  std::string error;
  EXPECT_FALSE(FromJson(text, &report, &error)) << "accepted: " << text.substr(0, 200);
  return error;
}

TEST(ConformJson, RoundTripKeepsEveryFieldOfEveryVerdict) {
  const RunReport run = SampleRun();
  const RunReport back = RoundTrip(run);
  EXPECT_TRUE(SameRun(run, back));
  ASSERT_EQ(back.cases.size(), 8u);
  EXPECT_EQ(back.cases[1].steps[1].checks[0].actual, AwkwardText());
  EXPECT_EQ(back.cases[2].steps[0].duration_us, -1);
  EXPECT_EQ(back.cases[7].seed, 0xFFFF'FFFF'FFFF'FFFFull);
  EXPECT_EQ(back.cases[0].network, "loopback");
}

TEST(ConformJson, RoundTripOfAwkwardStringsInEveryTextField) {
  RunReport run;
  run.implementation = AwkwardText();
  run.started_at = AwkwardText();
  run.shard = "2/3";
  CaseResult result = testing::MakeCase(AwkwardText(), Verdict::kFail, Strength::kMay);
  result.clause = result.summary = result.source = result.reason = result.stacks = result.output =
      AwkwardText();
  result.tags = {AwkwardText(), ""};
  run.cases.push_back(result);
  run.cases.push_back(CaseResult());  // every default
  EXPECT_TRUE(SameRun(run, RoundTrip(run)));
}

TEST(ConformJson, OutputIsOneValidDocumentWithTheSchemaMarker) {
  const std::string json = ToJson(SampleRun());
  JsonValue root;
  std::string error;
  ASSERT_TRUE(ParseJson(json, JsonLimits(), &root, &error)) << error;
  ASSERT_NE(root.Find("schema"), nullptr);
  EXPECT_EQ(root.Find("schema")->text, "cimulate-conform/1");
  // Raw control characters never reach the file.
  for (char c : json) {
    if (c != '\n') {
      EXPECT_GE(static_cast<unsigned char>(c), 0x20u);
    }
  }
}

TEST(ConformJson, InvalidUtf8BecomesReplacementCharacter) {
  RunReport run;
  run.implementation = "bad \xff\xfe byte";
  EXPECT_EQ(RoundTrip(run).implementation, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
}

TEST(ConformJson, AbsentOptionalMembersDefault) {
  RunReport report;
  std::string error;
  ASSERT_TRUE(FromJson(R"({"schema":"cimulate-conform/1","cases":[{"name":"a"}],"x-later":[1]})",
                       &report, &error))
      << error;
  ASSERT_EQ(report.cases.size(), 1u);
  EXPECT_EQ(report.cases[0].name, "a");
  EXPECT_EQ(report.cases[0].verdict, Verdict::kError);
  EXPECT_EQ(report.cases[0].strength, Strength::kMust);
}

TEST(ConformJson, ReadsEscapesAndSurrogatePairs) {
  RunReport report;
  std::string error;
  ASSERT_TRUE(FromJson(
      R"({"schema":"cimulate-conform/1","implementation":"a\"\\\/\b\f\n\r\t\u00e9\ud834\udd1e","cases":[]})",
      &report, &error))
      << error;
  EXPECT_EQ(report.implementation, "a\"\\/\b\f\n\r\t\xC3\xA9\xF0\x9D\x84\x9E");
}

TEST(ConformJson, RejectsMalformedJsonWithLineAndColumn) {
  EXPECT_EQ(Rejection("{\"schema\":\n  \"cimulate-conform/1\",\n  \"cases\": [,]}"),
            "line 3, column 13: expected a value");
  EXPECT_NE(Rejection("").find("unexpected end of input"), std::string::npos);
  EXPECT_NE(
      Rejection("{\"schema\":\"cimulate-conform/1\",\"cases\":[]} x").find("after the JSON value"),
      std::string::npos);
  EXPECT_NE(Rejection("{\"cases\":[],\"cases\":[]}").find("duplicate member \"cases\""),
            std::string::npos);
  EXPECT_NE(Rejection("{\"a\":\"x\ny\"}").find("control character"), std::string::npos);
  EXPECT_NE(Rejection("{\"a\":\"\xc3\x28\"}").find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(Rejection("{\"a\":\"\\ud800\"}").find("surrogate"), std::string::npos);
  EXPECT_NE(Rejection("{\"a\":\"\\x41\"}").find("invalid escape"), std::string::npos);
  EXPECT_NE(Rejection("{\"a\":01}").find("expected ',' or '}'"),
            std::string::npos);  // no leading zeros
  EXPECT_NE(Rejection("{\"a\":tru}").find("expected a value"), std::string::npos);
  EXPECT_NE(Rejection("{\"a\" 1}").find("expected ':'"), std::string::npos);
  EXPECT_NE(Rejection("[1,2").find("end of input"), std::string::npos);
}

TEST(ConformJson, RejectsSchemaViolationsWithThePath) {
  EXPECT_NE(Rejection("[]").find("expected an object"), std::string::npos);
  EXPECT_NE(Rejection(R"({"cases":[]})").find("schema: missing"), std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/9","cases":[]})").find("unsupported"),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1"})").find("cases: missing"),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","cases":[{"verdict":"WIN"}]})")
                .find("cases[0].verdict: unknown verdict \"WIN\""),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","cases":[{"strength":"must"}]})")
                .find("cases[0].strength: unknown strength"),
            std::string::npos);
  EXPECT_NE(
      Rejection(
          R"({"schema":"cimulate-conform/1","cases":[{},{"steps":[{"checks":[{"passed":1}]}]}]})")
          .find("cases[1].steps[0].checks[0].passed: expected a boolean, found a number"),
      std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","cases":[{"seed":-1}]})")
                .find("cases[0].seed: expected an integer in range"),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","cases":[{"seed":18446744073709551616}]})")
                .find("cases[0].seed"),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","duration_us":1.5,"cases":[]})")
                .find("duration_us: expected an integer"),
            std::string::npos);
  EXPECT_NE(Rejection(R"({"schema":"cimulate-conform/1","cases":[{"tags":["a",2]}]})")
                .find("cases[0].tags[1]: expected a string"),
            std::string::npos);
}

TEST(ConformJson, RejectsDeepNestingWithoutExhaustingTheStack) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_NE(Rejection(deep).find("nesting deeper than 32 levels"), std::string::npos);
  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 50000; ++i) s += "{\"a\":";
    return s;
  }();
  EXPECT_NE(Rejection(objects).find("nesting deeper"), std::string::npos);
}

TEST(ConformJson, RejectsOversizeInputAndTooManyValues) {
  JsonValue value;
  std::string error;
  JsonLimits small;
  small.max_bytes = 16;
  EXPECT_FALSE(ParseJson("[1,2,3,4,5,6,7,8,9]", small, &value, &error));
  EXPECT_NE(error.find("larger than the limit of 16 bytes"), std::string::npos);

  JsonLimits few;
  few.max_values = 5;
  EXPECT_FALSE(ParseJson("[1,2,3,4,5]", few, &value, &error));  // the array is a value too
  EXPECT_NE(error.find("more than 5 values"), std::string::npos);

  // The default limit, through FromJson.
  const std::string huge(JsonLimits().max_bytes + 1, ' ');
  EXPECT_NE(Rejection(huge).find("larger than the limit"), std::string::npos);
}

TEST(ConformJson, ManyMembersAreCheckedForDuplicatesQuickly) {
  std::string text = "{";
  for (int i = 0; i < 50000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  text += ",\"k7\":1}";
  JsonValue value;
  std::string error;
  EXPECT_FALSE(ParseJson(text, JsonLimits(), &value, &error));
  EXPECT_NE(error.find("duplicate member \"k7\""), std::string::npos);
}

}  // namespace
}  // namespace cimulate::conform
