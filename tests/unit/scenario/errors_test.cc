// Each class of scenario error names file:line:column, the field and what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenario/loader.h"

namespace cimulate::scenario {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Errors(const std::string& text) {
  LoadResult r = LoadScenarios(text, "x.yaml");
  std::vector<std::string> out;
  for (const Diagnostic& d : r.errors) out.push_back(d.ToString());
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.scenarios.empty());  // never a partly valid model
  return out;
}

const char* const kData =
    "name: t\n"                                  // 1
    "endpoint:\n"                                // 2
    "  data:\n"                                  // 3
    "    root/cimv2:\n"                          // 4
    "      classes:\n"                           // 5
    "        C:\n"                               // 6
    "          properties:\n"                    // 7
    "            K: {type: string, key: true}\n" // 8
    "            T: datetime\n"                  // 9
    "            N: uint8\n"                     // 10
    "            R: {type: reference, class: C}\n"  // 11
    "      instances:\n"                         // 12
    "        - id: c1\n"                         // 13
    "          class: C\n"                       // 14
    "          properties:\n";                   // 15

TEST(ErrorsTest, TypoKeyWithSuggestion) {
  EXPECT_THAT(Errors("name: t\nsumary: s\n"),
              ElementsAre("x.yaml:2:1: sumary: unknown key; expected one of name, summary, spec, tags, seed, "
                          "endpoint, steps (did you mean \"summary\"?)"));
}

TEST(ErrorsTest, UnknownEnumValue) {
  EXPECT_THAT(Errors("name: t\nendpoint:\n  rules:\n    - match: {action: Gett}\n      respond: {xml: x}\n"),
              ElementsAre("x.yaml:4:23: endpoint.rules[0].match.action: expected one of Identify, Get, Put, Create, "
                          "Delete, Enumerate, Pull, Release, Invoke, Command, Receive, Send, Signal, End but found "
                          "\"Gett\" (did you mean \"Get\"?)"));
}

TEST(ErrorsTest, WrongTypes) {
  EXPECT_THAT(Errors("name: [a]\ntags: x\nseed: \"7\"\n"),
              ElementsAre("x.yaml:1:7: name: expected a string but found a sequence",
                          "x.yaml:2:7: tags: expected a sequence but found \"x\"",
                          "x.yaml:3:7: seed: expected an integer from 0 to 18446744073709551615 but found \"7\""));
  EXPECT_THAT(Errors(std::string(kData) + "            K: k\n            N: 256\n"),
              ElementsAre("x.yaml:17:16: endpoint.data.root/cimv2.instances[0].properties.N: expected an integer "
                          "from 0 to 255 but found \"256\""));
}

TEST(ErrorsTest, BadDatetime) {
  EXPECT_THAT(Errors(std::string(kData) + "            K: k\n            T: \"2023-02-29T00:00:00Z\"\n"),
              ElementsAre("x.yaml:17:16: endpoint.data.root/cimv2.instances[0].properties.T: invalid datetime "
                          "\"2023-02-29T00:00:00Z\": day 29 does not exist in month 2"));
}

TEST(ErrorsTest, UndefinedReferences) {
  EXPECT_THAT(Errors(std::string(kData) + "            K: k\n            R: {ref: c2}\n" +
                     "          bogus: 1\n"
                     "        - class: D\n"),
              ElementsAre("x.yaml:18:11: endpoint.data.root/cimv2.instances[0].bogus: unknown key; expected one of "
                          "id, class, properties",
                          "x.yaml:19:18: endpoint.data.root/cimv2.instances[1].class: undefined class \"D\" in "
                          "namespace \"root/cimv2\"",
                          "x.yaml:17:22: endpoint.data.root/cimv2.instances[0].properties.R.ref: undefined instance "
                          "\"c2\""));
  EXPECT_THAT(Errors("name: t\nendpoint:\n  rules:\n    - respond: {instances: [nope]}\n"
                     "      transition: {machine: m, to: s}\n"),
              ElementsAre("x.yaml:4:29: endpoint.rules[0].respond.instances[0]: undefined instance \"nope\"",
                          "x.yaml:5:29: endpoint.rules[0].transition.machine: undefined state machine \"m\""));
}

