// Which cases a run executes: --filter (globs on names and tags) and
// --shard K/N (every Nth case of the stable order, starting at K-1).
//
// A filter is a comma-separated list of terms; a case is selected when any
// term matches.  A term is a glob (fnmatch: *, ?, [...]) on the case name,
// or "tag:GLOB" on any of its tags.  An empty filter selects everything.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CASE_SELECTION_H_
#define CIMULATE_CONFORMANCE_RUNNER_CASE_SELECTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "runner/case_catalog.h"

namespace cimulate::conform {

class CaseFilter {
 public:
  // False with `error` when a term is empty ("a,,b") or names no glob.
  static bool Parse(const std::string& expression, CaseFilter* out, std::string* error);

  bool Matches(const scenario::Scenario& s) const;

 private:
  std::vector<std::string> name_globs_;
  std::vector<std::string> tag_globs_;
};

struct Shard {
  std::size_t index = 1;  // K, 1-based
  std::size_t count = 1;  // N
};
// "K/N" with 1 <= K <= N.
bool ParseShard(const std::string& text, Shard* out, std::string* error);

// Keeps the cases the filter matches, then those of the shard; the order of
// `cases` is kept.  The shard picks by position among the filtered cases.
std::vector<CaseRef> SelectCases(std::vector<CaseRef> cases, const CaseFilter& filter, const Shard& shard);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CASE_SELECTION_H_
