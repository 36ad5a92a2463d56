// The HTML page of one run: what a person opens from a CI artifact.
//
// One self-contained page: the run's facts and outcome; counts by verdict;
// counts by strength, with MUST failures (which fail the run) apart from
// SHOULD/MAY failures (which do not); then every case as a row (verdict
// colour, name, clause, strength, duration, reason) that expands to its
// steps, the checks each made (expected vs actual, where), stacks and
// output.  A few lines of inline script filter rows by verdict and text; the
// page reads fine without it.  Every piece of text is escaped.
#ifndef CIMULATE_CONFORMANCE_REPORT_HTML_H_
#define CIMULATE_CONFORMANCE_REPORT_HTML_H_

#include <string>

#include "result.h"

namespace cimulate::conform {

std::string ToHtml(const RunReport& report);

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_REPORT_HTML_H_