TEST(ErrorsTest, UndefinedStateAndHandles) {
  EXPECT_THAT(Errors("name: t\nendpoint:\n  state_machines:\n    m: {states: [a, b]}\n  rules:\n"
                     "    - match: {state: {machine: m, in: [a, c]}}\n      respond: {xml: x}\n"
                     "steps:\n  - get_instance: {session: s9}\n"),
              ElementsAre("x.yaml:6:43: endpoint.rules[0].match.state.in[1]: undefined state \"c\" of state machine "
                          "\"m\"",
                          "x.yaml:9:29: steps[0].get_instance.session: undefined session \"s9\""));
}

TEST(ErrorsTest, MissingKeyProperty) {
  EXPECT_THAT(Errors(std::string(kData) + "            N: 1\n"),
              ElementsAre("x.yaml:13:11: endpoint.data.root/cimv2.instances[0].properties: key property \"K\" has "
                          "no value"));
}

TEST(ErrorsTest, DuplicateKeys) {
  EXPECT_THAT(Errors("name: t\nendpoint:\n  auth: {basic: true, basic: false}\n"),
              ElementsAre("x.yaml:3:23: duplicate key \"basic\" (first defined at line 3, column 10)"));
}

TEST(ErrorsTest, YamlSyntaxErrorHasPosition) {
  EXPECT_THAT(Errors("name: t\nx: [a, b\ny: 1\n"),
              ElementsAre("x.yaml:3:2: YAML syntax error: end of sequence flow not found"));
  EXPECT_THAT(Errors("name: t\n- x\n"), ElementsAre(::testing::StartsWith("x.yaml:2:")));
}

TEST(ErrorsTest, FaultFields) {
  EXPECT_THAT(Errors("name: t\nendpoint:\n  rules:\n    - respond:\n        fault:\n"
                     "          subcode: InvalidSelectors\n"
                     "          cim_error: {class: MSFT_WmiError, properties: {CIMStatusCod: 6}}\n"),
              ElementsAre("x.yaml:6:20: endpoint.rules[0].respond.fault.subcode: expected a QName with prefix w, a, "
                          "n, x, e, rsp or p (e.g. \"w:InvalidSelectors\") but found \"InvalidSelectors\"",
                          "x.yaml:7:58: endpoint.rules[0].respond.fault.cim_error.properties.CIMStatusCod: no such "
                          "property in the class (did you mean \"CIMStatusCode\"?)"));
}

TEST(ErrorsTest, TransportFaultPlacementAndParameters) {
  EXPECT_THAT(Errors("name: t\nendpoint:\n  rules:\n    - transport: {kind: refuse}\n"
                     "    - transport: {kind: truncated_body}\n"
                     "    - transport: {kind: delay, ms: 5, bytes: 3}\n"),
              ElementsAre("x.yaml:4:25: endpoint.rules[0].transport.kind: refuse applies to connections; use it in "
                          "connection_faults",
                          "x.yaml:5:18: endpoint.rules[1].transport: truncated_body takes exactly one of bytes or "
                          "percent",
                          "x.yaml:6:39: endpoint.rules[2].transport.bytes: unknown key; expected one of kind, ms, "
                          "jitter_ms"));
}

TEST(ErrorsTest, ManyErrorsAreCollectedUpToTheLimit) {
  std::string text = "name: t\n";
  for (int i = 0; i < 30; ++i) text += "k" + std::to_string(i) + ": 1\n";
  LoadResult r = LoadScenarios(text, "x.yaml");
  EXPECT_EQ(r.error_count, 30u);
  EXPECT_EQ(r.errors.size(), Diagnostics::kDefaultLimit);
  EXPECT_EQ(r.errors.back().mark.line, 21);
}

}  // namespace
}  // namespace cimulate::scenario
