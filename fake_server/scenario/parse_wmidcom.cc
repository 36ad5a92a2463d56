// endpoint.wmidcom: the object port, the advertised address, authnHint and
// the faults of WMIDCOM calls.
#include <cctype>
#include <string_view>

#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

struct NamedStatus {
  std::string_view name;
  std::uint32_t value;
};

// The WBEM results a scenario most often scripts (MS-WMI 2.2.11); any other
// is written as a number.
constexpr NamedStatus kWbemStatuses[] = {
    {"WBEM_S_FALSE", 0x00000001},         {"WBEM_S_TIMEDOUT", 0x00040004},
    {"WBEM_E_FAILED", 0x80041001},        {"WBEM_E_NOT_FOUND", 0x80041002},
    {"WBEM_E_ACCESS_DENIED", 0x80041003}, {"WBEM_E_PROVIDER_FAILURE", 0x80041004},
    {"WBEM_E_TYPE_MISMATCH", 0x80041005}, {"WBEM_E_OUT_OF_MEMORY", 0x80041006},
    {"WBEM_E_INVALID_CONTEXT", 0x80041007}, {"WBEM_E_INVALID_PARAMETER", 0x80041008},
    {"WBEM_E_NOT_AVAILABLE", 0x80041009}, {"WBEM_E_CRITICAL_ERROR", 0x8004100A},
    {"WBEM_E_NOT_SUPPORTED", 0x8004100C}, {"WBEM_E_INVALID_NAMESPACE", 0x8004100E},
    {"WBEM_E_INVALID_OBJECT", 0x8004100F}, {"WBEM_E_INVALID_CLASS", 0x80041010},
    {"WBEM_E_TRANSPORT_FAILURE", 0x80041015}, {"WBEM_E_INVALID_QUERY", 0x80041017},
    {"WBEM_E_INVALID_QUERY_TYPE", 0x80041018}, {"WBEM_E_ALREADY_EXISTS", 0x80041019},
    {"WBEM_E_UNEXPECTED", 0x8004101D},    {"WBEM_E_INVALID_METHOD", 0x8004102E},
    {"WBEM_E_INVALID_METHOD_PARAMETERS", 0x8004102F}, {"WBEM_E_INVALID_PROPERTY", 0x80041031},
    {"WBEM_E_CALL_CANCELLED", 0x80041032}, {"WBEM_E_SHUTTING_DOWN", 0x80041033},
    {"WBEM_E_INVALID_OBJECT_PATH", 0x8004103A}, {"WBEM_E_SERVER_TOO_BUSY", 0x80041045},
    {"WBEM_E_METHOD_NOT_IMPLEMENTED", 0x80041055}, {"WBEM_E_QUOTA_VIOLATION", 0x8004106C},
    {"WBEM_E_TIMED_OUT", 0x80043001},     {"E_ACCESSDENIED", 0x80070005},
    {"E_NOTIMPL", 0x80004001},            {"REGDB_E_CLASSNOTREG", 0x80040154},
};

// The RPC statuses of fault PDUs a scenario most often scripts (MS-RPCE 3.x, Windows error codes).
constexpr NamedStatus kRpcStatuses[] = {
    {"nca_s_op_rng_error", 0x1C010002},   {"nca_s_unk_if", 0x1C010003},
    {"nca_s_proto_error", 0x1C01000B},    {"nca_s_fault_ndr", 0x000006F7},
    {"rpc_s_access_denied", 0x00000005},  {"rpc_s_server_too_busy", 0x000006BB},
    {"rpc_s_call_cancelled", 0x0000071A}, {"nca_s_fault_remote_no_memory", 0x1C000011},
    {"nca_s_fault_unspec", 0x1C000012},
};

template <size_t N>
bool ParseStatus(const YamlNode& node, const std::string& path, const NamedStatus (&names)[N], Reader* r,
                 std::uint32_t* out) {
  if (!node.IsScalar()) {
    r->Error(node, path, "expected a status name or number but found " + Describe(node));
    return false;
  }
  for (const NamedStatus& n : names) {
    if (n.name == node.text) {
      *out = n.value;
      return true;
    }
  }
  bool negative;
  std::uint64_t value;
  if (!node.text.empty() && std::isdigit(static_cast<unsigned char>(node.text[0])) &&
      ParseInteger(node.text, 0, UINT32_MAX, &negative, &value)) {
    *out = static_cast<std::uint32_t>(value);
    return true;
  }
  std::vector<std::string_view> candidates;
  for (const NamedStatus& n : names) candidates.push_back(n.name);
  std::string hint = NearestName(node.text, candidates);
  r->Error(node, path, "unknown status " + Describe(node) + " (a known name or a number such as 0x80041002)" +
                           (hint.empty() ? "" : "; did you mean " + hint + "?"));
  return false;
}

