// A small scenario with Win32_Service data shared by the fake WMIDCOM tests.
#ifndef CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_TEST_SCENARIO_H_
#define CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_TEST_SCENARIO_H_

#include <string>

#include "gtest/gtest.h"
#include "scenario/loader.h"

namespace cimulate::fake::wmidcom {

inline constexpr const char* kServicesData = R"(
  data:
    root/cimv2:
      classes:
        CIM_Service:
          properties:
            Name: {type: string, key: true}
        Win32_Service:
          superclass: CIM_Service
          properties:
            DisplayName: string
            State: string
            ProcessId: uint32
        Win32_BaseService:
          superclass: CIM_Service
        Win32_OperatingSystem:
          properties:
            Caption: string
      instances:
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM, DisplayName: Windows Remote Management, State: Running, ProcessId: 1184}}
        - {id: dhcp, class: Win32_Service, properties: {Name: Dhcp, DisplayName: DHCP Client, State: Running, ProcessId: 1352}}
        - {id: spooler, class: Win32_Service, properties: {Name: Spooler, DisplayName: Print Spooler, State: Stopped, ProcessId: 0}}
        - {id: os, class: Win32_OperatingSystem, properties: {Caption: Windows}}
)";

// Loads "name: t\nendpoint:\n" + `endpoint_body`; fails the test on errors.
inline scenario::Scenario LoadEndpoint(const std::string& endpoint_body) {
  scenario::LoadResult result = scenario::LoadScenarios("name: t\nendpoint:\n" + endpoint_body, "t.yaml");
  std::string errors;
  for (const auto& e : result.errors) errors += e.ToString() + "\n";
  EXPECT_TRUE(result.ok()) << errors;
  return result.ok() ? result.scenarios.front() : scenario::Scenario{};
}

// The errors of loading it, one per line.
inline std::string LoadErrors(const std::string& endpoint_body) {
  scenario::LoadResult result = scenario::LoadScenarios("name: t\nendpoint:\n" + endpoint_body, "t.yaml");
  std::string errors;
  for (const auto& e : result.errors) errors += e.ToString() + "\n";
  return errors;
}

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_TESTS_UNIT_FAKE_WMIDCOM_TEST_SCENARIO_H_
