#include "scenario/loader.h"

#include <fstream>
#include <set>

#include "scenario/parse.h"

namespace cimulate::scenario {
namespace {

std::string Quote(const std::string& text) { return "\"" + text + "\""; }

void ParseSpec(const YamlNode& node, const std::string& path, ParseContext* ctx, Scenario* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"clause", "strength"})) return;
  SpecClause spec;
  if (const YamlNode* c = r.Required(node, path, "clause")) r.Name(*c, JoinPath(path, "clause"), &spec.clause);
  size_t index;
  if (const YamlNode* s = r.Required(node, path, "strength");
      s && r.Enum(*s, JoinPath(path, "strength"), {"MUST", "SHOULD", "MAY"}, &index)) {
    spec.strength = static_cast<Strength>(index);
  }
  out->spec = std::move(spec);
}

void ParseTls(const YamlNode& node, const std::string& path, ParseContext* ctx, Endpoint* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"cert", "key"})) return;
  TlsConfig tls;
  const YamlNode* cert = r.Required(node, path, "cert");
  const YamlNode* key = r.Required(node, path, "key");
  if (cert && key && r.Name(*cert, JoinPath(path, "cert"), &tls.cert) && r.Name(*key, JoinPath(path, "key"), &tls.key)) {
    out->tls = std::move(tls);
  }
}

// Sections are read in dependency order: data and state machines before the
// rules and steps that refer to them.
void ParseEndpoint(const YamlNode& node, const std::string& path, ParseContext* ctx, Endpoint* out) {
  Reader& r = ctx->reader;
  if (!r.Map(node, path, {"listeners", "auth", "tls", "data", "state_machines", "rules", "connection_faults", "shell",
                           "wmidcom"})) {
    return;
  }
  if (const YamlNode* n = node.Find("listeners")) ParseListeners(*n, JoinPath(path, "listeners"), ctx, &out->listeners);
  if (const YamlNode* n = node.Find("tls")) {
    ParseTls(*n, JoinPath(path, "tls"), ctx, out);
    const YamlNode* listeners = node.Find("listeners");
    if (out->tls && (listeners == nullptr || listeners->Find("winrm_https") == nullptr)) {
      out->listeners.winrm_https.enabled = true;
    }
  }
  if (const YamlNode* n = node.Find("auth")) ParseAuth(*n, JoinPath(path, "auth"), ctx, &out->auth);
  if (const YamlNode* n = node.Find("data")) ParseData(*n, JoinPath(path, "data"), ctx, &out->data);
  ctx->data = &out->data;
  ResolveReferences(ctx);
  if (const YamlNode* n = node.Find("state_machines")) {
    ParseStateMachines(*n, JoinPath(path, "state_machines"), ctx, &out->state_machines);
  }
  if (const YamlNode* n = node.Find("rules")) ParseRules(*n, JoinPath(path, "rules"), *out, ctx, &out->rules);
  ResolveReferences(ctx);  // references inside method output values
  if (const YamlNode* n = node.Find("connection_faults")) {
    ParseConnectionFaults(*n, JoinPath(path, "connection_faults"), ctx, &out->connection_faults);
  }
  if (const YamlNode* n = node.Find("shell")) ParseShell(*n, JoinPath(path, "shell"), ctx, &out->shell);
  if (const YamlNode* n = node.Find("wmidcom")) ParseWmidcom(*n, JoinPath(path, "wmidcom"), ctx, &out->wmidcom);
}

void ParseScenario(const YamlNode& node, ParseContext* ctx, Scenario* out) {
  Reader& r = ctx->reader;
  out->mark = node.mark;
  if (!r.Map(node, "", {"name", "summary", "spec", "tags", "seed", "endpoint", "steps"})) return;
  if (const YamlNode* n = r.Required(node, "", "name")) r.Name(*n, "name", &out->name);
  if (const YamlNode* n = node.Find("summary")) r.String(*n, "summary", &out->summary);
  if (const YamlNode* n = node.Find("spec")) ParseSpec(*n, "spec", ctx, out);
  if (const YamlNode* n = node.Find("tags")) r.StringList(*n, "tags", &out->tags);
  if (const YamlNode* n = node.Find("seed")) {
    std::uint64_t seed;
    if (r.Uint(*n, "seed", UINT64_MAX, &seed)) out->seed = seed;
  }
  DataSet empty;
  ctx->data = &empty;
  if (const YamlNode* n = node.Find("endpoint")) ParseEndpoint(*n, "endpoint", ctx, &out->endpoint);
  ctx->data = &out->endpoint.data;
  if (const YamlNode* n = node.Find("steps")) ParseSteps(*n, "steps", out->endpoint, ctx, &out->steps);
  ResolveReferences(ctx);
  ctx->data = nullptr;
}

}  // namespace

LoadResult LoadScenarios(std::string_view text, const std::string& display_name, const LoadOptions& options) {
  Diagnostics diagnostics(display_name, options.max_errors);
  std::vector<YamlNode> documents;
  std::vector<Scenario> scenarios;
  if (ParseYaml(text, options.limits, &diagnostics, &documents)) {
    if (documents.empty()) diagnostics.Add(Mark{}, "the file holds no scenario");
    std::set<std::string> names;
    scenarios.reserve(documents.size());
    for (const YamlNode& doc : documents) {
      ParseContext ctx(&diagnostics);
      scenarios.emplace_back();
      scenarios.back().source = display_name;
      ParseScenario(doc, &ctx, &scenarios.back());
      const std::string& name = scenarios.back().name;
      if (!name.empty() && !names.insert(name).second) {
        ctx.reader.Error(*doc.Find("name"), "name", "duplicate scenario name " + Quote(name) + " in this file");
      }
    }
  }
  LoadResult result;
  result.errors = diagnostics.errors();
  result.error_count = diagnostics.count();
  if (result.ok()) result.scenarios = std::move(scenarios);
  return result;
}

LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back(Diagnostic{path, Mark{}, "cannot open the file"});
    result.error_count = 1;
    return result;
  }
  // Read one byte past the limit so an oversize file is reported, never read whole.
  std::string text(options.limits.max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  return LoadScenarios(text, path, options);
}

}  // namespace cimulate::scenario
