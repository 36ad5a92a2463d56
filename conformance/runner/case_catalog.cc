#include "runner/case_catalog.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "scenario/loader.h"

namespace cimulate::conform {
namespace {

namespace fs = std::filesystem;

bool IsScenarioFile(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Expands folders into their scenario files; keeps the order files were given
// in only for sorting ties, which cannot happen since paths are unique.
bool CollectFiles(const std::vector<std::string>& paths, std::vector<std::string>* files,
                  std::vector<std::string>* errors) {
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsScenarioFile(it->path())) files->push_back(it->path().string());
      }
      if (ec) errors->push_back(path + ": " + ec.message());
    } else if (fs::is_regular_file(path, ec)) {
      files->push_back(path);
    } else {
      errors->push_back(path + ": no such scenario file or folder");
    }
  }
  std::sort(files->begin(), files->end());
  files->erase(std::unique(files->begin(), files->end()), files->end());
  return errors->empty();
}

}  // namespace

bool LoadCases(const std::vector<std::string>& paths, std::vector<CaseRef>* cases,
               std::vector<std::string>* errors) {
  std::vector<std::string> files;
  if (!CollectFiles(paths, &files, errors)) return false;
  for (const std::string& file : files) {
    scenario::LoadResult loaded = scenario::LoadScenarioFile(file);
    if (!loaded.ok()) {
      for (const scenario::Diagnostic& d : loaded.errors) errors->push_back(d.ToString());
      if (loaded.error_count > loaded.errors.size()) {
        errors->push_back(file + ": " + std::to_string(loaded.error_count - loaded.errors.size()) +
                          " more errors");
      }
      continue;
    }
    for (std::size_t i = 0; i < loaded.scenarios.size(); ++i) {
      cases->push_back(CaseRef{file, i, std::move(loaded.scenarios[i])});
    }
  }
  return errors->empty();
}

CaseResult DescribeCase(const CaseRef& ref) {
  const scenario::Scenario& s = ref.scenario;
  CaseResult result;
  result.name = s.name;
  result.summary = s.summary;
  result.source = ref.file;
  result.tags = s.tags;
  if (s.spec) {
    result.clause = s.spec->clause;
    result.strength = s.spec->strength == scenario::Strength::kShould ? Strength::kShould
                      : s.spec->strength == scenario::Strength::kMay  ? Strength::kMay
                                                                      : Strength::kMust;
  }
  if (s.seed) result.seed = *s.seed;
  return result;
}

}  // namespace cimulate::conform
