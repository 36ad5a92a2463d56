// Helpers for the fake endpoint's tests: scenarios from YAML text, a Basic
// Identify request, and polling for journal facts written by worker threads.
#ifndef CIMULATE_TESTS_UNIT_FAKE_SERVER_SERVER_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_FAKE_SERVER_SERVER_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "scenario/loader.h"
#include "scenario/scenario.h"

namespace cimulate::fake::testing {

inline constexpr char kIdentify[] =
    R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" )"
    R"(xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">)"
    R"(<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>)";
inline constexpr char kSoapType[] = "application/soap+xml;charset=UTF-8";

// A scenario with one account (alice / pw); `endpoint_extra` goes under
// `endpoint:` (indented by 2).
inline std::string ScenarioYaml(const std::string& name, const std::string& endpoint_extra = "",
                                const std::string& top_extra = "seed: 7\n") {
  return "name: " + name + "\n" + top_extra +
         "endpoint:\n"
         "  auth:\n"
         "    accounts:\n"
         "      - {user: alice, password: pw}\n" +
         endpoint_extra;
}

inline scenario::Scenario LoadScenario(const std::string& yaml) {
  scenario::LoadResult r = scenario::LoadScenarios(yaml, "test.yaml");
  for (const auto& e : r.errors) ADD_FAILURE() << e.ToString();
  if (!r.ok() || r.scenarios.empty()) return {};
  return r.scenarios[0];
}

// Polls `done` until it holds or about 5 s pass: the journal is written by
// worker threads, after the client already saw its answer or its close.
inline bool WaitUntil(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return done();
}

}  // namespace cimulate::fake::testing

#endif  // CIMULATE_TESTS_UNIT_FAKE_SERVER_SERVER_TEST_UTIL_H_
