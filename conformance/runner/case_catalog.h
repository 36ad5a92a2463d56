// The cases of a run: every scenario in the files and folders given, in a
// stable order (sorted by file, then by position in the file), so shards and
// reports agree between runs and machines.
#ifndef CIMULATE_CONFORMANCE_RUNNER_CASE_CATALOG_H_
#define CIMULATE_CONFORMANCE_RUNNER_CASE_CATALOG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "result.h"
#include "scenario/scenario.h"

namespace cimulate::conform {

struct CaseRef {
  std::string file;       // the scenario file, as found
  std::size_t position = 0;  // 0-based index of the scenario within the file
  scenario::Scenario scenario;
};

// Loads every scenario of `paths` (files, or folders searched recursively
// for *.yaml and *.yml).  False with `errors` ("file:line:column: message")
// when a path is missing or a file does not validate; no case is run then.
bool LoadCases(const std::vector<std::string>& paths, std::vector<CaseRef>* cases,
               std::vector<std::string>* errors);

// A CaseResult with the case's identity filled in (name, summary, source,
// clause, strength, tags) and nothing else.
CaseResult DescribeCase(const CaseRef& ref);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_CASE_CATALOG_H_
