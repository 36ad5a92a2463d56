// Drives the WINRM handler through the MI C ABI: an MI_Application whose
// registry holds the handler with EngineTransports over the shared scenario
// (scenario.yaml), plus helpers to run operations synchronously and read
// results.
#ifndef CIMULATE_TESTS_UNIT_WINRM_WINRM_HARNESS_H_
#define CIMULATE_TESTS_UNIT_WINRM_WINRM_HARNESS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "MI.h"
#include "core/instance.h"
#include "engine_transport.h"
#include "scenario/loader.h"
#include "winrm/exchange.h"
#include "winrm/session_settings.h"

namespace cimulate::winrm::testing {

scenario::Scenario LoadTestScenario();  // scenario.yaml

struct Outcome {
  MI_Result result = MI_RESULT_OK;
  std::vector<core::InstancePtr> instances;  // every result, including the final one
  core::InstancePtr error;
  std::string message;
};

// Reads every result of a synchronous operation, then closes it.
Outcome Drain(MI_Operation* operation);

class Harness {
 public:
  Harness();
  ~Harness();

  EngineHub& hub() { return *hub_; }
  MI_Application* app() { return &app_; }

  // A session to `destination` with Basic alice/pw and `configure` applied to
  // its destination options.
  MI_Session* Open(const char* destination = "server01",
                   const std::function<void(MI_DestinationOptions*)>& configure = {});

 private:
  std::shared_ptr<EngineHub> hub_;
  MI_Application app_ = MI_APPLICATION_NULL;
  std::vector<std::unique_ptr<MI_Session>> sessions_;
};

// Property readers; "<missing>" / "<null>" when absent or NULL.
std::string Text(const MI_Instance* instance, const char* name);
MI_Type TypeOf(const MI_Instance* instance, const char* name);
std::string ClassName(const MI_Instance* instance);
MI_Uint32 Uint32(const MI_Instance* instance, const char* name);

// An instance of `class_name` with string properties (MI_FLAG_KEY on the first
// when `first_is_key`).
core::InstancePtr MakeInstance(const char* class_name, const std::vector<std::pair<std::string, std::string>>& props,
                               bool first_is_key = true);

}  // namespace cimulate::winrm::testing

#endif  // CIMULATE_TESTS_UNIT_WINRM_WINRM_HARNESS_H_
