// The WINRM handler's operations end with core::Outcome (core/outcome.h).
#ifndef CIMULATE_WINRM_OUTCOME_H_
#define CIMULATE_WINRM_OUTCOME_H_

#include "core/outcome.h"

namespace cimulate::winrm {

using core::Finish;
using core::Outcome;

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_OUTCOME_H_
