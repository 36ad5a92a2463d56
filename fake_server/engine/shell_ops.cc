// The WinRS shell: Create, Command, Receive, Signal, Send, Delete, scripted
// per command line by the scenario's `shell` section (reference §4).
#include "engine/base64.h"
#include "engine/faults.h"
#include "engine/operations.h"
#include "wsman/namespaces.h"
#include "wsman/xml.h"

namespace cimulate::fake {
namespace {

using wsman::MessageKind;

constexpr char kShellUri[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
constexpr char kShellActionPrefix[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/";
constexpr char kDone[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done";
constexpr char kRunning[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Running";
constexpr char kTerminate[] = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate";

// A reply whose body is an rsp: element the codec carries as raw XML.
Outcome ShellReply(const char* verb, const pugi::xml_document& body) {
  Outcome o = Reply(MessageKind::kOther);
  o.message.headers.action = std::string(kShellActionPrefix) + verb;
  o.message.raw_body = wsman::NodeToString(body.document_element());
  return o;
}

pugi::xml_node Root(pugi::xml_document* doc, const char* name) {
  pugi::xml_node root = doc->append_child(name);
  root.append_attribute("xmlns:rsp") = wsman::ns::kShell;
  return root;
}

void AddStream(pugi::xml_node parent, const char* name, const std::string& id, const std::string& bytes, bool end) {
  pugi::xml_node s = parent.append_child("rsp:Stream");
  s.append_attribute("Name") = name;
  s.append_attribute("CommandId") = id.c_str();
  if (end) s.append_attribute("End") = "true";
  if (!bytes.empty()) s.text() = Base64Encode(bytes).c_str();
}

// One Receive's worth of the command's script: the next chunk, and with the
// last one the End streams and CommandState Done with the exit code.
Outcome NextChunk(const std::string& id, CommandRun* run) {
  pugi::xml_document doc;
  pugi::xml_node root = Root(&doc, "rsp:ReceiveResponse");
  const std::vector<scenario::ShellChunk>& chunks = run->script.chunks;
  if (run->next_chunk < chunks.size()) {
    const scenario::ShellChunk& c = chunks[run->next_chunk++];
    if (!c.out.empty()) AddStream(root, "stdout", id, c.out, false);
    if (!c.err.empty()) AddStream(root, "stderr", id, c.err, false);
  }
  bool last = run->next_chunk >= chunks.size();
  pugi::xml_node state = root;
  if (last) {
    AddStream(root, "stdout", id, "", true);
    AddStream(root, "stderr", id, "", true);
  }
  state = root.append_child("rsp:CommandState");
  state.append_attribute("CommandId") = id.c_str();
  state.append_attribute("State") = last ? kDone : kRunning;
  if (last) {
    state.append_child("rsp:ExitCode").text() = std::to_string(run->script.exit_code).c_str();
    run->done = true;
  }
  return ShellReply("ReceiveResponse", doc);
}

CommandRun* FindCommand(Shell* shell, const std::string& id) {
  auto it = shell->commands.find(id);
  return it == shell->commands.end() ? nullptr : &it->second;
}

}  // namespace

bool IsShellUri(const std::string& resource_uri) { return resource_uri == kShellUri; }

Outcome ShellCreate(EngineState& st, RequestInfo& info) {
  std::string id = st.NewGuid();
  st.shells.Open(id);
  info.keys.shell = id;
  wsman::CreateResponseBody b;
  b.created.address = info.message.headers.to.empty() ? wsman::uri::kAnonymous : info.message.headers.to;
  b.created.resource_uri = kShellUri;
  b.created.selectors.push_back({"ShellId", id, nullptr});
  return Reply(MessageKind::kCreateResponse, std::move(b));
}

Outcome ShellDelete(EngineState& st, RequestInfo& info) {
  if (!st.shells.Close(info.keys.shell)) return FaultReply(UnknownShell(info.keys.shell));
  return Reply(MessageKind::kDeleteResponse);
}

Outcome ShellCommand(EngineState& st, RequestInfo& info) {
  Shell* shell = st.shells.Find(info.keys.shell);
  if (shell == nullptr) return FaultReply(UnknownShell(info.keys.shell));
  CommandLine line;
  if (!ParseCommandLine(info.message.raw_body, &line)) {
    return FaultReply(SchemaValidation("Command without rsp:CommandLine/rsp:Command"));
  }
  std::string id = st.NewGuid();
  st.shells.Start(shell, id, line);
  info.keys.command = id;
  pugi::xml_document doc;
  Root(&doc, "rsp:CommandResponse").append_child("rsp:CommandId").text() = id.c_str();
  return ShellReply("CommandResponse", doc);
}

Outcome ShellReceive(EngineState& st, RequestInfo& info) {
  Shell* shell = st.shells.Find(info.keys.shell);
  if (shell == nullptr) return FaultReply(UnknownShell(info.keys.shell));
  CommandRun* run = FindCommand(shell, info.keys.command);
  if (run == nullptr) return FaultReply(InvalidParameter("no command '" + info.keys.command + "' in this shell"));
  // Scripted long-running commands: pywinrm retries w:TimedOut silently.
  if (run->timeouts_left > 0) {
    --run->timeouts_left;
    return FaultReply(OperationTimedOut());
  }
  if (run->done) run->next_chunk = run->script.chunks.size();
  return NextChunk(info.keys.command, run);
}

Outcome ShellSignal(EngineState& st, RequestInfo& info) {
  Shell* shell = st.shells.Find(info.keys.shell);
  if (shell == nullptr) return FaultReply(UnknownShell(info.keys.shell));
  if (FindCommand(shell, info.keys.command) == nullptr) {
    return FaultReply(InvalidParameter("no command '" + info.keys.command + "' in this shell"));
  }
  if (SignalCode(info.message.raw_body) == kTerminate) {
    shell->commands.erase(info.keys.command);
    std::erase(shell->order, info.keys.command);
  }
  pugi::xml_document doc;
  Root(&doc, "rsp:SignalResponse");
  return ShellReply("SignalResponse", doc);
}

Outcome ShellSend(EngineState& st, RequestInfo& info) {
  if (st.shells.Find(info.keys.shell) == nullptr) return FaultReply(UnknownShell(info.keys.shell));
  pugi::xml_document doc;
  Root(&doc, "rsp:SendResponse");
  return ShellReply("SendResponse", doc);
}

}  // namespace cimulate::fake
