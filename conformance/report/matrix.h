// The cross-implementation matrix (as Autobahn's report): which cases each
// implementation passes, side by side.
#ifndef CIMULATE_CONFORMANCE_REPORT_MATRIX_H_
#define CIMULATE_CONFORMANCE_REPORT_MATRIX_H_

#include <string>
#include <vector>

#include "result.h"

namespace cimulate::conform {

// One self-contained page: a summary table with a row per implementation
// (counts by verdict, MUST failures, SHOULD/MAY failures, outcome), then the
// matrix: a row per case (the union of all runs' cases, in order of first
// appearance), with its clause and strength, and a column per run.  A cell
// shows the verdict in colour; one that did not pass expands to its reason;
// a case a run did not have shows "-".  The last row counts each
// implementation's passes.  Runs are columns in the order given; two runs
// with the same implementation name get "#2", "#3" suffixes (merge shards
// with MergeShards first).
std::string ToMatrixHtml(const std::vector<RunReport>& runs);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_MATRIX_H_
