// The WMIDCOM handler's operations end with core::Outcome (core/outcome.h).
#ifndef CIMULATE_WMIDCOM_OUTCOME_H_
#define CIMULATE_WMIDCOM_OUTCOME_H_

#include "core/outcome.h"

namespace cimulate::wmidcom {

using core::Finish;
using core::Outcome;

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_OUTCOME_H_
