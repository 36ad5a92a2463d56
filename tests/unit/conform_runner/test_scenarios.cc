#include "test_scenarios.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "gtest/gtest.h"

namespace cimulate::conform::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/conform-runner-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data())) path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(const std::string& name, const std::string& text) const {
  std::string file = path_ + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path());
  std::ofstream(file) << text;
  return file;
}

std::string ScenarioText(const std::string& name, const std::string& steps, const std::string& tags,
                         const std::string& strength) {
  return "name: " + name +
         "\n"
         "summary: a runner test case\n"
         "spec: {clause: \"a clause under test\", strength: " +
         strength +
         "}\n"
         "tags: " +
         tags +
         "\n"
         "endpoint:\n"
         "  auth:\n"
         "    accounts:\n"
         "      - {user: alice, password: secret}\n"
         "  data:\n"
         "    root/cimv2:\n"
         "      classes:\n"
         "        Win32_Service:\n"
         "          properties:\n"
         "            Name: {type: string, key: true}\n"
         "            State: string\n"
         "      instances:\n"
         "        - id: winrm\n"
         "          class: Win32_Service\n"
         "          properties: {Name: WinRM, State: Running}\n"
         "steps:\n" +
         steps;
}

std::string OpenSession() {
  return "  - initialize: {}\n"
         "    as: app\n"
         "  - new_session:\n"
         "      protocol: WINRM\n"
         "      destination: {listener: winrm_http}\n"
         "      options: {user: alice, password: secret, auth: basic}\n"
         "    as: s1\n";
}

SuperviseOptions TestOptions(bool private_network, bool stacks) {
  SuperviseOptions o;
  o.runner_executable = CONFORM_EXECUTABLE;
  o.implementation = CONFORM_MI_LIBRARY;
  o.private_network = private_network;
  o.capture_stacks = stacks;
  return o;
}

CaseRef LoadOne(const std::string& file) {
  std::vector<CaseRef> cases;
  std::vector<std::string> errors;
  bool ok = LoadCases({file}, &cases, &errors);
  EXPECT_TRUE(ok) << (errors.empty() ? "" : errors[0]);
  EXPECT_EQ(cases.size(), 1u);
  return cases.empty() ? CaseRef{} : cases[0];
}

}  // namespace cimulate::conform::testing
