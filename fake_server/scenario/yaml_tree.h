// A bounded, position-keeping YAML reader.
//
// yaml-cpp's node API loses the difference between `123` and "123", shares
// aliased nodes (a "billion laughs" document expands when walked), and keeps
// the last of duplicate keys silently.  Scenarios are read through yaml-cpp's
// event parser instead, into this small tree that records every node's mark and
// whether a scalar was quoted, rejects anchors and aliases at the first one, and
// bounds input size, nesting depth and node count, so no input can make the
// loader crash, hang or exhaust memory.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_YAML_TREE_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_YAML_TREE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/diagnostics.h"

namespace cimulate::scenario {

struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };

  Kind kind = Kind::kNull;
  Mark mark;
  std::string text;     // scalars only
  bool quoted = false;  // quoted or block scalar, or tagged !!str: always a string
  std::vector<YamlNode> items;                          // sequences
  std::vector<std::pair<YamlNode, YamlNode>> entries;  // maps: key, value

  bool IsNull() const { return kind == Kind::kNull; }
  bool IsScalar() const { return kind == Kind::kScalar; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  bool IsMap() const { return kind == Kind::kMap; }
  // The value of `key` in a map, nullptr if absent or not a map.
  const YamlNode* Find(std::string_view key) const;
};

struct YamlLimits {
  size_t max_bytes = 4 * 1024 * 1024;
  int max_depth = 64;
  size_t max_nodes = 500000;
  size_t max_documents = 256;
};

// Parses every document of `text` into `documents`.  On failure reports to
// `diagnostics` (syntax errors with yaml-cpp's position, limits, anchors,
// aliases, unsupported tags, duplicate and non-scalar keys) and returns false.
bool ParseYaml(std::string_view text, const YamlLimits& limits, Diagnostics* diagnostics,
               std::vector<YamlNode>* documents);

// "a map", "a sequence", "null", or the scalar quoted: how errors name a node.
std::string Describe(const YamlNode& node);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_YAML_TREE_H_
