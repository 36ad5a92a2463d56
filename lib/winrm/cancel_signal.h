// The WINRM handler's operations are cancelled through core::CancelSignal
// (core/cancel_signal.h).
#ifndef CIMULATE_WINRM_CANCEL_SIGNAL_H_
#define CIMULATE_WINRM_CANCEL_SIGNAL_H_

#include "core/cancel_signal.h"

namespace cimulate::winrm {

using core::CancelSignal;

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_CANCEL_SIGNAL_H_
