// endpoint: listeners, auth, state machines, connection faults, shell.
#include <cctype>
#include <set>

#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

// "host:port", "[::1]:port", or a bare port.
bool ParseAddress(const std::string& text, std::string* host, std::uint16_t* port) {
  size_t colon = text.rfind(':');
  std::string port_text = colon == std::string::npos ? text : text.substr(colon + 1);
  std::string host_text = colon == std::string::npos ? "127.0.0.1" : text.substr(0, colon);
  if (host_text.size() >= 2 && host_text.front() == '[' && host_text.back() == ']') {
    host_text = host_text.substr(1, host_text.size() - 2);
  }
  bool negative;
  std::uint64_t value;
  if (host_text.empty() || !ParseInteger(port_text, 0, 65535, &negative, &value)) return false;
  *host = host_text;
  *port = static_cast<std::uint16_t>(value);
  return true;
}

bool ParseHexHash(const std::string& text, std::vector<std::uint8_t>* out) {
  if (text.size() != 32) return false;
  std::vector<std::uint8_t> bytes;
  for (size_t i = 0; i < 32; i += 2) {
    if (!std::isxdigit(static_cast<unsigned char>(text[i])) || !std::isxdigit(static_cast<unsigned char>(text[i + 1]))) {
      return false;
    }
    bytes.push_back(static_cast<std::uint8_t>(std::stoi(text.substr(i, 2), nullptr, 16)));
  }
  *out = std::move(bytes);
  return true;
}

void ParseListener(const YamlNode& node, const std::string& path, ParseContext* ctx, Listener* out) {
  out->mark = node.mark;
  if (node.IsScalar() && !node.quoted && (node.text == "false" || node.text == "off")) {
    out->enabled = false;
    return;
  }
  std::string text;
  if (!node.IsScalar()) {
    ctx->reader.Error(node, path, "expected \"host:port\" or false but found " + Describe(node));
    return;
  }
  text = node.text;
  if (!ParseAddress(text, &out->host, &out->port)) {
    ctx->reader.Error(node, path, "expected \"host:port\" (port 0-65535, 0 for any free port) or false but found " +
                                      Describe(node));
    return;
  }
  out->enabled = true;
}

ShellCommand ParseShellCommand(const YamlNode& node, const std::string& path, bool with_command, ParseContext* ctx) {
  Reader& r = ctx->reader;
  ShellCommand cmd;
  cmd.mark = node.mark;
  bool ok = with_command ? r.Map(node, path, {"command", "arguments", "stdout", "stderr", "chunks", "exit_code", "timeouts"})
                         : r.Map(node, path, {"stdout", "stderr", "chunks", "exit_code", "timeouts"});
  if (!ok) return cmd;
  if (with_command) {
    if (const YamlNode* c = r.Required(node, path, "command")) r.Name(*c, JoinPath(path, "command"), &cmd.command);
    if (const YamlNode* a = node.Find("arguments")) {
      std::vector<std::string> args;
      if (r.StringList(*a, JoinPath(path, "arguments"), &args)) cmd.arguments = std::move(args);
    }
  }
  const YamlNode* chunks = node.Find("chunks");
  if (chunks != nullptr && (node.Find("stdout") || node.Find("stderr"))) {
    r.Error(*chunks, JoinPath(path, "chunks"), "give either stdout/stderr or chunks, not both");
  } else if (chunks != nullptr && r.Sequence(*chunks, JoinPath(path, "chunks"))) {
    for (size_t i = 0; i < chunks->items.size(); ++i) {
      const YamlNode& c = chunks->items[i];
      std::string cpath = IndexPath(JoinPath(path, "chunks"), i);
      ShellChunk chunk;
      if (!r.Map(c, cpath, {"stdout", "stderr"})) continue;
      if (const YamlNode* o = c.Find("stdout")) r.String(*o, JoinPath(cpath, "stdout"), &chunk.out);
      if (const YamlNode* e = c.Find("stderr")) r.String(*e, JoinPath(cpath, "stderr"), &chunk.err);
      cmd.chunks.push_back(std::move(chunk));
    }
  } else {
    ShellChunk chunk;
    if (const YamlNode* o = node.Find("stdout")) r.String(*o, JoinPath(path, "stdout"), &chunk.out);
    if (const YamlNode* e = node.Find("stderr")) r.String(*e, JoinPath(path, "stderr"), &chunk.err);
    cmd.chunks.push_back(std::move(chunk));
  }
  if (const YamlNode* x = node.Find("exit_code")) {
    std::int64_t code;
    if (r.Int(*x, JoinPath(path, "exit_code"), INT32_MIN, INT32_MAX, &code)) cmd.exit_code = static_cast<std::int32_t>(code);
  }
  if (const YamlNode* t = node.Find("timeouts")) r.Uint32(*t, JoinPath(path, "timeouts"), &cmd.timeouts);
  return cmd;
}

}  // namespace

