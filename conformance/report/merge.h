// Merging the reports of one implementation's shards (`--shard K/N` on N CI
// runners) back into one run.
#ifndef CIMULATE_CONFORMANCE_REPORT_MERGE_H_
#define CIMULATE_CONFORMANCE_REPORT_MERGE_H_

#include <string>
#include <vector>

#include "result.h"

namespace cimulate::conform {

// Concatenates the shards' cases in the order given.  The merged run takes
// the implementation (every shard must name the same one), the earliest
// start time, the sum of the shards' durations (the time they spent, not the
// wall time of parallel runners), and a shard label that is empty when the
// shards are exactly 1/N..N/N and otherwise lists them ("1/4,3/4").
// Fails, with a message naming the case and both shards, when a case appears
// twice (the same shard given twice, or shards of different splits), or when
// the implementations differ, or when there is nothing to merge.
bool MergeShards(const std::vector<RunReport>& shards, RunReport* merged, std::string* error);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_MERGE_H_
