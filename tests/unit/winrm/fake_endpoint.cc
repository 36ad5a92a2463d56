#include "fake_endpoint.h"

#include <gtest/gtest.h>

#include "api/entry.h"
#include "core/application.h"
#include "scenario/loader.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {

scenario::Scenario ParseScenario(const std::string& yaml) {
  scenario::LoadResult loaded = scenario::LoadScenarios(yaml, "test.yaml");
  std::string errors;
  for (const auto& e : loaded.errors) errors += e.ToString() + "\n";
  EXPECT_TRUE(loaded.ok()) << errors << yaml;
  return loaded.ok() ? loaded.scenarios.front() : scenario::Scenario();
}

FakeEndpoint::FakeEndpoint() {
  EXPECT_EQ(core::InitializeApplication(0, "e2e", nullptr, &app_, DefaultProtocolRegistry()), MI_RESULT_OK);
}

FakeEndpoint::~FakeEndpoint() {
  for (auto& session : sessions_) MI_Session_Close(session.get(), nullptr, nullptr);
  MI_Application_Close(&app_);
  server_.reset();
}

bool FakeEndpoint::Start(const scenario::Scenario& scenario, fake::FakeServerOptions options) {
  if (!options.winrm_http) options.winrm_http = "127.0.0.1:0";
  std::string error;
  server_ = fake::FakeServer::Start(scenario, options, &error);
  EXPECT_NE(server_, nullptr) << error;
  if (server_) http_address_ = server_->address(scenario::ListenerKind::kWinrmHttp);
  return server_ != nullptr;
}

std::string FakeEndpoint::http_address() const { return http_address_; }

MI_Session* FakeEndpoint::Open(const std::string& destination,
                               const std::function<void(MI_DestinationOptions*)>& configure) {
  MI_DestinationOptions options = MI_DESTINATIONOPTIONS_NULL;
  EXPECT_EQ(MI_Application_NewDestinationOptions(&app_, &options), MI_RESULT_OK);
  MI_UserCredentials credentials{};
  credentials.authenticationType = MI_AUTH_TYPE_BASIC;
  credentials.credentials.usernamePassword.username = "alice";
  credentials.credentials.usernamePassword.password = "pw";
  EXPECT_EQ(MI_DestinationOptions_AddDestinationCredentials(&options, &credentials), MI_RESULT_OK);
  if (configure) configure(&options);
  auto session = std::make_unique<MI_Session>();
  *session = MI_SESSION_NULL;
  MI_Instance* error = nullptr;
  std::string target = destination.empty() ? http_address_ : destination;
  MI_Result r = MI_Application_NewSession(&app_, "WINRM", target.c_str(), &options, nullptr, &error, session.get());
  EXPECT_EQ(r, MI_RESULT_OK) << (error ? Text(error, "Message") : "");
  if (error) MI_Instance_Delete(error);
  MI_DestinationOptions_Delete(&options);
  sessions_.push_back(std::move(session));
  return sessions_.back().get();
}

void SetTimeout(MI_DestinationOptions* options, std::chrono::milliseconds timeout) {
  MI_Interval interval{};
  auto ms = timeout.count();
  interval.seconds = static_cast<MI_Uint32>(ms / 1000);
  interval.microseconds = static_cast<MI_Uint32>((ms % 1000) * 1000);
  EXPECT_EQ(MI_DestinationOptions_SetTimeout(options, &interval), MI_RESULT_OK);
}

}  // namespace cimulate::winrm::testing
