// cimulate-server: serves one scenario's fake WinRM endpoint until SIGTERM or
// SIGINT, or validates scenario files with --check.  See docs/fake-server.md.
#include <signal.h>

#include <cerrno>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <utility>

#include "scenario/check.h"
#include "server/command_line.h"
#include "server/fake_server.h"
#include "server/file_watch.h"
#include "server/listen_address.h"
#include "server/ready_file.h"
#include "server/scenario_file.h"

namespace cimulate::fake {
namespace {

// How often --watch looks at the scenario file.
constexpr long kWatchIntervalMs = 100;

int Check(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const std::string& file : files) {
    if (scenario::CheckScenarioFile(file, std::cout) != scenario::kCheckOk) status = kExitUsage;
  }
  return status;
}

void ReloadIfChanged(const CommandLine& cl, FileWatch* watch, FakeServer* server) {
  if (!watch->Changed()) return;
  scenario::Scenario next;
  std::string error;
  if (!LoadServedScenario(cl.scenario_file, cl.name, &next, &error) || !server->Reload(next, &error)) {
    std::cerr << error << "cimulate-server: " << cl.scenario_file << " changed but is not valid; still serving the "
              << "previous version" << std::endl;
    return;
  }
  std::cerr << "cimulate-server: reloaded " << cl.scenario_file << " (scenario " << next.name << ")" << std::endl;
}

// Waits for SIGTERM or SIGINT (blocked in every thread, so they queue for
// this one), reloading the scenario meanwhile when --watch asks for it.
void ServeUntilSignal(const CommandLine& cl, const sigset_t& signals, FakeServer* server) {
  FileWatch watch(cl.scenario_file);
  const timespec interval{0, kWatchIntervalMs * 1000000};
  for (;;) {
    const int sig = cl.watch ? ::sigtimedwait(&signals, nullptr, &interval) : ::sigwaitinfo(&signals, nullptr);
    if (sig == SIGTERM || sig == SIGINT) return;
    if (sig < 0 && errno != EAGAIN && errno != EINTR) return;
    if (cl.watch) ReloadIfChanged(cl, &watch, server);
  }
}

// A malformed address, or a non-loopback admin address, is a usage error
// (exit 2), not a failure to bind (exit 1).
bool CheckAddresses(const CommandLine& cl, std::string* error) {
  const std::pair<const char*, const std::optional<std::string>*> flags[] = {
      {"--winrm-http", &cl.winrm_http}, {"--winrm-https", &cl.winrm_https}, {"--admin", &cl.admin},
      {"--wmidcom", &cl.wmidcom}};
  for (const auto& [flag, value] : flags) {
    if (!*value) continue;
    ListenAddress address;
    if (!ParseListenAddress(**value, &address, error)) {
      *error = std::string(flag) + ": " + *error;
      return false;
    }
    if (value == &cl.admin && !IsLoopbackHost(address.host)) {
      *error = "--admin: " + address.host + " is not a loopback address; the admin API binds loopback only";
      return false;
    }
  }
  return true;
}

int Serve(const CommandLine& cl) {
  scenario::Scenario scenario;
  std::string error;
  if (!CheckAddresses(cl, &error)) {
    std::cerr << "cimulate-server: " << error << std::endl;
    return kExitUsage;
  }
  if (!LoadServedScenario(cl.scenario_file, cl.name, &scenario, &error)) {
    std::cerr << error;
    return kExitUsage;
  }
  // Blocked before any listener thread exists, so every thread inherits
  // the mask and only sigwait in this thread sees the signals.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  FakeServerOptions options;
  options.winrm_http = cl.winrm_http;
  options.winrm_https = cl.winrm_https;
  options.admin = cl.admin;
  options.wmidcom = cl.wmidcom;
  options.scenario_dir = std::filesystem::path(cl.scenario_file).parent_path().string();
  std::unique_ptr<FakeServer> server = FakeServer::Start(scenario, options, &error);
  if (!server) {
    std::cerr << "cimulate-server: " << error << std::endl;
    return kExitRuntime;
  }
  const std::string ready = server->ReadyJson();
  if (!cl.ready_file.empty() && !WriteFileAtomically(cl.ready_file, ready + "\n", &error)) {
    std::cerr << "cimulate-server: " << error << std::endl;
    return kExitRuntime;
  }
  std::cout << ready << std::endl;
  ServeUntilSignal(cl, signals, server.get());
  server->Stop();
  return kExitOk;
}

}  // namespace
}  // namespace cimulate::fake

int main(int argc, char** argv) {
  using namespace cimulate::fake;
  CommandLine cl;
  std::string error;
  if (!ParseCommandLine(argc, argv, &cl, &error)) {
    std::cerr << "cimulate-server: " << error << "\n" << kUsage;
    return kExitUsage;
  }
  if (cl.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  if (!cl.check_files.empty()) return Check(cl.check_files);
  return Serve(cl);
}
