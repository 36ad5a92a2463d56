// cimulate-server as a process: ready file and stdout line, a request, a
// clean SIGTERM, --check, --watch, and its exit codes.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server_test_util.h"

namespace cimulate::fake::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  const fs::path temp = path.string() + ".new";
  std::ofstream(temp, std::ios::binary) << text;
  fs::rename(temp, path);  // whole, as an editor saves
}

// "127.0.0.1:PORT" out of the ready JSON; 0 when absent.
std::uint16_t PortOf(const std::string& json, const std::string& listener) {
  const std::string key = "\"" + listener + "\":\"";
  const std::size_t at = json.find(key);
  if (at == std::string::npos) return 0;
  const std::size_t end = json.find('"', at + key.size());
  const std::string address = json.substr(at + key.size(), end - at - key.size());
  return static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
}

// A cimulate-server child with stdout and stderr in files of a private folder.
class ServerProcess {
 public:
  explicit ServerProcess(const fs::path& dir, std::vector<std::string> args) : dir_(dir) {
    args.insert(args.begin(), CIMULATE_SERVER_BINARY);
    pid_ = ::fork();
    if (pid_ == 0) {
      const int out = ::open((dir / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = ::open((dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(out, 1);
      ::dup2(err, 2);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~ServerProcess() {
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // The exit code, or nullopt if it still runs after `timeout`.
  std::optional<int> Wait(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!exit_code_) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      } else if (std::chrono::steady_clock::now() >= deadline) {
        break;
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    return exit_code_;
  }

  // The ready file's JSON once it appears (or empty after 10 s or an exit).
  std::string WaitForReady(const fs::path& ready_file) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (fs::exists(ready_file)) return ReadFile(ready_file);
      if (Wait(std::chrono::milliseconds(0))) return "";
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return "";
  }

  void Signal(int sig) { ::kill(pid_, sig); }
  std::string out() const { return ReadFile(dir_ / "stdout"); }
  std::string err() const { return ReadFile(dir_ / "stderr"); }

 private:
  fs::path dir_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

class ServerBinaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "cimulate-server-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    scenario_ = dir_ / "scenario.yaml";
    ready_ = dir_ / "ready.json";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs to completion (for --check and usage errors).
  int Run(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
    ServerProcess p(dir_, std::move(args));
    const std::optional<int> code = p.Wait();
    if (out) *out = p.out();
    if (err) *err = p.err();
    return code.value_or(-1);
  }

  fs::path dir_;
  fs::path scenario_;
  fs::path ready_;
};

int IdentifyStatus(std::uint16_t port) {
  httplib::Client client("127.0.0.1", port);
  client.set_basic_auth("alice", "pw");
  client.set_connection_timeout(2);
  auto res = client.Post("/wsman", kIdentify, kSoapType);
  return res ? res->status : -1;
}

TEST_F(ServerBinaryTest, ServesUntilSigtermThenExitsZeroAndClosesItsPorts) {
  WriteFile(scenario_, ScenarioYaml("bin"));
  ServerProcess p(dir_, {"--scenario", scenario_.string(), "--ready-file", ready_.string()});
  const std::string ready = p.WaitForReady(ready_);
  ASSERT_FALSE(ready.empty()) << p.err();
  const std::uint16_t http = PortOf(ready, "winrm_http");
  const std::uint16_t admin = PortOf(ready, "admin");
  ASSERT_NE(http, 0) << ready;
  ASSERT_NE(admin, 0) << ready;
  EXPECT_NE(ready.find("\"pid\":"), std::string::npos) << ready;
  EXPECT_EQ(ready.back(), '\n');

  EXPECT_EQ(IdentifyStatus(http), 200);
  httplib::Client admin_client("127.0.0.1", admin);
  auto health = admin_client.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_NE(health->body.find("\"scenario\":\"bin\""), std::string::npos);

  p.Signal(SIGTERM);
  EXPECT_EQ(p.Wait(), 0) << p.err();
  EXPECT_EQ(p.out(), ready) << "the same JSON, one line, on stdout";
  EXPECT_EQ(IdentifyStatus(http), -1) << "the port is closed";
}

TEST_F(ServerBinaryTest, SigintStopsItToo) {
  WriteFile(scenario_, ScenarioYaml("int"));
  ServerProcess p(dir_, {"--scenario", scenario_.string(), "--ready-file", ready_.string(), "--winrm-http",
                         "[::1]:0"});
  const std::string ready = p.WaitForReady(ready_);
  ASSERT_NE(ready.find("\"winrm_http\":\"[::1]:"), std::string::npos) << ready << p.err();
  p.Signal(SIGINT);
  EXPECT_EQ(p.Wait(), 0);
}

TEST_F(ServerBinaryTest, CheckExitsZeroForValidAndTwoWithPositionsForInvalid) {
  const fs::path bad = dir_ / "bad.yaml";
  WriteFile(scenario_, ScenarioYaml("ok"));
  WriteFile(bad, "name: bad\nendpoint:\n  bogus: 1\n");
  std::string out;
  EXPECT_EQ(Run({"--check", scenario_.string()}, &out), 0);
  EXPECT_EQ(out.rfind(scenario_.string() + ": ok", 0), 0u) << out;
  EXPECT_EQ(Run({"--check", scenario_.string(), bad.string()}, &out), 2);
  EXPECT_NE(out.find(bad.string() + ":3:3: endpoint.bogus"), std::string::npos) << out;
}

TEST_F(ServerBinaryTest, SeveralScenariosNeedName) {
  WriteFile(scenario_, ScenarioYaml("one") + "---\n" + ScenarioYaml("two"));
  std::string err;
  EXPECT_EQ(Run({"--scenario", scenario_.string()}, nullptr, &err), 2);
  EXPECT_NE(err.find("--name"), std::string::npos) << err;
  EXPECT_EQ(Run({"--scenario", scenario_.string(), "--name", "three"}, nullptr, &err), 2);

  ServerProcess p(dir_, {"--scenario", scenario_.string(), "--name", "two", "--ready-file", ready_.string()});
  const std::string ready = p.WaitForReady(ready_);
  ASSERT_FALSE(ready.empty()) << p.err();
  httplib::Client admin("127.0.0.1", PortOf(ready, "admin"));
  auto health = admin.Get("/health");
  ASSERT_TRUE(health);
  EXPECT_NE(health->body.find("\"scenario\":\"two\""), std::string::npos) << health->body;
}

TEST_F(ServerBinaryTest, UsageErrorsExitTwoAndBindFailuresOne) {
  WriteFile(scenario_, ScenarioYaml("usage"));
  std::string out;
  std::string err;
  EXPECT_EQ(Run({}, nullptr, &err), 2);
  EXPECT_NE(err.find("usage:"), std::string::npos);
  EXPECT_EQ(Run({"--help"}, &out), 0);
  EXPECT_NE(out.find("--ready-file"), std::string::npos);
  EXPECT_EQ(Run({"--scenario", scenario_.string(), "--bogus"}, nullptr, &err), 2);
  EXPECT_NE(err.find("--bogus"), std::string::npos) << err;
  EXPECT_EQ(Run({"--scenario", scenario_.string(), "--admin", "192.0.2.1:0"}, nullptr, &err), 2);
  EXPECT_NE(err.find("loopback"), std::string::npos) << err;
  EXPECT_EQ(Run({"--scenario", (dir_ / "missing.yaml").string()}, nullptr, &err), 2);

  // A port another listener holds.
  const fs::path holder_dir = dir_ / "holder";
  fs::create_directory(holder_dir);
  ServerProcess holder(holder_dir, {"--scenario", scenario_.string(), "--ready-file", ready_.string()});
  const std::string ready = holder.WaitForReady(ready_);
  ASSERT_FALSE(ready.empty());
  const std::string taken = "127.0.0.1:" + std::to_string(PortOf(ready, "winrm_http"));
  EXPECT_EQ(Run({"--scenario", scenario_.string(), "--winrm-http", taken}, nullptr, &err), 1);
  EXPECT_NE(err.find(taken), std::string::npos) << err;
}

TEST_F(ServerBinaryTest, WatchReloadsAChangedFileAndKeepsTheOldOneWhenInvalid) {
  WriteFile(scenario_, ScenarioYaml("watched"));
  ServerProcess p(dir_, {"--scenario", scenario_.string(), "--ready-file", ready_.string(), "--watch"});
  const std::string ready = p.WaitForReady(ready_);
  ASSERT_FALSE(ready.empty()) << p.err();
  const std::uint16_t http = PortOf(ready, "winrm_http");
  ASSERT_EQ(IdentifyStatus(http), 200);

  WriteFile(scenario_, ScenarioYaml("watched", "  rules:\n    - {match: {action: Identify}, respond: {http: {status: 503}}}\n"));
  EXPECT_TRUE(WaitUntil([&] { return IdentifyStatus(http) == 503; })) << p.err();

  WriteFile(scenario_, "name: watched\nendpoint:\n  bogus: 1\n");
  EXPECT_TRUE(WaitUntil([&] { return p.err().find("still serving") != std::string::npos; })) << p.err();
  EXPECT_NE(p.err().find(":3:3: endpoint.bogus"), std::string::npos) << p.err();
  EXPECT_EQ(IdentifyStatus(http), 503) << "the previous version stays";
  p.Signal(SIGTERM);
  EXPECT_EQ(p.Wait(), 0);
}

}  // namespace
}  // namespace cimulate::fake::testing
