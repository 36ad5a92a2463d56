// Typed access to a YamlNode tree that reports every mismatch with its path
// and position.  The parse_*.cc files build the scenario model through it.
//
// Conventions: a reader returns false after reporting, and leaves `*out`
// untouched; paths are written as "rules[2].match.action" (indexes 0-based).
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_READER_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_READER_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostics.h"
#include "scenario/yaml_tree.h"

namespace cimulate::scenario {

std::string JoinPath(const std::string& path, std::string_view key);
std::string IndexPath(const std::string& path, size_t index);

// The closest of `candidates` to `word` if it is a plausible typo, else "".
std::string NearestName(std::string_view word, const std::vector<std::string_view>& candidates);

class Reader {
 public:
  explicit Reader(Diagnostics* diagnostics) : diagnostics_(diagnostics) {}

  void Error(const YamlNode& node, const std::string& path, const std::string& message);
  void ErrorAt(Mark mark, const std::string& path, const std::string& message);
  Diagnostics* diagnostics() { return diagnostics_; }

  // A map whose keys are all in `allowed` (others are reported as typos).
  bool Map(const YamlNode& node, const std::string& path, std::initializer_list<std::string_view> allowed);
  // A map with arbitrary (data) keys.
  bool AnyMap(const YamlNode& node, const std::string& path);
  bool Sequence(const YamlNode& node, const std::string& path);
  // A present key of a checked map; reports it missing otherwise.
  const YamlNode* Required(const YamlNode& map, const std::string& path, std::string_view key);

  bool String(const YamlNode& node, const std::string& path, std::string* out);
  // A non-empty string.
  bool Name(const YamlNode& node, const std::string& path, std::string* out);
  bool Bool(const YamlNode& node, const std::string& path, bool* out);
  bool Uint(const YamlNode& node, const std::string& path, std::uint64_t max, std::uint64_t* out);
  bool Uint32(const YamlNode& node, const std::string& path, std::uint32_t* out);
  bool Int(const YamlNode& node, const std::string& path, std::int64_t min, std::int64_t max, std::int64_t* out);
  bool Real(const YamlNode& node, const std::string& path, double* out);
  // One of `names` (exact spelling); `*index` is its position.
  bool Enum(const YamlNode& node, const std::string& path, const std::vector<std::string_view>& names,
            size_t* index);
  bool StringList(const YamlNode& node, const std::string& path, std::vector<std::string>* out);

 private:
  Diagnostics* diagnostics_;
};

// Parses a plain YAML integer (decimal, or 0x hex) into the given range.
bool ParseInteger(std::string_view text, std::int64_t min, std::uint64_t max, bool* negative,
                  std::uint64_t* magnitude);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_READER_H_
