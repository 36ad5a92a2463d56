#include "scenario/yaml_tree.h"

#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace cimulate::scenario {
namespace {

Mark ToMark(const YAML::Mark& mark) {
  // yaml-cpp counts from 0 and uses -1 for "unknown".
  return Mark{mark.line < 0 ? 1 : mark.line + 1, mark.column < 0 ? 1 : mark.column + 1};
}

// Thrown from the event handler to stop yaml-cpp at the first fatal problem;
// the problem itself is already in the diagnostics.
struct StopParsing {};

// Builds YamlNode trees from yaml-cpp events.  Containers under construction
// live on `stack_`; a finished node is appended to its parent.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const YamlLimits& limits, Diagnostics* diagnostics)
      : limits_(limits), diagnostics_(diagnostics) {}

  std::vector<YamlNode>& documents() { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_.size() >= limits_.max_documents) {
      Fail(ToMark(mark), "too many documents (limit " + std::to_string(limits_.max_documents) + ")");
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node = Start(mark, anchor);
    Finish(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { RejectAnchor(ToMark(mark)); }

  void OnAnchor(const YAML::Mark& mark, const std::string&) override { RejectAnchor(ToMark(mark)); }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node = Start(mark, anchor);
    CheckTag(mark, tag, /*scalar=*/true);
    node.kind = YamlNode::Kind::kScalar;
    node.text = value;
    node.quoted = tag != "?";
    Finish(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, tag, anchor, YamlNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, tag, anchor, YamlNode::Kind::kMap);
  }
  void OnMapEnd() override {
    CheckDuplicateKeys(stack_.back().node);
    Close();
  }

 private:
  struct Open_ {
    YamlNode node;
    bool have_key = false;  // maps: a key is waiting for its value
    YamlNode key;
  };

  [[noreturn]] void Fail(Mark mark, std::string message) {
    diagnostics_->Add(mark, std::move(message));
    throw StopParsing{};
  }

  void RejectAnchor(Mark mark) {
    // Refusing anchors outright is what makes alias bombs fail at once.
    Fail(mark, "YAML anchors and aliases are not supported in scenarios");
  }

  void CheckTag(const YAML::Mark& mark, const std::string& tag, bool scalar) {
    if (tag == "?" || tag == "!" || tag.empty()) return;
    if (scalar && tag == "tag:yaml.org,2002:str") return;
    Fail(ToMark(mark), "YAML tag \"" + tag + "\" is not supported in scenarios");
  }

  YamlNode Start(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) RejectAnchor(ToMark(mark));
    if (++nodes_ > limits_.max_nodes) {
      Fail(ToMark(mark), "document has too many nodes (limit " + std::to_string(limits_.max_nodes) + ")");
    }
    YamlNode node;
    node.mark = ToMark(mark);
    return node;
  }

  void Open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    YamlNode node = Start(mark, anchor);
    CheckTag(mark, tag, /*scalar=*/false);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      Fail(node.mark, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels");
    }
    node.kind = kind;
    stack_.push_back(Open_{std::move(node), false, YamlNode{}});
  }

  void Close() {
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    Finish(std::move(node));
  }

  // Hands a complete node to its parent, or makes it a document.
  void Finish(YamlNode node) {
    if (stack_.empty()) {
      documents_.push_back(std::move(node));
      return;
    }
    Open_& parent = stack_.back();
    if (parent.node.IsSequence()) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.have_key) {
      if (!node.IsScalar()) Fail(node.mark, "map keys must be plain scalars, found " + Describe(node));
      parent.key = std::move(node);
      parent.have_key = true;
    } else {
      parent.node.entries.emplace_back(std::move(parent.key), std::move(node));
      parent.have_key = false;
    }
  }

  void CheckDuplicateKeys(const YamlNode& map) {
    std::unordered_map<std::string_view, const YamlNode*> seen;
    for (const auto& [key, value] : map.entries) {
      auto [it, inserted] = seen.emplace(key.text, &key);
      if (!inserted) {
        const Mark& first = it->second->mark;
        diagnostics_->Add(key.mark, "duplicate key \"" + key.text + "\" (first defined at line " +
                                        std::to_string(first.line) + ", column " +
                                        std::to_string(first.column) + ")");
      }
    }
  }

  const YamlLimits& limits_;
  Diagnostics* diagnostics_;
  std::vector<Open_> stack_;
  std::vector<YamlNode> documents_;
  size_t nodes_ = 0;
};

}  // namespace

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.text == key) return &v;
  }
  return nullptr;
}

std::string Describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull: return "null";
    case YamlNode::Kind::kSequence: return "a sequence";
    case YamlNode::Kind::kMap: return "a map";
    case YamlNode::Kind::kScalar: break;
  }
  std::string shown = node.text.size() > 60 ? node.text.substr(0, 57) + "..." : node.text;
  return "\"" + shown + "\"";
}

bool ParseYaml(std::string_view text, const YamlLimits& limits, Diagnostics* diagnostics,
               std::vector<YamlNode>* documents) {
  size_t errors_before = diagnostics->count();
  if (text.size() > limits.max_bytes) {
    diagnostics->Add(Mark{}, "file is " + std::to_string(text.size()) + " bytes, larger than the limit of " +
                                 std::to_string(limits.max_bytes) + " bytes");
    return false;
  }
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(limits, diagnostics);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing&) {
    return false;
  } catch (const YAML::Exception& e) {
    diagnostics->Add(ToMark(e.mark), "YAML syntax error: " + e.msg);
    return false;
  } catch (const std::exception& e) {
    diagnostics->Add(Mark{}, std::string("YAML reader failed: ") + e.what());
    return false;
  }
  if (diagnostics->count() != errors_before) return false;
  *documents = std::move(builder.documents());
  return true;
}

}  // namespace cimulate::scenario
