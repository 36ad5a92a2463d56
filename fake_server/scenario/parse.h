// Internal: the pieces of the scenario loader, one per top-level section.
// Each reports through ctx->reader and fills its part of the model; the
// loader runs cross-reference checks once every section is read.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_PARSE_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_PARSE_H_

#include <string>
#include <vector>

#include "scenario/data.h"
#include "scenario/endpoint.h"
#include "scenario/reader.h"
#include "scenario/steps.h"
#include "scenario/value.h"
#include "scenario/yaml_tree.h"

namespace cimulate::scenario {

// A reference value waiting for every instance to be read (forward references are fine).
struct PendingReference {
  std::string id;
  std::string name_space;
  std::string required_class;  // the declared reference class, or empty
  std::string path;
  Mark mark;
};

struct ParseContext {
  explicit ParseContext(Diagnostics* diagnostics) : reader(diagnostics) {}
  Reader reader;
  const DataSet* data = nullptr;  // set once classes are read
  std::vector<PendingReference> references;
};

// data: namespace -> {classes, instances}
void ParseData(const YamlNode& node, const std::string& path, ParseContext* ctx, DataSet* out);

// A value of declared type `decl.type` (and class `decl.class_name` for references and instances).
bool ParseTypedValue(const YamlNode& node, const std::string& path, const PropertyDecl& decl,
                     const std::string& name_space, ParseContext* ctx, Value* out);

// A map of property name -> value, typed by `decls`; unknown names are errors.
void ParseProperties(const YamlNode& node, const std::string& path, const std::vector<const PropertyDecl*>& decls,
                     const std::string& name_space, ParseContext* ctx, std::vector<PropertyValue>* out);

// Checks every pending reference names an instance of the right class.
void ResolveReferences(ParseContext* ctx);

void ParseListeners(const YamlNode& node, const std::string& path, ParseContext* ctx, Listeners* out);
void ParseAuth(const YamlNode& node, const std::string& path, ParseContext* ctx, AuthConfig* out);
void ParseStateMachines(const YamlNode& node, const std::string& path, ParseContext* ctx,
                        std::vector<StateMachine>* out);
void ParseRules(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                std::vector<Rule>* out);
void ParseConnectionFaults(const YamlNode& node, const std::string& path, ParseContext* ctx,
                           std::vector<ConnectionFault>* out);
void ParseShell(const YamlNode& node, const std::string& path, ParseContext* ctx, ShellScript* out);
void ParseWmidcom(const YamlNode& node, const std::string& path, ParseContext* ctx, WmidcomConfig* out);
void ParseSteps(const YamlNode& node, const std::string& path, const Endpoint& endpoint, ParseContext* ctx,
                std::vector<StepEntry>* out);

// Shared by rules and connection faults.
bool ParseTransportFault(const YamlNode& node, const std::string& path, bool connection_level, ParseContext* ctx,
                         TransportFault* out);
bool ParseListenerKind(const YamlNode& node, const std::string& path, ParseContext* ctx, ListenerKind* out);
bool ParseAction(const YamlNode& node, const std::string& path, ParseContext* ctx, Action* action,
                 std::string* uri);
bool ParseNameValues(const YamlNode& node, const std::string& path, ParseContext* ctx, std::vector<NameValue>* out);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_PARSE_H_
