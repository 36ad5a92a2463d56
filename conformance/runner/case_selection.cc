#include "runner/case_selection.h"

#include <fnmatch.h>

#include <charconv>

namespace cimulate::conform {
namespace {

bool Glob(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

bool ParseCount(std::string_view text, std::size_t* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool CaseFilter::Parse(const std::string& expression, CaseFilter* out, std::string* error) {
  *out = CaseFilter();
  if (expression.empty()) return true;
  std::size_t start = 0;
  while (start <= expression.size()) {
    std::size_t comma = expression.find(',', start);
    std::string term = expression.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (term.empty()) {
      *error = "filter '" + expression + "': empty term";
      return false;
    }
    if (term.rfind("tag:", 0) == 0) {
      if (term.size() == 4) {
        *error = "filter '" + expression + "': 'tag:' needs a glob";
        return false;
      }
      out->tag_globs_.push_back(term.substr(4));
    } else {
      out->name_globs_.push_back(term);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return true;
}

bool CaseFilter::Matches(const scenario::Scenario& s) const {
  if (name_globs_.empty() && tag_globs_.empty()) return true;
  for (const std::string& glob : name_globs_) {
    if (Glob(glob, s.name)) return true;
  }
  for (const std::string& glob : tag_globs_) {
    for (const std::string& tag : s.tags) {
      if (Glob(glob, tag)) return true;
    }
  }
  return false;
}

bool ParseShard(const std::string& text, Shard* out, std::string* error) {
  std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos || !ParseCount(std::string_view(text).substr(0, slash), &shard.index) ||
      !ParseCount(std::string_view(text).substr(slash + 1), &shard.count) || shard.count == 0 ||
      shard.index == 0 || shard.index > shard.count) {
    *error = "shard '" + text + "': expected K/N with 1 <= K <= N";
    return false;
  }
  *out = shard;
  return true;
}

std::vector<CaseRef> SelectCases(std::vector<CaseRef> cases, const CaseFilter& filter, const Shard& shard) {
  std::vector<CaseRef> selected;
  std::size_t position = 0;
  for (CaseRef& ref : cases) {
    if (!filter.Matches(ref.scenario)) continue;
    if (position++ % shard.count == shard.index - 1) selected.push_back(std::move(ref));
  }
  return selected;
}

}  // namespace cimulate::conform