bool ParseListenerKind(const YamlNode& node, const std::string& path, ParseContext* ctx, ListenerKind* out) {
  size_t index;
  if (!ctx->reader.Enum(node, path, {"winrm_http", "winrm_https", "wmidcom", "admin"}, &index)) return false;
  *out = static_cast<ListenerKind>(index);
  return true;
}

bool ParseNameValues(const YamlNode& node, const std::string& path, ParseContext* ctx, std::vector<NameValue>* out) {
  if (!ctx->reader.AnyMap(node, path)) return false;
  bool ok = true;
  for (const auto& [key, value] : node.entries) {
    std::string text;
    if (ctx->reader.String(value, JoinPath(path, key.text), &text)) out->emplace_back(key.text, std::move(text));
    else ok = false;
  }
  return ok;
}

void ParseListeners(const YamlNode& node, const std::string& path, ParseContext* ctx, Listeners* out) {
  if (!ctx->reader.Map(node, path, {"winrm_http", "winrm_https", "wmidcom", "admin"})) return;
  if (const YamlNode* n = node.Find("winrm_http")) ParseListener(*n, JoinPath(path, "winrm_http"), ctx, &out->winrm_http);
  if (const YamlNode* n = node.Find("winrm_https")) ParseListener(*n, JoinPath(path, "winrm_https"), ctx, &out->winrm_https);
  if (const YamlNode* n = node.Find("wmidcom")) ParseListener(*n, JoinPath(path, "wmidcom"), ctx, &out->wmidcom);
  if (const YamlNode* n = node.Find("admin")) ParseListener(*n, JoinPath(path, "admin"), ctx, &out->admin);
}

void ParseAuth(const YamlNode& node, const std::string& path, ParseContext* ctx, AuthConfig* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"basic", "allow_unencrypted", "anonymous", "accounts"})) return;
  if (const YamlNode* n = node.Find("basic")) r.Bool(*n, JoinPath(path, "basic"), &out->basic);
  if (const YamlNode* n = node.Find("allow_unencrypted")) r.Bool(*n, JoinPath(path, "allow_unencrypted"), &out->allow_unencrypted);
  if (const YamlNode* n = node.Find("anonymous")) r.Bool(*n, JoinPath(path, "anonymous"), &out->anonymous);
  const YamlNode* accounts = node.Find("accounts");
  std::string apath = JoinPath(path, "accounts");
  if (accounts == nullptr || !r.Sequence(*accounts, apath)) return;
  std::set<std::string> names;
  for (size_t i = 0; i < accounts->items.size(); ++i) {
    const YamlNode& a = accounts->items[i];
    std::string p = IndexPath(apath, i);
    Account account;
    account.mark = a.mark;
    if (!r.Map(a, p, {"user", "domain", "password", "nt_hash"})) continue;
    if (const YamlNode* u = r.Required(a, p, "user"); u && r.Name(*u, JoinPath(p, "user"), &account.user)) {
      if (!names.insert(account.user).second) r.Error(*u, JoinPath(p, "user"), "duplicate account " + Quote(account.user));
    }
    if (const YamlNode* d = a.Find("domain")) r.String(*d, JoinPath(p, "domain"), &account.domain);
    const YamlNode* password = a.Find("password");
    const YamlNode* hash = a.Find("nt_hash");
    if ((password == nullptr) == (hash == nullptr)) {
      r.Error(a, p, "give exactly one of password or nt_hash");
    } else if (password != nullptr) {
      std::string text;
      if (r.String(*password, JoinPath(p, "password"), &text)) account.password = std::move(text);
    } else {
      std::vector<std::uint8_t> bytes;
      std::string text;
      if (r.String(*hash, JoinPath(p, "nt_hash"), &text)) {
        if (ParseHexHash(text, &bytes)) account.nt_hash = std::move(bytes);
        else r.Error(*hash, JoinPath(p, "nt_hash"), "expected 32 hex digits (16 bytes) but found " + Describe(*hash));
      }
    }
    out->accounts.push_back(std::move(account));
  }
}

