// CIM datetime literals in scenarios.
//
// Scenarios write timestamps and intervals either in the CIM (DMTF DSP0004)
// form MI uses, or in the XML Schema form WS-Man puts on the wire:
//   timestamp  20240131235959.123456+060    2024-01-31T23:59:59.123456+01:00  (or Z)
//   interval   00000001020304.000000:000    P1DT2H3M4S
// The WS-Man codec (wsman/time.h) reads the syntax; this layer adds what a
// scenario asks for beyond it: an xs:dateTime needs its date, time and zone,
// an xs:duration is carried into days/hours/minutes/seconds, and every field is
// range-checked (month 1-12, the day exists in that month, ...), because a value
// the fake cannot serialise must fail at load time, not mid-test.
// wsman::FormatCimDatetime writes a parsed value back in the CIM form.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_DATETIME_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_DATETIME_H_

#include <string>
#include <string_view>

#include "MI.h"

namespace cimulate::scenario {

// Parses `text`; on failure returns false and says why in `*error`.
bool ParseDatetime(std::string_view text, MI_Datetime* out, std::string* error);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_DATETIME_H_
