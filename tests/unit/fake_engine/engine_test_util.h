// Helpers for driving the engine in tests: scenarios from YAML text, requests
// encoded with lib/wsman or read from the shared vectors, replies decoded.
#ifndef CIMULATE_TESTS_UNIT_FAKE_ENGINE_ENGINE_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_FAKE_ENGINE_ENGINE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "engine/base64.h"
#include "engine/engine.h"
#include "scenario/loader.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake::testing {

// Classes, instances, methods and shell commands most tests share.
inline constexpr char kBaseEndpoint[] = R"(
  auth:
    accounts:
      - {user: alice, password: pw}
      - {user: bob, domain: CONTOSO, password: secret}
  data:
    root/cimv2:
      classes:
        CIM_Service:
          properties: {Name: {type: string, key: true}}
        Win32_Service:
          superclass: CIM_Service
          properties: {State: string, ProcessId: uint32, Started: boolean}
          methods:
            StopService: {returns: uint32, out: {Code: {type: sint32, default: 7}}}
            Create: {static: true, returns: uint32, in: {Name: string}}
        Win32_OperatingSystem:
          properties: {Name: {type: string, key: true}}
          methods:
            Reboot: {returns: uint32}
      instances:
        - {id: winrm, class: Win32_Service, properties: {Name: WinRM, State: Running, ProcessId: 1234, Started: true}}
        - {id: spooler, class: Win32_Service, properties: {Name: Spooler, State: Stopped, ProcessId: 0, Started: false}}
        - {id: w32time, class: Win32_Service, properties: {Name: W32Time, State: Running, ProcessId: 88, Started: true}}
        - {id: os, class: Win32_OperatingSystem, properties: {Name: "Microsoft Windows Server 2019"}}
  shell:
    commands:
      - {command: echo, arguments: [hello], stdout: "hello\r\n"}
      - {command: ipconfig, arguments: [/all], stdout: "Windows IP Configuration\r\n", exit_code: 0}
      - {command: slow, chunks: [{stdout: "a"}, {stdout: "b", stderr: "warn"}], exit_code: 3, timeouts: 2}
)";

inline const std::string kServiceUri = wsman::WmiResourceUri("root/cimv2", "Win32_Service");
inline constexpr char kShellUri[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

// One scenario: `endpoint_yaml` is the text under `endpoint:` (indented by 2).
inline scenario::Scenario LoadScenario(const std::string& endpoint_yaml, const std::string& extra_top = "seed: 7\n") {
  std::string text = "name: t\n" + extra_top + "endpoint:\n" + endpoint_yaml;
  scenario::LoadResult r = scenario::LoadScenarios(text, "test.yaml");
  std::string errors;
  for (const auto& e : r.errors) errors += e.ToString() + "\n";
  EXPECT_TRUE(r.ok()) << errors << text;
  if (!r.ok()) return {};
  return r.scenarios.front();
}

inline std::string BasicAuth(const std::string& user, const std::string& password) {
  return "Basic " + Base64Encode(user + ":" + password);
}

inline EngineRequest Post(std::string body, const std::string& user = "alice", const std::string& password = "pw") {
  EngineRequest r;
  r.headers.Add("Content-Type", "application/soap+xml;charset=UTF-8");
  if (!user.empty()) r.headers.Add("Authorization", BasicAuth(user, password));
  r.body = std::move(body);
  return r;
}

inline wsman::Message NewRequest(wsman::MessageKind kind, const std::string& uri = kServiceUri,
                                 std::vector<wsman::Selector> selectors = {}) {
  wsman::Message m;
  m.kind = kind;
  m.headers.to = "http://localhost:5985/wsman";
  m.headers.message_id = "uuid:11111111-2222-3333-4444-555555555555";
  m.headers.reply_to = wsman::uri::kAnonymous;
  m.headers.resource_uri = uri;
  m.headers.max_envelope_size = 512000;
  m.headers.selectors = std::move(selectors);
  return m;
}

inline std::string Encode(const wsman::Message& m) {
  std::string bytes;
  wsman::Status s = wsman::EncodeMessage(m, &bytes);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return bytes;
}

inline wsman::Message Decode(const EngineReply& reply) {
  wsman::Message m;
  wsman::Status s = wsman::DecodeMessage(reply.body, &m);
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << reply.body;
  return m;
}

inline EngineReply Send(Engine& engine, const wsman::Message& m) { return engine.Handle(Post(Encode(m))); }

// The decoded fault of a reply, checking it is one.
inline wsman::Fault FaultOf(const EngineReply& reply) {
  EXPECT_EQ(reply.http_status, 500) << reply.body;
  wsman::Message m = Decode(reply);
  EXPECT_EQ(m.kind, wsman::MessageKind::kFault) << reply.body;
  auto* f = std::get_if<wsman::Fault>(&m.body);
  return f ? std::move(*f) : wsman::Fault{};
}

inline std::string Subcode(const wsman::Fault& f) { return f.subcode.local; }

inline std::string StringProp(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (instance == nullptr || MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK) {
    return "<missing>";
  }
  if (flags & MI_FLAG_NULL) return "<null>";
  if (type == MI_STRING) return v.string;
  if (type == MI_UINT32) return std::to_string(v.uint32);
  if (type == MI_SINT32) return std::to_string(v.sint32);
  if (type == MI_BOOLEAN) return v.boolean ? "true" : "false";
  return "<other type>";
}

inline std::optional<std::string> ReadShared(const std::string& relative) {
  std::ifstream in(std::string(CIMULATE_SOURCE_DIR) + "/../shared/" + relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace cimulate::fake::testing

#endif  // CIMULATE_TESTS_UNIT_FAKE_ENGINE_ENGINE_TEST_UTIL_H_