void ParseMatch(const YamlNode& node, const std::string& path, ParseContext* ctx, WmidcomMatch* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"interface", "method", "namespace", "contains", "user", "nth"})) return;
  if (const YamlNode* n = node.Find("interface")) r.Name(*n, JoinPath(path, "interface"), &out->interface_name);
  if (const YamlNode* n = node.Find("method")) r.Name(*n, JoinPath(path, "method"), &out->method);
  if (const YamlNode* n = node.Find("namespace")) r.Name(*n, JoinPath(path, "namespace"), &out->name_space);
  if (const YamlNode* n = node.Find("contains")) r.Name(*n, JoinPath(path, "contains"), &out->contains);
  if (const YamlNode* n = node.Find("user")) r.Name(*n, JoinPath(path, "user"), &out->user);
  if (const YamlNode* n = node.Find("nth"); n && r.Uint32(*n, JoinPath(path, "nth"), &out->nth) && out->nth == 0) {
    r.Error(*n, JoinPath(path, "nth"), "nth counts from 1");
  }
}

void ParseFault(const YamlNode& node, const std::string& path, size_t index, ParseContext* ctx,
                std::vector<WmidcomFault>* out) {
  Reader& r = ctx->reader;
  WmidcomFault f;
  f.mark = node.mark;
  f.name = "wmidcom.faults[" + std::to_string(index) + "]";
  if (!r.Map(node, path, {"name", "match", "hresult", "rpc_fault", "transport", "ms", "bytes", "times"})) return;
  if (const YamlNode* n = node.Find("name")) r.Name(*n, JoinPath(path, "name"), &f.name);
  if (const YamlNode* n = node.Find("match")) ParseMatch(*n, JoinPath(path, "match"), ctx, &f.match);
  int outcomes = 0;
  if (const YamlNode* n = node.Find("hresult")) {
    ++outcomes;
    std::uint32_t value;
    if (ParseStatus(*n, JoinPath(path, "hresult"), kWbemStatuses, &r, &value)) f.hresult = value;
  }
  if (const YamlNode* n = node.Find("rpc_fault")) {
    ++outcomes;
    std::uint32_t value;
    if (ParseStatus(*n, JoinPath(path, "rpc_fault"), kRpcStatuses, &r, &value)) f.rpc_fault = value;
  }
  if (const YamlNode* n = node.Find("transport")) {
    ++outcomes;
    size_t kind;
    if (r.Enum(*n, JoinPath(path, "transport"), {"reset_after_bind", "reset", "close", "garbage", "stall"}, &kind)) {
      f.transport = static_cast<WmidcomTransportKind>(kind);
      bool bind_only = f.transport == WmidcomTransportKind::kResetAfterBind;
      bool names_bind = f.match.method == "bind";
      if (bind_only != names_bind) {
        r.Error(*n, JoinPath(path, "transport"),
                bind_only ? "reset_after_bind needs match.method: bind"
                          : "a call fault cannot match method bind; use reset_after_bind");
      }
    }
  }
  if (outcomes != 1) r.Error(node, path, "give exactly one of hresult, rpc_fault or transport");
  if (const YamlNode* n = node.Find("ms")) r.Uint32(*n, JoinPath(path, "ms"), &f.ms);
  if (const YamlNode* n = node.Find("bytes")) r.Uint32(*n, JoinPath(path, "bytes"), &f.bytes);
  if (const YamlNode* n = node.Find("times")) r.Uint32(*n, JoinPath(path, "times"), &f.times);
  out->push_back(std::move(f));
}

}  // namespace

void ParseWmidcom(const YamlNode& node, const std::string& path, ParseContext* ctx, WmidcomConfig* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"object_port", "advertised_address", "authn_hint", "faults"})) return;
  if (const YamlNode* n = node.Find("object_port")) {
    std::uint64_t port;
    if (r.Uint(*n, JoinPath(path, "object_port"), 65535, &port)) out->object_port = static_cast<std::uint16_t>(port);
  }
  if (const YamlNode* n = node.Find("advertised_address")) {
    r.Name(*n, JoinPath(path, "advertised_address"), &out->advertised_address);
  }
  if (const YamlNode* n = node.Find("authn_hint")) {
    std::uint32_t hint;
    if (r.Uint32(*n, JoinPath(path, "authn_hint"), &hint)) {
      if (hint >= 1 && hint <= 6) out->authn_hint = hint;
      else r.Error(*n, JoinPath(path, "authn_hint"), "authn_hint is an RPC authentication level, 1 (none) to 6 (privacy)");
    }
  }
  const YamlNode* faults = node.Find("faults");
  std::string fpath = JoinPath(path, "faults");
  if (faults == nullptr || !r.Sequence(*faults, fpath)) return;
  for (size_t i = 0; i < faults->items.size(); ++i) ParseFault(faults->items[i], IndexPath(fpath, i), i, ctx, &out->faults);
}

}  // namespace cimulate::scenario
