#include "report/merge.h"

#include <charconv>
#include <set>
#include <unordered_map>

namespace cimulate::conform {
namespace {

std::string ShardLabel(const RunReport& shard, std::size_t position) {
  return shard.shard.empty() ? "report #" + std::to_string(position + 1) : "shard " + shard.shard;
}

// Reads "K/N"; false for anything else.
bool ParseShard(const std::string& text, int* k, int* n) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return false;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto [k_end, k_ec] = std::from_chars(begin, begin + slash, *k);
  auto [n_end, n_ec] = std::from_chars(begin + slash + 1, end, *n);
  return k_ec == std::errc() && n_ec == std::errc() && k_end == begin + slash && n_end == end &&
         *k >= 1 && *k <= *n;
}

// Empty when the shards are exactly 1/N..N/N; otherwise their labels joined.
std::string MergedShardLabel(const std::vector<RunReport>& shards) {
  std::set<int> seen;
  int total = -1;
  bool complete = true;
  std::string joined;
  for (const RunReport& shard : shards) {
    if (!shard.shard.empty()) joined += (joined.empty() ? "" : ",") + shard.shard;
    int k = 0, n = 0;
    if (!ParseShard(shard.shard, &k, &n) || (total != -1 && n != total)) complete = false;
    total = n;
    seen.insert(k);
  }
  if (complete && static_cast<int>(seen.size()) == total &&
      static_cast<int>(shards.size()) == total) {
    return "";
  }
  return joined;
}

}  // namespace

bool MergeShards(const std::vector<RunReport>& shards, RunReport* merged, std::string* error) {
  if (shards.empty()) {
    *error = "no reports to merge";
    return false;
  }
  RunReport out;
  out.implementation = shards.front().implementation;
  std::unordered_map<std::string, std::size_t> shard_of_case;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    const RunReport& shard = shards[i];
    if (shard.implementation != out.implementation) {
      *error = ShardLabel(shard, i) + " is of implementation \"" + shard.implementation +
               "\", not \"" + out.implementation +
               "\"; merge shards of one implementation, and compare implementations in a matrix";
      return false;
    }
    if (!shard.started_at.empty() &&
        (out.started_at.empty() || shard.started_at < out.started_at)) {
      out.started_at = shard.started_at;
    }
    out.duration_us += shard.duration_us;
    for (const CaseResult& result : shard.cases) {
      auto [it, inserted] = shard_of_case.emplace(result.name, i);
      if (!inserted) {
        *error = "case \"" + result.name + "\" is " +
                 (it->second == i ? "twice in " + ShardLabel(shard, i)
                                  : "in both " + ShardLabel(shards[it->second], it->second) +
                                        " and " + ShardLabel(shard, i));
        return false;
      }
      out.cases.push_back(result);
    }
  }
  out.shard = MergedShardLabel(shards);
  *merged = std::move(out);
  return true;
}

}  // namespace cimulate::conform