void ParseStateMachines(const YamlNode& node, const std::string& path, ParseContext* ctx,
                        std::vector<StateMachine>* out) {
  Reader& r = ctx->reader;
  if (!r.AnyMap(node, path)) return;
  for (const auto& [key, value] : node.entries) {
    std::string p = JoinPath(path, key.text);
    StateMachine m;
    m.name = key.text;
    m.mark = key.mark;
    if (!r.Map(value, p, {"key", "states", "initial"})) continue;
    if (const YamlNode* k = value.Find("key")) {
      std::string text;
      size_t index;
      if (k->IsScalar() && k->text.rfind("selector:", 0) == 0 && k->text.size() > 9) {
        m.key = StateKey::kSelector;
        m.selector = k->text.substr(9);
      } else if (r.Enum(*k, JoinPath(p, "key"),
                        {"global", "shell", "command", "enumeration", "resource", "connection", "selector:<Name>"},
                        &index) && index < 6) {
        m.key = static_cast<StateKey>(index);
      }
    }
    const YamlNode* states = r.Required(value, p, "states");
    if (states == nullptr || !r.StringList(*states, JoinPath(p, "states"), &m.states)) continue;
    if (m.states.empty()) r.Error(*states, JoinPath(p, "states"), "a state machine needs at least one state");
    std::set<std::string> seen;
    for (size_t i = 0; i < m.states.size(); ++i) {
      if (!seen.insert(m.states[i]).second) {
        r.Error(states->items[i], IndexPath(JoinPath(p, "states"), i), "duplicate state " + Quote(m.states[i]));
      }
    }
    if (const YamlNode* init = value.Find("initial")) {
      if (r.Name(*init, JoinPath(p, "initial"), &m.initial) && !seen.count(m.initial)) {
        r.Error(*init, JoinPath(p, "initial"), "undefined state " + Quote(m.initial) + " of state machine " + Quote(m.name));
      }
    } else if (!m.states.empty()) {
      m.initial = m.states.front();
    }
    out->push_back(std::move(m));
  }
}

void ParseConnectionFaults(const YamlNode& node, const std::string& path, ParseContext* ctx,
                           std::vector<ConnectionFault>* out) {
  Reader& r = ctx->reader;
  if (!r.Sequence(node, path)) return;
  for (size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    std::string p = IndexPath(path, i);
    ConnectionFault f;
    f.mark = item.mark;
    if (!r.Map(item, p, {"listener", "nth", "fault"})) continue;
    if (const YamlNode* l = item.Find("listener")) ParseListenerKind(*l, JoinPath(p, "listener"), ctx, &f.listener);
    if (const YamlNode* n = item.Find("nth"); n && r.Uint32(*n, JoinPath(p, "nth"), &f.nth) && f.nth == 0) {
      r.Error(*n, JoinPath(p, "nth"), "nth counts from 1");
    }
    const YamlNode* fault = r.Required(item, p, "fault");
    if (fault != nullptr && ParseTransportFault(*fault, JoinPath(p, "fault"), true, ctx, &f.fault)) {
      out->push_back(std::move(f));
    }
  }
}

void ParseShell(const YamlNode& node, const std::string& path, ParseContext* ctx, ShellScript* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"commands", "unknown"})) return;
  if (const YamlNode* cmds = node.Find("commands"); cmds && r.Sequence(*cmds, JoinPath(path, "commands"))) {
    for (size_t i = 0; i < cmds->items.size(); ++i) {
      out->commands.push_back(ParseShellCommand(cmds->items[i], IndexPath(JoinPath(path, "commands"), i), true, ctx));
    }
  }
  if (const YamlNode* u = node.Find("unknown")) out->unknown = ParseShellCommand(*u, JoinPath(path, "unknown"), false, ctx);
}

}  // namespace cimulate::scenario
